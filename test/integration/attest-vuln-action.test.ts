/**
 * The vulnerability gate in a signing run of the bundled attest action, on a
 * real tree (the cached test base and a wireguard overlay,
 * test/integration/attest-tree.ts) whose overlay gains what a Debian 12 guest
 * leaves: /etc/os-release and a dpkg status database holding libtasn1-6
 * 4.19.0-2 (bookworm's release version, affected by CVE-2024-12133, fixed by
 * bookworm-security's 4.19.0-2+deb12u1) and libzstd1 at its security-fixed
 * version. Written with debugfs into the overlay's ext4 (flattened to raw,
 * converted back to an overlay on the same base), so attest reads the package
 * database out of the image as for any other.
 *
 * With a key and the trigger policy saying sign: the gate stops the run and
 * nothing is written; an allow-list entry (reason, future expiry) lets it
 * sign, with the CycloneDX vulnerabilities document bound in and joinable to
 * the image SBOM; the same entry past its expiry fails the run again.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { sha256, sha256File } from '../../shared/hash.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import { needTools } from '../support/tools.ts';
import { freshTree, GITHUB_PUSH_MAIN, opensslKeyPair, removeScratch, type KeyPair } from './attest-tree.ts';

const OVERLAY = 'variants/wireguard/overlay-wireguard.qcow2';
const DATA = fileURLToPath(new URL('../fixtures/osv/debian-12.json', import.meta.url));

/** Debian 12's os-release, as base-files 12.4+deb12u* installs it. */
const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

/** dpkg status stanzas as dpkg writes them (fields of the real bookworm packages). */
const DPKG_STATUS = `Package: libtasn1-6
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 125
Maintainer: Debian GnuTLS Maintainers <pkg-gnutls-maint@lists.alioth.debian.org>
Architecture: amd64
Multi-Arch: same
Version: 4.19.0-2
Depends: libc6 (>= 2.14)
Description: Manage ASN.1 structures (runtime)

Package: libzstd1
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 857
Maintainer: Debian Med Packaging Team <debian-med-packaging@lists.alioth.debian.org>
Architecture: amd64
Multi-Arch: same
Source: libzstd
Version: 1.5.4+dfsg2-5+deb12u1
Depends: libc6 (>= 2.14)
Description: fast lossless compression algorithm
`;

let signingKey: KeyPair;
let tree: string;

