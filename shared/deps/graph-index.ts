/**
 * A graph's packages numbered by their place in `graph.packages`, and its
 * edges as parallel arrays of those numbers: what the analyses that work on
 * numbers (cycles, the most depended-on, the SBOM's order) share. Built once
 * per graph: each of them numbering the ids itself was three maps and three
 * times a lookup per edge end on a 20,000-package graph.
 */
import type { DepGraph } from './model.ts';

export interface GraphIndex {
  /** The number of each package id. */
  indexOf: ReadonlyMap<string, number>;
  /** Edge i goes from package from[i] to package to[i] (graph.edges order). */
  from: Int32Array;
  to: Int32Array;
}

/**
 * Remembered with the arrays it was built from and their lengths, so a graph given new packages or edges
 * (new arrays, or more of them pushed) is indexed again. A graph is not edited in place once parsed: an id
 * or an edge end changed where it stands would not be seen.
 */
const built = new WeakMap<
  DepGraph,
  { packages: unknown; edges: unknown; packageCount: number; edgeCount: number; index: GraphIndex }
>();

export function graphIndex(graph: DepGraph): GraphIndex {
  const known = built.get(graph);
  if (
    known &&
    known.packages === graph.packages &&
    known.edges === graph.edges &&
    known.packageCount === graph.packages.length &&
    known.edgeCount === graph.edges.length
  )
    return known.index;
  const indexOf = new Map<string, number>();
  graph.packages.forEach((p, i) => indexOf.set(p.id, i));
  const from = new Int32Array(graph.edges.length);
  const to = new Int32Array(graph.edges.length);
  graph.edges.forEach((e, i) => {
    const f = indexOf.get(e.from);
    const t = indexOf.get(e.to);
    // Every parser adds an edge's ends as packages; an edge that does not is a bug, not a finding.
    if (f === undefined || t === undefined)
      throw new Error(`${graph.file}: the edge ${e.from} -> ${e.to} names a package the graph does not list`);
    from[i] = f;
    to[i] = t;
  });
  const index = { indexOf, from, to };
  built.set(graph, {
    packages: graph.packages,
    edges: graph.edges,
    packageCount: graph.packages.length,
    edgeCount: graph.edges.length,
    index,
  });
  return index;
}
