/**
 * The committed dist/ bundles chained as a workflow chains them, in a
 * checkout with a real commit: build-base → boot-verify, then analyze-deps on
 * a real Cargo.lock. Each step sees only its inputs, environment and the
 * shared output tree, exactly like separate `uses:` steps.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { run } from '../../shared/exec.ts';
import { sha256File } from '../../shared/hash.ts';
import { runActionMain } from '../support/run-action.ts';
import { ensureTestImage, repoRoot } from '../support/test-image.ts';
import { needTools } from '../support/tools.ts';

await needTools('git', 'qemu-img', 'qemu-system-x86_64');

describe('workflow: build-base → boot-verify → analyze-deps (dist bundles)', () => {
  let workspace: string;
  let commitTime: number;
  const env = () => ({ GITHUB_WORKSPACE: workspace, GITHUB_SHA: '', GITHUB_REPOSITORY: 'octo/images' });

  before(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'e2e-workspace-'));
    const git = (...args: string[]) => run('git', args, { cwd: workspace });
    await git('init', '-q', '-b', 'main');
    await copyFile(
      join(repoRoot, 'test/fixtures/deps/lockfiles/ripgrep.Cargo.lock'),
      join(workspace, 'Cargo.lock'),
    );
    await git('add', 'Cargo.lock');
    await git(
      '-c',
      'user.name=ci',
      '-c',
      'user.email=ci@example.invalid',
      'commit',
      '-q',
      '-m',
      'lock',
      '--date',
      '2025-06-01T12:00:00Z',
    );
    commitTime = Number((await git('log', '-1', '--format=%ct')).stdout.trim());
  });

  it('build-base writes the image and its provenance, stamped with the commit time', async () => {
    const { rootfsTar } = await ensureTestImage('x86_64');
    const r = await runActionMain(
      'build-base',
      { distro: 'rootfs', rootfs: rootfsTar, arch: 'x86_64', size: '256M' },
      { bundle: true, cwd: workspace, env: env() },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs.image, join(workspace, 'output/base.qcow2'));
    assert.equal(r.outputs.sha256, await sha256File(r.outputs.image!));
    const provenance = JSON.parse(
      await readFile(join(workspace, 'output/meta/build-provenance.json'), 'utf8'),
    );
    assert.equal(
      provenance.source.source_date_epoch,
      commitTime,
      'SOURCE_DATE_EPOCH defaults to the commit time',
    );
    assert.equal(provenance.source.repository, 'octo/images');
    assert.match(r.summary, /## build-base/);
  });

  it('boot-verify boots that image on OVMF and reports success', async () => {
    const r = await runActionMain(
      'boot-verify',
      { images: 'output/base.qcow2', arch: 'x86_64', boot: 'uefi', accel: 'tcg', timeout: '180' },
      { bundle: true, cwd: workspace, env: env() },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs.status, 'success');
    assert.ok(await stat(r.outputs.report!), 'the boot report exists');
  });

  it('analyze-deps measures the committed Cargo.lock', async () => {
    const r = await runActionMain(
      'analyze-deps',
      { source: 'Cargo.lock', 'risk-threshold': '100' },
      { bundle: true, cwd: workspace, env: env() },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.ok(Number(r.outputs['package-count']) > 10);
    assert.match(r.outputs['graph-sha256'] ?? '', /^[0-9a-f]{64}$/);
    assert.ok(await stat(join(workspace, 'output/meta/attestations/infrasim-build.json')));
    // The bundle carries the CycloneDX schemas, so the SBOM is validated at run time too.
    const report = JSON.parse(
      await readFile(join(workspace, 'output/meta/attestations/deps-report.json'), 'utf8'),
    );
    assert.equal(report.sbom.schema_validation, 'passed');
  });
});
