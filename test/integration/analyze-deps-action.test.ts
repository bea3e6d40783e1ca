/**
 * The action from source as a child process: lockfile and npm inputs, the
 * risk gate, bad inputs and bad files (non-zero exit, nothing written).
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@jest/globals';
import { depsReportSchema, infrasimBuildSchema } from '../../shared/deps/schemas.ts';
import { LOCKFILES as LOCKS } from '../fixtures/deps/graphs.ts';
import { REPO_ROOT, runAction } from '../fixtures/deps/run-action.ts';

const exists = (p: string): Promise<boolean> =>
  stat(p).then(
    () => true,
    () => false,
  );

/** Every file under dir, recursively (temporary files included: there must be none). */
async function filesUnder(dir: string): Promise<string[]> {
  if (!(await exists(dir))) return [];
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

test('a real Cargo.lock: outputs, files in output/, no cargo-metadata.json, allow-list applied', async () => {
  const r = await runAction({
    source: `${LOCKS}/tokio-1.47.5.Cargo.lock`,
    version: 'v1.2.3',
    allow: 'duplicate:windows*\n# accepted\ndev-cycle:*',
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs['package-count'], '226');
  assert.deepEqual(await filesUnder(join(r.cwd, 'output')), [
    'deps-report.json',
    'deps-sbom.cdx.json',
    'infrasim-build.json',
  ]);
  const report = depsReportSchema.parse(JSON.parse(await readFile(join(r.cwd, r.outputs.report!), 'utf8')));
  const devCycle = report.findings.find(
    (f) => f.kind === 'dev-cycle' && f.subject.split('+').includes('tokio-test'),
  );
  assert.ok(devCycle?.allowed, 'the workspace dev cycle is reported and allowed by dev-cycle:*');
  const windows = report.findings.filter((f) => f.id.startsWith('duplicate:windows'));
  assert.ok(windows.length > 0 && windows.every((f) => f.allowed && f.contribution === 0));
  const score = report.findings.reduce((n, f) => n + f.contribution, 0);
  assert.equal(
    String(Math.min(100, score)),
    r.outputs['risk-score'],
    'the score is the sum of the contributions',
  );
});

test('the real npm package-lock.json, with the default version from git describe', async () => {
  const r = await runAction(
    { source: join(REPO_ROOT, 'test/fixtures/deps/npm/real-package-lock.json'), 'output-dir': 'out' },
    { cwd: await mkdtemp(join(tmpdir(), 'ad-npm-')) },
  );
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const info = infrasimBuildSchema.parse(
    JSON.parse(await readFile(join(r.cwd, 'out/meta/attestations/infrasim-build.json'), 'utf8')),
  );
  assert.equal(info.dependencies.ecosystem, 'npm');
  assert.ok(info.version.length > 0, 'git describe of the repository holding the lockfile');
  assert.equal(info.analysis.cycle_count, 0);
});

test('above the risk threshold: exit 1, the reason in the log, every file written (for the artifact)', async () => {
  const r = await runAction({ source: `${LOCKS}/cargo.Cargo.lock`, version: 'v1', 'risk-threshold': '3' });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /::error[^:]*::dependency risk above the threshold: risk score 15 \(threshold 3\)/);
  assert.equal(r.outputs['risk-score'], '15');
  assert.deepEqual(await filesUnder(join(r.cwd, 'output')), [
    'deps-report.json',
    'deps-sbom.cdx.json',
    'infrasim-build.json',
  ]);
  const report = JSON.parse(await readFile(join(r.cwd, r.outputs.report!), 'utf8')) as {
    risk: { passed: boolean };
  };
  assert.equal(report.risk.passed, false);
});

const badInputs: [string, Record<string, string>, RegExp][] = [
  [
    'risk threshold out of range',
    { 'risk-threshold': '150' },
    /input 'risk-threshold': '150' is not a score/,
  ],
  ['unknown source type', { 'source-type': 'pnpm' }, /input 'source-type': unknown value 'pnpm'/],
  [
    'missing binary',
    { binaries: 'infrasimd=target/release/infrasimd' },
    /input 'binaries': 'target\/release\/infrasimd' does not exist/,
  ],
  ['bad allow entry', { allow: 'everything' }, /input 'allow': 'everything' is not a finding id/],
];
for (const [what, inputs, message] of badInputs) {
  test(`bad input (${what}): exit 1, the input named, nothing written`, async () => {
    const r = await runAction({ source: `${LOCKS}/ripgrep.Cargo.lock`, version: 'v1', ...inputs });
    assert.equal(r.code, 1);
    assert.match(r.stdout, message);
    assert.match(r.stdout, /::error title=Invalid input::/);
    assert.deepEqual(await filesUnder(join(r.cwd, 'output')), []);
    assert.deepEqual(r.outputs, {});
  });
}

test('truncated and wrong-version lockfiles: exit 1, the file and problem named, nothing written', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ad-bad-'));
  const text = await readFile(`${LOCKS}/ripgrep.Cargo.lock`, 'utf8');
  await writeFile(join(dir, 'Cargo.lock'), text.slice(0, text.length - 40));
  const truncated = await runAction({ source: join(dir, 'Cargo.lock'), version: 'v1' }, { cwd: dir });
  assert.equal(truncated.code, 1);
  assert.match(truncated.stdout, new RegExp(`${dir}/Cargo\\.lock:\\d+: unterminated`));
  await writeFile(join(dir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 1, dependencies: {} }));
  const v1 = await runAction({ source: join(dir, 'package-lock.json'), version: 'v1' }, { cwd: dir });
  assert.equal(v1.code, 1);
  assert.match(v1.stdout, /package-lock\.json: unsupported package-lock lockfileVersion 1 \(accepted: 2, 3/);
  assert.deepEqual(await filesUnder(join(dir, 'output')), []);
});

test('a cargo workspace without cargo on PATH: a clear message, nothing written', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ad-nocargo-'));
  await cp(join(REPO_ROOT, 'test/fixtures/deps/cargo-workspace'), join(dir, 'fx'), { recursive: true });
  const r = await runAction(
    { source: join(dir, 'fx/ws'), version: 'v1' },
    { cwd: dir, env: { PATH: '/usr/bin:/bin' } },
  );
  assert.equal(r.code, 1);
  assert.match(r.stdout, /cargo is not on PATH: install a Rust toolchain/);
  assert.deepEqual(await filesUnder(join(dir, 'output')), []);
});