const sh = (cmd: string, args: string[], cwd?: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function attest(inputs: Record<string, string>): Promise<ActionRun> {
  return runActionMain(
    'attest',
    {
      'output-dir': '.',
      'private-key': signingKey.privatePem,
      'require-boot': 'false',
      'vulnerability-data': DATA,
      ...inputs,
    },
    { bundle: true, cwd: tree, env: GITHUB_PUSH_MAIN },
  );
}

const explain = (r: ActionRun) => `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;

/** Every file of the tree with its digest: "nothing written" means this does not change. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) {
      const p = join(e.parentPath, e.name);
      out.set(p.slice(dir.length + 1), await sha256File(p));
    }
  return out;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const allowList = (expires: string) =>
  `- id: CVE-2024-12133\n  reason: libtasn1 only parses our own certificates; upgrade scheduled\n  expires: ${expires}\n`;

/** The overlay gains Debian 12's os-release and the dpkg database; the variant provenance records both. */
async function debianOverlay(dir: string): Promise<void> {
  const overlay = join(dir, OVERLAY);
  const raw = join(dir, 'overlay.raw');
  sh('qemu-img', ['convert', '-O', 'raw', overlay, raw]);
  const table = JSON.parse(sh('sfdisk', ['--json', raw])) as {
    partitiontable: { partitions: { start: number }[] };
  };
  const fs = `${raw}?offset=${table.partitiontable.partitions.at(-1)!.start * 512}`;
  await writeFile(join(dir, 'status'), DPKG_STATUS);
  await writeFile(join(dir, 'os-release'), OS_RELEASE);
  // mkdir of an existing directory only prints an error: debugfs -f goes on with the next command.
  const cmds = [
    'mkdir /var',
    'mkdir /var/lib',
    'mkdir /var/lib/dpkg',
    `write ${join(dir, 'status')} /var/lib/dpkg/status`,
    'rm /etc/os-release',
    `write ${join(dir, 'os-release')} /etc/os-release`,
  ];
  execFileSync('debugfs', ['-w', '-f', '-', fs], {
    input: cmds.join('\n') + '\n',
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  sh(
    'qemu-img',
    ['convert', '-O', 'qcow2', '-B', '../../base.qcow2', '-F', 'qcow2', raw, 'overlay-wireguard.qcow2'],
    join(dir, 'variants/wireguard'),
  );
  sh('rm', ['-f', raw, join(dir, 'status'), join(dir, 'os-release')]);
  const provenancePath = join(dir, 'meta/variant-wireguard-provenance.json');
  const provenance = JSON.parse(await readFile(provenancePath, 'utf8'));
  provenance.overlay.sha256 = await sha256File(overlay);
  provenance.overlay.actual_size = JSON.parse(sh('qemu-img', ['info', '--output=json', overlay]))[
    'actual-size'
  ];
  provenance.installed_packages = {
    manager: 'dpkg',
    count: 2,
    packages: [
      { name: 'libtasn1-6', version: '4.19.0-2', arch: 'amd64' },
      { name: 'libzstd1', version: '1.5.4+dfsg2-5+deb12u1', arch: 'amd64' },
    ],
  };
  await writeFile(provenancePath, JSON.stringify(provenance, null, 2) + '\n');
}

beforeAll(async () => {
  await needTools('qemu-img', 'debugfs', 'e2fsck', 'sfdisk', 'openssl');
  signingKey = await opensslKeyPair();
  tree = await freshTree();
  await debianOverlay(tree);
});
afterAll(() => removeScratch());

// node:test suite timeout 900_000 ms dropped: jest has no per-suite timeout, the project testTimeout applies.
describe('the vulnerability gate in a signing run (bundled attest, key mode)', () => {
  it('stops the run on the vulnerable package: nothing signed, nothing written', async () => {
    const before = await snapshot(tree);
    const r = await attest({});
    assert.notEqual(r.code, 0, explain(r));
    assert.match(
      r.stdout,
      /vulnerability gate failed \(threshold medium\): 1 finding\(s\); nothing was signed or written/,
    );
    assert.match(
      r.stdout,
      /::error title=vulnerability%3A variants\/wireguard\/overlay-wireguard\.qcow2::DEBIAN-CVE-2024-12133 \(CVE-2024-12133\) in libtasn1-6 4\.19\.0-2: unknown, fixed in 4\.19\.0-2\+deb12u1/,
      explain(r),
    );
    assert.match(
      r.summary,
      /\| DEBIAN-CVE-2024-12133 \| CVE-2024-12133 \| libtasn1-6 \| 4\.19\.0-2 \| 4\.19\.0-2\+deb12u1 \| unknown \|.*\*\*fails\*\*/,
    );
    assert.match(
      r.summary,
      /\| variants\/wireguard\/overlay-wireguard\.qcow2 \| libtasn1-6 \| 4\.19\.0-2 \| 4\.19\.0-2\+deb12u1 \| 1 \| 1 \|/,
    );
    assert.equal(r.outputs.vulnerabilities, '1');
    assert.equal(r.outputs.signed, undefined);
    assert.deepEqual(await snapshot(tree), before, 'no statement, bundle, SBOM or provenance written');
  });

  it('signs with a live allow-list entry; the vulnerabilities document joins the SBOM', async () => {
    const r = await attest({ 'vulnerability-allow-list': allowList(day(30)) });
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs.signed, 'true');
    assert.equal(r.outputs.vulnerabilities, '1');
    assert.match(
      r.stdout,
      /::warning title=vulnerability allowed.*DEBIAN-CVE-2024-12133 in libtasn1-6 4\.19\.0-2 allowed until/,
    );
    assert.match(r.summary, /allowed until \d{4}-\d{2}-\d{2}: libtasn1 only parses our own certificates/);
    const bundles = r.outputs.attestations!.split('\n');
    assert.ok(bundles.some((b) => b.endsWith('meta/attestations/release.sigstore.json')));

    const vulnRel = 'meta/vulnerabilities/variant-wireguard.cdx.json';
    const vulnJson = await readFile(join(tree, vulnRel), 'utf8');
    const vuln = JSON.parse(vulnJson) as {
      vulnerabilities: { id: string; affects: { ref: string }[] }[];
      metadata: { properties: { name: string; value: string }[] };
    };
    assert.deepEqual(
      vuln.vulnerabilities.map((v) => v.id),
      ['DEBIAN-CVE-2024-12133'],
      'libzstd1 at its fixed version passes',
    );
    assert.equal(
      vuln.metadata.properties.find((p) => p.name === 'infrasim:vulnerabilities:data-sha256')!.value,
      await sha256File(DATA),
    );
    // A consumer joins affects[].ref to the image SBOM's components by bom-ref.
    const sbom = JSON.parse(await readFile(join(tree, 'meta/sbom/variant-wireguard.cdx.json'), 'utf8')) as {
      components: { 'bom-ref': string; name: string; version: string }[];
    };
    const byRef = new Map(sbom.components.map((c) => [c['bom-ref'], c]));
    const refs = vuln.vulnerabilities.flatMap((v) => v.affects.map((a) => a.ref));
    assert.deepEqual(refs, ['pkg:deb/debian/libtasn1-6@4.19.0-2?arch=amd64&distro=debian-12']);
    for (const ref of refs) assert.equal(byRef.get(ref)?.name, 'libtasn1-6', `${ref} is in the SBOM`);

    // Bound into the signed release statement by digest, like the SBOMs.
    const release = JSON.parse(await readFile(join(tree, 'meta/attestations/release.intoto.json'), 'utf8'));
    const bound = release.predicate.runDetails.byproducts.find((b: { name: string }) => b.name === vulnRel);
    assert.equal(bound?.digest.sha256, sha256(vulnJson));

    // The signature holds: attest's own verify with the public key.
    const v = await runActionMain(
      'attest',
      { command: 'verify', 'output-dir': '.', 'public-key': signingKey.publicFile, 'require-boot': 'false' },
      { bundle: true, cwd: tree, env: GITHUB_PUSH_MAIN },
    );
    assert.equal(v.code, 0, explain(v));
    assert.equal(v.outputs.verified, 'true');
  });

  it('fails again once the entry has expired, leaving the signed tree as it was', async () => {
    const before = await snapshot(tree);
    const r = await attest({ 'vulnerability-allow-list': allowList(day(-1)) });
    assert.notEqual(r.code, 0, explain(r));
    assert.match(
      r.stdout,
      new RegExp(
        `in libtasn1-6 4\\.19\\.0-2 \\[unknown\\], fixed in 4\\.19\\.0-2\\+deb12u1, allow-list entry expired ${day(-1)}`,
      ),
    );
    assert.match(r.summary, new RegExp(`\\*\\*fails: allow-list entry expired ${day(-1)}\\*\\*`));
    assert.deepEqual(await snapshot(tree), before);
  });

  it('refuses a malformed allow-list before any work, naming the input', async () => {
    const before = await snapshot(tree);
    const r = await attest({
      'vulnerability-allow-list': '- id: CVE-2024-12133\n  reason: later\n  expires: next month\n',
    });
    assert.notEqual(r.code, 0);
    assert.match(
      r.stdout + r.stderr,
      /vulnerability-allow-list.*entry 1 \(CVE-2024-12133\): expires 'next month' is not a date/,
    );
    assert.deepEqual(await snapshot(tree), before);
  });
});
