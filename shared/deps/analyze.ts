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

  const dependents = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    let set = dependents.get(e.to);
    if (!set) dependents.set(e.to, (set = new Set()));
    set.add(e.from);
  }
  const mostDependedOn = [...dependents.entries()]
    .map(([id, set]) => ({ id, dependents: set.size }))
    .sort((a, b) => b.dependents - a.dependents || (a.id < b.id ? -1 : 1))
    .slice(0, 10);

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
