/**
 * analyze-deps from validated options to files on disk: load the graph,
 * analyse and score it, build the report, SBOM and infrasim-build.json, write
 * them together. Returns what the action sets as outputs; the caller decides
 * the step's fate from `passed`.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { sha256RegularFile } from '../hash.ts';
import { analyzeGraph, type Analysis } from './analyze.ts';
import { gitDescribe } from '../git.ts';
import { localRunContext, versionFromRun, type RunContext } from '../run-context.ts';
import { resolveSourceDate, type SourceDate } from '../source-date.ts';
import { readBuildContext } from './build-context.ts';
import { CANONICAL_FORM_VERSION } from './graph-hash.ts';
import { loadMaliciousDb } from './known-malicious.ts';
import { loadGraph } from './load.ts';
import type { DepGraph } from './model.ts';
import { MAX_BINARY_BYTES, type AnalyzeDepsOptions } from './options.ts';
import { buildReport } from './report.ts';
import {
  SBOM_SPEC_VERSION,
  validateSbom,
  validateSbomDocument,
  type SbomValidation,
} from './sbom-validator.ts';
import { writeSbomJson } from './sbom-writer.ts';
import { infrasimBuildSchema, type InfrasimBuild } from './schemas.ts';
import { summaryMarkdown } from './summary.ts';
import { writeFilesTogether } from './write-set.ts';

export const ATTESTATIONS_DIR = join('meta', 'attestations');

export interface AnalyzeDepsResult {
  passed: boolean;
  analysis: Analysis;
  graph: DepGraph;
  summary: string;
  buildInfo: InfrasimBuild;
  /** Where build_timestamp came from (the action reports it; a wall-clock time is warned about). */
  sourceDate: SourceDate;
  sbomValidation: SbomValidation;
  files: { buildInfo: string; report: string; sbom: string; cargoMetadata: string | null };
}

function productName(options: AnalyzeDepsOptions, graph: DepGraph): string {
  if (options.name) return options.name;
  const members = graph.packages.filter((p) => p.workspaceMember);
  if (members.length === 1) return members[0]!.name;
  const dir =
    options.sourceType === 'cargo-workspace' ? resolve(options.source) : dirname(resolve(options.source));
  return basename(dir) || 'builder';
}

