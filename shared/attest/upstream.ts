/**
 * The documents the earlier actions wrote into one output tree, read back
 * through their own schemas: build-base's meta/build-provenance.json,
 * build-variant's meta/variant-<v>-provenance.json, analyze-deps'
 * meta/attestations/infrasim-build.json and boot-verify's meta/boot/*.json.
 * A document attest needs and cannot find is an error naming the file and
 * the action that writes it, never a default.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { infrasimBuildSchema, type InfrasimBuild } from '../deps/schemas.ts';
import { DataError } from '../errors.ts';
import { readJsonDocument } from '../json-document.ts';
import { readBuildProvenance, type BuildProvenance } from '../provenance/build-provenance.ts';
import { readVariantProvenance, type VariantProvenance } from '../variant/provenance.ts';
import { readBootReport, type BootReport } from '../vm/report-schema.ts';
import { sha256 } from '../hash.ts';
import { readRegularFile } from '../regular-file.ts';

/** Far above any real provenance or report (a few KiB to a few MiB with package lists). */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export interface Located<T> {
  /** Path relative to the output tree. */
  rel: string;
  path: string;
  doc: T;
  /** Digest of the document's bytes, bound into the attestation as a byproduct. */
  sha256: string;
}

export interface UpstreamDocuments {
  tree: string;
  buildProvenance: Located<BuildProvenance>;
  variants: Located<VariantProvenance>[];
  infrasimBuild: Located<InfrasimBuild>;
  bootReports: Located<BootReport>[];
}

export const BUILD_PROVENANCE = 'meta/build-provenance.json';
export const INFRASIM_BUILD = 'meta/attestations/infrasim-build.json';
export const BOOT_DIR = 'meta/boot';
export const variantProvenanceRel = (v: string) => `meta/variant-${v}-provenance.json`;

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

async function requireDocument<T>(
  tree: string,
  rel: string,
  writer: string,
  read: (path: string) => Promise<T>,
): Promise<Located<T>> {
  const path = join(tree, rel);
  if (!(await exists(path)))
    throw new DataError(`${path} is missing: it is written by ${writer}, which must run before attest`);
  return located(tree, rel, read);
}

async function located<T>(
  tree: string,
  rel: string,
  read: (path: string) => Promise<T>,
): Promise<Located<T>> {
  const path = join(tree, rel);
  const bytes = await readRegularFile(path, { input: rel, maxBytes: MAX_DOCUMENT_BYTES });
  return { rel, path, doc: await read(path), sha256: sha256(bytes) };
}

/** Variant names from the variant provenance files in meta/, sorted. */
export async function listVariants(tree: string): Promise<string[]> {
  const names = await readdir(join(tree, 'meta')).catch(() => [] as string[]);
  return names
    .map((n) => /^variant-(.+)-provenance\.json$/.exec(n)?.[1])
    .filter((v): v is string => v !== undefined)
    .sort();
}

/**
 * Reads every upstream document of `tree`. `variants` null: every variant
 * provenance present; a list: exactly those, each required.
 */
export async function readUpstream(tree: string, variants: string[] | null): Promise<UpstreamDocuments> {
  const buildProvenance = await requireDocument(tree, BUILD_PROVENANCE, 'build-base', readBuildProvenance);
  const infrasimBuild = await requireDocument(tree, INFRASIM_BUILD, 'analyze-deps', (p) =>
    readJsonDocument(p, infrasimBuildSchema, 'infrasim build record'),
  );
  const names = variants ?? (await listVariants(tree));
  const variantDocs: Located<VariantProvenance>[] = [];
  for (const v of names)
    variantDocs.push(
      await requireDocument(tree, variantProvenanceRel(v), 'build-variant', readVariantProvenance),
    );
  const bootReports: Located<BootReport>[] = [];
  const bootDir = join(tree, BOOT_DIR);
  const entries = (await readdir(bootDir).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.json'))
    .sort();
  for (const name of entries) {
    const rel = `${BOOT_DIR}/${name}`;
    bootReports.push(await located(tree, rel, readBootReport));
  }
  return { tree, buildProvenance, variants: variantDocs, infrasimBuild, bootReports };
}
