/**
 * OSV data loading (real Debian 12 and Alpine subsets; the same records read
 * from a zip made by Python's zipfile), matching, the gate and bad inputs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from '@jest/globals';
import { InputError } from '../../shared/errors.ts';
import { parseVulnerabilityInputs } from '../../shared/attest/vulnerability-options.ts';
import { evaluateGate, parseAllowList } from '../../shared/vuln/gate.ts';
import { matchPackages, type InstalledPackage } from '../../shared/vuln/match.ts';
import { loadOsvDatabase } from '../../shared/vuln/osv.ts';
import { cvss3BaseScore } from '../../shared/vuln/severity.ts';

const fixtures = fileURLToPath(new URL('../fixtures/osv/', import.meta.url));
const pkg = (name: string, version: string, source = name, sourceVersion = version): InstalledPackage => ({
  name,
  version,
  arch: 'amd64',
  source: { name: source, version: sourceVersion },
  licenses: [],
});
const bookworm = { id: 'debian', versionId: '12', codename: 'bookworm' };

test('real Debian 12 data: a vulnerable openssl is found with its fix, the fixed version passes', async () => {
  const db = await loadOsvDatabase(join(fixtures, 'debian-12.json'));
  assert.ok(db.records >= 200);
  const old = matchPackages(bookworm, [pkg('libssl3', '3.0.20-1~deb12u2', 'openssl')], db);
  assert.ok(old.findings.length > 0);
  assert.ok(old.findings.some((f) => f.fixed === '3.0.22-1~deb12u2'));
  assert.ok(old.findings.every((f) => f.fixed !== null && f.aliases[0]!.startsWith('CVE-')));
  assert.equal(
    old.findings[0]!.packages[0]!.purl,
    'pkg:deb/debian/libssl3@3.0.20-1~deb12u2?arch=amd64&distro=debian-12',
  );
  assert.equal(old.patchStatus[0]!.source, 'openssl');
  assert.ok(old.patchStatus[0]!.versionsBehind >= 1);
  const fixedNow = matchPackages(bookworm, [pkg('libssl3', '3.0.22-1~deb12u2', 'openssl')], db);
  assert.deepEqual(fixedNow.findings, []);
});

test('real Alpine data (secdb v3.11) matches with apk ordering; a zip export reads the same', async () => {
  const db = await loadOsvDatabase(join(fixtures, 'alpine-v3.11.json'));
  const alpine = { id: 'alpine', versionId: '3.11.6' };
  // busybox's newest v3.11 secfix is 1.30.1-r2: r1 is affected by it, 1.31.1-r9 (3.11's own) by none.
  const r9 = matchPackages(alpine, [{ ...pkg('busybox', '1.30.1-r1'), arch: 'x86_64' }], db);
  assert.ok(r9.findings.some((f) => f.fixed === '1.30.1-r2'));
  assert.deepEqual(
    matchPackages(alpine, [{ ...pkg('busybox', '1.31.1-r9'), arch: 'x86_64' }], db).findings,
    [],
  );
  const vulnerable = matchPackages(alpine, [{ ...pkg('bash', '4.4.0-r0'), arch: 'x86_64' }], db);
  assert.ok(vulnerable.findings.length > 0, 'bash 4.4.0-r0 is older than every secfix');
  // The same records as an OSV-style all.zip (one record per file), made by Python's zipfile.
  const dir = await mkdtemp(join(tmpdir(), 'osv-zip-'));
  const zip = join(dir, 'all.zip');
  const py = spawnSync('python3', [
    '-c',
    'import json,sys,zipfile\nd=json.load(open(sys.argv[1]))\nz=zipfile.ZipFile(sys.argv[2],"w",zipfile.ZIP_DEFLATED)\nfor r in d["records"]: z.writestr(r["id"]+"-"+r["affected"][0]["package"]["name"]+".json", json.dumps(r))\nz.close()',
    join(fixtures, 'alpine-v3.11.json'),
    zip,
  ]);
  assert.equal(py.status, 0, String(py.stderr));
  const fromZip = await loadOsvDatabase(zip);
  assert.equal(fromZip.records, db.records);
  assert.deepEqual(
    matchPackages(alpine, [{ ...pkg('bash', '4.4.0-r0'), arch: 'x86_64' }], fromZip).findings,
    vulnerable.findings,
  );
});

test('gate: threshold, allow-list with expiry (an expired entry fails again), unknown severity as medium', async () => {
  const db = await loadOsvDatabase(join(fixtures, 'debian-12.json'));
  const result = matchPackages(bookworm, [pkg('libssl3', '3.0.20-1~deb12u2', 'openssl')], db);
  const ids = result.findings.map((f) => f.aliases[0]!);
  const reports = [{ image: 'base.qcow2', result }];
  const now = new Date('2026-12-02T12:00:00Z');
  assert.equal(evaluateGate(reports, { threshold: 'high', allowList: [], now }).passed, true);
  const failing = evaluateGate(reports, { threshold: 'medium', allowList: [], now });
  assert.equal(failing.passed, false);
  assert.equal(failing.failing.length, result.findings.length);
  const allowAll = (expires: string) => ids.map((id) => ({ id, reason: 'backport pending', expires }));
  assert.equal(
    evaluateGate(reports, { threshold: 'medium', allowList: allowAll('2026-12-02'), now }).passed,
    true,
  );
  const expired = evaluateGate(reports, { threshold: 'medium', allowList: allowAll('2026-12-01'), now });
  assert.equal(expired.passed, false);
  assert.equal(expired.failing[0]!.expiredEntry?.expires, '2026-12-01');
  assert.equal(evaluateGate(reports, { threshold: 'none', allowList: [], now }).passed, true);
});

test('severity from CVSS v3 vectors (FIRST calculator values)', () => {
  assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'), 9.8);
  assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H'), 5.9);
  assert.equal(cvss3BaseScore('CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H'), 8.8);
  assert.equal(cvss3BaseScore('garbage'), null);
});

test('bad inputs: unknown release, unreadable data, malformed records, allow-list and expiry', async () => {
  const db = await loadOsvDatabase(join(fixtures, 'debian-12.json'));
  assert.throws(
    () => matchPackages({ id: 'debian', versionId: 'sid-ish' }, [], db),
    /unknown Debian release 'sid-ish'/,
  );
  assert.throws(
    () => matchPackages({ id: 'alpine', versionId: '3.20.1' }, [], db),
    /no records for Alpine:v3\.20.*Alpine export/,
  );
  assert.throws(
    () => matchPackages({ id: 'gentoo', versionId: '1' }, [], db),
    /no vulnerability data for distribution 'gentoo'/,
  );
  await assert.rejects(
    loadOsvDatabase('/nonexistent/osv'),
    /vulnerability-data: '\/nonexistent\/osv' cannot be read/,
  );
  const dir = await mkdtemp(join(tmpdir(), 'osv-bad-'));
  await writeFile(
    join(dir, 'bad.json'),
    '{"id": "X-1", "affected": [{"package": {"ecosystem": "Debian:12", "name": "a"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0", "fixed": "1"}]}]}]}',
  );
  await assert.rejects(
    loadOsvDatabase(dir),
    /bad\.json \(X-1\): not an OSV record: affected\.0\.ranges\.0\.events\.0/,
  );
  await writeFile(join(dir, 'bad.json'), '{not json');
  await assert.rejects(loadOsvDatabase(dir), /bad\.json: not JSON/);
  await writeFile(join(dir, 'bad.json'), 'PK\u0005\u0006');
  await assert.rejects(loadOsvDatabase(join(dir, 'bad.json')), /not JSON/);
  await writeFile(join(dir, 'x.zip'), Buffer.alloc(40));
  await assert.rejects(loadOsvDatabase(join(dir, 'x.zip')), /not a zip archive/);

  await assert.rejects(
    parseAllowList('- id: CVE-1\n  reason: x\n  expires: soon'),
    (e: unknown) => e instanceof InputError && /expires 'soon' is not a date/.test(e.message),
  );
  await assert.rejects(parseAllowList('- id: CVE-1\n  expires: 2027-01-01'), /entry 1: reason/);
  await assert.rejects(
    parseAllowList('[{"id": "CVE-1", "reason": "r", "expires": "2027-02-30"}]'),
    /is not a date/,
  );
  await assert.rejects(parseAllowList('{id: ['), /vulnerability-allow-list.*not YAML or JSON/);
  await assert.rejects(parseAllowList('id: CVE-1'), /is not a list/);
  assert.deepEqual(await parseAllowList('- {id: CVE-1, reason: r, expires: 2027-01-31}'), [
    { id: 'CVE-1', reason: 'r', expires: '2027-01-31' },
  ]);

  const raw = { 'vulnerability-data': '', 'vulnerability-threshold': '', 'vulnerability-allow-list': '' };
  assert.equal(await parseVulnerabilityInputs(raw), null);
  await assert.rejects(
    parseVulnerabilityInputs({ ...raw, 'vulnerability-threshold': 'severe' }),
    /vulnerability-threshold.*unknown value 'severe'/,
  );
  await assert.rejects(parseVulnerabilityInputs({ ...raw, 'vulnerability-threshold': 'low' }), /gate is off/);
  await assert.rejects(
    parseVulnerabilityInputs({ ...raw, 'vulnerability-data': '/nope' }),
    /input 'vulnerability-data': '\/nope' cannot be read/,
  );
  const ok = await parseVulnerabilityInputs({
    ...raw,
    'vulnerability-data': join(fixtures, 'debian-12.json'),
  });
  assert.equal(ok?.threshold, 'medium');
});
