/**
 * The most-depended-on packages (the summary's diagram) count distinct
 * dependents: an edge repeated with another kind is one dependent, ties are
 * broken by id, and the answer is the one a Set of dependents per package gives.
 */
import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { topDependedOn } from '../../shared/deps/analyze.ts';
import { GraphBuilder, type EdgeKind } from '../../shared/deps/model.ts';
import { cratesIoPackage } from '../support/dep-packages.ts';

test('distinct dependents, repeated edges of other kinds counted once, ties by id', () => {
  const builder = new GraphBuilder();
  const names = Array.from({ length: 300 }, (_, i) => `p${i}`);
  for (const n of names) builder.addPackage(cratesIoPackage(n));
  let seed = 3;
  const random = (k: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % k;
  const kinds: EdgeKind[] = ['normal', 'dev', 'build'];
  for (let i = 0; i < 3000; i++)
    builder.addEdge({
      from: `${names[random(300)]}@1.0.0`,
      to: `${names[random(40)]}@1.0.0`,
      kind: kinds[random(3)]!,
    });
  const graph = builder.build({ ecosystem: 'cargo', origin: 'cargo-lock', file: 'x', edgeKindsKnown: true });
  assert.ok(graph.edges.length > new Set(graph.edges.map((e) => `${e.from} ${e.to}`)).size, 'repeats exist');

  const sets = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    if (!sets.has(e.to)) sets.set(e.to, new Set());
    sets.get(e.to)!.add(e.from);
  }
  const expected = [...sets]
    .map(([id, s]) => ({ id, dependents: s.size }))
    .sort((a, b) => b.dependents - a.dependents || (a.id < b.id ? -1 : 1))
    .slice(0, 10);
  assert.deepEqual(topDependedOn(graph, 10), expected);
  assert.deepEqual(topDependedOn({ ...graph, edges: [] }, 10), []);
});
