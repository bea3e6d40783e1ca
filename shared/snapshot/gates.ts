/**
 * The release gates, checked from the files in the output tree and never
 * taken from a flag (seed 003: channel tags move only after every gate has
 * passed). Every gate is evaluated and every failure is reported, so a
 * maintainer sees all that is missing at once:
 *  - provenance: attest's image provenance for the base (and each variant)
 *    matches the image bytes;
 *  - boot: each image's provenance says boot-verify passed, and each boot
 *    report it names is present, unchanged (sha256), a success, and booted
 *    exactly these image bytes;
 *  - risk: each image's dependency risk score is within the threshold
 *    analyze-deps recorded with it (a workflow that carried on past a failed
 *    analyze-deps step still does not move a channel);
 *  - secret-scan: the secret gate's result file exists and has no finding;
 *  - verify: the attestations verify (signature, subjects, policy) with the
 *    trusted key or keyless identity given, through attest's own verifier,
 *    and every image provenance the other gates read is one a verified
 *    statement binds (an unsigned one added to meta/ vouches for nothing).
 * Used by tag-snapshot before any channel tag and by the OCI publishing
 * (shared/oci) before a promotion.
 */
import { join } from 'node:path';
import type { KeylessPolicy } from '../attest/keyless-verify.ts';
import type { TrustedKey } from '../attest/signing-key.ts';
import { SECRET_SCAN_RESULT, SecretScanResultSchema } from '../attest/secret-scan-result.ts';
import { verifyAttestations } from '../attest/verify.ts';
import { readJsonDocument } from '../json-document.ts';
import { readBootReport } from '../vm/report-schema.ts';
import { DigestMemo } from '../digest-memo.ts';
import { everyImage, readSnapshotImages, type SnapshotImages } from './images.ts';

export type GateName = 'provenance' | 'boot' | 'risk' | 'secret-scan' | 'verify';

export interface GateFailure {
  gate: GateName;
  detail: string;
}

export interface GateResult {
  passed: boolean;
  failures: GateFailure[];
  /** The gates that held, with what was checked. */
  checks: { gate: GateName; detail: string }[];
}

export interface GateOptions {
  /** Key mode: attest's trusted public key. */
  trustedKeys?: readonly TrustedKey[] | null;
  /** Keyless mode: the identity the certificates must name. */
  keyless?: KeylessPolicy | null;
  builderId?: string | null;
}

/** Gate failures for the secret scan: a finding, or an image of the snapshot the scan did not cover. */
function secretScanFailures(
  result: { findings: { path: string; kind: string }[]; scanned: { artifact: string; sha256: string }[] },
  images: SnapshotImages | null,
): string[] {
  const out: string[] = [];
  if (result.findings.length)
    out.push(
      `${result.findings.length} secret(s) found, first ${result.findings[0]!.kind} in ${result.findings[0]!.path} (${SECRET_SCAN_RESULT})`,
    );
  for (const image of images ? everyImage(images) : []) {
    const scanned = result.scanned.find((s) => s.artifact === image.rel);
    if (!scanned) out.push(`${image.rel} was not scanned (${SECRET_SCAN_RESULT}): run attest on it`);
    else if (scanned.sha256 !== image.sha256)
      out.push(
        `${image.rel} changed after the secret scan (scanned sha256 ${scanned.sha256}, now ${image.sha256})`,
      );
  }
  return out;
}

async function checkBoot(
  tree: string,
  images: SnapshotImages,
  digests: DigestMemo,
  fail: (d: string) => void,
): Promise<number> {
  let reports = 0;
  for (const image of everyImage(images)) {
    const boot = image.provenance.doc.boot;
    if (boot.status !== 'success' || boot.reports.length === 0) {
      fail(
        `${image.rel}: ${image.provenance.rel} says boot ${boot.status}; run boot-verify on it before attest`,
      );
      continue;
    }
    for (const r of boot.reports) {
      const path = join(tree, r.path);
      const digest = await digests
        .digest(path, { input: 'output-dir' })
        .then((d) => d.sha256)
        .catch(() => null);
      if (digest === null)
        fail(`${image.rel}: boot report ${r.path} named by ${image.provenance.rel} is missing`);
      else if (digest !== r.sha256)
        fail(
          `${image.rel}: boot report ${r.path} changed after attest (sha256 ${digest}, recorded ${r.sha256})`,
        );
      else {
        const report = await readBootReport(path);
        const booted = report.chain[0]?.sha256 ?? report.image.sha256;
        const flattened = image.provenance.doc.image.flattened?.sha256;
        if (report.verdict !== 'success') fail(`${image.rel}: boot report ${r.path} says ${report.verdict}`);
        else if (!booted) fail(`${image.rel}: boot report ${r.path} names no image sha256 it booted`);
        else if (booted !== image.sha256 && booted !== flattened)
          fail(
            `${image.rel}: boot report ${r.path} booted sha256 ${booted}, not this image (${image.sha256})`,
          );
        else reports++;
      }
    }
  }
  return reports;
}

