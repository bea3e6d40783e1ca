/**
 * The OCI 1.1 documents the suite publishes, built as pure functions of
 * their inputs (same files and commit time → same bytes → same digests, so a
 * rerun pushes nothing new):
 *  - one artifact manifest per image and architecture: `artifactType`
 *    application/vnd.infrasim.vm-image.v1, the empty config, layers with their
 *    own media types (the qcow2 disk, provenance, SBOMs);
 *  - one image index over all of them, each entry with its platform;
 *  - referrer manifests (a `subject`) for attestation bundles and gate results.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import {
  type Descriptor,
  EMPTY_CONFIG_DIGEST,
  type ImageIndex,
  type ImageManifest,
  OCI_EMPTY,
  OCI_INDEX,
  OCI_MANIFEST,
  type Platform,
} from './media-types.ts';

/** Annotation naming which image (base or a variant) a manifest in the index holds. */
export const IMAGE_NAME_ANNOTATION = 'vnd.infrasim.image.name';
export const TITLE = 'org.opencontainers.image.title';
export const CREATED = 'org.opencontainers.image.created';
export const REVISION = 'org.opencontainers.image.revision';

export interface Blob {
  mediaType: string;
  digest: string;
  size: number;
  /** Where its bytes are: a file (streamed) or in memory (small documents). */
  path?: string;
  bytes?: Buffer;
  title?: string;
}

export interface Document {
  bytes: Buffer;
  descriptor: Descriptor;
}

/** Runner and Debian architecture names → the OCI platform's GOARCH names. */
export function ociArchitecture(arch: string): Platform {
  switch (arch) {
    case 'x86_64':
    case 'amd64':
      return { architecture: 'amd64', os: 'linux' };
    case 'aarch64':
    case 'arm64':
      return { architecture: 'arm64', os: 'linux', variant: 'v8' };
    case 'riscv64':
      return { architecture: 'riscv64', os: 'linux' };
    default:
      return { architecture: arch, os: 'linux' };
  }
}

/** Canonical bytes: keys in insertion order as built here, no whitespace. */
export function documentOf(value: object, mediaType: string, extra: Partial<Descriptor> = {}): Document {
  const bytes = Buffer.from(JSON.stringify(value));
  return {
    bytes,
    descriptor: {
      mediaType,
      digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      size: bytes.length,
      ...extra,
    },
  };
}

export function layerOf(blob: Blob): Descriptor {
  const title = blob.title ?? (blob.path ? basename(blob.path) : undefined);
  return {
    mediaType: blob.mediaType,
    digest: blob.digest,
    size: blob.size,
    ...(title ? { annotations: { [TITLE]: title } } : {}),
  };
}

const EMPTY_CONFIG: Descriptor = { mediaType: OCI_EMPTY, digest: EMPTY_CONFIG_DIGEST, size: 2 };

/** An OCI 1.1 artifact manifest: empty config, `artifactType`, the layers in the order given. */
export function artifactManifest(
  artifactType: string,
  layers: Blob[],
  annotations: Record<string, string>,
  subject?: Descriptor,
): Document {
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType,
    config: EMPTY_CONFIG,
    layers: layers.map(layerOf),
    ...(subject
      ? { subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size } }
      : {}),
    ...(Object.keys(annotations).length ? { annotations: sortKeys(annotations) } : {}),
  };
  return documentOf(manifest, OCI_MANIFEST, { artifactType });
}

export function imageIndex(
  artifactType: string,
  entries: { manifest: Document; platform: Platform; annotations: Record<string, string> }[],
  annotations: Record<string, string>,
): Document {
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    artifactType,
    manifests: entries.map((e) => ({
      mediaType: e.manifest.descriptor.mediaType,
      digest: e.manifest.descriptor.digest,
      size: e.manifest.descriptor.size,
      artifactType,
      platform: e.platform,
      annotations: sortKeys(e.annotations),
    })),
    ...(Object.keys(annotations).length ? { annotations: sortKeys(annotations) } : {}),
  };
  return documentOf(index, OCI_INDEX, { artifactType });
}

/** The descriptor of a referrer as the referrers API and the fallback tag index list it. */
export function referrerDescriptor(doc: Document, annotations?: Record<string, string>): Descriptor {
  return {
    mediaType: doc.descriptor.mediaType,
    digest: doc.descriptor.digest,
    size: doc.descriptor.size,
    ...(doc.descriptor.artifactType ? { artifactType: doc.descriptor.artifactType } : {}),
    ...(annotations && Object.keys(annotations).length ? { annotations: sortKeys(annotations) } : {}),
  };
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
