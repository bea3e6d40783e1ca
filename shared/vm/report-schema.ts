/**
 * The boot report (output/meta/boot/<image>.json): one schema, used to
 * validate what boot-verify writes and what later steps read back.
 */
import { z } from 'zod';
import { writeJsonAtomic } from '../atomic.ts';
import { readJsonDocument } from '../json-document.ts';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const chainLinkSchema = z.object({
  path: z.string(),
  format: z.string(),
  virtualSize: z.number().int().nonnegative(),
  backingFile: z.string().optional(),
  sha256,
});

export const checkResultSchema = z.object({
  command: z.string(),
  expectStatus: z.number().int(),
  status: z.number().int().nullable(),
  output: z.array(z.string()),
  passed: z.boolean(),
});

export const bootReportSchema = z.object({
  reportVersion: z.literal(1),
  image: z.object({ path: z.string(), sha256: sha256.optional(), format: z.string().optional() }),
  /** The image first, then each backing file down to the base, each hashed before the boot. */
  chain: z.array(chainLinkSchema),
  arch: z.enum(['x86_64', 'aarch64']),
  boot: z.enum(['uefi', 'kernel']),
  verdict: z.enum(['success', 'failure', 'timeout']),
  reason: z.string(),
  /** True when the image was refused before booting (e.g. its base changed). */
  refused: z.boolean(),
  matchedLine: z.string().optional(),
  accel: z.enum(['kvm', 'tcg']).optional(),
  accelReason: z.string().optional(),
  qemuVersion: z.string().optional(),
  command: z.array(z.string()),
  exitCode: z.number().int().nullable(),
  timings: z
    .object({
      launchMs: z.number(),
      firstByteMs: z.number().optional(),
      verdictMs: z.number(),
      exitMs: z.number().optional(),
    })
    .optional(),
  checks: z.array(checkResultSchema),
  consoleLog: z.string().optional(),
  consoleTail: z.array(z.string()),
  startedAt: z.string(),
});

export type BootReport = z.infer<typeof bootReportSchema>;

export async function writeBootReport(path: string, report: BootReport): Promise<void> {
  await writeJsonAtomic(path, bootReportSchema.parse(report));
}

export function readBootReport(path: string): Promise<BootReport> {
  return readJsonDocument(path, bootReportSchema, 'boot report');
}
