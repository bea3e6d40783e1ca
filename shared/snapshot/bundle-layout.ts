/**
 * Which files of the output tree go into the bundle, and where (seed 000's
 * layout): everything under meta/ keeps its place under meta/ (provenance,
 * attestations, SBOMs, boot reports and console logs); every other file —
 * the disks, overlays, exported kernels — goes under disk/ at its path in
 * the tree, so an overlay's relative backing file (../../base.qcow2) still
 * resolves inside the bundle. manifest.json is not taken from the tree: it is
 * written last, by rule. Left out: earlier bundles and their checksums at the
 * tree's top, and the temporary files of atomic writes. A symlink, a special
 * file or a hard link with a name outside the tree is refused: a link could
 * pull any file of the runner into a release.
 */
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../errors.ts';

export const MANIFEST = 'manifest.json';

export interface BundleFile {
  /** Path inside the bundle. */
  path: string;
  /** Path on disk. */
  source: string;
  size: number;
}

export interface BundleLayout {
  directories: string[];
  files: BundleFile[];
}

/** Top-level files of the tree that are bundles or their by-products, never content. */
function isBundleArtifact(rel: string): boolean {
  return !rel.includes('/') && (rel === MANIFEST || /\.(tar|tar\.gz|tgz|tar\.zst)(\.sha256)?$/.test(rel));
}

/** Temporary names of writeFileAtomic/produceAtomic (`.<name>.tmp-<hex>`) and the bundle being written. */
function isTemporary(name: string): boolean {
  return /^\..*\.tmp-[0-9a-f]+$/.test(name);
}

/** Component-wise byte order: a directory sorts before everything inside it. */
export function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return Buffer.compare(Buffer.from(x[i]!), Buffer.from(y[i]!));
  }
  return x.length - y.length;
}

export async function bundleLayout(tree: string): Promise<BundleLayout> {
  const files: BundleFile[] = [];
  // Files with more than one name: each must have all its names in the tree, or a hard link pulls in a file
  // from outside it as surely as a symbolic link would (`ln ~/.ssh/id_ed25519 output/meta/x`).
  const linked = new Map<string, { source: string; links: number; seen: number }>();
  const walk = async (rel: string): Promise<void> => {
    for (const name of await readdir(join(tree, rel))) {
      const childRel = rel ? `${rel}/${name}` : name;
      if (isTemporary(name) || isBundleArtifact(childRel)) continue;
      const source = join(tree, childRel);
      const st = await lstat(source);
      if (st.isDirectory()) await walk(childRel);
      else if (st.isFile()) {
        const path = childRel === 'meta' || childRel.startsWith('meta/') ? childRel : `disk/${childRel}`;
        files.push({ path, source, size: st.size });
        if (st.nlink > 1) {
          const key = `${st.dev}:${st.ino}`;
          const entry = linked.get(key) ?? { source, links: st.nlink, seen: 0 };
          entry.seen++;
          linked.set(key, entry);
        }
      } else
        throw new DataError(
          `${source}: a ${st.isSymbolicLink() ? 'symbolic link' : 'special file'} in the output tree; a bundle holds regular files only (a link could pull a file from outside the tree into a release)`,
        );
    }
  };
  await walk('');
  for (const { source, links, seen } of linked.values())
    if (seen < links)
      throw new DataError(
        `${source}: a hard link with ${links - seen} of its ${links} names outside the output tree; a bundle holds the tree's own files only (a link could pull a file from outside the tree into a release): copy the file in instead`,
      );
  files.sort((a, b) => comparePaths(a.path, b.path));
  const dirs = new Set<string>();
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return { directories: [...dirs].sort(comparePaths), files };
}
