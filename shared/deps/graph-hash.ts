/**
 * graph_sha256: SHA-256 over a canonical form of the graph, so the same graph
 * hashes the same whatever the key order, whitespace or package order of the
 * input, and on whatever machine (ids carry no absolute paths). The form is
 * JSON of sorted package ids (with checksum when known) and sorted
 * `from -> to (kind)` edges, tagged with its own version so a future change
 * of form cannot be mistaken for a change of graph.
 */
import { sha256 } from '../hash.ts';
import type { DepGraph } from './model.ts';

export const CANONICAL_FORM_VERSION = 'infrasim-dep-graph/1';

export function canonicalGraph(graph: DepGraph): string {
  const packages = graph.packages.map((p) => (p.checksum ? `${p.id} ${p.checksum}` : p.id)).sort();
  const edges = graph.edges.map((e) => `${e.from} -> ${e.to} (${e.kind})`).sort();
  return JSON.stringify({ form: CANONICAL_FORM_VERSION, ecosystem: graph.ecosystem, packages, edges });
}

export function graphSha256(graph: DepGraph): string {
  return sha256(canonicalGraph(graph));
}
