/**
 * Image SBOMs on real images, read out of the qcow2 without booting it:
 * - attest on the cached test base (busybox, no package database) and an
 *   overlay made on it with qemu-img whose filesystem gains a dpkg database
 *   (debugfs on a private copy, `qemu-img convert -B` for the overlay): the
 *   SBOMs are written under meta/sbom/, valid CycloneDX 1.6, bound into the
 *   statements as byproducts with their digests, and the variant's lists
 *   what the overlay adds;
 * - a base whose build provenance records a dpkg database the image does not
 *   have: an error naming the image and the file, nothing written;
 * - the README's Debian base (shared, cached): every package dpkg recorded
 *   read back with its purl, the kernel build-base recorded, licenses from
 *   DEP-5 copyright files;
 * - an Alpine-layout image (os-release and apk database as Alpine writes
 *   them, built with mkfs.ext4 -d) read back with apk purls.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { writeJsonAtomic } from '../../shared/atomic.ts';
import { validateSbom } from '../../shared/deps/sbom.ts';
import { parseAnalyzeDepsInputs } from '../../shared/deps/options.ts';
import { runAnalyzeDeps } from '../../shared/deps/pipeline.ts';
import { sha256, sha256File } from '../../shared/hash.ts';
import { openImageRoot } from '../../shared/image-fs/image-root.ts';
import { readInstalledPackages } from '../../shared/image-fs/installed-packages.ts';
import { readBuildProvenance } from '../../shared/provenance/build-provenance.ts';
import { imageSbomDocument, PROP } from '../../shared/sbom/image-sbom.ts';
import { VariantProvenanceSchema } from '../../shared/variant/provenance.ts';
import { cachedTestBase } from '../support/base-image.ts';
import { readmeDebianBase } from '../support/debian-base.ts';
import { runActionMain } from '../support/run-action.ts';
import { ensureTestImage, repoRoot } from '../support/test-image.ts';
import { needTools } from '../support/tools.ts';

await needTools('qemu-img', 'mkfs.ext4', 'debugfs', 'e2fsck', 'sfdisk');

const sh = (cmd: string, args: string[], cwd?: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const scratch: string[] = [];
afterAll(async () => {
  for (const d of scratch) await rm(d, { recursive: true, force: true });
});
async function tempDir(prefix: string): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), prefix));
  scratch.push(d);
  return d;
}

const ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/images',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '4242',
  GITHUB_WORKFLOW_REF: 'acme/images/.github/workflows/release.yml@refs/heads/main',
};

/** A dpkg status stanza as dpkg writes it. */
const WIREGUARD_STANZA = `Package: wireguard-tools
Status: install ok installed
Priority: optional
Section: net
Installed-Size: 312
Maintainer: Debian WireGuard Maintainers <wireguard-maint@lists.debian.org>
Architecture: amd64
Source: wireguard
Version: 1.0.20210914-1+b1
Description: fast, modern, secure kernel VPN tunnel (userland utilities)
`;

/**
 * The test base (build-base's own output, cached) with a variant overlay whose filesystem adds a
 * dpkg database and a file: what a provisioning boot would leave, made without one.
 */