export async function runAnalyzeDeps(
  options: AnalyzeDepsOptions,
  ctx: RunContext = localRunContext(),
): Promise<AnalyzeDepsResult> {
  const sourceDir = options.sourceType === 'cargo-workspace' ? options.source : dirname(options.source);
  // The facts about the build (git, rustc, cargo, the binaries' hashes) are started before the lockfile
  // is parsed: their child processes then run beside the parse instead of after it, and they are spawned
  // while the heap is still small (a spawn's cost grows with it).
  // No wall clock unless nothing else knows the time: then it is returned as such and the action warns.
  const facts = Promise.all([
    readBuildContext(sourceDir, ctx),
    resolveSourceDate({ ctx, checkout: sourceDir, otherwise: 'wall clock' }),
    Promise.all(
      options.binaries.map(
        async (b) =>
          [
            b.name,
            { sha256: await sha256RegularFile(b.path, { input: 'binaries', maxBytes: MAX_BINARY_BYTES }) },
          ] as const,
      ),
    ),
  ]);
  // A missing version or a failed parse must not leave the facts' rejection unhandled.
  facts.catch(() => {});
  // The version waits for `git describe` (a child process beside the facts'), before any work on the lockfile.
  const version = options.version ?? (await gitDescribe(sourceDir)) ?? versionFromRun(ctx);
  if (!version)
    throw new InputError(
      'version',
      `not given, 'git describe' found no commit in ${sourceDir}, and GITHUB_SHA is not set`,
      'a version such as v0.1.0, or run in a git checkout or on a GitHub runner',
    );
  const { graph, cargoMetadataJson } = await loadGraph(options.source, options.sourceType);
  const [context, sourceDate, binaries] = await facts;
  const malicious = await loadMaliciousDb(options.knownMalicious ?? null);
  const analysis = analyzeGraph(graph, { allow: options.allow, vendor: options.vendor, malicious });
  const timestamp = new Date(sourceDate.epoch * 1000);

  const dir = join(options.outputDir, ATTESTATIONS_DIR);
  const files = {
    buildInfo: join(dir, 'infrasim-build.json'),
    report: join(dir, 'deps-report.json'),
    sbom: join(dir, 'deps-sbom.cdx.json'),
    cargoMetadata: cargoMetadataJson === null ? null : join(dir, 'cargo-metadata.json'),
  };

  const sbomOptions = {
    name: productName(options, graph),
    version,
    timestamp,
    graphSha256: analysis.graphSha256,
  };
  // The direct writer gives the library's bytes in a fraction of the time; a graph it refuses takes the
  // library's path, loaded only then (loading the CycloneDX library is a share of a short run).
  // The direct writer's document is validated as it is in memory (its text is JSON.stringify of it).
  const written = writeSbomJson(graph, sbomOptions);
  let sbomJson: string;
  let sbomValidation: SbomValidation;
  if (written) {
    sbomJson = written.json;
    sbomValidation = await validateSbomDocument(written.document);
  } else {
    const library = await import('./sbom.ts');
    sbomJson = library.serializeSbom(library.buildSbom(graph, sbomOptions));
    sbomValidation = await validateSbom(sbomJson);
  }
  const report = buildReport(graph, analysis, {
    threshold: options.riskThreshold,
    allowList: options.allow.entries,
    knownMalicious: { sources: malicious.sources, entries: malicious.size },
    sbom: {
      file: basename(files.sbom),
      spec_version: SBOM_SPEC_VERSION,
      schema_validation: sbomValidation.status,
    },
  });
  const c = analysis.counts;
  const buildInfo = infrasimBuildSchema.parse({
    version,
    git_commit: context.gitCommit,
    git_ref: context.gitRef,
    build_timestamp: timestamp.toISOString().replace('.000Z', 'Z'),
    github_run_id: context.githubRunId,
    rust_version: context.rustVersion,
    cargo_version: context.cargoVersion,
    binaries: Object.fromEntries(binaries),
    dependencies: {
      graph_sha256: analysis.graphSha256,
      package_count: c.packages,
      has_duplicates: c.duplicates > 0,
      ecosystem: graph.ecosystem,
      source: graph.origin,
      canonical_form: CANONICAL_FORM_VERSION,
    },
    analysis: {
      risk_score: analysis.risk.score,
      risk_threshold: options.riskThreshold,
      cycle_count: c.cycles,
      dev_cycle_count: c.devCycles,
      duplicate_count: c.duplicates,
      vendor_concentration_count: c.vendorConcentration,
      typosquat_suspect_count: c.typosquatSuspects,
      unusual_pin_count: c.unusualPins,
      lockfile_path_escape_count: c.pathEscapes,
      known_malicious_count: c.knownMalicious,
      allowed_finding_count: c.allowed,
      report: basename(files.report),
      sbom: basename(files.sbom),
    },
  });

  await writeFilesTogether([
    { path: files.buildInfo, content: JSON.stringify(buildInfo, null, 2) + '\n' },
    { path: files.report, content: JSON.stringify(report, null, 2) + '\n' },
    { path: files.sbom, content: sbomJson },
    ...(files.cargoMetadata && cargoMetadataJson !== null
      ? [{ path: files.cargoMetadata, content: cargoMetadataJson }]
      : []),
  ]);

  return {
    passed: analysis.risk.score <= options.riskThreshold,
    analysis,
    graph,
    summary: summaryMarkdown(analysis, options.riskThreshold),
    buildInfo,
    sourceDate,
    sbomValidation,
    files,
  };
}
