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
import {
  EMPTY_CONFIG_BYTES,
  EMPTY_CONFIG_DIGEST,
  OCI_EMPTY,
  OCI_INDEX,
  OCI_MANIFEST,
} from '../../shared/oci/media-types.ts';
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

  test('a referrer of an index pushed but not yet tagged stays within untagged-grace; past it, it goes', async () => {
    // What a tag-snapshot push looks like midway: the index and its attestation (in the fallback tag) are
    // up, the sha-<commit> tag is not yet. The registry gives no push time; the subject being there counts.
    const repo = 'team/in-progress';
    const c = new RegistryClient({ registry: registry.host });
    await c.uploadBlob(repo, { bytes: EMPTY_CONFIG_BYTES });
    const put = async (doc: object, mediaType: string, tag?: string) => {
      const bytes = Buffer.from(JSON.stringify(doc));
      const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
      await c.putManifest(repo, tag ?? digest, bytes, mediaType);
      return { mediaType, digest, size: bytes.length };
    };
    const empty = { mediaType: OCI_EMPTY, digest: EMPTY_CONFIG_DIGEST, size: 2 };
    await put(
      { schemaVersion: 2, mediaType: OCI_MANIFEST, config: empty, layers: [] },
      OCI_MANIFEST,
      'keep-1',
    );
    const child = await put(
      { schemaVersion: 2, mediaType: OCI_MANIFEST, config: empty, layers: [], annotations: { a: 'b' } },
      OCI_MANIFEST,
    );
    const index = await put({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [child] }, OCI_INDEX);
    const att = await put(
      { schemaVersion: 2, mediaType: OCI_MANIFEST, config: empty, layers: [], subject: index },
      OCI_MANIFEST,
    );
    await c.addToReferrersTag(repo, index.digest, { ...att, artifactType: 'application/x-test' });
    const fallback = (await c.headManifest(repo, index.digest.replace(':', '-')))!.digest;

    const plan = async (grace: string) => {
      const planFile = join(dir, `in-progress-${grace}.json`);
      const r = await runActionMain(
        'prune-packages',
        {
          target: 'registry',
          registry: registry.host,
          package: repo,
          rules: "- tags: 'keep-*'\n  keep: 5",
          'untagged-grace': grace,
          'dry-run': 'true',
          'plan-file': planFile,
        },
        { bundle: BUNDLE },
      );
      assert.equal(r.code, 0, r.stdout + r.stderr);
      return planSchema.parse(JSON.parse(await readFile(planFile, 'utf8')));
    };
    const within = await plan('1h');
    assert.deepEqual(within.delete, []);
    assert.match(
      within.keep.find((d) => d.digest === fallback)!.reason,
      new RegExp(
        `fallback tag of ${index.digest}, which the registry has with no tag: a push may be in progress`,
      ),
    );
    assert.ok(within.keep.some((d) => d.digest === att.digest));
    const past = await plan('0');
    assert.deepEqual(new Set(past.delete.map((d) => d.digest)), new Set([fallback, att.digest]));
    assert.match(past.delete.find((d) => d.digest === fallback)!.reason, /which no tag leads to/);
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
