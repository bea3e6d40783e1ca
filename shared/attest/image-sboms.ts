/**
 * attest's image SBOMs: for one output tree, the CycloneDX document of the
 * base image and of each variant (read from the overlay with its backing
 * chain, so it is what the variant's guests boot), built in memory for the
 * pipeline to bind into the statements (as byproducts) and write with
 * everything else.
 *
 * The package database must be there when the producer recorded one: a base
 * whose build-base provenance says dpkg (or apk), or a variant whose
 * provenance does, and whose image does not give it back, is an error naming
 * the image and the database file — never an SBOM that silently lists nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapBounded } from '../concurrency.ts';
import { DataError } from '../errors.ts';
import { openImageRoot } from '../image-fs/image-root.ts';
import {
  APK_INSTALLED,
  DPKG_STATUS,
  readInstalledPackages,
  type InstalledSoftware,
  type PackageManager,
} from '../image-fs/installed-packages.ts';
import { imageSbomDocument, type ImageSbomDocument, type SbomImage } from '../sbom/image-sbom.ts';
import { IMAGES_READ_AT_ONCE, type Artifact } from './artifacts.ts';
import type { SoftwareFromGate } from './software-from-gate.ts';
import { SUITE } from './statement.ts';
import type { UpstreamDocuments } from './upstream.ts';

export const SBOM_DIR = 'meta/sbom';

/** meta/sbom/base.cdx.json and meta/sbom/variant-<v>.cdx.json (variant names are [a-z0-9-]). */
export function imageSbomRel(variant: string | null): string {
  return variant === null ? `${SBOM_DIR}/base.cdx.json` : `${SBOM_DIR}/variant-${variant}.cdx.json`;
}

export interface TreeSbom extends ImageSbomDocument {
  rel: string;
  /** The image it describes (the base qcow2, or the variant's overlay). */
  image: Artifact;
  software: InstalledSoftware;
}

const DATABASE: Record<Exclude<PackageManager, 'none'>, string> = { dpkg: DPKG_STATUS, apk: APK_INSTALLED };

async function readFromImage(image: Artifact, workDir: string): Promise<InstalledSoftware> {
  const root = await openImageRoot(image.path, workDir);
  try {
    return await readInstalledPackages(root);
  } finally {
    await root.close();
  }
}

async function readSoftware(
  image: Artifact,
  recorded: PackageManager,
  recordedIn: string,
  workDir: string,
  fromGate: SoftwareFromGate | undefined,
): Promise<InstalledSoftware> {
  const software = await (fromGate?.get(image) ?? readFromImage(image, workDir));
  if (recorded !== 'none' && software.manager !== recorded)
    throw new DataError(
      `${image.path}: ${recordedIn} records a ${recorded} package database, but ${DATABASE[recorded]} ` +
        `cannot be read from the image (${software.manager === 'none' ? 'it is missing' : `found ${software.manager}'s instead`}): ` +
        'the SBOM would not list what is installed',
    );
  return software;
}

function sbomImage(a: Artifact): SbomImage {
  return {
    name: a.rel,
    sha256: a.sha256,
    kind: a.variant ? 'variant' : 'base',
    variant: a.variant,
    arch: a.arch,
  };
}

/**
 * The SBOMs of one tree: the base first, then each variant's overlay. Images the gate
 * read (`fromGate`) are not read again; any other is opened here.
 */
export async function buildTreeSboms(
  up: UpstreamDocuments,
  artifacts: Artifact[],
  fromGate?: SoftwareFromGate,
): Promise<TreeSbom[]> {
  const work = await mkdtemp(join(process.env.RUNNER_TEMP?.trim() || tmpdir(), 'attest-sbom-'));
  try {
    const bp = up.buildProvenance;
    const epoch = bp.doc.source.source_date_epoch;
    const tool = { name: SUITE.name, version: SUITE.version };
    const base = artifacts.find((a) => a.kind === 'base-image')!;
    const overlays = artifacts.filter((a) => a.kind === 'overlay');
    // An image the gate did not read is read by its own processes (qemu-img, e2fsck, debugfs): two at once.
    const softwareOf = await mapBounded([base, ...overlays], IMAGES_READ_AT_ONCE, (image) => {
      if (image === base)
        return readSoftware(base, bp.doc.installed_packages.manager, bp.rel, work, fromGate);
      const v = up.variants.find((d) => d.doc.variant === image.variant)!;
      // A variant keeps its base's database: it is required whenever either provenance records one.
      const recorded =
        v.doc.installed_packages.manager !== 'none'
          ? v.doc.installed_packages.manager
          : bp.doc.installed_packages.manager;
      return readSoftware(image, recorded, v.rel, work, fromGate);
    });
    const baseSoftware = softwareOf[0]!;
    const out: TreeSbom[] = [];
    const baseDoc = await imageSbomDocument({
      image: sbomImage(base),
      software: baseSoftware,
      sourceDateEpoch: epoch,
      tool,
    });
    out.push({ ...baseDoc, rel: imageSbomRel(null), image: base, software: baseSoftware });
    for (const [i, overlay] of overlays.entries()) {
      const software = softwareOf[i + 1]!;
      const doc = await imageSbomDocument({
        image: sbomImage(overlay),
        software,
        base: { image: sbomImage(base), software: baseSoftware },
        sourceDateEpoch: epoch,
        tool,
      });
      out.push({ ...doc, rel: imageSbomRel(overlay.variant), image: overlay, software });
    }
    return out;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
