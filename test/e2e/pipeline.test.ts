/**
 * The chain `npm run pipeline` runs (scripts/lib/chain.ts, the same code, not
 * a copy): every action's dist bundle started as the runner starts it, one job
 * on the test image — build-base → build-variant (no-vpn, wireguard) →
 * boot-verify → analyze-deps → attest (throwaway key) → tag-snapshot (bare
 * remote, a registry started for the run) → verify → prune-packages (dry run)
 * → post steps → seed 000's commands. The registry already holds a 2020
 * snapshot, so the dry-run plan has something to delete; what the new
 * snapshot pushed is read back with the registry API before the prune step
 * and must all be kept.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { sha256File } from '../../shared/hash.ts';
import { planSchema } from '../../shared/prune/types.ts';
import { runChain, STEPS, type ChainResult } from '../../scripts/lib/chain.ts';
import type { StepRun } from '../../scripts/lib/job.ts';
import { qemuPidsMentioning } from '../support/processes.ts';
import { needTools } from '../support/tools.ts';
import {
  OLD_COMMIT,
  readPushedSnapshot,
  seedOlderContent,
  type OlderContent,
  type PushedSnapshot,
} from './older-release.ts';

await needTools('git', 'tar', 'jq', 'shasum', 'qemu-img', 'qemu-system-x86_64', 'docker-registry');

describe('npm run pipeline: the whole chain from the dist bundles, as one job', () => {
  let scratch: string;
  let result: ChainResult;
  let older: OlderContent | undefined;
  let pushed: PushedSnapshot | undefined;
  const progress: string[] = [];
  const main = (id: string): StepRun => {
    const s = result.steps.find((x) => x.entry === 'main' && x.id === id);
    assert.ok(s, `step ${id} ran`);
    return s;
  };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'e2e-pipeline-'));
    result = await runChain({
      dir: join(scratch, 'run'),
      accel: 'tcg',
      log: (line) => progress.push(line),
      beforeStep: async (id, run) => {
        if (id === 'tag-snapshot') older = await seedOlderContent(run.registry!, run.ociRepository);
        if (id === 'prune-packages')
          pushed = await readPushedSnapshot(run.registry!, run.ociRepository, run.commit);
      },
    });
  });
  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('runs every step in order and every post step, all succeeding, with no QEMU left behind', async () => {
    assert.ok(result.ok, `${result.failure}\n${progress.join('\n')}`);
    assert.deepEqual(
      result.steps.filter((s) => s.entry === 'main').map((s) => s.id),
      [...STEPS],
    );
    // Post steps run at the end of the job, last registered first, as the runner runs them.
    assert.deepEqual(
      result.steps.filter((s) => s.entry === 'post').map((s) => s.action),
      ['boot-verify', 'build-variant'],
    );
    for (const s of result.steps) assert.ok(s.ok, `${s.id}: exit ${s.code}\n${s.log}`);
    assert.deepEqual(await qemuPidsMentioning(result.run.dir), []);
  });

  it('builds the base stamped with the commit time, two overlays, and boots all three', async () => {
    const base = main('build-base');
    const bp = JSON.parse(await readFile(base.outputs.provenance!, 'utf8'));
    const commitTime = Number(git(result.run.workspace, 'log', '-1', '--format=%ct'));
    assert.equal(bp.source.source_date_epoch, commitTime, 'SOURCE_DATE_EPOCH defaults to the commit time');
    assert.equal(bp.source.git_sha, result.run.commit);
    assert.equal(base.outputs.sha256, await sha256File(base.outputs.image!));
    const variants = JSON.parse(main('build-variant').outputs.results!) as { variant: string }[];
    assert.deepEqual(
      variants.map((v) => v.variant),
      ['no-vpn', 'wireguard'],
    );
    const boot = main('boot-verify');
    assert.equal(boot.outputs.status, 'success');
    assert.deepEqual(
      boot.outputs.report!.split('\n').map((p) => p.split('/').at(-1)),
      ['base.json', 'overlay-no-vpn.json', 'overlay-wireguard.json'],
    );
  });

  it("analyses this repository's lockfile and validates its SBOM", async () => {
    const deps = main('analyze-deps');
    assert.ok(Number(deps.outputs['package-count']) > 100);
    const report = JSON.parse(await readFile(join(result.run.workspace, deps.outputs.report!), 'utf8'));
    assert.equal(report.sbom.schema_validation, 'passed');
  });

  it('signs with the throwaway key, which never reaches a log; verify passes with its public half', async () => {
    const attest = main('attest');
    assert.equal(attest.outputs.signed, 'true');
    const masked = [...attest.stdout.matchAll(/^::add-mask::(.+)$/gm)].map((m) => m[1]!);
    assert.ok(masked.length > 0, 'attest masks the key');
    for (const name of await readdir(result.run.logs)) {
      const text = await readFile(join(result.run.logs, name), 'utf8');
      for (const secret of masked) assert.ok(!text.includes(secret), `${name} shows a masked value`);
      assert.doesNotMatch(text, /PRIVATE KEY/);
    }
    const verify = main('verify');
    assert.equal(verify.outputs.verified, 'true');
    assert.equal(verify.outputs['failed-check'] ?? '', '');
  });

  it('pushes the annotated snapshot tag on the commit to the bare remote', () => {
    const tag = main('tag-snapshot').outputs.tag!;
    assert.match(tag, /^image-/);
    assert.equal(git(result.run.remote, 'cat-file', '-t', `refs/tags/${tag}`), 'tag');
    assert.equal(git(result.run.remote, 'rev-parse', `refs/tags/${tag}^{commit}`), result.run.commit);
  });

  it("publishes a bundle that passes seed 000's verification commands", async () => {
    assert.ok(result.seedCheck?.ok, JSON.stringify(result.seedCheck, null, 2));
    // Checked again here, independently of the chain's own run of the commands.
    const snapshot = main('tag-snapshot');
    const bundle = snapshot.outputs.bundle!;
    const out = execFileSync('shasum', ['-a', '256', '-c', snapshot.outputs['checksum-file']!], {
      cwd: join(bundle, '..'),
      encoding: 'utf8',
    });
    assert.match(out, /: OK$/m);
    const extracted = join(result.run.dir, 'bundle-check');
    const recorded = execFileSync('jq', ['-r', '.image.sha256', 'meta/image-provenance.json'], {
      cwd: extracted,
      encoding: 'utf8',
    }).trim();
    assert.equal(recorded, await sha256File(join(extracted, 'disk/base.qcow2')));
    assert.equal(recorded, main('build-base').outputs.sha256);
  });

  it('pushes sha-<commit> first and moves dev after the gates', () => {
    assert.ok(pushed, 'the registry was read before the prune step');
    const snapshot = main('tag-snapshot');
    assert.equal(snapshot.outputs['immutable-tag'], `sha-${result.run.commit}`);
    assert.ok(pushed.tags.includes(`sha-${result.run.commit}`), pushed.tags.join(' '));
    assert.ok(pushed.tags.includes('dev'));
    assert.equal(snapshot.outputs.digest, pushed.index);
  });

  it('plans to delete exactly the 2020 snapshot, nothing a kept image needs', async () => {
    assert.ok(older && pushed);
    const prune = main('prune-packages');
    assert.equal(prune.outputs['deleted'] ?? '0', '0', 'a dry run deletes nothing');
    const plan = planSchema.parse(
      JSON.parse(await readFile(join(result.run.workspace, prune.outputs.plan!), 'utf8')),
    );
    assert.deepEqual(plan.blocked, []);
    const deleted = new Set(plan.delete.map((d) => d.digest));
    for (const d of pushed.closure)
      assert.ok(!deleted.has(d), `${d}, which the new snapshot needs, is planned for deletion`);
    const kept = new Set(plan.keep.map((d) => d.digest));
    for (const d of pushed.closure)
      assert.ok(kept.has(d), `${d} of the new snapshot is not in the plan's keep list`);
    assert.deepEqual(deleted, older.digests);
    assert.ok(plan.delete.some((d) => d.tags.includes(`sha-${OLD_COMMIT}`)));
    assert.equal(prune.outputs['to-delete'], String(older.digests.size));
  });
});
