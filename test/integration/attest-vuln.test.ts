/**
 * The vulnerability gate on a real image: the README's Debian base (built by
 * build-base from Debian's mirror, cached in .cache) is opened, its dpkg
 * database read the way attest reads it for the SBOM, and matched against the
 * real Debian 12 subset: packages whose bookworm-security update is newer than
 * the image are found with their fixed version, packages at the fixed version
 * pass, and the gate stops (throws before anything is signed) at `medium`.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, test } from '@jest/globals';
import { runVulnerabilityGate } from '../../shared/attest/vulnerability-gate.ts';
import { VulnerabilityGateFailure } from '../../shared/attest/vulnerability-run.ts';
import type { TreeSbom } from '../../shared/attest/image-sboms.ts';
import { openImageRoot } from '../../shared/image-fs/image-root.ts';
import { readInstalledPackages, type InstalledSoftware } from '../../shared/image-fs/installed-packages.ts';
import { matchPackages } from '../../shared/vuln/match.ts';
import { loadOsvDatabase } from '../../shared/vuln/osv.ts';
import { readmeDebianBase } from '../support/debian-base.ts';
import { needTools } from '../support/tools.ts';

const data = fileURLToPath(new URL('../fixtures/osv/debian-12.json', import.meta.url));
let software: InstalledSoftware;
let work: string;

beforeAll(async () => {
  await needTools('qemu-img', 'debugfs', 'sfdisk', 'e2fsck');
  const base = await readmeDebianBase();
  work = await mkdtemp(join(tmpdir(), 'attest-vuln-'));
  const root = await openImageRoot(base.image, work);
  try {
    software = await readInstalledPackages(root);
  } finally {
    await root.close();
  }
});
afterAll(() => rm(work, { recursive: true, force: true }));

test('known-vulnerable versions in the real image are found; fixed versions pass', async () => {
  assert.equal(software.manager, 'dpkg');
  assert.deepEqual([software.distro.id, software.distro.versionId], ['debian', '12']);
  const db = await loadOsvDatabase(data);
  const r = matchPackages(software.distro, software.packages, db);
  assert.equal(r.ecosystem, 'Debian:12');
  const bySource = new Map(r.patchStatus.map((p) => [p.source, p]));
  // bookworm-security carries openssl 3.0.22-1~deb12u2; the image (bookworm main) has an older one.
  const openssl = software.packages.find((p) => p.name === 'libssl3')!;
  const sslFindings = r.findings.filter((f) => f.source === 'openssl');
  assert.ok(sslFindings.length > 0, `openssl ${openssl.source.version} should be affected`);
  assert.ok(sslFindings.every((f) => f.packages.some((p) => p.name === 'libssl3')));
  assert.equal(bySource.get('openssl')?.fixedIn, '3.0.22-1~deb12u2');
  // glibc: the image's 2.36-9+deb12u14 is past every fix the data names, so it passes.
  const glibc = software.packages.find((p) => p.name === 'libc6')!;
  assert.ok(db.lookup('Debian:12', 'glibc').length > 0);
  assert.equal(r.findings.filter((f) => f.source === 'glibc').length, 0, `glibc ${glibc.version}`);
});

test('the gate stops the run at threshold medium and passes at high (no severity in this data)', async () => {
  const db = await loadOsvDatabase(data);
  const image = { rel: 'base.qcow2', sha256: 'a'.repeat(64), variant: null } as TreeSbom['image'];
  const trees = [{ tree: work, sboms: [{ image, software } as TreeSbom] }];
  const now = new Date();
  await assert.rejects(
    runVulnerabilityGate({ data: [data], threshold: 'medium', allowList: [] }, trees, now, db),
    (e: unknown) =>
      e instanceof VulnerabilityGateFailure &&
      /nothing was signed or written/.test(e.message) &&
      // The message names the first 20 (by source package); the run carries every one.
      e.run.gate.failing.some((f) => f.source === 'openssl' && f.packages.some((p) => p.name === 'libssl3')),
  );
  const passed = await runVulnerabilityGate(
    { data: [data], threshold: 'high', allowList: [] },
    trees,
    now,
    db,
  );
  assert.equal(passed.gate.passed, true);
  const doc = JSON.parse(passed.docs[0]![0]!.json) as { vulnerabilities: { affects: { ref: string }[] }[] };
  assert.ok(doc.vulnerabilities.length > 0);
  assert.match(doc.vulnerabilities[0]!.affects[0]!.ref, /^pkg:deb\/debian\/.*distro=debian-12$/);
});
