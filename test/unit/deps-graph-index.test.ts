/**
 * The shared numbering of a graph: packages by their place, edges as pairs
 * of numbers, built once per graph and again when its arrays are replaced;
 * an edge to a package the graph does not list is refused, not numbered 0.
 */
import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { graphIndex } from '../../shared/deps/graph-index.ts';
import { GraphBuilder } from '../../shared/deps/model.ts';
import { cratesIoPackage } from '../support/dep-packages.ts';

function graph() {
  const builder = new GraphBuilder();
  for (const n of ['a', 'b', 'c']) builder.addPackage(cratesIoPackage(n));
  builder.addEdge({ from: 'c@1.0.0', to: 'a@1.0.0', kind: 'normal' });
  builder.addEdge({ from: 'a@1.0.0', to: 'b@1.0.0', kind: 'dev' });
  return builder.build({
    ecosystem: 'cargo',
    origin: 'cargo-lock',
    file: 'Cargo.lock',
    edgeKindsKnown: true,
  });
}

test('packages are numbered by their place and edges are pairs of those numbers, built once', () => {
  const g = graph();
  const index = graphIndex(g);
  assert.deepEqual(
    [...index.indexOf],
    [
      ['a@1.0.0', 0],
      ['b@1.0.0', 1],
      ['c@1.0.0', 2],
    ],
  );
  assert.deepEqual([...index.from], [2, 0]);
  assert.deepEqual([...index.to], [0, 1]);
  assert.equal(graphIndex(g), index);
  // New edges (as parseCargoLock sets them after building) are indexed again.
  g.edges = [{ from: 'b@1.0.0', to: 'c@1.0.0', kind: 'normal' }];
  assert.deepEqual([...graphIndex(g).from], [1]);
  assert.deepEqual([...graphIndex(g).to], [2]);
  // So are edges pushed onto the indexed array.
  g.edges.push({ from: 'c@1.0.0', to: 'b@1.0.0', kind: 'dev' });
  assert.deepEqual([...graphIndex(g).from], [1, 2]);
  assert.deepEqual([...graphIndex(g).to], [2, 1]);
});

test('an edge to a package the graph does not list is an error naming it', () => {
  const g = graph();
  g.edges = [...g.edges, { from: 'a@1.0.0', to: 'zz@9.9.9', kind: 'normal' }];
  assert.throws(
    () => graphIndex(g),
    /Cargo\.lock: the edge a@1\.0\.0 -> zz@9\.9\.9 names a package the graph does not list/,
  );
});
