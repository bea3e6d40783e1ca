import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { parseCargoMetadata } from '../../shared/deps/cargo-metadata.ts';
import { canonicalGraph, graphSha256 } from '../../shared/deps/graph-hash.ts';
import { parseNpmLock } from '../../shared/deps/npm-lock.ts';
import { cargoMetadata, CRATES_IO, npmLock } from '../fixtures/deps/graphs.ts';

/** Reverses the key order of every object and the order of every array that is a list of records. */
function shuffle(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shuffle).reverse();
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, shuffle(v)]),
    );
  return value;
}

const meta = cargoMetadata([
  { name: 'app', deps: [{ to: 'serde' }, { to: 'helper', kinds: ['dev'] }] },
  { name: 'helper', deps: [{ to: 'app' }] },
  { name: 'serde', version: '1.0.200', source: CRATES_IO },
]);

test('the same graph hashes the same whatever the key order, array order or whitespace', () => {
  const compact = graphSha256(parseCargoMetadata(JSON.stringify(meta), 'a.json'));
  const pretty = graphSha256(parseCargoMetadata(JSON.stringify(meta, null, 7), 'b.json'));
  const shuffled = graphSha256(parseCargoMetadata(JSON.stringify(shuffle(meta), null, '\t'), 'c.json'));
  assert.match(compact, /^[0-9a-f]{64}$/);
  assert.equal(pretty, compact);
  assert.equal(shuffled, compact);
});

test('the same workspace at another absolute path hashes the same', () => {
  const moved = JSON.stringify(meta).replaceAll('/home/builder/ws', '/srv/ci/other/checkout');
  assert.equal(
    graphSha256(parseCargoMetadata(moved, 'm.json')),
    graphSha256(parseCargoMetadata(JSON.stringify(meta), 'a.json')),
  );
});

test('a different version, edge or edge kind changes the hash', () => {
  const base = graphSha256(parseCargoMetadata(JSON.stringify(meta), 'a.json'));
  const bumped = JSON.stringify(meta).replaceAll('1.0.200', '1.0.201');
  assert.notEqual(graphSha256(parseCargoMetadata(bumped, 'a.json')), base);
  const kind = JSON.stringify(meta).replaceAll('"kind":"dev"', '"kind":"build"');
  assert.notEqual(graphSha256(parseCargoMetadata(kind, 'a.json')), base);
});

test('npm: duplicate install paths of one package do not change the canonical form', () => {
  const one = npmLock(
    {
      'node_modules/a': { version: '1.0.0', dependencies: { b: '1' } },
      'node_modules/b': { version: '1.0.0' },
    },
    { dependencies: { a: '1' } },
  );
  const two = npmLock(
    {
      'node_modules/a': { version: '1.0.0', dependencies: { b: '1' } },
      'node_modules/a/node_modules/b': { version: '1.0.0' },
      'node_modules/b': { version: '1.0.0' },
    },
    { dependencies: { a: '1' } },
  );
  assert.equal(canonicalGraph(parseNpmLock(one, 'x')), canonicalGraph(parseNpmLock(two, 'y')));
});
