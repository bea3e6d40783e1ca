/**
 * Pure parts of OCI publishing: docker/metadata-action's outputs, the
 * artifact documents (deterministic bytes), channel names and the rollback
 * target chosen from a channel's history.
 */
import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { artifactManifest, imageIndex, ociArchitecture } from '../../shared/oci/artifact.ts';
import { type ChannelsDocument, checkChannelTag, rollbackTarget } from '../../shared/oci/channels.ts';
import { EMPTY_CONFIG_DIGEST, LAYER_QCOW2 } from '../../shared/oci/media-types.ts';
import { readMetadataAction, tagOfReference } from '../../shared/oci/metadata.ts';
import { immutableTagFor } from '../../shared/oci/publish.ts';

test('metadata-action JSON: tag names from full references, OCI annotations per level, created dropped', () => {
  // The shape metadata-action v6 exports as DOCKER_METADATA_OUTPUT_JSON for a push of tag v1.2.3.
  const json = JSON.stringify({
    tags: [
      'ghcr.io/acme/images:1.2.3',
      'ghcr.io/acme/images:1.2',
      'ghcr.io/acme/images:sha-0123456',
      'ghcr.io/acme/images:latest',
    ],
    labels: { 'org.opencontainers.image.title': 'images' },
    annotations: [
      'manifest:org.opencontainers.image.title=images',
      'manifest:org.opencontainers.image.created=2026-01-01T12:00:00.000Z',
      'index:org.opencontainers.image.version=1.2.3',
      'manifest-descriptor:org.opencontainers.image.version=1.2.3',
      'manifest:com.example.other=x',
    ],
  });
  assert.deepEqual(readMetadataAction({ json }), {
    tags: ['1.2.3', '1.2', 'sha-0123456', 'latest'],
    annotations: {
      manifest: { 'org.opencontainers.image.title': 'images' },
      index: { 'org.opencontainers.image.version': '1.2.3' },
    },
  });
});

test('metadata-action outputs as inputs: annotations lines with levels, or labels', () => {
  const cases: [Parameters<typeof readMetadataAction>[0], ReturnType<typeof readMetadataAction>][] = [
    [
      {
        annotations:
          'index,manifest:org.opencontainers.image.source=https://x\norg.opencontainers.image.licenses=MIT\n',
      },
      {
        tags: [],
        annotations: {
          manifest: {
            'org.opencontainers.image.source': 'https://x',
            'org.opencontainers.image.licenses': 'MIT',
          },
          index: { 'org.opencontainers.image.source': 'https://x' },
        },
      },
    ],
    [
      {
        labels: 'org.opencontainers.image.revision=abc\norg.opencontainers.image.created=now\nmaintainer=me',
      },
      {
        tags: [],
        annotations: {
          manifest: { 'org.opencontainers.image.revision': 'abc' },
          index: { 'org.opencontainers.image.revision': 'abc' },
        },
      },
    ],
    [{}, { tags: [], annotations: { manifest: {}, index: {} } }],
  ];
  for (const [input, expected] of cases)
    assert.deepEqual(readMetadataAction(input), expected, JSON.stringify(input));
});

test('metadata-action: bad outputs are refused naming where they came from', () => {
  assert.throws(
    () => readMetadataAction({ json: '{' }),
    /input 'DOCKER_METADATA_OUTPUT_JSON': is not docker\/metadata-action's JSON/,
  );
  assert.throws(() => readMetadataAction({ json: '{"tags": "x"}' }), /DOCKER_METADATA_OUTPUT_JSON/);
  assert.throws(
    () => readMetadataAction({ json: JSON.stringify({ tags: ['ghcr.io/a/b:bad tag'] }) }),
    /input 'DOCKER_METADATA_OUTPUT_JSON': 'bad tag' is not a valid OCI tag/,
  );
  assert.throws(
    () => readMetadataAction({ annotations: 'novalue' }),
    /input 'annotations': 'novalue' is not key=value/,
  );
  assert.equal(tagOfReference('127.0.0.1:5000/a/b:v1'), 'v1');
  assert.equal(tagOfReference('127.0.0.1:5000/a/b'), undefined);
});

