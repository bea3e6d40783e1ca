/**
 * The action end to end on a real cargo workspace: cargo itself produces the
 * metadata (offline, crates.io replaced by a directory registry), the action
 * runs from source as a child process with runner-style inputs.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, test } from '@jest/globals';
import { depsReportSchema, infrasimBuildSchema } from '../../shared/deps/schemas.ts';
import { sha256 } from '../../shared/hash.ts';
import { REPO_ROOT, runAction, type ActionRun } from '../fixtures/deps/run-action.ts';

// cargo from rustup (~/.cargo/bin) or the distribution (on PATH already).
const CARGO_DIR = join(homedir(), '.cargo/bin');
const env = {
  PATH: `${CARGO_DIR}:${process.env.PATH}`,
  CARGO_NET_OFFLINE: 'true',
  GITHUB_RUN_ID: '12345678',
  GITHUB_SHA: 'abc123',
  GITHUB_REF: 'refs/heads/main',
  SOURCE_DATE_EPOCH: '1734603900',
};

let work: string;
let run: ActionRun;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'analyze-deps-cargo-'));
  await cp(join(REPO_ROOT, 'test/fixtures/deps/cargo-workspace'), join(work, 'fixture'), { recursive: true });
  await cp('/etc/hostname', join(work, 'infrasimd'));
  run = await runAction(
    {
      source: join(work, 'fixture/ws'),
      binaries: `infrasimd=${join(work, 'infrasimd')}`,
      version: 'v0.1.0-dev-a1b2c3d',
      'risk-threshold': '30',
    },
    { cwd: work, env },
  );
});

test('succeeds under the threshold and sets every output', () => {
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.deepEqual(Object.keys(run.outputs).sort(), [
    'build-info',
    'cycle-count',
    'duplicate-count',
    'graph-sha256',
    'has-duplicates',
    'package-count',
    'report',
    'risk-score',
    'sbom',
  ]);
  assert.equal(run.outputs['package-count'], '8');
  assert.equal(run.outputs['has-duplicates'], 'true');
  assert.equal(run.outputs['duplicate-count'], '1');
  assert.equal(run.outputs['cycle-count'], '0');
  // typosquat 20 + path outside the workspace 5 + exact pin 2 + duplicate 1
  assert.equal(run.outputs['risk-score'], '28');
  assert.equal(run.outputs['build-info'], 'output/meta/attestations/infrasim-build.json');
});

test('infrasim-build.json has the fields of seed 000 and the analysis block', async () => {
  const info = infrasimBuildSchema.parse(
    JSON.parse(await readFile(join(work, run.outputs['build-info']!), 'utf8')),
  );
  assert.equal(info.version, 'v0.1.0-dev-a1b2c3d');
  assert.equal(info.github_run_id, '12345678');
  assert.equal(info.git_commit, 'abc123');
  assert.equal(info.git_ref, 'refs/heads/main');
  assert.equal(info.build_timestamp, '2024-12-19T10:25:00Z');
  assert.match(info.cargo_version!, /^cargo 1\.\d+/);
  assert.match(info.rust_version!, /^rustc 1\.\d+/);
  assert.equal(info.binaries.infrasimd?.sha256, sha256(await readFile('/etc/hostname')));
  assert.equal(info.dependencies.graph_sha256, run.outputs['graph-sha256']);
  assert.equal(info.dependencies.package_count, 8);
  assert.equal(info.analysis.risk_score, 28);
  assert.equal(info.analysis.dev_cycle_count, 1);
});

test('cargo-metadata.json is cargo output as given; the report lists every planted finding', async () => {
  const dir = join(work, 'output/meta/attestations');
  const meta = JSON.parse(await readFile(join(dir, 'cargo-metadata.json'), 'utf8')) as {
    resolve: { root: unknown };
    packages: unknown[];
  };
  assert.equal(meta.resolve.root, null, 'virtual workspace');
  assert.equal(meta.packages.length, 8);
  const report = depsReportSchema.parse(JSON.parse(await readFile(join(work, run.outputs.report!), 'utf8')));
  assert.deepEqual(report.findings.map((f) => f.id).sort(), [
    'dev-cycle:lib-a+test-helper',
    'duplicate:lib-b',
    'exact-pin:lib-b',
    'path-outside-workspace:outside-crate',
    'typosquat:serde-json',
  ]);
  const dup = report.findings.find((f) => f.id === 'duplicate:lib-b')!;
  assert.deepEqual(
    dup.packages,
    ['lib-b@0.1.0 (path)', 'lib-b@0.2.0'],
    'the path package and the registry package',
  );
  assert.equal(report.risk.passed, true);
  assert.deepEqual(report.sbom, {
    file: 'deps-sbom.cdx.json',
    spec_version: '1.6',
    schema_validation: 'passed',
  });
});

test('the job summary and annotations reach the runner', () => {
  assert.match(run.summary, /## Dependency analysis: risk 28\/100 ✅ \(threshold 30\)/);
  assert.match(run.summary, /```mermaid/);
  assert.match(
    run.stdout,
    /::warning title=analyze-deps%3A typosquat::serde-json resembles the popular package serde_json/,
  );
});

test('the same workspace gives the same graph hash on a second run in another directory', async () => {
  const other = await mkdtemp(join(tmpdir(), 'analyze-deps-cargo2-'));
  await cp(join(REPO_ROOT, 'test/fixtures/deps/cargo-workspace'), join(other, 'elsewhere'), {
    recursive: true,
  });
  const again = await runAction({ source: join(other, 'elsewhere/ws'), version: 'v1' }, { cwd: other, env });
  assert.equal(again.code, 0, again.stderr);
  assert.equal(again.outputs['graph-sha256'], run.outputs['graph-sha256']);
});

test('the written cargo-metadata.json, given back as the source, yields the same graph hash', async () => {
  const metadata = join(work, 'output/meta/attestations/cargo-metadata.json');
  const again = await runAction({ source: metadata, version: 'v1' }, { env });
  assert.equal(again.code, 0, again.stdout + again.stderr);
  assert.equal(again.outputs['graph-sha256'], run.outputs['graph-sha256']);
  assert.equal(again.outputs['risk-score'], '28');
});
