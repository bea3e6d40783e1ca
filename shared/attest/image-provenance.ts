/**
 * meta/image-provenance.json (seed 000): the one document linking an image to
 * the builder that made it. The seed's fields keep their names and places —
 * image{type,version,architecture,sha256}, infrasim{version,sha256,
 * dep_graph_sha256}, build{timestamp,git_commit,git_ref,github_run_id,
 * snapshot_version}, analysis{risk_score,cycle_count} — so its verification
 * commands (`jq -r '.image.sha256' meta/image-provenance.json`) work; the
 * fields after them say where each value came from and what booted. One
 * schema writes and reads it; every value comes from an upstream document or
 * the run, nothing is a constant.
 */
import { z } from 'zod';
import { DataError } from '../errors.ts';
import { readJsonDocument } from '../json-document.ts';
import type { Artifact } from './artifacts.ts';
import type { RunContext } from './context.ts';
import type { UpstreamDocuments } from './upstream.ts';

const digest = z.string().regex(/^[0-9a-f]{64}$/);

/** How statements mark an image provenance among their byproducts (verify's policy reads those). */
export const IMAGE_PROVENANCE_MEDIA_TYPE = 'application/vnd.infrasim.image-provenance.v1+json';

const documentRef = z.object({ path: z.string(), sha256: digest });

export const ImageProvenanceSchema = z.object({
  image: z.object({
    type: z.string(),
    version: z.string(),
    architecture: z.string(),
    sha256: digest,
    /** Relative to the output tree. */
    path: z.string(),
    format: z.literal('qcow2'),
    /** Null for the base. */
    variant: z.string().nullable(),
    /** A variant's overlay only runs on these base bytes. */
    base_sha256: digest.nullable(),
    /** A variant's flattened image, when build-variant made one. */
    flattened: z.object({ path: z.string(), sha256: digest }).nullable(),
  }),
  infrasim: z.object({
    version: z.string(),
    /** The `infrasim` binary's digest, or the only binary's; null when analyze-deps recorded none. */
    sha256: digest.nullable(),
    dep_graph_sha256: digest,
    binaries: z.record(z.string(), z.object({ sha256: digest })),
  }),
  build: z.object({
    timestamp: z.string(),
    git_commit: z.string().nullable(),
    git_ref: z.string().nullable(),
    github_run_id: z.string().nullable(),
    snapshot_version: z.string(),
    repository: z.string().nullable(),
    workflow_ref: z.string().nullable(),
  }),
  analysis: z.object({
    risk_score: z.number().int().min(0).max(100),
    cycle_count: z.number().int().nonnegative(),
    risk_threshold: z.number().int().min(0).max(100),
    duplicate_count: z.number().int().nonnegative(),
  }),
  boot: z.object({
    /** success: every boot report for these bytes passed; not-verified: none found (and none required). */
    status: z.enum(['success', 'not-verified']),
    reports: z.array(
      z.object({ path: z.string(), sha256: digest, arch: z.string(), boot: z.string(), verdict: z.string() }),
    ),
  }),
  format_version: z.literal('1.0'),
  sources: z.object({
    build_provenance: documentRef,
    variant_provenance: documentRef.nullable(),
    infrasim_build: documentRef,
  }),
});

export type ImageProvenance = z.infer<typeof ImageProvenanceSchema>;

export function readImageProvenance(path: string): Promise<ImageProvenance> {
  return readJsonDocument(path, ImageProvenanceSchema, 'image provenance');
}

/** Where an image's provenance goes: the seed's path for the base, one beside it per variant. */
export function imageProvenanceRel(variant: string | null): string {
  return variant === null ? 'meta/image-provenance.json' : `meta/image-provenance-${variant}.json`;
}

/**
 * Snapshot version (seed 000: `dev-20241219-a1b2c3d`): the tag name when the
 * run is for a tag, else `dev-<YYYYMMDD of the build>-<7 hex of the commit>`.
 */
export function snapshotVersion(ref: string | null, timestamp: string, commit: string | null): string {
  if (ref?.startsWith('refs/tags/')) return ref.slice('refs/tags/'.length);
  const day = timestamp.slice(0, 10).replaceAll('-', '');
  return ['dev', day, commit?.slice(0, 7)].filter(Boolean).join('-');
}

