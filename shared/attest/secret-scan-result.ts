/**
 * meta/secret-scan.json: the secret gate's result for one output tree,
 * written by attest beside the image provenance and bound into the signed
 * statements as a byproduct, read by the release gates (tag-snapshot, OCI
 * promotion) before a channel moves. One schema writes and reads it. It
 * holds fingerprints and locations, never a secret.
 */
import { z } from 'zod';
import { sha256 } from '../hash.ts';
import { SECRET_KINDS } from '../secrets/detectors.ts';
import type { Artifact } from './artifacts.ts';
import type { SecretGateResult } from './secret-gate.ts';

/** Where the result is written, relative to the output tree. */
export const SECRET_SCAN_RESULT = 'meta/secret-scan.json';

const FindingSchema = z.object({
  artifact: z.string(),
  path: z.string(),
  line: z.number().int().positive(),
  kind: z.enum(SECRET_KINDS),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});

export const SecretScanResultSchema = z.object({
  scanner: z.literal('infrasim-attest-secret-gate'),
  /** Every artifact scanned, by its path in the tree and the digest that was scanned. */
  scanned: z.array(
    z.object({
      artifact: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      files: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      unchanged: z.number().int().nonnegative(),
    }),
  ),
  /** Findings not on the allow-list: attest fails on any, so a written result has none. */
  findings: z.array(FindingSchema),
  /** Findings allowed on purpose, with the allow-list's reason. */
  allowed: z.array(FindingSchema.extend({ reason: z.string() })),
});
export type SecretScanResult = z.infer<typeof SecretScanResultSchema>;

/**
 * The result for one tree: the gate's entries for that tree's artifacts,
 * named by their path in the tree (the gate labels them relative to the
 * release root, which differs when several trees are attested together).
 */
export function secretScanResultFor(
  gate: SecretGateResult,
  artifacts: Artifact[],
  labelOf: (a: Artifact) => string,
): { rel: string; bytes: string; sha256: string } {
  const byLabel = new Map(artifacts.map((a) => [labelOf(a), a]));
  const inTree = <T extends { artifact: string }>(items: T[]) =>
    items.flatMap((x) => {
      const a = byLabel.get(x.artifact);
      return a ? [{ ...x, artifact: a.rel }] : [];
    });
  const doc: SecretScanResult = {
    scanner: 'infrasim-attest-secret-gate',
    scanned: gate.scanned.flatMap((s) => {
      const a = byLabel.get(s.artifact);
      return a
        ? [{ artifact: a.rel, sha256: a.sha256, files: s.files, bytes: s.bytes, unchanged: s.unchanged }]
        : [];
    }),
    // The schema's parse below keeps only its own fields of each finding.
    findings: inTree(gate.findings),
    allowed: inTree(gate.allowed),
  };
  const bytes = JSON.stringify(SecretScanResultSchema.parse(doc), null, 2) + '\n';
  return { rel: SECRET_SCAN_RESULT, bytes, sha256: sha256(bytes) };
}
