/**
 * meta/variant-<v>-provenance.json: seed 002's fields (format_version,
 * build_type, variant, base_image {path, sha256}, source, packages,
 * services) plus what makes the overlay checkable: its own sha256, the
 * user-data's sha256, the packages read back from the guest, and the console
 * log. One schema writes it and reads it back.
 */
import { z } from 'zod';
import { DataError } from '../errors.ts';
import { sha256File } from '../hash.ts';
import { readJsonDocument } from '../json-document.ts';

const digest = z.string().regex(/^[0-9a-f]{64}$/);

export const VariantProvenanceSchema = z.object({
  format_version: z.literal('1.0'),
  build_type: z.string(),
  variant: z.string(),
  description: z.string(),
  base_image: z.object({
    /** Relative to the output directory, as the overlay's backing file resolves it. */
    path: z.string(),
    sha256: digest,
    distro: z.string(),
    arch: z.string(),
  }),
  source: z.object({ git_sha: z.string().nullable(), build_date: z.string() }),
  /** Packages the definition asked for. */
  packages: z.array(z.string()),
  services: z.array(z.string()),
  definition: z.object({
    origin: z.string(),
    sha256: digest,
    target: z.enum(['alpine', 'debian', 'generic']),
  }),
  files: z.array(z.object({ path: z.string(), mode: z.string(), owner: z.string(), sha256: digest })),
  commands: z.array(z.string()),
  checks: z.array(z.string()),
  overlay: z.object({
    path: z.string(),
    sha256: digest,
    backing_file: z.string(),
    backing_format: z.literal('qcow2'),
    virtual_size: z.number().int().positive(),
    actual_size: z.number().int().nonnegative(),
  }),
  image: z
    .object({ path: z.string(), sha256: digest, actual_size: z.number().int().nonnegative() })
    .nullable(),
  user_data: z.object({ sha256: digest }),
  installed_packages: z.object({
    manager: z.enum(['apk', 'dpkg', 'none']),
    count: z.number().int().nonnegative(),
    packages: z.array(z.object({ name: z.string(), version: z.string(), arch: z.string().optional() })),
  }),
  provisioning: z.object({
    console_log: z.string(),
    seconds: z.number().nonnegative(),
    accel: z.string(),
    qemu_version: z.string(),
    matched_line: z.string().nullable(),
    private_key_scan: z.object({ files_flagged: z.number().int().nonnegative() }),
  }),
});

export type VariantProvenance = z.infer<typeof VariantProvenanceSchema>;

export function readVariantProvenance(path: string): Promise<VariantProvenance> {
  return readJsonDocument(path, VariantProvenanceSchema, 'variant provenance');
}

/**
 * An overlay is only valid on the exact bytes of its base: compares the base
 * the provenance recorded with the base file as it is now. Throws naming both
 * hashes when the base changed after the overlay was made.
 */
export async function verifyOverlayBase(provenance: VariantProvenance, base: string): Promise<void> {
  const actual = await sha256File(base);
  if (actual !== provenance.base_image.sha256) {
    throw new DataError(
      `the overlay of variant ${provenance.variant} was made on a base with sha256 ${provenance.base_image.sha256}, ` +
        `but ${base} now has sha256 ${actual}: the base changed after the overlay was made; rebuild the variant`,
    );
  }
}
