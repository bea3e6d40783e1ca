/** Builds deps-report.json from an analysis (validated against its schema). */
import type { Analysis } from './analyze.ts';
import type { DepGraph } from './model.ts';
import { RISK_WEIGHTS } from './risk.ts';
import { depsReportSchema, type DepsReport } from './schemas.ts';

export interface ReportContext {
  threshold: number;
  allowList: string[];
  sbom: DepsReport['sbom'];
  knownMalicious?: DepsReport['known_malicious'];
}

export function buildReport(graph: DepGraph, analysis: Analysis, context: ReportContext): DepsReport {
  const { threshold, allowList } = context;
  const byKind = Object.fromEntries(
    Object.entries(analysis.risk.byKind).map(([kind, t]) => {
      const w = RISK_WEIGHTS[kind as keyof typeof RISK_WEIGHTS];
      return [kind, { ...t, severity: w.severity, weight: w.perFinding, cap: w.cap }];
    }),
  );
  return depsReportSchema.parse({
    schema: 'infrasim-deps-report/1',
    source: {
      file: graph.file,
      origin: graph.origin,
      ecosystem: graph.ecosystem,
      edge_kinds_known: graph.edgeKindsKnown,
    },
    graph_sha256: analysis.graphSha256,
    risk: {
      score: analysis.risk.score,
      threshold,
      passed: analysis.risk.score <= threshold,
      by_kind: byKind,
    },
    counts: { ...analysis.counts },
    allow_list: allowList,
    known_malicious: context.knownMalicious,
    sbom: context.sbom,
    findings: analysis.risk.findings,
    most_depended_on: analysis.mostDependedOn,
    vendor_shares: analysis.vendorShares.map((s) => ({ ...s, share: Number(s.share.toFixed(4)) })),
  });
}