test('artifact documents are deterministic and follow the OCI 1.1 artifact guidance', () => {
  const layers = [
    { mediaType: LAYER_QCOW2, digest: `sha256:${'1'.repeat(64)}`, size: 10, path: '/x/base.qcow2' },
  ];
  const a = artifactManifest('application/vnd.test', layers, { b: '2', a: '1' });
  const b = artifactManifest('application/vnd.test', layers, { a: '1', b: '2' });
  assert.equal(a.descriptor.digest, b.descriptor.digest, 'annotation order does not change the digest');
  const m = JSON.parse(a.bytes.toString());
  assert.equal(m.config.digest, EMPTY_CONFIG_DIGEST);
  assert.equal(m.config.mediaType, 'application/vnd.oci.empty.v1+json');
  assert.equal(m.layers[0].annotations['org.opencontainers.image.title'], 'base.qcow2');
  assert.deepEqual(Object.keys(m.annotations), ['a', 'b']);
  const index = imageIndex(
    'application/vnd.test',
    [{ manifest: a, platform: ociArchitecture('aarch64'), annotations: {} }],
    {},
  );
  const i = JSON.parse(index.bytes.toString());
  assert.deepEqual(i.manifests[0].platform, { architecture: 'arm64', os: 'linux', variant: 'v8' });
  assert.equal(i.manifests[0].digest, a.descriptor.digest);
  assert.equal(ociArchitecture('x86_64').architecture, 'amd64');
});

test('channel names: valid tags, reserved names refused', () => {
  for (const ok of ['dev', 'prod', 'latest', '1.2.3', '1']) assert.equal(checkChannelTag(ok), ok);
  for (const bad of ['channels', `sha-${'a'.repeat(40)}`, `sha256-${'b'.repeat(64)}`, 'no/slash', ''])
    assert.throws(() => checkChannelTag(bad, 'channel'), /input 'channel'/, bad);
  assert.equal(
    immutableTagFor('0123456789abcdef0123456789abcdef01234567'),
    'sha-0123456789abcdef0123456789abcdef01234567',
  );
  assert.throws(() => immutableTagFor('main'), /input 'commit'/);
});

const D = (c: string) => `sha256:${c.repeat(64)}`;
function doc(history: [string, string | null, 'publish' | 'promote' | 'rollback'][]): ChannelsDocument {
  const last = history[history.length - 1]!;
  return {
    schemaVersion: 1,
    repository: 'a/b',
    channels: {
      dev: {
        digest: last[0],
        updated: 't',
        history: history.map(([digest, from, action], i) => ({
          digest,
          from,
          action,
          time: `t${i}`,
          reason: '',
        })),
      },
    },
  };
}

test('rollback target: the previous digest, stepping further back on each rollback', () => {
  const cases: [string, Parameters<typeof doc>[0], string | undefined][] = [
    ['only one entry', [[D('a'), null, 'publish']], undefined],
    [
      'two publishes',
      [
        [D('a'), null, 'publish'],
        [D('b'), D('a'), 'publish'],
      ],
      D('a'),
    ],
    [
      'after one rollback, the next goes further back',
      [
        [D('a'), null, 'publish'],
        [D('b'), D('a'), 'publish'],
        [D('c'), D('b'), 'publish'],
        [D('b'), D('c'), 'rollback'],
      ],
      D('a'),
    ],
    [
      'a promotion after a rollback makes the rolled-back-to digest the previous one',
      [
        [D('a'), null, 'publish'],
        [D('b'), D('a'), 'publish'],
        [D('a'), D('b'), 'rollback'],
        [D('c'), D('a'), 'promote'],
      ],
      D('a'),
    ],
    ['the first entry records what the tag held before', [[D('b'), D('a'), 'promote']], D('a')],
  ];
  for (const [name, history, expected] of cases)
    assert.equal(rollbackTarget(doc(history), 'dev'), expected, name);
  assert.equal(rollbackTarget(doc([[D('a'), null, 'publish']]), 'prod'), undefined);
});
