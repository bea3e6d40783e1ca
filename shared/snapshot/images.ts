/**
 * The images a snapshot names, read from attest's image provenance documents
 * (meta/image-provenance.json for the base, meta/image-provenance-<v>.json
 * per variant) through attest's own schema and reader. Each image's bytes are
 * hashed again here (once per run: the caller's DigestMemo): a provenance
 * that no longer matches its image is an error, not a tag.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { insideTree } from '../attest/artifacts.ts';
import { readImageProvenance, type ImageProvenance } from '../attest/image-provenance.ts';
import { DataError } from '../errors.ts';
import { DigestMemo } from '../digest-memo.ts';
import { readRegularFile } from '../regular-file.ts';
import { sha256 } from '../hash.ts';

export interface SnapshotImage {
  /** Path inside the output tree, as the provenance records it. */
  rel: string;
  sha256: string;
  variant: string | null;
  architecture: string;
  provenance: { rel: string; sha256: string; doc: ImageProvenance };
}

export interface SnapshotImages {
  base: SnapshotImage;
  variants: SnapshotImage[];
}

/** The base, then the variants. */
export function everyImage(images: SnapshotImages): SnapshotImage[] {
  return [images.base, ...images.variants];
}

const PROVENANCE = /^image-provenance(?:-([A-Za-z0-9][A-Za-z0-9._-]*))?\.json$/;

export async function readSnapshotImages(
  tree: string,
  digests: DigestMemo = new DigestMemo(),
): Promise<SnapshotImages> {
  const metaNames = await readdir(join(tree, 'meta')).catch(() => [] as string[]);
  if (!metaNames.includes('image-provenance.json'))
    throw new DataError(
      `${join(tree, 'meta', 'image-provenance.json')} is missing: run attest on this output tree before tag-snapshot (its image provenance names the image, its digest and the builder)`,
    );
  const images: SnapshotImage[] = [];
  for (const name of metaNames.filter((n) => PROVENANCE.test(n)).sort()) {
    const rel = `meta/${name}`;
    const path = join(tree, rel);
    const bytes = await readRegularFile(path, { input: 'output-dir', maxBytes: 16 * 1024 * 1024 });
    const doc = await readImageProvenance(path);
    const expectVariant = PROVENANCE.exec(name)![1] ?? null;
    if (doc.image.variant !== expectVariant)
      throw new DataError(
        `${path}: image.variant is ${JSON.stringify(doc.image.variant)}, but the file name says ${JSON.stringify(expectVariant)}`,
      );
    let actual: string;
    try {
      actual = (await digests.digest(insideTree(tree, doc.image.path, rel), { input: 'output-dir' })).sha256;
    } catch (e) {
      throw new DataError(`${path}: its image ${doc.image.path} cannot be read (${(e as Error).message})`);
    }
    if (actual !== doc.image.sha256)
      throw new DataError(
        `${doc.image.path}: sha256 ${actual} differs from ${doc.image.sha256} recorded in ${rel}; the image changed after attest — run attest again`,
      );
    images.push({
      rel: doc.image.path,
      sha256: doc.image.sha256,
      variant: doc.image.variant,
      architecture: doc.image.architecture,
      provenance: { rel, sha256: sha256(bytes), doc },
    });
  }
  const base = images.find((i) => i.variant === null)!;
  const variants = images.filter((i) => i.variant !== null);
  for (const v of variants)
    if (v.provenance.doc.image.base_sha256 !== base.sha256)
      throw new DataError(
        `${v.provenance.rel}: variant ${v.variant} was built on base sha256 ${v.provenance.doc.image.base_sha256}, but the base here is ${base.sha256}`,
      );
  return { base, variants };
}
