/**
 * What an output tree publishes as OCI artifacts, read from attest's files
 * (shared/snapshot/images.ts, which re-checks every image against its
 * provenance): per image its disk, its image provenance, its SBOM
 * (meta/sbom/base.cdx.json, meta/sbom/variant-<v>.cdx.json) and its boot
 * reports; the tree's Sigstore bundles (meta/attestations/*.sigstore.json)
 * as referrers. Several trees (one per architecture from a matrix) give one
 * index across architectures.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DigestMemo } from '../digest-memo.ts';
import { InputError } from '../errors.ts';
import { readSnapshotImages } from '../snapshot/images.ts';
import { LAYER_CYCLONEDX, LAYER_JSON, LAYER_PROVENANCE, LAYER_QCOW2 } from './media-types.ts';
import type { ArtifactFile, ImageArtifact } from './publish.ts';

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

export async function artifactsFromTrees(
  trees: string[],
  digests: DigestMemo = new DigestMemo(),
): Promise<{ images: ImageArtifact[]; attestations: string[] }> {
  if (trees.length === 0) throw new InputError('output-dir', 'no output tree given');
  const images: ImageArtifact[] = [];
  const attestations: string[] = [];
  for (const tree of trees) {
    const snapshot = await readSnapshotImages(tree, digests);
    for (const image of [snapshot.base, ...snapshot.variants]) {
      const files: ArtifactFile[] = [{ path: join(tree, image.provenance.rel), mediaType: LAYER_PROVENANCE }];
      const sbom = join(
        tree,
        'meta',
        'sbom',
        image.variant ? `variant-${image.variant}.cdx.json` : 'base.cdx.json',
      );
      if (await isFile(sbom)) files.push({ path: sbom, mediaType: LAYER_CYCLONEDX });
      for (const r of image.provenance.doc.boot.reports)
        files.push({ path: join(tree, r.path), mediaType: LAYER_JSON, sha256: r.sha256 });
      images.push({
        name: image.variant ?? 'base',
        architecture: image.architecture,
        disk: { path: join(tree, image.rel), mediaType: LAYER_QCOW2, sha256: image.sha256 },
        files,
      });
    }
    const dir = join(tree, 'meta', 'attestations');
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.sigstore.json')).sort())
      attestations.push(join(dir, name));
  }
  return { images, attestations };
}
