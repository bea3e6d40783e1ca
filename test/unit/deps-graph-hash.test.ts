import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from '@jest/globals';
import { parseCargoMetadata } from '../../shared/deps/cargo-metadata.ts';
import { CANONICAL_FORM_VERSION, canonicalGraph, graphSha256 } from '../../shared/deps/graph-hash.ts';
import { GraphBuilder, type DepGraph, type EdgeKind } from '../../shared/deps/model.ts';
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

/** The canonical form as its definition states it: the strings built, sorted and serialised. */
function canonicalAsDefined(graph: DepGraph): string {
  return JSON.stringify({
    form: CANONICAL_FORM_VERSION,
    ecosystem: graph.ecosystem,
    packages: graph.packages.map((p) => (p.checksum ? `${p.id} ${p.checksum}` : p.id)).sort(),
    edges: graph.edges.map((e) => `${e.from} -> ${e.to} (${e.kind})`).sort(),
  });
}

/** A graph of the given ids (no source: the id is the name) with `edges` edges between them, repeatably random. */
function randomGraph(ids: string[], edges: number, seed: number): DepGraph {
  let s = seed;
  const random = (k: number): number => Math.floor(((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * k);
  const kinds: EdgeKind[] = ['normal', 'build', 'dev', 'optional', 'peer', 'unknown'];
  const b = new GraphBuilder();
  for (const id of ids)
    b.packages.set(id, {
      id,
      name: id,
      version: '',
      source: { kind: 'path', path: null, outsideWorkspace: null },
      workspaceMember: false,
      repository: null,
      license: null,
      checksum: random(2) ? null : 'ab'.repeat(32),
    });
  for (let i = 0; i < edges; i++)
    b.addEdge({ from: ids[random(ids.length)]!, to: ids[random(ids.length)]!, kind: kinds[random(6)]! });
  return b.build({ ecosystem: 'cargo', origin: 'cargo-lock', file: 'random', edgeKindsKnown: true });
}

test.each([
  ['plain ids', ['serde@1.0.0', 'serde_json@1.0.1', 'libc@0.2.1', 'a@1', 'b@2', 'B@2', 'z@0.1.0']],
  // An id that begins another one: the text after it in an edge string decides, not the id alone.
  ['an id and the same id from another source', ['x@1.0.0', 'x@1.0.0 (path)', 'x@1.0.0 (git u#c)', 'y@1']],
  ['an id and a pre-release of it', ['x@1.0.0', 'x@1.0.0-rc.1', 'x@1.0.0+b', 'x@1.0.00', 'y@1']],
  ['ids holding the arrow and control characters', ['a', 'a -> b', 'a\u0001', 'a\t', 'b', 'a (', 'a -']],
  // The same characters inside ids none of which begins another: the numeric order, not the strings' sort.
  ['ids holding them where no id begins another', ['a -> b', 'c (d)', 'e\u0001f', 'g\th', 'i -', 'j (']],
  [
    'ids JSON escapes: quotes, backslashes, non-ASCII, lone surrogates',
    ['"q"', 'b\\s', 'é@1', '😀@1', '\ud800@1', 'x\ud800', 'x'],
  ],
])('the canonical text is the sorted strings of its definition: %s', (_, ids) => {
  for (let seed = 1; seed <= 20; seed++) {
    const graph = randomGraph(ids, ids.length * 3, seed);
    assert.equal(canonicalGraph(graph), canonicalAsDefined(graph));
    assert.equal(graphSha256(graph), createHash('sha256').update(canonicalAsDefined(graph)).digest('hex'));
  }
});

test('an edge kind outside the known ones, even a name Object.prototype has, is hashed as written', () => {
  for (const kind of ['zzz', 'constructor', 'toString', '__proto__']) {
    const graph = randomGraph(['a@1', 'b@1'], 0, 1);
    graph.edges = [{ from: 'a@1', to: 'b@1', kind: kind as EdgeKind }];
    assert.equal(canonicalGraph(graph), canonicalAsDefined(graph));
  }
});

test('edges pushed after the graph was hashed are hashed with it', () => {
  const graph = randomGraph(['a@1', 'b@1', 'c@1'], 2, 3);
  graphSha256(graph);
  graph.edges.push({ from: 'b@1', to: 'c@1', kind: 'dev' });
  assert.equal(canonicalGraph(graph), canonicalAsDefined(graph));
});

test('a graph without edges, and one without packages, have their defined text', () => {
  for (const graph of [randomGraph(['a@1', 'b@1'], 0, 1), randomGraph([], 0, 1)])
    assert.equal(canonicalGraph(graph), canonicalAsDefined(graph));
});
