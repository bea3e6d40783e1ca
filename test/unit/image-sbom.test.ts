/**
 * The image SBOM's pure parts: the package database parsers (dpkg status,
 * apk installed, DEP-5 copyright, os-release, the bzImage version), the
 * debugfs output parsers with hostile names, purls, licenses, the overlay
 * diff, and the CycloneDX document itself checked against the 1.6 schema.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { validateSbom } from '../../shared/deps/sbom.ts';
import { DataError } from '../../shared/errors.ts';
import { debugfsQuote } from '../../shared/image-fs/debugfs.ts';
import { imagePath, parseLsP, parseStat } from '../../shared/image-fs/image-root.ts';
import {
  bzImageVersion,
  dep5Licenses,
  parseApkInstalled,
  parseDpkgStatus,
  parseOsRelease,
  type InstalledSoftware,
} from '../../shared/image-fs/installed-packages.ts';
import {
  buildImageSbom,
  imageSbomDocument,
  overlayChanges,
  packagePurl,
  PROP,
} from '../../shared/sbom/image-sbom.ts';
import { cyclonedxLicenses, spdxIdOf } from '../../shared/sbom/licenses.ts';
import { serializeSbom } from '../../shared/deps/sbom.ts';

const STATUS = `Package: bsdutils
Status: install ok installed
Priority: required
Architecture: amd64
Source: util-linux (2.38.1-5+deb12u3)
Version: 1:2.38.1-5+deb12u3
Description: basic utilities from 4.4BSD-Lite
 This package contains the bare minimum of BSD utilities.
 .
 Package: not-a-package

Package: held
Status: hold ok installed
Architecture: all
Version: 1.0

Package: removed
Status: deinstall ok config-files
Architecture: amd64
Version: 2.0

Package: libc6
Status: install ok installed
Architecture: i386
Source: glibc
Version: 2.36-9+deb12u9

Package: libc6
Status: install ok installed
Architecture: amd64
Source: glibc
Version: 2.36-9+deb12u9
`;

describe('dpkg status', () => {
  it('keeps installed and held packages, with source name and version', () => {
    const p = parseDpkgStatus(STATUS, '/var/lib/dpkg/status');
    assert.deepEqual(
      p.map((x) => `${x.name}:${x.arch}=${x.version} <${x.source.name}@${x.source.version}>`),
      [
        'bsdutils:amd64=1:2.38.1-5+deb12u3 <util-linux@2.38.1-5+deb12u3>',
        'held:all=1.0 <held@1.0>',
        'libc6:amd64=2.36-9+deb12u9 <glibc@2.36-9+deb12u9>',
        'libc6:i386=2.36-9+deb12u9 <glibc@2.36-9+deb12u9>',
      ],
    );
  });
  it('refuses an installed package without a version, naming the file', () => {
    assert.throws(
      () =>
        parseDpkgStatus(
          'Package: x\nStatus: install ok installed\nArchitecture: all\n',
          '/var/lib/dpkg/status',
        ),
      (e: Error) => e instanceof DataError && /\/var\/lib\/dpkg\/status.*'x' has no Version/.test(e.message),
    );
  });
});

describe('apk installed', () => {
  it('reads name, version, arch, license and origin', () => {
    const p = parseApkInstalled(
      'C:Q1abc=\nP:musl\nV:1.2.5-r0\nA:x86_64\nL:MIT\no:musl\n\nP:ssl_client\nV:3.3.2-r0\nA:x86_64\nL:Apache-2.0\no:openssl\n',
      '/lib/apk/db/installed',
    );
    assert.deepEqual(p, [
      {
        name: 'musl',
        version: '1.2.5-r0',
        arch: 'x86_64',
        source: { name: 'musl', version: '1.2.5-r0' },
        licenses: ['MIT'],
      },
      {
        name: 'ssl_client',
        version: '3.3.2-r0',
        arch: 'x86_64',
        source: { name: 'openssl', version: '3.3.2-r0' },
        licenses: ['Apache-2.0'],
      },
    ]);
  });
});

describe('DEP-5 copyright', () => {
  it('collects License short names of a machine-readable file', () => {
    const text = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: x

Files: *
Copyright: 2000 A
License: GPL-2+
 This program is free software...

Files: lib/*
License: BSD-3-clause or Expat

License: GPL-2+
 Full text.
`;
    assert.deepEqual(dep5Licenses(text), ['BSD-3-clause or Expat', 'GPL-2+']);
  });
  it('gives nothing for a free-form copyright file', () => {
    assert.deepEqual(dep5Licenses("This is Debian's prepackaged version.\nLicense: GPL\n"), []);
  });
});

describe('os-release and kernel', () => {
  it('parses quoted values', () => {
    assert.deepEqual(
      parseOsRelease(
        'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n',
      ),
      { id: 'debian', versionId: '12', codename: 'bookworm', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
    );
    assert.deepEqual(parseOsRelease(''), { id: 'unknown', versionId: '' });
  });
  it('reads the release from a bzImage setup header', () => {
    const img = Buffer.alloc(0x800);
    img.write('HdrS', 0x202, 'latin1');
    img.writeUInt16LE(0x400, 0x20e);
    img.write('6.1.0-28-cloud-amd64 (debian-kernel@lists.debian.org) #1 SMP\0', 0x600, 'latin1');
    assert.equal(bzImageVersion(img), '6.1.0-28-cloud-amd64');
    assert.equal(bzImageVersion(Buffer.alloc(0x800)), null);
  });
});

describe('debugfs requests and output', () => {
  it('quotes the way debugfs parses: doubled quotes, literal backslashes; newlines refused', () => {
    assert.equal(debugfsQuote('/a/we"ird\\x'), '"/a/we""ird\\x"');
    assert.throws(() => debugfsQuote('/a\nstat "/etc/shadow"'), DataError);
    assert.throws(() => imagePath('relative/path'), /not an absolute path/);
    assert.equal(imagePath('/usr//share/../lib/'), '/usr/lib');
  });
  it('parses ls -p records whose names hold newlines and forged records', () => {
    const out =
      '/2/040755/0/0/.//\n/2/040755/0/0/..//\n/0/000000/0/0//0/\n' +
      '/14/100644/0/0/new\nline/1/\n/15/100644/1000/1000/we"ird/12/\n/16/040700/0/0/dir//\n/17/120777/0/0/link/7/\n';
    assert.deepEqual(
      parseLsP(out).map((e) => [e.name, e.type, e.size, e.uid]),
      [
        ['new\nline', 'file', 1, 0],
        ['we"ird', 'file', 12, 1000],
        ['dir', 'directory', null, 0],
        ['link', 'symlink', 7, 0],
      ],
    );
    assert.throws(() => parseLsP('garbage\n'), DataError);
  });
  it('cuts a fast symlink target by its length, even when it imitates the label', () => {
    const target = 'a\nFast link dest: "zz';
    const chunk =
      'Inode: 19   Type: symlink    Mode:  0777   Flags: 0x0\nGeneration: 0    Version: 0x00000000:00000000\n' +
      `User:     0   Group:     0   Project:     0   Size: ${Buffer.byteLength(target)}\n` +
      `File ACL: 0\nFast link dest: "${target}"\n`;
    const st = parseStat(chunk)!;
    assert.equal(st.type, 'symlink');
    assert.equal(st.fastLink, target);
    assert.equal(parseStat(''), undefined);
  });
});

describe('purls and licenses', () => {
  const pkg = (name: string, version: string, arch: string) => ({
    name,
    version,
    arch,
    source: { name, version },
    licenses: [],
  });
  it('deb (debian, ubuntu) and apk purls with arch and distro', () => {
    assert.equal(
      packagePurl({ id: 'debian', versionId: '12' }, 'dpkg', pkg('bsdutils', '1:2.38.1-5+deb12u3', 'amd64')),
      'pkg:deb/debian/bsdutils@1:2.38.1-5+deb12u3?arch=amd64&distro=debian-12',
    );
    assert.equal(
      packagePurl({ id: 'ubuntu', versionId: '24.04' }, 'dpkg', pkg('bash', '5.2.21-2ubuntu4', 'amd64')),
      'pkg:deb/ubuntu/bash@5.2.21-2ubuntu4?arch=amd64&distro=ubuntu-24.04',
    );
    assert.equal(
      packagePurl({ id: 'alpine', versionId: '3.20.3' }, 'apk', pkg('musl', '1.2.5-r0', 'x86_64')),
      'pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20',
    );
    assert.equal(packagePurl({ id: 'x', versionId: '' }, 'none', pkg('a', '1', 'all')), null);
  });
  it('maps DEP-5 names to SPDX where an equivalent exists, and keeps other names as written', () => {
    assert.equal(spdxIdOf('GPL-2+'), 'GPL-2.0-or-later');
    assert.equal(spdxIdOf('LGPL-2.1'), 'LGPL-2.1-only');
    assert.equal(spdxIdOf('Expat'), 'MIT');
    assert.equal(spdxIdOf('BSD-3-clause'), 'BSD-3-Clause');
    assert.equal(spdxIdOf('public-domain'), undefined);
    const [expr] = cyclonedxLicenses(['GPL-2+ or Artistic']);
    assert.equal((expr as { expression: string }).expression, 'GPL-2.0-or-later OR Artistic-1.0');
    const many = cyclonedxLicenses(['GPL-2+', 'public-domain', 'GPL-2.0-or-later']);
    assert.deepEqual(
      many.map((l) => ('id' in l ? `id:${l.id}` : `name:${(l as { name: string }).name}`)),
      ['id:GPL-2.0-or-later', 'name:public-domain'],
    );
  });
});

function software(packages: [string, string][], kernelSha = 'b'.repeat(64)): InstalledSoftware {
  return {
    distro: { id: 'debian', versionId: '12', codename: 'bookworm' },
    manager: 'dpkg',
    database: '/var/lib/dpkg/status',
    packages: packages.map(([name, version]) => ({
      name,
      version,
      arch: 'amd64',
      source: { name, version },
      licenses: name === 'bash' ? ['GPL-3+'] : [],
    })),
    kernel: {
      path: '/boot/vmlinuz-6.1.0-28-cloud-amd64',
      version: '6.1.0-28-cloud-amd64',
      sha256: kernelSha,
      size: 10,
      package: null,
    },
  };
}

describe('image SBOM', () => {
  const image = {
    name: 'base.qcow2',
    sha256: 'a'.repeat(64),
    kind: 'base' as const,
    variant: null,
    arch: 'x86_64',
  };
  const tool = { name: 'infrasim-image-actions', version: '0.1.0' };
  const base = software([
    ['bash', '5.2.15-2+b7'],
    ['libssl3', '3.0.15-1~deb12u1'],
    ['nano', '7.2-1'],
  ]);
  it('is valid CycloneDX 1.6, deterministic, and lists packages with purls and the kernel', async () => {
    const a = await imageSbomDocument({ image, software: base, sourceDateEpoch: 1735689600, tool });
    const b = await imageSbomDocument({ image, software: base, sourceDateEpoch: 1735689600, tool });
    assert.equal(a.validation.status, 'passed');
    assert.equal(a.json, b.json, 'the same image and run give the same bytes');
    const doc = JSON.parse(a.json);
    assert.equal(doc.specVersion, '1.6');
    assert.equal(doc.metadata.timestamp, '2025-01-01T00:00:00.000Z');
    assert.match(
      doc.serialNumber,
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.equal(doc.metadata.component.hashes[0].content, image.sha256);
    const bash = doc.components.find((c: { name: string }) => c.name === 'bash');
    assert.equal(bash.purl, 'pkg:deb/debian/bash@5.2.15-2+b7?arch=amd64&distro=debian-12');
    assert.deepEqual(bash.licenses, [{ license: { id: 'GPL-3.0-or-later' } }]);
    const kernel = doc.components.find((c: { name: string }) => c.name === 'linux');
    assert.equal(kernel.version, '6.1.0-28-cloud-amd64');
    assert.equal(kernel.type, 'operating-system');
    const other = await imageSbomDocument({ image, software: base, sourceDateEpoch: 1735689601, tool });
    assert.notEqual(JSON.parse(other.json).serialNumber, doc.serialNumber);
  });
  it("marks what a variant's overlay adds, changes and removes", async () => {
    const variant = software(
      [
        ['bash', '5.2.15-2+b7'],
        ['libssl3', '3.0.16-1~deb12u1'],
        ['wireguard-tools', '1.0.20210914-1+b1'],
      ],
      'c'.repeat(64),
    );
    const changes = overlayChanges(base.packages, variant.packages);
    assert.deepEqual(
      changes.added.map((p) => p.name),
      ['wireguard-tools'],
    );
    assert.deepEqual(
      changes.changed.map((c) => [c.pkg.name, c.baseVersion]),
      [['libssl3', '3.0.15-1~deb12u1']],
    );
    assert.deepEqual(
      changes.removed.map((p) => p.name),
      ['nano'],
    );
    const d = await imageSbomDocument({
      image: { ...image, name: 'variants/wg/overlay-wg.qcow2', kind: 'variant', variant: 'wg' },
      software: variant,
      base: { image, software: base },
      sourceDateEpoch: 1735689600,
      tool,
    });
    assert.deepEqual(d.changes, { added: 1, changed: 1, removed: 1 });
    const doc = JSON.parse(d.json);
    const props = (name: string) =>
      Object.fromEntries(
        (doc.components.find((c: { name: string }) => c.name === name).properties ?? []).map(
          (p: { name: string; value: string }) => [p.name, p.value],
        ),
      );
    assert.equal(props('wireguard-tools')[PROP.overlay], 'added');
    assert.equal(props('libssl3')[PROP.overlay], 'changed');
    assert.equal(props('libssl3')[PROP.baseVersion], '3.0.15-1~deb12u1');
    assert.equal(props('bash')[PROP.overlay], undefined);
    assert.equal(props('linux')[PROP.overlay], 'changed');
    assert.deepEqual(
      doc.metadata.properties
        .filter((p: { name: string }) => p.name === PROP.removed)
        .map((p: { value: string }) => p.value),
      ['pkg:deb/debian/nano@7.2-1?arch=amd64&distro=debian-12'],
    );
  });
  it('the schema check catches a broken document', async () => {
    const json = serializeSbom(buildImageSbom({ image, software: base, sourceDateEpoch: 0, tool }));
    const broken = json.replace('"specVersion": "1.6"', '"specVersion": "1.6", "bogus": true');
    await assert.rejects(validateSbom(broken), DataError);
  });
});
