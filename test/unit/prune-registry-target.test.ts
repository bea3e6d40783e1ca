/**
 * The registry target's tag reading against a stand-in client (the real registry cannot be made to drop a
 * tag between two requests on cue; prune-faults.test.ts covers a tag that stays listed and answers 404).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from '@jest/globals';
import type { RegistryClient } from '../../shared/oci/registry-client.ts';
import { OCI_MANIFEST } from '../../shared/oci/media-types.ts';
import { RegistryTarget } from '../../shared/prune/registry-target.ts';

function stubClient(listings: string[][], served: Record<string, object>) {
  let listed = 0;
  const manifest = (doc: object) => {
    const bytes = Buffer.from(JSON.stringify(doc));
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    return { digest, mediaType: OCI_MANIFEST, bytes, manifest: doc };
  };
  const client = {
    registry: 'registry.test',
    listTags: async () => listings[Math.min(listed++, listings.length - 1)]!,
    getManifest: async (_repo: string, ref: string) => (served[ref] ? manifest(served[ref]) : undefined),
    referrers: async () => ({ descriptors: [], via: 'tag' as const }),
    getBlob: async () => Buffer.from('{}'),
  };
  return { client: client as unknown as RegistryClient, listings: () => listed };
}

const doc = (n: string) => ({
  schemaVersion: 2,
  mediaType: OCI_MANIFEST,
  config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: `sha256:${'0'.repeat(64)}`, size: 2 },
  layers: [],
  annotations: { 'org.opencontainers.image.created': '2026-01-01T00:00:00Z', n },
});

test('a tag deleted between the listing and its read is gone, not a reason to leave the package alone', async () => {
  const { client, listings } = stubClient([['dev-1', 'dev-2'], ['dev-1']], { 'dev-1': doc('1') });
  const target = new RegistryTarget({ client, repository: 'team/x', requests: () => 0, log: () => {} });
  const inv = await target.inventory();
  assert.deepEqual(inv.unreadable, []);
  assert.deepEqual(
    inv.versions.map((v) => v.tags),
    [['dev-1']],
  );
  assert.equal(listings(), 2, 'the tags were listed again once');
});

test('a tag still listed that answers 404 leaves the package alone', async () => {
  const { client } = stubClient([['dev-1', 'prod']], { 'dev-1': doc('1') });
  const target = new RegistryTarget({ client, repository: 'team/x', requests: () => 0, log: () => {} });
  const inv = await target.inventory();
  assert.deepEqual(
    inv.unreadable.map((u) => [u.digest, u.reason]),
    [['tag prod', 'listed, but the registry answers 404 for it']],
  );
});
