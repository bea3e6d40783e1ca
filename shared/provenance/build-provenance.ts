/**
 * meta/build-provenance.json: the base step's provenance (seed document 002),
 * one schema used both to write it and to read it back.
 */
import { z } from 'zod';
import { readJsonDocument } from '../json-document.ts';

const digest = z.string().regex(/^[0-9a-f]{64}$/);

export const BuildProvenanceSchema = z.object({
  format_version: z.literal('1.0'),
  build_type: z.string(),
  builder: z.object({ name: z.string(), version: z.string(), action: z.string() }),
  source: z.object({
    git_sha: z.string().nullable(),
    git_ref: z.string().nullable(),
    repository: z.string().nullable(),
    build_date: z.string(),
    source_date_epoch: z.number().int().nonnegative(),
  }),
  distro: z.object({ name: z.string(), version: z.string(), arch: z.string() }),
  /** Packages asked for (names as given). */
  packages: z.array(z.string()),
  /** Packages read back from the image's own package database. */
  installed_packages: z.object({
    manager: z.enum(['apk', 'dpkg', 'none']),
    count: z.number().int().nonnegative(),
    packages: z.array(z.object({ name: z.string(), version: z.string(), arch: z.string().optional() })),
  }),
  inputs: z.array(
    z.object({ name: z.string(), uri: z.string(), sha256: digest.optional(), verification: z.string() }),
  ),
  boot: z.object({
    mode: z.enum(['uefi', 'kernel']),
    cmdline: z.string(),
    kernel: z.object({ rootfs_path: z.string().nullable(), sha256: digest }),
    initrd: z.object({ rootfs_path: z.string().nullable(), sha256: digest }).nullable(),
    partitions: z.object({ disk_guid: z.string(), esp_guid: z.string(), root_partuuid: z.string() }),
    /** boot=uefi: the systemd-boot binary in the ESP (null for a direct kernel boot; absent in older documents). */
    bootloader: z
      .object({
        name: z.literal('systemd-boot'),
        package: z.string(),
        version: z.string(),
        arch: z.string(),
        sha256: digest,
      })
      .nullable()
      .optional(),
  }),
  output: z.object({
    path: z.string(),
    format: z.literal('qcow2'),
    compression: z.enum(['none', 'zlib', 'zstd']),
    sha256: digest,
    virtual_size: z.number().int().positive(),
    actual_size: z.number().int().positive(),
    rootfs_entries: z.number().int().nonnegative(),
    /** sha256 over the root filesystem's entries and bytes: with the kernel and boot loader, seeds the GUIDs. */
    rootfs_content_sha256: digest.optional(),
  }),
  tools: z.record(z.string(), z.string()),
  /**
   * Golden-image hygiene (shared/sysprep.ts): every path the build removed or
   * emptied because no image may carry it (keys, machine identity, seeds,
   * build logs), and the files added so the instance makes them on its first
   * boot. Absent in documents written before the reset existed.
   */
  sysprep: z
    .object({
      reset: z.array(
        z.object({
          path: z.string(),
          action: z.enum(['remove', 'truncate']),
          rule: z.string(),
          reason: z.string(),
        }),
      ),
      first_boot: z.array(z.object({ path: z.string(), rule: z.string(), reason: z.string() })),
    })
    .optional(),
});

export type BuildProvenance = z.infer<typeof BuildProvenanceSchema>;

export function readBuildProvenance(path: string): Promise<BuildProvenance> {
  return readJsonDocument(path, BuildProvenanceSchema, 'build provenance');
}