async function testTree(): Promise<{ tree: string; overlay: string }> {
  const base = await cachedTestBase('x86_64', 'kernel');
  const tree = await tempDir('attest-sbom-');
  await mkdir(join(tree, 'meta'), { recursive: true });
  await cp(base.image, join(tree, 'base.qcow2'));
  await cp(base.kernel!, join(tree, 'base.vmlinuz'));
  await cp(base.provenance, join(tree, 'meta', 'build-provenance.json'));
  const bp = await readBuildProvenance(join(tree, 'meta', 'build-provenance.json'));

  const raw = join(tree, 'changed.raw');
  sh('qemu-img', ['convert', '-O', 'raw', join(tree, 'base.qcow2'), raw]);
  const table = JSON.parse(sh('sfdisk', ['--json', raw])) as {
    partitiontable: { partitions: { start: number }[] };
  };
  const fs = `${raw}?offset=${table.partitiontable.partitions.at(-1)!.start * 512}`;
  const status = join(tree, 'status');
  await writeFile(status, WIREGUARD_STANZA);
  const wg = join(tree, 'wg');
  await writeFile(wg, '#!/bin/sh\n');
  execFileSync('debugfs', ['-w', '-f', '-', fs], {
    input: `mkdir /var/lib\nmkdir /var/lib/dpkg\nwrite ${status} /var/lib/dpkg/status\nwrite ${wg} /usr/bin/wg\n`,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  const vdir = join(tree, 'variants', 'wireguard');
  await mkdir(vdir, { recursive: true });
  const overlay = join(vdir, 'overlay-wireguard.qcow2');
  sh('qemu-img', ['convert', '-O', 'qcow2', '-B', '../../base.qcow2', '-F', 'qcow2', raw, overlay], vdir);
  await rm(raw);
  await rm(status);
  await rm(wg);
  const info = JSON.parse(sh('qemu-img', ['info', '--output=json', overlay])) as {
    'virtual-size': number;
    'actual-size': number;
  };
  await writeJsonAtomic(
    join(tree, 'meta', 'variant-wireguard-provenance.json'),
    VariantProvenanceSchema.parse({
      format_version: '1.0',
      build_type: 'rootfs-variant',
      variant: 'wireguard',
      description: 'WireGuard',
      base_image: { path: 'base.qcow2', sha256: bp.output.sha256, distro: 'rootfs', arch: 'x86_64' },
      source: { git_sha: bp.source.git_sha, build_date: bp.source.build_date },
      packages: ['wireguard-tools'],
      services: [],
      definition: { origin: 'builtin:wireguard', sha256: sha256('name: wireguard\n'), target: 'generic' },
      files: [],
      commands: [],
      checks: [],
      overlay: {
        path: 'variants/wireguard/overlay-wireguard.qcow2',
        sha256: await sha256File(overlay),
        backing_file: '../../base.qcow2',
        backing_format: 'qcow2',
        virtual_size: info['virtual-size'],
        actual_size: info['actual-size'],
      },
      image: null,
      user_data: { sha256: sha256('#!/bin/sh\n') },
      installed_packages: {
        manager: 'dpkg',
        count: 1,
        packages: [{ name: 'wireguard-tools', version: '1.0.20210914-1+b1', arch: 'amd64' }],
      },
      provisioning: {
        console_log: 'meta/variant-wireguard-provision.console.log',
        seconds: 0,
        accel: 'tcg',
        qemu_version: 'none',
        matched_line: null,
        private_key_scan: { files_flagged: 0 },
      },
    }),
  );
  const bin = join(tree, 'infrasim-bin');
  await writeFile(bin, 'infrasim test binary\n');
  await runAnalyzeDeps(
    await parseAnalyzeDepsInputs({
      source: join(repoRoot, 'test/fixtures/deps/npm/real-package-lock.json'),
      'source-type': 'npm-lock',
      binaries: `infrasim=${bin}`,
      version: 'v0.1.0-test',
      name: 'infrasim',
      'risk-threshold': '100',
      'vendor-threshold': '',
      allow: '',
      'output-dir': tree,
    }),
  );
  return { tree, overlay };
}

const attest = (tree: string, inputs: Record<string, string> = {}) =>
  runActionMain(
    'attest',
    { 'output-dir': tree, sign: 'never', 'require-boot': 'false', ...inputs },
    { env: ENV },
  );

interface Cdx {
  specVersion: string;
  metadata: {
    component: { name: string; hashes: { content: string }[] };
    properties?: { name: string; value: string }[];
  };
  components: {
    name: string;
    version?: string;
    purl?: string;
    hashes?: { content: string }[];
    properties?: { name: string; value: string }[];
  }[];
}
const propOf = (c: { properties?: { name: string; value: string }[] }, name: string) =>
  c.properties?.find((p) => p.name === name)?.value;

describe('attest writes image SBOMs', () => {
  it('for the test base and its overlay, bound into the statements by digest', async () => {
    const { tree, overlay } = await testTree();
    const r = await attest(tree);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const bp = await readBuildProvenance(join(tree, 'meta', 'build-provenance.json'));

    const baseJson = await readFile(join(tree, 'meta/sbom/base.cdx.json'), 'utf8');
    assert.deepEqual(await validateSbom(baseJson), { status: 'passed' });
    const base = JSON.parse(baseJson) as Cdx;
    assert.equal(base.specVersion, '1.6');
    assert.equal(base.metadata.component.name, 'base.qcow2');
    assert.equal(base.metadata.component.hashes[0]!.content, bp.output.sha256);
    // The busybox test image has no package database: the kernel is its only component.
    assert.deepEqual(
      base.components.map((c) => c.name),
      ['linux'],
    );
    assert.equal(base.components[0]!.hashes![0]!.content, bp.boot.kernel.sha256);
    assert.match(base.components[0]!.version!, /^\d+\.\d+\.\d+-\d+-cloud-amd64$/);

    const variantJson = await readFile(join(tree, 'meta/sbom/variant-wireguard.cdx.json'), 'utf8');
    assert.deepEqual(await validateSbom(variantJson), { status: 'passed' });
    const variant = JSON.parse(variantJson) as Cdx;
    assert.equal(variant.metadata.component.hashes[0]!.content, await sha256File(overlay));
    const wg = variant.components.find((c) => c.name === 'wireguard-tools')!;
    // The test image's os-release says ID=infrasim-test, VERSION_ID=1: the purl names that distribution.
    assert.equal(
      wg.purl,
      'pkg:deb/infrasim-test/wireguard-tools@1.0.20210914-1+b1?arch=amd64&distro=infrasim-test-1',
    );
    assert.equal(propOf(wg, PROP.overlay), 'added');
    assert.equal(propOf(wg, PROP.sourceName), 'wireguard');
    assert.equal(
      propOf(
        variant.components.find((c) => c.name === 'linux')!,
        PROP.overlay,
      ),
      undefined,
      'same kernel',
    );

    // Bound into the combined statement and into each image's own statement, by digest.
    const release = JSON.parse(await readFile(join(tree, 'meta/attestations/release.intoto.json'), 'utf8'));
    const sboms = release.predicate.runDetails.byproducts.filter(
      (b: { mediaType: string }) => b.mediaType === 'application/vnd.cyclonedx+json',
    );
    assert.deepEqual(
      sboms.map((b: { name: string; digest: { sha256: string } }) => [b.name, b.digest.sha256]),
      [
        ['meta/sbom/base.cdx.json', sha256(baseJson)],
        ['meta/sbom/variant-wireguard.cdx.json', sha256(variantJson)],
      ],
    );
    const own = JSON.parse(
      await readFile(join(tree, 'meta/attestations/overlay-wireguard.intoto.json'), 'utf8'),
    );
    assert.deepEqual(
      own.predicate.runDetails.byproducts
        .filter((b: { mediaType: string }) => b.mediaType === 'application/vnd.cyclonedx+json')
        .map((b: { name: string }) => b.name),
      ['meta/sbom/variant-wireguard.cdx.json'],
    );

    // Deterministic: attesting the same tree again writes the same SBOM bytes.
    const again = await attest(tree);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(await readFile(join(tree, 'meta/sbom/variant-wireguard.cdx.json'), 'utf8'), variantJson);
  }, 600_000);

  it('refuses an image whose recorded package database cannot be read, writing nothing', async () => {
    const { tree } = await testTree();
    const path = join(tree, 'meta', 'build-provenance.json');
    const doc = JSON.parse(await readFile(path, 'utf8'));
    doc.installed_packages = {
      manager: 'dpkg',
      count: 1,
      packages: [{ name: 'bash', version: '5.2', arch: 'amd64' }],
    };
    await writeFile(path, JSON.stringify(doc, null, 2));
    const r = await attest(tree);
    assert.notEqual(r.code, 0);
    assert.match(
      r.stdout + r.stderr,
      /base\.qcow2: meta\/build-provenance\.json records a dpkg package database, but \/var\/lib\/dpkg\/status cannot be read/,
    );
    assert.equal(await stat(join(tree, 'meta/sbom')).catch(() => null), null, 'no SBOM written');
    assert.equal(await stat(join(tree, 'meta/attestations/release.intoto.json')).catch(() => null), null);
  }, 600_000);
});

describe('installed packages read back from real images', () => {
  it("the README's Debian base: dpkg's packages with purls, licenses and the kernel", async () => {
    const deb = await readmeDebianBase();
    const bp = await readBuildProvenance(deb.provenance);
    const work = await tempDir('sbom-debian-');
    const root = await openImageRoot(deb.image, work);
    const software = await readInstalledPackages(root).finally(() => root.close());
    assert.deepEqual(
      [software.distro.id, software.distro.versionId, software.distro.codename],
      ['debian', '12', 'bookworm'],
    );
    assert.equal(software.manager, 'dpkg');
    // Exactly what build-base read from the same database when it built the image.
    assert.deepEqual(
      software.packages.map((p) => `${p.name}=${p.version}`).sort(),
      bp.installed_packages.packages.map((p) => `${p.name}=${p.version}`).sort(),
    );
    assert.ok(software.packages.some((p) => p.name === 'openssh-server'));
    assert.equal(software.kernel?.sha256, bp.boot.kernel.sha256);
    assert.equal(software.kernel?.path, `/${bp.boot.kernel.rootfs_path}`);
    assert.match(software.kernel?.package?.name ?? '', /^linux-image-/);
    const withLicenses = software.packages.filter((p) => p.licenses.length > 0).length;
    assert.ok(withLicenses > software.packages.length / 2, `${withLicenses} packages with DEP-5 licenses`);

    const d = await imageSbomDocument({
      image: { name: 'base.qcow2', sha256: bp.output.sha256, kind: 'base', variant: null, arch: 'x86_64' },
      software,
      sourceDateEpoch: bp.source.source_date_epoch,
      tool: { name: 'infrasim-image-actions', version: '0.1.0' },
    });
    assert.equal(d.validation.status, 'passed');
    const doc = JSON.parse(d.json) as Cdx;
    const ssh = doc.components.find((c) => c.name === 'openssh-server')!;
    const sshPkg = software.packages.find((p) => p.name === 'openssh-server')!;
    assert.equal(ssh.purl, `pkg:deb/debian/openssh-server@${sshPkg.version}?arch=amd64&distro=debian-12`);
    assert.equal(propOf(ssh, PROP.sourceName), 'openssh');
    assert.equal(doc.components.length, software.packages.length + 1);

    // A variant overlay on it that installs one more package (dpkg's database gains its stanza, as
    // apt leaves it), made without a boot: the variant's SBOM marks it as what the overlay adds.
    const raw = join(work, 'variant.raw');
    sh('qemu-img', ['convert', '-O', 'raw', deb.image, raw]);
    const table = JSON.parse(sh('sfdisk', ['--json', raw])) as {
      partitiontable: { partitions: { start: number }[] };
    };
    const fs = `${raw}?offset=${table.partitiontable.partitions.at(-1)!.start * 512}`;
    const status = join(work, 'status');
    await writeFile(status, sh('debugfs', ['-R', 'cat /var/lib/dpkg/status', fs]) + '\n' + WIREGUARD_STANZA);
    execFileSync('debugfs', ['-w', '-f', '-', fs], {
      input: `rm /var/lib/dpkg/status\nwrite ${status} /var/lib/dpkg/status\n`,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    const overlay = join(work, 'overlay-wireguard.qcow2');
    sh('qemu-img', ['convert', '-O', 'qcow2', '-B', deb.image, '-F', 'qcow2', raw, overlay]);
    await rm(raw);
    const vroot = await openImageRoot(overlay, work);
    const vsoftware = await readInstalledPackages(vroot).finally(() => vroot.close());
    const baseImage = {
      name: 'base.qcow2',
      sha256: bp.output.sha256,
      kind: 'base' as const,
      variant: null,
      arch: 'x86_64',
    };
    const v = await imageSbomDocument({
      image: {
        ...baseImage,
        name: 'overlay-wireguard.qcow2',
        sha256: await sha256File(overlay),
        kind: 'variant',
        variant: 'wireguard',
      },
      software: vsoftware,
      base: { image: baseImage, software },
      sourceDateEpoch: bp.source.source_date_epoch,
      tool: { name: 'infrasim-image-actions', version: '0.1.0' },
    });
    assert.deepEqual(v.changes, { added: 1, changed: 0, removed: 0 });
    const added = (JSON.parse(v.json) as Cdx).components.filter((c) => propOf(c, PROP.overlay) === 'added');
    assert.deepEqual(
      added.map((c) => c.purl),
      ['pkg:deb/debian/wireguard-tools@1.0.20210914-1+b1?arch=amd64&distro=debian-12'],
    );
  }, 1_800_000);

  it('an Alpine-layout image: apk database with licenses and origins, apk purls', async () => {
    const work = await tempDir('sbom-alpine-');
    const rootfs = join(work, 'rootfs');
    await mkdir(join(rootfs, 'etc'), { recursive: true });
    await mkdir(join(rootfs, 'lib/apk/db'), { recursive: true });
    await mkdir(join(rootfs, 'boot'), { recursive: true });
    await writeFile(
      join(rootfs, 'etc/os-release'),
      'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n',
    );
    await writeFile(
      join(rootfs, 'lib/apk/db/installed'),
      'C:Q1x=\nP:musl\nV:1.2.5-r0\nA:x86_64\nS:412092\nI:1020000\nT:the musl c library (libc) implementation\nL:MIT\no:musl\n\n' +
        'C:Q1y=\nP:linux-virt\nV:6.6.52-r0\nA:x86_64\nL:GPL-2.0-only\no:linux-lts\n\n' +
        'C:Q1z=\nP:ssl_client\nV:3.3.2-r0\nA:x86_64\nL:Apache-2.0\no:openssl\n\n',
    );
    const kernel = await ensureTestImage('x86_64');
    await cp(kernel.kernel, join(rootfs, 'boot/vmlinuz-virt'));
    const disk = join(work, 'alpine.raw');
    sh('mkfs.ext4', ['-q', '-F', '-d', rootfs, disk, '64M']);
    const image = join(work, 'alpine.qcow2');
    sh('qemu-img', ['convert', '-O', 'qcow2', disk, image]);
    const root = await openImageRoot(image, work);
    const software = await readInstalledPackages(root).finally(() => root.close());
    assert.equal(software.manager, 'apk');
    assert.deepEqual(
      software.packages.map((p) => [p.name, p.source.name, p.licenses]),
      [
        ['linux-virt', 'linux-lts', ['GPL-2.0-only']],
        ['musl', 'musl', ['MIT']],
        ['ssl_client', 'openssl', ['Apache-2.0']],
      ],
    );
    assert.equal(software.kernel?.path, '/boot/vmlinuz-virt');
    assert.match(software.kernel?.version ?? '', /^6\.1\.\d+-\d+-cloud-amd64$/, 'from the bzImage header');
    assert.deepEqual(software.kernel?.package, { name: 'linux-virt', version: '6.6.52-r0' });
    const d = await imageSbomDocument({
      image: {
        name: 'alpine.qcow2',
        sha256: await sha256File(image),
        kind: 'base',
        variant: null,
        arch: 'x86_64',
      },
      software,
      sourceDateEpoch: 0,
      tool: { name: 'infrasim-image-actions', version: '0.1.0' },
    });
    const doc = JSON.parse(d.json) as Cdx;
    assert.equal(
      doc.components.find((c) => c.name === 'musl')!.purl,
      'pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20',
    );
  });
});
