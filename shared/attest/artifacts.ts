/**
 * The artifacts of one output tree, found through the documents that made
 * them (never by globbing, so a stray file is not signed by accident): the
 * base qcow2, its exported kernel/initrd (boot: kernel), each variant's
 * overlay and flattened image. Each is hashed once and the digest compared
 * with the one its producer recorded: a file changed after it was built, or
 * an overlay whose base changed, is refused instead of signed.
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DataError, InputError } from '../errors.ts';
import type { DigestMemo } from './digests.ts';
import type { UpstreamDocuments } from './upstream.ts';

export type ArtifactKind = 'base-image' | 'kernel' | 'initrd' | 'overlay' | 'variant-image' | 'bundle';

export interface Artifact {
  /** Name of its statement files: meta/attestations/<id>.intoto.json. */
  id: string;
  kind: ArtifactKind;
  /** Path relative to the output tree, '/'-separated. */
  rel: string;
  path: string;
  sha256: string;
  size: number;
  arch: string;
  variant: string | null;
  /** The document that recorded the digest it was checked against. */
  recordedIn: string | null;
}

/**
 * How many images attest's secret gate reads at once (the SBOMs' software is
 * read from the gate's extracted trees; the SBOM reader opens an image itself,
 * as many at once, only when the gate did not read it). Each read keeps a
 * private raw copy of the image and its extracted tree in RUNNER_TEMP until it
 * is done: a fixed two, not one per
 * core, keeps the temporary disk a step needs predictable on a many-core
 * runner with a small disk, and two is where the gain of reading side by side is.
 */
export const IMAGES_READ_AT_ONCE = 2;

/** Resolves a path a document gives, refusing one that leaves the tree. */
export function insideTree(tree: string, rel: string, doc: string): string {
  const path = resolve(tree, rel);
  const back = relative(resolve(tree), path);
  if (isAbsolute(rel) || back === '' || back.startsWith('..') || isAbsolute(back))
    throw new DataError(`${doc}: the path '${rel}' is outside the output tree ${tree}`);
  return path;
}

export function toRel(tree: string, path: string): string {
  return relative(resolve(tree), path).split(sep).join('/');
}

function idOf(rel: string): string {
  const name = rel.split('/').pop()!;
  return name.replace(/\.qcow2$/, '');
}

async function hashed(
  memo: DigestMemo,
  tree: string,
  rel: string,
  doc: string,
  recorded: string | null,
  what: string,
): Promise<{ path: string; sha256: string; size: number }> {
  const path = insideTree(tree, rel, doc);
  const d = await memo.digest(path, doc);
  if (recorded !== null && d.sha256 !== recorded)
    throw new DataError(
      `${path} has sha256 ${d.sha256}, but ${doc} recorded ${recorded} for the ${what}: ` +
        'the file changed after it was built; rebuild it (a changed file is never signed)',
    );
  return d;
}

export async function collectArtifacts(up: UpstreamDocuments, memo: DigestMemo): Promise<Artifact[]> {
  const { tree } = up;
  const bp = up.buildProvenance;
  const arch = bp.doc.distro.arch;
  const out: Artifact[] = [];
  const base = await hashed(memo, tree, bp.doc.output.path, bp.path, bp.doc.output.sha256, 'base image');
  const baseRel = toRel(tree, base.path);
  out.push({
    id: idOf(baseRel),
    kind: 'base-image',
    rel: baseRel,
    ...base,
    arch,
    variant: null,
    recordedIn: bp.rel,
  });

  if (bp.doc.boot.mode === 'kernel') {
    const stem = bp.doc.output.path.replace(/\.qcow2$/, '');
    const boot = [{ kind: 'kernel' as const, rel: `${stem}.vmlinuz`, sha256: bp.doc.boot.kernel.sha256 }];
    if (bp.doc.boot.initrd)
      boot.push({ kind: 'kernel' as const, rel: `${stem}.initrd`, sha256: bp.doc.boot.initrd.sha256 });
    for (const [i, b] of boot.entries()) {
      const kind = i === 0 ? 'kernel' : 'initrd';
      const f = await hashed(memo, tree, b.rel, bp.path, b.sha256, kind);
      out.push({
        id: b.rel.split('/').pop()!,
        kind,
        rel: toRel(tree, f.path),
        ...f,
        arch,
        variant: null,
        recordedIn: bp.rel,
      });
    }
  }

  for (const v of up.variants) {
    const doc = v.doc;
    // The overlay is only valid on the exact bytes of this base.
    if (doc.base_image.sha256 !== base.sha256)
      throw new DataError(
        `${v.path}: variant ${doc.variant} was made on a base with sha256 ${doc.base_image.sha256}, ` +
          `but ${base.path} has sha256 ${base.sha256}: the base changed after the overlay was made; rebuild the variant`,
      );
    const overlay = await hashed(
      memo,
      tree,
      doc.overlay.path,
      v.path,
      doc.overlay.sha256,
      `overlay of ${doc.variant}`,
    );
    const overlayRel = toRel(tree, overlay.path);
    out.push({
      id: idOf(overlayRel),
      kind: 'overlay',
      rel: overlayRel,
      ...overlay,
      arch: doc.base_image.arch,
      variant: doc.variant,
      recordedIn: v.rel,
    });
    if (doc.image) {
      const image = await hashed(
        memo,
        tree,
        doc.image.path,
        v.path,
        doc.image.sha256,
        `image of ${doc.variant}`,
      );
      const imageRel = toRel(tree, image.path);
      out.push({
        id: idOf(imageRel),
        kind: 'variant-image',
        rel: imageRel,
        ...image,
        arch: doc.base_image.arch,
        variant: doc.variant,
        recordedIn: v.rel,
      });
    }
  }
  const ids = new Map<string, string>();
  for (const a of out) {
    const seen = ids.get(a.id);
    if (seen)
      throw new DataError(`two artifacts would share the attestation name '${a.id}': ${seen} and ${a.rel}`);
    ids.set(a.id, a.rel);
  }
  return out;
}

/** A file given by an input (the snapshot bundle): hashed, no recorded digest to compare. */
export async function inputArtifact(
  tree: string,
  path: string,
  input: string,
  arch: string,
  memo: DigestMemo,
): Promise<Artifact> {
  const rel = toRel(tree, resolve(path));
  if (rel.startsWith('..') || isAbsolute(rel))
    throw new InputError(
      input,
      `'${path}' is outside the output tree ${tree}`,
      'a file inside the output tree',
    );
  const d = await memo.digest(join(tree, rel), input);
  return { id: rel.split('/').pop()!, kind: 'bundle', rel, ...d, arch, variant: null, recordedIn: null };
}
