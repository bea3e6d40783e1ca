/**
 * The JSON documents analyze-deps writes, each with one schema used both to
 * write (validated before it touches the disk) and to read back (tests,
 * later actions such as attest).
 */
import { z } from 'zod';
import { FINDING_KINDS } from './findings.ts';
import { SEVERITIES } from './risk.ts';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** `meta/attestations/infrasim-build.json`: the fields of seed 000, plus `analysis`. */
export const infrasimBuildSchema = z.object({
  version: z.string().min(1),
  git_commit: z.string().nullable(),
  git_ref: z.string().nullable(),
  build_timestamp: z.iso.datetime(),
  github_run_id: z.string().nullable(),
  rust_version: z.string().nullable(),
  cargo_version: z.string().nullable(),
  binaries: z.record(z.string(), z.object({ sha256: sha256Hex })),
  dependencies: z.object({
    graph_sha256: sha256Hex,
    package_count: z.number().int().nonnegative(),
    has_duplicates: z.boolean(),
    ecosystem: z.enum(['cargo', 'npm']),
    source: z.enum(['cargo-metadata', 'cargo-lock', 'npm-lock']),
    canonical_form: z.string(),
  }),
  analysis: z.object({
    risk_score: z.number().int().min(0).max(100),
    risk_threshold: z.number().int().min(0).max(100),
    cycle_count: z.number().int().nonnegative(),
    dev_cycle_count: z.number().int().nonnegative(),
    duplicate_count: z.number().int().nonnegative(),
    vendor_concentration_count: z.number().int().nonnegative(),
    typosquat_suspect_count: z.number().int().nonnegative(),
    unusual_pin_count: z.number().int().nonnegative(),
    lockfile_path_escape_count: z.number().int().nonnegative(),
    /** Absent in records written before the known-malicious check. */
    known_malicious_count: z.number().int().nonnegative().optional(),
    allowed_finding_count: z.number().int().nonnegative(),
    report: z.string(),
    sbom: z.string(),
  }),
});
export type InfrasimBuild = z.infer<typeof infrasimBuildSchema>;

const edgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  kind: z.enum(['normal', 'build', 'dev', 'optional', 'peer', 'unknown']),
});

export const findingSchema = z.object({
  id: z.string(),
  kind: z.enum(FINDING_KINDS),
  subject: z.string(),
  message: z.string(),
  packages: z.array(z.string()),
  edges: z.array(edgeSchema),
  details: z.record(z.string(), z.unknown()),
  severity: z.enum(SEVERITIES),
  allowed: z.boolean(),
  contribution: z.number().nonnegative(),
});

/** `meta/attestations/deps-report.json`: every finding with its contribution to the score. */
export const depsReportSchema = z.object({
  schema: z.literal('infrasim-deps-report/1'),
  source: z.object({
    file: z.string(),
    origin: z.string(),
    ecosystem: z.string(),
    edge_kinds_known: z.boolean(),
  }),
  graph_sha256: sha256Hex,
  risk: z.object({
    score: z.number().int().min(0).max(100),
    threshold: z.number().int().min(0).max(100),
    passed: z.boolean(),
    by_kind: z.record(
      z.string(),
      z.object({
        findings: z.number(),
        allowed: z.number(),
        points: z.number(),
        severity: z.enum(SEVERITIES),
        weight: z.number(),
        cap: z.number(),
      }),
    ),
  }),
  counts: z.record(z.string(), z.number()),
  allow_list: z.array(z.string()),
  /** The advisory databases the known-malicious check read. */
  known_malicious: z.object({ sources: z.array(z.string()), entries: z.number() }).optional(),
  sbom: z.object({
    file: z.string(),
    spec_version: z.string(),
    /** `passed`: an SBOM that fails the schema, or cannot be checked, fails the step instead of being written. */
    schema_validation: z.string(),
  }),
  findings: z.array(findingSchema),
  most_depended_on: z.array(z.object({ id: z.string(), dependents: z.number() })),
  vendor_shares: z.array(z.object({ publisher: z.string(), packages: z.number(), share: z.number() })),
});
export type DepsReport = z.infer<typeof depsReportSchema>;