export interface ImageProvenanceInputs {
  up: UpstreamDocuments;
  /** The image's artifact (base image or variant overlay) with its digest. */
  image: Artifact;
  flattened: Artifact | null;
  baseSha256: string | null;
  ctx: RunContext;
  /** Given by the input snapshot-version; null: derived. */
  snapshotVersion: string | null;
  requireBoot: boolean;
}

/** The `infrasim` binary, else the only binary: the seed's single infrasim.sha256. */
function infrasimBinary(binaries: Record<string, { sha256: string }>): string | null {
  if (binaries.infrasim) return binaries.infrasim.sha256;
  const all = Object.values(binaries);
  return all.length === 1 ? all[0]!.sha256 : null;
}

export function buildImageProvenance(i: ImageProvenanceInputs): ImageProvenance {
  const { up, image, ctx } = i;
  const bp = up.buildProvenance.doc;
  const variantDoc = image.variant === null ? null : up.variants.find((v) => v.doc.variant === image.variant);
  if (image.variant !== null && !variantDoc)
    throw new DataError(`no variant provenance for ${image.variant} in ${up.tree}`);
  const ib = up.infrasimBuild.doc;

  // Boot reports are matched by the digest of the image they booted, so a
  // report of an earlier build of the same path never counts.
  const digests = new Set([image.sha256, ...(i.flattened ? [i.flattened.sha256] : [])]);
  const reports = up.bootReports.filter((r) =>
    digests.has(r.doc.chain[0]?.sha256 ?? r.doc.image.sha256 ?? ''),
  );
  const failed = reports.find((r) => r.doc.verdict !== 'success');
  if (failed)
    throw new DataError(
      `${failed.path}: boot-verify's verdict for ${image.rel} is ${failed.doc.verdict} (${failed.doc.reason}); an image that did not boot is not attested`,
    );
  if (i.requireBoot && reports.length === 0)
    throw new DataError(
      `no boot report in ${up.tree}/meta/boot/ for ${image.rel} (sha256 ${image.sha256}): run boot-verify on it before attest, or set require-boot: false`,
    );

  const timestamp = variantDoc ? variantDoc.doc.source.build_date : bp.source.build_date;
  const gitCommit = (variantDoc ? variantDoc.doc.source.git_sha : bp.source.git_sha) ?? ctx.sha;
  const gitRef = bp.source.git_ref ?? ctx.ref;
  const doc: ImageProvenance = {
    image: {
      type: bp.distro.name,
      version: bp.distro.version,
      architecture: image.arch,
      sha256: image.sha256,
      path: image.rel,
      format: 'qcow2',
      variant: image.variant,
      base_sha256: i.baseSha256,
      flattened: i.flattened ? { path: i.flattened.rel, sha256: i.flattened.sha256 } : null,
    },
    infrasim: {
      version: ib.version,
      sha256: infrasimBinary(ib.binaries),
      dep_graph_sha256: ib.dependencies.graph_sha256,
      binaries: ib.binaries,
    },
    build: {
      timestamp,
      git_commit: gitCommit,
      git_ref: gitRef,
      github_run_id: ctx.runId ?? ib.github_run_id,
      snapshot_version: i.snapshotVersion ?? snapshotVersion(ctx.ref ?? gitRef, timestamp, gitCommit),
      repository: ctx.repository ?? bp.source.repository,
      workflow_ref: ctx.workflowRef,
    },
    analysis: {
      risk_score: ib.analysis.risk_score,
      cycle_count: ib.analysis.cycle_count,
      risk_threshold: ib.analysis.risk_threshold,
      duplicate_count: ib.analysis.duplicate_count,
    },
    boot: {
      status: reports.length ? 'success' : 'not-verified',
      reports: reports.map((r) => ({
        path: r.rel,
        sha256: r.sha256,
        arch: r.doc.arch,
        boot: r.doc.boot,
        verdict: r.doc.verdict,
      })),
    },
    format_version: '1.0',
    sources: {
      build_provenance: { path: up.buildProvenance.rel, sha256: up.buildProvenance.sha256 },
      variant_provenance: variantDoc ? { path: variantDoc.rel, sha256: variantDoc.sha256 } : null,
      infrasim_build: { path: up.infrasimBuild.rel, sha256: up.infrasimBuild.sha256 },
    },
  };
  return ImageProvenanceSchema.parse(doc);
}