/** `digests`: the run's, so a file the run already hashed (and has not changed since) is not read again. */
export async function checkReleaseGates(
  tree: string,
  options: GateOptions = {},
  digests: DigestMemo = new DigestMemo(),
): Promise<GateResult> {
  const failures: GateFailure[] = [];
  const checks: GateResult['checks'] = [];
  let images: SnapshotImages | null = null;
  try {
    images = await readSnapshotImages(tree, digests);
    checks.push({
      gate: 'provenance',
      detail: `${1 + images.variants.length} image provenance document(s) match their images`,
    });
  } catch (e) {
    failures.push({ gate: 'provenance', detail: (e as Error).message });
  }

  if (images) {
    const before = failures.length;
    const reports = await checkBoot(tree, images, digests, (detail) =>
      failures.push({ gate: 'boot', detail }),
    );
    if (failures.length === before)
      checks.push({ gate: 'boot', detail: `${reports} passing boot report(s) for these image bytes` });
  } else failures.push({ gate: 'boot', detail: 'not checked: no valid image provenance' });

  if (images) {
    const all = everyImage(images);
    const over = all.filter(
      (i) => i.provenance.doc.analysis.risk_score > i.provenance.doc.analysis.risk_threshold,
    );
    for (const i of over)
      failures.push({
        gate: 'risk',
        detail: `${i.rel}: ${i.provenance.rel} records the dependency risk score ${i.provenance.doc.analysis.risk_score}, above its threshold ${i.provenance.doc.analysis.risk_threshold}`,
      });
    if (over.length === 0)
      checks.push({ gate: 'risk', detail: `${all.length} image(s) within their dependency risk threshold` });
  } else failures.push({ gate: 'risk', detail: 'not checked: no valid image provenance' });

  try {
    const result = await readJsonDocument(
      join(tree, SECRET_SCAN_RESULT),
      SecretScanResultSchema,
      'secret scan result',
    );
    const problems = secretScanFailures(result, images);
    for (const detail of problems) failures.push({ gate: 'secret-scan', detail });
    if (problems.length === 0)
      checks.push({
        gate: 'secret-scan',
        detail: `${SECRET_SCAN_RESULT}: ${result.scanned.length} artifact(s) scanned, no finding`,
      });
  } catch (e) {
    failures.push({
      gate: 'secret-scan',
      detail: /ENOENT|not readable JSON \(ENOENT/.test((e as Error).message)
        ? `${SECRET_SCAN_RESULT} is missing: run attest's secret gate on the images`
        : (e as Error).message,
    });
  }

  if (!options.trustedKeys && !options.keyless) {
    failures.push({
      gate: 'verify',
      detail:
        'no trusted key or keyless identity given (input public-key), so the attestations cannot be verified',
    });
  } else {
    try {
      const r = await verifyAttestations({
        root: tree,
        digests,
        attestations: [],
        artifacts: null,
        policy: {
          trustedKeys: options.trustedKeys ?? null,
          keyless: options.keyless ?? null,
          builderId: options.builderId ?? null,
          maxRiskScore: null,
          requireBoot: true,
        },
      });
      const bound = new Set(
        r.statements.flatMap((s) =>
          (s.statement.predicate.runDetails.byproducts ?? []).map((b) => `${b.name} ${b.digest?.sha256}`),
        ),
      );
      const unsigned = images
        ? everyImage(images).filter((i) => !bound.has(`${i.provenance.rel} ${i.provenance.sha256}`))
        : [];
      for (const i of unsigned)
        failures.push({
          gate: 'verify',
          detail: `${i.provenance.rel} is bound by no verified statement: the gates read only signed image provenance`,
        });
      if (unsigned.length === 0)
        checks.push({
          gate: 'verify',
          detail: `${r.statements.length} attestation(s) verified, ${r.covered.length} artifact(s) covered`,
        });
    } catch (e) {
      failures.push({ gate: 'verify', detail: (e as Error).message });
    }
  }
  return { passed: failures.length === 0, failures, checks };
}
