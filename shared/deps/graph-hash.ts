/**
 * graph_sha256: SHA-256 over a canonical form of the graph, so the same graph
 * hashes the same whatever the key order, whitespace or package order of the
 * input, and on whatever machine (ids carry no absolute paths). The form is
 * JSON of sorted package ids (with checksum when known) and sorted
 * `from -> to (kind)` edges, tagged with its own version so a future change
 * of form cannot be mistaken for a change of graph:
 *
 *   JSON.stringify({ form, ecosystem, packages: [...].sort(), edges: [...].sort() })
 *
 * That text is what is hashed, byte for byte, but the edge strings are
 * neither built nor sorted as strings: an edge's string is decided by its
 * source's id, then its target's, then its kind, so the edges are sorted as
 * numbers (the ids' ranks in the ids' sorted order, then the kind) and their
 * bytes are copied out of the ids' bytes in that order. Where the ids' order
 * is not the edge strings' order (an id followed in another id by a character
 * that sorts no later than a space — a space or a C0 control character — e.g.
 * `x@1` beside `x@1 (path)`: what follows it in an edge string decides), the
 * strings are built and sorted as written.
 */
import { createHash } from 'node:crypto';
import { graphIndex } from './graph-index.ts';
import type { DepGraph, EdgeKind } from './model.ts';

export const CANONICAL_FORM_VERSION = 'infrasim-dep-graph/1';

/** The kinds in the order of their text in an edge string (`kind)`: none is a prefix of another). */
const KINDS: readonly EdgeKind[] = ['build', 'dev', 'normal', 'optional', 'peer', 'unknown'];
const KIND_RANK = new Map<string, number>(KINDS.map((k, i) => [k, i]));

/**
 * Each package's rank in the sorted order of ids, when that is also the order of every id followed by
 * ` -> ` and by ` (` (as in an edge string); null when it is not. Among the ids that begin with an id
 * `a`, the first in sorted order comes right after `a` and has the smallest character after it: when
 * that character sorts after a space, `a` followed by either text sorts before all of them too.
 */
function idRanks(graph: DepGraph): Int32Array | null {
  const { indexOf } = graphIndex(graph);
  const sorted = graph.packages.map((p) => p.id).sort();
  const rank = new Int32Array(sorted.length);
  for (let k = 0; k < sorted.length; k++) {
    const id = sorted[k]!;
    if (k > 0) {
      const before = sorted[k - 1]!;
      if (id === before || (id.startsWith(before) && id.charCodeAt(before.length) <= 0x20)) return null;
    }
    rank[indexOf.get(id)!] = k;
  }
  return rank;
}

/** The edges' sort keys, (source rank, target rank, kind rank) as one exact integer each, sorted. */
function sortedEdgeKeys(graph: DepGraph, rank: Int32Array): Float64Array | null {
  const n = graph.packages.length;
  if (n * n * KINDS.length >= Number.MAX_SAFE_INTEGER) return null;
  const { from, to } = graphIndex(graph);
  const keys = new Float64Array(from.length);
  for (let i = 0; i < keys.length; i++) {
    const kind = KIND_RANK.get(graph.edges[i]!.kind);
    if (kind === undefined) return null;
    keys[i] = (rank[from[i]!]! * n + rank[to[i]!]!) * KINDS.length + kind;
  }
  return keys.sort();
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/**
 * The edges' part of the text, `"a -> b (kind)","…"`, as UTF-8: each id's bytes as it stands inside a
 * JSON string are encoded once, and every edge is copied together from them.
 */
function edgeBytes(graph: DepGraph, rank: Int32Array, keys: Float64Array): Uint8Array {
  const n = graph.packages.length;
  const byRank = new Int32Array(n);
  rank.forEach((r, i) => (byRank[r] = i));
  const quoted = graph.packages.map((p) => JSON.stringify(p.id).slice(1, -1));
  const ids = utf8(quoted.join(''));
  // Where each package's bytes start in `ids` (and, at n, where they end).
  const start = new Int32Array(n + 1);
  quoted.forEach((q, i) => (start[i + 1] = start[i]! + Buffer.byteLength(q)));
  const arrow = utf8(' -> ');
  const kinds = KINDS.map((k) => utf8(` (${k})"`));
  let size = 0;
  const pieces = new Int32Array(keys.length * 3);
  for (let e = 0; e < keys.length; e++) {
    const key = keys[e]!;
    const kind = key % KINDS.length;
    const pair = (key - kind) / KINDS.length;
    const t = byRank[pair % n]!;
    const f = byRank[(pair - (pair % n)) / n]!;
    pieces[3 * e] = f;
    pieces[3 * e + 1] = t;
    pieces[3 * e + 2] = kind;
    size +=
      (e > 0 ? 2 : 1) +
      start[f + 1]! -
      start[f]! +
      arrow.length +
      start[t + 1]! -
      start[t]! +
      kinds[kind]!.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  const copy = (from: Uint8Array, begin: number, end: number): void => {
    for (let b = begin; b < end; b++) out[at++] = from[b]!;
  };
  for (let e = 0; e < keys.length; e++) {
    if (e > 0) out[at++] = 0x2c; // ,
    out[at++] = 0x22; // "
    const f = pieces[3 * e]!;
    const t = pieces[3 * e + 1]!;
    const kind = kinds[pieces[3 * e + 2]!]!;
    copy(ids, start[f]!, start[f + 1]!);
    copy(arrow, 0, arrow.length);
    copy(ids, start[t]!, start[t + 1]!);
    copy(kind, 0, kind.length);
  }
  return out;
}

/** Hands the canonical text to `sink` in order, in parts (strings or UTF-8 bytes). */
function writeCanonicalGraph(graph: DepGraph, sink: (part: string | Uint8Array) => void): void {
  const packages = graph.packages.map((p) => (p.checksum ? `${p.id} ${p.checksum}` : p.id)).sort();
  const rank = idRanks(graph);
  const keys = rank && sortedEdgeKeys(graph, rank);
  const edges = keys ? [] : graph.edges.map((e) => `${e.from} -> ${e.to} (${e.kind})`).sort();
  const text = JSON.stringify({ form: CANONICAL_FORM_VERSION, ecosystem: graph.ecosystem, packages, edges });
  if (!keys) return sink(text);
  // The text up to the edges' closing `]}`, the edges, the end.
  sink(text.slice(0, -2));
  sink(edgeBytes(graph, rank!, keys));
  sink(']}');
}

export function canonicalGraph(graph: DepGraph): string {
  const parts: Buffer[] = [];
  writeCanonicalGraph(graph, (part) => parts.push(Buffer.from(part)));
  return Buffer.concat(parts).toString('utf8');
}

export function graphSha256(graph: DepGraph): string {
  const hash = createHash('sha256');
  writeCanonicalGraph(graph, (part) => hash.update(part));
  return hash.digest('hex');
}
