/**
 * manifest.json of a snapshot bundle: every other file in the bundle with its
 * size and sha256, and the images with what they are. It is the bundle's last
 * entry and lists everything before it; it does not list itself (by rule: a
 * file cannot hold its own digest). One schema writes and reads it.
 */
import { z } from 'zod';
import { readJsonDocument } from '../json-document.ts';

const digest = z.string().regex(/^[0-9a-f]{64}$/);

export const BundleManifestSchema = z.object({
  format_version: z.literal('1.0'),
  /** The bundle's own file name. */
  bundle: z.string(),
  snapshot_tag: z.string(),
  git_commit: z.string().regex(/^[0-9a-f]{40,64}$/),
  /** Every entry's mtime (SOURCE_DATE_EPOCH or the commit time). */
  source_date_epoch: z.number().int().nonnegative(),
  images: z.array(
    z.object({
      path: z.string(),
      sha256: digest,
      variant: z.string().nullable(),
      architecture: z.string(),
      provenance: z.string(),
    }),
  ),
  files: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: digest })),
});

export type BundleManifest = z.infer<typeof BundleManifestSchema>;

export function readBundleManifest(path: string): Promise<BundleManifest> {
  return readJsonDocument(path, BundleManifestSchema, 'bundle manifest');
}

export function renderManifest(m: BundleManifest): Buffer {
  return Buffer.from(JSON.stringify(BundleManifestSchema.parse(m), null, 2) + '\n');
}
