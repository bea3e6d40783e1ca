/**
 * Runs every analysis over one graph and scores the result: the single entry
 * point the action (and the benchmark) call. Pure: no I/O.
 */
import { EMPTY_ALLOW_LIST, type AllowList } from './allow-list.ts';
import { findCycles } from './cycles.ts';
import { findKnownMalicious, shippedMaliciousDb, type MaliciousDb } from './known-malicious.ts';
import { findDuplicates } from './duplicates.ts';
import type { Finding } from './findings.ts';
import { graphSha256 } from './graph-hash.ts';
import { graphIndex } from './graph-index.ts';
import type { DepGraph } from './model.ts';
import { findPathEscapes } from './path-escapes.ts';
import { findUnusualPins } from './pins.ts';
import { scoreRisk, type RiskScore } from './risk.ts';
import { findTyposquats } from './typosquat.ts';
import {
  DEFAULT_VENDOR_OPTIONS,
  findVendorConcentration,
  vendorShares,
  type VendorOptions,
  type VendorShare,
} from './vendors.ts';

export interface AnalysisOptions {
  allow: AllowList;
  vendor: VendorOptions;
  /** Known-malicious packages; default: the snapshot shipped with the action. */
  malicious?: MaliciousDb;
}

export interface Counts {
  packages: number;
  workspaceMembers: number;
  edges: number;
  duplicates: number;
  cycles: number;
  devCycles: number;
  vendorConcentration: number;
  typosquatSuspects: number;
  unusualPins: number;
  pathEscapes: number;
  knownMalicious: number;
  allowed: number;
}

export interface Analysis {
  graphSha256: string;
  counts: Counts;
  risk: RiskScore;
  /** Packages with the most dependents, for the summary's diagram. */
  mostDependedOn: { id: string; dependents: number }[];
  vendorShares: VendorShare[];
}

export function analyzeGraph(
  graph: DepGraph,
  options: AnalysisOptions = { allow: EMPTY_ALLOW_LIST, vendor: DEFAULT_VENDOR_OPTIONS },
): Analysis {
  const duplicates = findDuplicates(graph);
  const { cycles, devCycles } = findCycles(graph);
  const vendors = findVendorConcentration(graph, options.vendor);
  const typosquats = findTyposquats(graph);
  const pins = findUnusualPins(graph);
  const escapes = findPathEscapes(graph);
  const malicious = findKnownMalicious(graph, options.malicious ?? shippedMaliciousDb());
  const all: Finding[] = [
    ...duplicates,
    ...cycles,
    ...devCycles,
    ...vendors,
    ...typosquats,
    ...pins,
    ...escapes,
    ...malicious,
  ];
  const risk = scoreRisk(all, options.allow);

  const mostDependedOn = topDependedOn(graph, 10);

  return {
    graphSha256: graphSha256(graph),
    counts: {
      packages: graph.packages.length,
      workspaceMembers: graph.packages.filter((p) => p.workspaceMember).length,
      edges: graph.edges.length,
      duplicates: duplicates.length,
      cycles: cycles.length,
      devCycles: devCycles.length,
      vendorConcentration: vendors.length,
      typosquatSuspects: typosquats.length,
      unusualPins: pins.length,
      pathEscapes: escapes.length,
      knownMalicious: malicious.length,
      allowed: risk.findings.filter((f) => f.allowed).length,
    },
    risk,
    mostDependedOn,
    vendorShares: vendorShares(graph).shares.slice(0, 10),
  };
}

/**
 * The `limit` packages with the most distinct dependents (ties by id). Edges
 * are bucketed by their source (counting sort), and a target counts a source
 * once: the source stamps it. No set per package (20,000 of them on a
 * 20,000-package graph) and no set of pairs.
 */
export function topDependedOn(graph: DepGraph, limit: number): { id: string; dependents: number }[] {
  const { from, to } = graphIndex(graph);
  const m = from.length;
  const n = graph.packages.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) start[from[i]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const targets = new Int32Array(m);
  for (let i = 0; i < m; i++) targets[fill[from[i]!]!++] = to[i]!;
  const stamp = new Int32Array(n).fill(-1);
  const count = new Int32Array(n);
  for (let v = 0; v < n; v++)
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const t = targets[k]!;
      if (stamp[t] !== v) {
        stamp[t] = v;
        count[t]!++;
      }
    }
  const top: { id: string; dependents: number }[] = [];
  count.forEach((c, i) => {
    if (c > 0) top.push({ id: graph.packages[i]!.id, dependents: c });
  });
  return top.sort((a, b) => b.dependents - a.dependents || (a.id < b.id ? -1 : 1)).slice(0, limit);
}
