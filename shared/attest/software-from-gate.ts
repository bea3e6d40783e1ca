/**
 * The software of each image attest's secret gate reads, taken from the root
 * filesystem the gate extracts, so every image is read once for the gate and
 * its SBOM. In a module of its own: the gate starts with it, before the SBOM
 * writer (and the CycloneDX library) is loaded.
 */
import { treeFiles, type KnownDigests } from '../image-fs/tree-files.ts';
import { readInstalledPackages, type InstalledSoftware } from '../image-fs/installed-packages.ts';
import type { Artifact } from './artifacts.ts';
import type { GateArtifact } from './secret-gate.ts';

/**
 * Each image's software as read from the secret gate's extracted root filesystem: pass
 * `onImageRootTree` to the gate, then this to buildTreeSboms, and every image is read
 * once for both.
 */
export class SoftwareFromGate {
  private readonly byImage = new Map<string, Promise<InstalledSoftware>>();

  /** The gate's callback: reads the image's software before its tree is removed. */
  readonly onImageRootTree = async (
    image: GateArtifact,
    tree: string,
    digests: KnownDigests,
  ): Promise<void> => {
    if (image.kind !== 'base-image' && image.kind !== 'overlay') return;
    // The gate hashed every file of the tree: the kernel's digest is taken from there, not read again.
    const software = readInstalledPackages(treeFiles(image.path, tree, digests));
    this.byImage.set(image.path, software);
    // A failure is buildTreeSboms' to report, after the gate's own verdict.
    await software.catch(() => {});
  };

  get(image: Artifact): Promise<InstalledSoftware> | undefined {
    return this.byImage.get(image.path);
  }
}
