/**
 * Reads, from a manifest's bytes, the few facts retention needs: the children
 * of an index, the subject of a referrer, and the image's creation time. Any
 * document that is not a manifest we understand is an error: the caller then
 * leaves the whole package alone (fail closed), because a manifest it cannot
 * read may be the parent of something it would otherwise delete.
 */
import { z } from 'zod';
import { DOCKER_MANIFEST_LIST, OCI_INDEX } from '../oci/media-types.ts';
import type { ManifestFacts } from './types.ts';

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const descriptor = z.object({
  mediaType: z.string().optional(),
  digest: z.string().regex(DIGEST),
  size: z.number().int().nonnegative(),
  annotations: z.record(z.string(), z.string()).optional(),
  artifactType: z.string().optional(),
});
const manifestDoc = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  artifactType: z.string().optional(),
  config: descriptor.optional(),
  layers: z.array(descriptor).optional(),
  manifests: z.array(descriptor).optional(),
  subject: descriptor.optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

const INDEX_TYPES = new Set([OCI_INDEX, DOCKER_MANIFEST_LIST]);

export const CREATED_ANNOTATION = 'org.opencontainers.image.created';

export interface ParsedManifest {
  facts: ManifestFacts;
  /** An image's config descriptor: its `created` is the fallback creation time. */
  config?: { digest: string; mediaType?: string };
}

/** Throws with a one-line reason when the bytes are not an OCI/Docker v2 manifest or index. */
export function parseManifestFacts(digest: string, bytes: Uint8Array, contentType?: string): ParsedManifest {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new Error('not JSON');
  }
  const parsed = manifestDoc.safeParse(json);
  if (!parsed.success)
    throw new Error(`not an OCI manifest: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const doc = parsed.data;
  const mediaType = doc.mediaType ?? contentType ?? '';
  const isIndex = INDEX_TYPES.has(mediaType) || (doc.manifests !== undefined && doc.config === undefined);
  if (!isIndex && !doc.config) throw new Error(`manifest of media type '${mediaType}' has no config`);
  const created = doc.annotations?.[CREATED_ANNOTATION];
  return {
    facts: {
      digest,
      mediaType,
      children: isIndex ? (doc.manifests ?? []).map((m) => m.digest) : [],
      ...(doc.subject ? { subject: doc.subject.digest } : {}),
      ...(doc.artifactType ? { artifactType: doc.artifactType } : {}),
      ...(created !== undefined && createdTime(created) !== undefined ? { created } : {}),
    },
    ...(!isIndex && doc.config
      ? { config: { digest: doc.config.digest, mediaType: doc.config.mediaType } }
      : {}),
  };
}

/** An RFC 3339 date-time, as the OCI specs write `created` (seconds, optional fraction, Z or an offset). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Times before this are placeholders (the Unix epoch of SOURCE_DATE_EPOCH=0 builds, Go's zero time), not when an image was made. */
const EARLIEST_REAL_TIME = Date.UTC(1980, 0, 1);

/**
 * The time (ms since the epoch) a `created` value says, or undefined when it is not an RFC 3339 date-time
 * (Date.parse would take `"1"` or `"release 5"` for dates in 2001) or is a placeholder: an unknown time
 * is kept and never ranked, a wrong one would decide what is deleted.
 */
export function createdTime(created: string): number | undefined {
  if (!RFC3339.test(created)) return undefined;
  const t = Date.parse(created);
  return Number.isNaN(t) || t < EARLIEST_REAL_TIME ? undefined : t;
}

/** `created` of an image config (OCI image-spec config), when it is there and a time. */
export function configCreated(bytes: Uint8Array): string | undefined {
  try {
    const doc = JSON.parse(Buffer.from(bytes).toString('utf8')) as { created?: unknown };
    return typeof doc.created === 'string' && createdTime(doc.created) !== undefined
      ? doc.created
      : undefined;
  } catch {
    return undefined;
  }
}
