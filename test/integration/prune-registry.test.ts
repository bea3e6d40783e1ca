/**
 * prune-packages against Debian's docker-registry on 127.0.0.1, through the
 * bundled action: plan (dry run), prune, then skopeo pulls every kept tag
 * completely and nothing the policy deletes is left; a rerun has nothing to do.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { run } from '../../shared/exec.ts';
import { RegistryClient } from '../../shared/oci/registry-client.ts';
import { planSchema } from '../../shared/prune/types.ts';
import { startRegistry, type TestRegistry } from '../support/registry.ts';
import { runActionMain } from '../support/run-action.ts';
import { needTools } from '../support/tools.ts';
import { fillRegistry, POLICY_INPUTS, REPO, type Filled } from './prune-fixture.ts';

const BUNDLE = process.env.PRUNE_FROM_SOURCE !== '1';

describe('prune-packages on a real registry', () => {
  let registry: TestRegistry;
  let dir: string;
  let filled: Filled;
  const inputs = () => ({
    target: 'registry',
    registry: registry.host,
    package: REPO,
    // No channels-file: the channels.json published beside the images (tag `channels`) is read.
    ...POLICY_INPUTS,
  });

  beforeAll(async () => {
    await needTools('skopeo', 'docker-registry');
    registry = await startRegistry();
    dir = await mkdtemp(join(tmpdir(), 'prune-registry-'));
    filled = await fillRegistry(registry.host, dir);
  });
  afterAll(async () => {
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('dry run: the whole plan, with reasons, and nothing deleted', async () => {
    const planFile = join(dir, 'dry-plan.json');
    const r = await runActionMain(
      'prune-packages',
      { ...inputs(), 'dry-run': 'true', 'plan-file': planFile },
      { bundle: BUNDLE },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const plan = planSchema.parse(JSON.parse(await readFile(planFile, 'utf8')));
    assert.deepEqual(new Set(plan.delete.map((d) => d.digest)), filled.deletedDigests);
    assert.deepEqual(new Set(plan.keep.map((d) => d.digest)), filled.keptDigests);
    const dev1 = plan.keep.find((d) => d.tags.includes('dev-1'))!;
    assert.match(dev1.reason, /channels\.json: dev \(rollback history #1\)/);
    assert.ok(plan.keep.some((d) => d.kind === 'referrer' && /subject/.test(d.reason)));
    assert.match(r.summary, /dry run: nothing deleted/);
    assert.match(r.summary, /\| digest \| tags \| kind \| created \| why \|/);
    const client = new RegistryClient({ registry: registry.host });
    for (const d of filled.deletedDigests)
      assert.ok(await client.headManifest(REPO, d), `${d} still there after a dry run`);
  });

  test('prune: every kept tag pulls completely with skopeo, nothing the policy deletes is left', async () => {
    const r = await runActionMain(
      'prune-packages',
      { ...inputs(), 'plan-file': join(dir, 'plan.json') },
      { bundle: BUNDLE },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs.deleted, String(filled.deletedDigests.size));
    assert.equal(r.outputs.failed, '0');
    assert.match(r.stdout, /deleted sha256:[0-9a-f]{64} \[dev-2, sha-2\]/);
    assert.ok(Number(r.outputs['api-calls']) > 0);

    const client = new RegistryClient({ registry: registry.host });
    assert.deepEqual((await client.listTags(REPO)).sort(), filled.keptTags);
    for (const d of filled.deletedDigests)
      assert.equal(await client.headManifest(REPO, d), undefined, `${d} left`);
    for (const d of filled.keptDigests) assert.ok(await client.headManifest(REPO, d), `${d} lost`);
    // skopeo, an independent client, copies each kept tag with everything it references:
    // an index with every child; a fallback tag index with every referrer it lists.
    const layout = join(dir, 'pulled');
    await mkdir(layout);
    for (const tag of filled.keptTags) {
      const res = await run('skopeo', [
        'copy',
        '--all',
        '--src-tls-verify=false',
        `docker://${registry.host}/${REPO}:${tag}`,
        `oci:${layout}:${tag}`,
      ]);
      assert.equal(res.code, 0, `skopeo could not pull ${tag}: ${res.stderr}`);
    }
    // skopeo reads every kept manifest by digest, byte for byte what was pushed (its copy above
    // re-encodes indexes for the oci: layout, so digests are checked here).
    for (const d of filled.keptDigests) {
      const raw = await run('skopeo', [
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${registry.host}/${REPO}@${d}`,
      ]);
      assert.equal(`sha256:${createHash('sha256').update(raw.stdout).digest('hex')}`, d);
    }
  });

  test('a rerun has nothing left to do', async () => {
    const r = await runActionMain(
      'prune-packages',
      { ...inputs(), 'plan-file': join(dir, 'rerun.json') },
      { bundle: BUNDLE },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs['to-delete'], '0');
  });

  const bad: { name: string; inputs: Record<string, string>; input: string; message: RegExp }[] = [
    {
      name: 'unknown package',
      inputs: { package: 'team/no-such-image' },
      input: 'package',
      message: /no repository 'team\/no-such-image'/,
    },
    {
      name: 'malformed pattern',
      inputs: { rules: "- tags: 'dev/*'\n  keep: 2" },
      input: 'rules',
      message: /not a tag pattern/,
    },
    {
      name: 'malformed duration',
      inputs: { rules: "- tags: 'dev-*'\n  younger-than: 2 weeks" },
      input: 'rules',
      message: /not a duration/,
    },
    {
      name: 'conflicting rules',
      inputs: { rules: "- tags: 'prod'\n  keep: 0" },
      input: 'rules',
      message: /conflicts with keep-tags/,
    },
    {
      name: 'budget',
      inputs: { 'deletes-per-minute': '-5' },
      input: 'deletes-per-minute',
      message: /not a positive number/,
    },
  ];
  for (const c of bad) {
    test(`bad input (${c.name}) fails naming the input, deleting nothing`, async () => {
      const client = new RegistryClient({ registry: registry.host });
      const before = (await client.listTags(REPO)).sort();
      const r = await runActionMain(
        'prune-packages',
        { ...inputs(), ...c.inputs, 'plan-file': join(dir, 'bad.json') },
        { bundle: BUNDLE },
      );
      assert.notEqual(r.code, 0);
      assert.match(r.stdout, new RegExp(`input '${c.input}'`));
      assert.match(r.stdout, c.message);
      assert.deepEqual((await client.listTags(REPO)).sort(), before);
    });
  }
});
