/**
 * prune-packages through a fault proxy in front of a real registry: a DELETE
 * that keeps failing, a manifest that cannot be read, then seeded 500 / 429
 * (Retry-After) / timeouts anywhere. Whatever happens, no kept image loses a
 * manifest, and a clean rerun converges to exactly the planned end state.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { RegistryClient } from '../../shared/oci/registry-client.ts';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import { startRegistry, type TestRegistry } from '../support/registry.ts';
import { runActionMain } from '../support/run-action.ts';
import { fillRegistry, POLICY_INPUTS, REPO, type Filled } from './prune-fixture.ts';

const BUNDLE = process.env.PRUNE_FROM_SOURCE !== '1';

describe('prune-packages under injected faults', () => {
  let registry: TestRegistry;
  let proxy: FaultProxy;
  let dir: string;
  let filled: Filled;
  let direct: RegistryClient;

  beforeAll(async () => {
    registry = await startRegistry();
    dir = await mkdtemp(join(tmpdir(), 'prune-faults-'));
    filled = await fillRegistry(registry.host, dir);
    proxy = await startFaultProxy(registry.url);
    direct = new RegistryClient({ registry: registry.host });
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const prune = () =>
    runActionMain(
      'prune-packages',
      {
        target: 'registry',
        registry: proxy.host,
        package: REPO,
        'channels-file': filled.channelsFile,
        'request-timeout': '2',
        'plan-file': join(dir, 'plan.json'),
        ...POLICY_INPUTS,
      },
      { bundle: BUNDLE },
    );
  /** Read straight from the registry, past the proxy. */
  const assertKeptIntact = async () => {
    for (const d of filled.keptDigests)
      assert.ok(await direct.headManifest(REPO, d), `kept manifest ${d} lost`);
    const tags = await direct.listTags(REPO);
    for (const t of filled.keptTags) assert.ok(tags.includes(t), `kept tag ${t} lost`);
  };

  test('a DELETE that keeps failing: what depends on it is skipped, the step fails, kept images are whole', async () => {
    // The third deletion fails on every attempt (the client tries 5 times).
    proxy.setRules([{ method: 'DELETE', path: '/manifests/', at: [3, 4, 5, 6, 7], fault: { status: 500 } }]);
    const r = await prune();
    assert.notEqual(r.code, 0);
    assert.match(r.stdout, /FAILED sha256:/);
    assert.match(r.stdout, /a rerun continues from here/);
    assert.ok(Number(r.outputs.failed) >= 1);
    await assertKeptIntact();
  });

  test('a manifest that cannot be read: nothing is deleted and the step names it', async () => {
    const before = (await direct.listTags(REPO)).sort();
    const child = filled.keptChild;
    proxy.setRules([{ method: 'GET', path: `/manifests/${child}`, fault: { status: 503 } }]);
    const r = await prune();
    assert.notEqual(r.code, 0);
    assert.match(r.stdout, new RegExp(`left alone: manifest ${child}`));
    assert.deepEqual((await direct.listTags(REPO)).sort(), before);
    await assertKeptIntact();
  });

  test('a listed tag the registry answers 404 for: nothing is deleted (its digest may carry other tags)', async () => {
    const before = (await direct.listTags(REPO)).sort();
    const tag = filled.keptTags.find((t) => t !== 'channels')!;
    proxy.setRules([{ method: 'GET', path: `/manifests/${tag}`, fault: { status: 404 } }]);
    const r = await prune();
    assert.notEqual(r.code, 0);
    assert.match(r.stdout, new RegExp(`left alone: manifest tag ${tag}.*404`));
    assert.deepEqual((await direct.listTags(REPO)).sort(), before);
    await assertKeptIntact();
  });

  test('seeded 500 / 429 with Retry-After / timeouts anywhere: kept images stay whole', async () => {
    proxy.setRules([], {
      seed: 20260601,
      rate: 0.2,
      max: 8,
      faults: [{ status: 500 }, { status: 429, retryAfter: 1 }, { hang: true }],
    });
    const r = await prune();
    assert.ok(proxy.faults() > 0, 'faults were injected');
    // Bounded retries usually carry the run through; if not, it failed safe.
    if (r.code !== 0) assert.match(r.stdout, /left alone|a rerun continues/);
    await assertKeptIntact();
  });

  test('a clean rerun converges to the planned end state', async () => {
    proxy.setRules([]);
    const r = await prune();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual((await direct.listTags(REPO)).sort(), filled.keptTags);
    for (const d of filled.deletedDigests)
      assert.equal(await direct.headManifest(REPO, d), undefined, `${d} left`);
    await assertKeptIntact();
    const again = await prune();
    assert.equal(again.outputs['to-delete'], '0');
  });
});
