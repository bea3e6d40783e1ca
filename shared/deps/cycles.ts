/**
 * Dependency cycles as strongly connected components, kept in two groups:
 * cycles over normal/build edges (a real problem: nothing in them can be
 * built or upgraded alone) and cycles that need a dev-dependency edge (normal
 * in Rust workspaces: a crate's tests depend on a helper that depends on it).
 * npm peer edges count with dev edges: a peer dependency names the host a
 * plugin extends (eslint-utils → eslint → eslint-utils), which is the same
 * kind of expected loop.
 *
 * Cargo.lock does not record edge kinds, but Cargo refuses cycles over
 * normal/build edges, so every cycle of a Cargo.lock is a dev cycle; those
 * findings say the classification was inferred.
 */
import { finding, type Finding } from './findings.ts';
import { graphIndex } from './graph-index.ts';
import type { DepGraph, Edge } from './model.ts';
import { cyclicComponents } from './tarjan.ts';

export interface CycleFindings {
  cycles: Finding[];
  devCycles: Finding[];
}

function isStrongEdge(graph: DepGraph, edge: Edge): boolean {
  if (edge.kind === 'dev' || edge.kind === 'peer') return false;
  if (edge.kind === 'unknown' && graph.ecosystem === 'cargo') return false;
  return true;
}

export function findCycles(graph: DepGraph): CycleFindings {
  const { from, to } = graphIndex(graph);
  const strong: number[] = [];
  graph.edges.forEach((e, i) => {
    if (isStrongEdge(graph, e)) strong.push(i);
  });

  const strongComponents = cyclicComponents(graph.packages.length, {
    from: strong.map((i) => from[i]!),
    to: strong.map((i) => to[i]!),
  });
  const allComponents = cyclicComponents(graph.packages.length, { from, to });

  /** Edges inside each component, found in one pass over the edges (linear, not per component). */
  const edgesWithin = (components: number[][], keep: (e: Edge) => boolean): Edge[][] => {
    const componentOf = new Int32Array(graph.packages.length).fill(-1);
    components.forEach((c, ci) => c.forEach((n) => (componentOf[n] = ci)));
    const buckets: Edge[][] = components.map(() => []);
    graph.edges.forEach((e, i) => {
      const c = componentOf[from[i]!]!;
      if (c !== -1 && c === componentOf[to[i]!] && keep(e)) buckets[c]!.push(e);
    });
    return buckets;
  };

  const toFinding = (kind: 'cycle' | 'dev-cycle', members: number[], edges: Edge[]): Finding => {
    const ids = members.map((m) => graph.packages[m]!.id).sort();
    const names = [...new Set(members.map((m) => graph.packages[m]!.name))].sort();
    const label = kind === 'cycle' ? 'dependency cycle' : 'dev/peer-dependency cycle';
    return finding(
      kind,
      names.join('+'),
      `${label} of ${ids.length} package(s): ${names.join(', ')}`,
      ids,
      edges,
      {
        inferredFromLockfile: !graph.edgeKindsKnown && kind === 'dev-cycle',
      },
    );
  };

  const key = (c: number[]): string => [...c].sort((a, b) => a - b).join(',');
  const strongKeys = new Set(strongComponents.map(key));
  const devComponents = allComponents.filter((c) => !strongKeys.has(key(c)));
  const strongEdges = edgesWithin(strongComponents, (e) => isStrongEdge(graph, e));
  const devEdges = edgesWithin(devComponents, () => true);
  return {
    cycles: strongComponents.map((c, i) => toFinding('cycle', c, strongEdges[i]!)),
    devCycles: devComponents.map((c, i) => toFinding('dev-cycle', c, devEdges[i]!)),
  };
}
