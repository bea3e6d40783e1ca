/**
 * The artifacts of one output tree, found through the documents that made
 * them (never by globbing, so a stray file is not signed by accident): the
 * base qcow2, its exported kernel/initrd (boot: kernel), each variant's
 * overlay and flattened image. Each is hashed once and the digest compared
 * with the one its producer recorded: a file changed after it was built, or
 * an overlay whose base changed, is refused instead of signed. Found first,
 * hashed after: the secret gate starts reading the images from where they
 * are while they are hashed.
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DataError, InputError } from '../errors.ts';
import type { DigestMemo } from '../digest-memo.ts';
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

/**
 * An artifact found through the document that made it, before it is read: what the secret gate needs
 * to start reading the images while they are hashed.
 */
export interface LocatedArtifact extends Omit<Artifact, 'sha256' | 'size'> {
  /** The digest its producer recorded (null for an input's file, which has none to compare). */
  recorded: string | null;
  /** What the recording document calls it, and which document pointed at it (for errors). */
  what: string;
  doc: string;
  /** An overlay's or variant image's: the digest of the base it was made on. */
  madeOnBase?: string;
}

/** Every artifact the documents of one tree name, in a fixed order (base, kernel files, each variant's). */
export function locateArtifacts(up: UpstreamDocuments): LocatedArtifact[] {
  const { tree } = up;
  const bp = up.buildProvenance;
  const arch = bp.doc.distro.arch;
  const at = (rel: string, doc: string) => {
    const path = insideTree(tree, rel, doc);
    return { path, rel: toRel(tree, path) };
  };
  const base = at(bp.doc.output.path, bp.path);
  const out: LocatedArtifact[] = [
    {
      id: idOf(base.rel),
      kind: 'base-image',
      ...base,
      arch,
      variant: null,
      recordedIn: bp.rel,
      recorded: bp.doc.output.sha256,
      what: 'base image',
      doc: bp.path,
    },
  ];

  if (bp.doc.boot.mode === 'kernel') {
    const stem = bp.doc.output.path.replace(/\.qcow2$/, '');
    const boot = [{ kind: 'kernel' as const, rel: `${stem}.vmlinuz`, sha256: bp.doc.boot.kernel.sha256 }];
    if (bp.doc.boot.initrd)
      boot.push({ kind: 'kernel' as const, rel: `${stem}.initrd`, sha256: bp.doc.boot.initrd.sha256 });
    for (const [i, b] of boot.entries()) {
      const kind = i === 0 ? 'kernel' : 'initrd';
      out.push({
        id: b.rel.split('/').pop()!,
        kind,
        ...at(b.rel, bp.path),
        arch,
        variant: null,
        recordedIn: bp.rel,
        recorded: b.sha256,
        what: kind,
        doc: bp.path,
      });
    }
  }

  for (const v of up.variants) {
    const doc = v.doc;
    const made = { arch: doc.base_image.arch, variant: doc.variant, recordedIn: v.rel, doc: v.path };
    const overlay = at(doc.overlay.path, v.path);
    out.push({
      id: idOf(overlay.rel),
      kind: 'overlay',
      ...overlay,
      ...made,
      recorded: doc.overlay.sha256,
      what: `overlay of ${doc.variant}`,
      madeOnBase: doc.base_image.sha256,
    });
    if (doc.image) {
      const image = at(doc.image.path, v.path);
      out.push({
        id: idOf(image.rel),
        kind: 'variant-image',
        ...image,
        ...made,
        recorded: doc.image.sha256,
        what: `image of ${doc.variant}`,
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

/**
 * Each located artifact hashed (once, in order) and its digest compared with the one its producer
 * recorded: a file changed after it was built, or a variant made on another base, is refused.
 */
export async function hashArtifacts(located: LocatedArtifact[], memo: DigestMemo): Promise<Artifact[]> {
  const out: Artifact[] = [];
  let base: Artifact | undefined;
  for (const a of located) {
    const { recorded, what, doc, madeOnBase, ...artifact } = a;
    // The overlay is only valid on the exact bytes of this base.
    if (madeOnBase !== undefined && base && madeOnBase !== base.sha256)
      throw new DataError(
        `${doc}: variant ${a.variant} was made on a base with sha256 ${madeOnBase}, ` +
          `but ${base.path} has sha256 ${base.sha256}: the base changed after the overlay was made; rebuild the variant`,
      );
    const d = await memo.digest(a.path, { input: doc });
    if (recorded !== null && d.sha256 !== recorded)
      throw new DataError(
        `${d.path} has sha256 ${d.sha256}, but ${doc} recorded ${recorded} for the ${what}: ` +
          'the file changed after it was built; rebuild it (a changed file is never signed)',
      );
    const hashed = { ...artifact, path: d.path, sha256: d.sha256, size: d.size };
    if (a.kind === 'base-image') base = hashed;
    out.push(hashed);
  }
  return out;
}

/** locateArtifacts, then hashArtifacts. */
export async function collectArtifacts(up: UpstreamDocuments, memo: DigestMemo): Promise<Artifact[]> {
  return hashArtifacts(locateArtifacts(up), memo);
}

/** A file given by an input (the snapshot bundle): no recorded digest to compare. */
export function locateInputArtifact(
  tree: string,
  path: string,
  input: string,
  arch: string,
): LocatedArtifact {
  const rel = toRel(tree, resolve(path));
  if (rel.startsWith('..') || isAbsolute(rel))
    throw new InputError(
      input,
      `'${path}' is outside the output tree ${tree}`,
      'a file inside the output tree',
    );
  return {
    id: rel.split('/').pop()!,
    kind: 'bundle',
    rel,
    path: join(tree, rel),
    arch,
    variant: null,
    recordedIn: null,
    recorded: null,
    what: 'bundle',
    doc: input,
  };
}
