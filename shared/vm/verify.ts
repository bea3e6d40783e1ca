/**
 * boot-verify's core: for each image, hash its backing chain and refuse it
 * if its base is not the expected one, attach a NoCloud seed with the
 * checks, boot a throwaway overlay, read the checks back from the console
 * and write the report. Images boot with bounded parallelism.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { mapBounded } from '../concurrency.ts';
import { DigestMemo } from '../digest-memo.ts';
import { AbortError, boot } from './launch.ts';
import {
  checksDonePattern,
  checkTag,
  createSeed,
  newNonce,
  parseCheckResults,
  renderCheckScript,
  type Check,
  type CheckResult,
} from './nocloud.ts';
import { hashChain, readBackingChain, type HashedLink } from './overlay.ts';
import { writeBootReport, type BootReport } from './report-schema.ts';
import { BACKING_ROOTS_HINT } from './verify-inputs.ts';
import type { AccelChoice, BootSpec, Verdict } from './types.ts';

/** One run of boot-verify: how every image boots (as a BootSpec says), and what the run adds. */
export interface VerifyOptions extends Pick<
  BootSpec,
  | 'arch'
  | 'boot'
  | 'kernel'
  | 'initrd'
  | 'append'
  | 'expect'
  | 'failOn'
  | 'timeoutMs'
  | 'workDir'
  | 'signal'
  | 'onLaunch'
> {
  images: string[];
  memoryMiB: number;
  cpus: number;
  accel: AccelChoice;
  checks: Check[];
  /** The sha256 the chain's base (its last file; the image itself when it has no backing file) must have. */
  baseSha256?: string;
  parallel: number;
  /** Reports go to <outputDir>/meta/boot/. */
  outputDir: string;
  network: boolean;
  /**
   * Real paths backing files must resolve into (besides each image's own
   * directory); the action always sets them (resolveBackingRoots). Undefined:
   * no containment, for callers that made the chains themselves.
   */
  backingRoots?: string[];
  log?: (message: string) => void;
}

/** Check output kept per boot: a check printing without end cannot grow the report (or memory) without bound. */
export const MAX_CHECK_LINES = 10_000;

export interface ImageVerdict {
  image: string;
  report: BootReport;
  reportPath: string;
}

export interface VerifyRun {
  status: Verdict;
  results: ImageVerdict[];
}

/** output/meta/boot/<name>: the image's file name without its disk extension, made unique within the run. */
export function reportNames(images: string[]): string[] {
  const seen = new Map<string, number>();
  return images.map((image) => {
    const base = basename(image).replace(/\.(qcow2|raw|img)$/i, '') || 'image';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** The worst verdict wins: any failure fails the run, then any timeout. */
export function overallStatus(verdicts: Verdict[]): Verdict {
  if (verdicts.includes('failure')) return 'failure';
  if (verdicts.includes('timeout')) return 'timeout';
  return 'success';
}

/** Why the checks fail the image, or undefined when they all passed. */
export function checksFailure(results: CheckResult[]): string | undefined {
  const bad = results.map((r, i) => ({ r, i })).filter(({ r }) => !r.passed);
  if (bad.length === 0) return undefined;
  return bad
    .map(({ r, i }) => {
      const got = r.status === null ? 'never reported back' : `exited ${r.status}`;
      const out = r.output.length ? `; output: ${r.output.slice(-5).join(' / ')}` : '';
      return `check ${i + 1} \`${r.command}\` ${got}, expected ${r.expectStatus}${out}`;
    })
    .join('; ');
}

/** Compares the chain's base with the expected hash; the message names both hashes and the file. */
export function baseMismatch(chain: HashedLink[], expected: string | undefined): string | undefined {
  if (!expected) return undefined;
  const base = chain[chain.length - 1];
  if (!base) return 'the backing chain is empty';
  if (base.sha256 === expected) return undefined;
  return (
    `refused before boot: the base ${base.path} has sha256 ${base.sha256}, expected ${expected} ` +
    `(an overlay is only valid on the exact base it was made on; a rebuilt base boots into filesystem corruption)`
  );
}

async function verifyOne(
  options: VerifyOptions,
  image: string,
  name: string,
  digests: DigestMemo,
): Promise<ImageVerdict> {
  const dir = join(options.outputDir, 'meta', 'boot');
  await mkdir(dir, { recursive: true });
  const reportPath = join(dir, `${name}.json`);
  const consoleLog = resolve(dir, `${name}.console.log`);
  const startedAt = new Date().toISOString();
  const base: BootReport = {
    reportVersion: 1,
    image: { path: image },
    chain: [],
    arch: options.arch,
    boot: options.boot,
    verdict: 'failure',
    reason: '',
    refused: false,
    command: [],
    exitCode: null,
    checks: [],
    consoleTail: [],
    startedAt,
  };
  const finish = async (report: BootReport): Promise<ImageVerdict> => {
    await writeBootReport(reportPath, report);
    options.log?.(`${image}: ${report.verdict} (${report.reason})`);
    return { image, report, reportPath };
  };

  let chain: HashedLink[];
  try {
    // Checked again here (the inputs were checked before any work): the files may have changed since.
    // Each file is hashed at the first boot that reads it.
    const links = await readBackingChain(image, {
      ...(options.backingRoots ? { roots: options.backingRoots } : {}),
      input: 'images',
      rootsHint: BACKING_ROOTS_HINT,
    });
    chain = await hashChain(links, 'images', digests);
  } catch (e) {
    return finish({ ...base, refused: true, reason: `refused before boot: ${(e as Error).message}` });
  }
  const described: BootReport = {
    ...base,
    image: { path: image, sha256: chain[0]!.sha256, format: chain[0]!.format },
    chain,
  };
  const mismatch = baseMismatch(chain, options.baseSha256);
  if (mismatch) return finish({ ...described, refused: true, reason: mismatch });

  const seedDir = options.checks.length
    ? await mkdtemp(join(options.workDir ?? tmpdir(), 'infrasim-seed-'))
    : undefined;
  try {
    const nonce = newNonce();
    const extraDrives = [];
    if (seedDir) {
      const seed = join(seedDir, 'seed.img');
      await createSeed(seed, renderCheckScript(options.checks, nonce), `boot-verify-${nonce}`);
      extraDrives.push({ path: seed, format: 'raw' as const, readonly: true });
    }
    const checkLines: string[] = [];
    let outputLines = 0;
    let statusLines = 0;
    const tag = checkTag(nonce);
    const result = await boot({
      image,
      ...(options.backingRoots ? { backingRoots: options.backingRoots } : {}),
      arch: options.arch,
      boot: options.boot,
      kernel: options.kernel,
      initrd: options.initrd,
      append: options.append,
      expect: options.expect,
      // With checks, the boot is done only when the script has reported every check.
      alsoExpect: seedDir ? [checksDonePattern(nonce)] : [],
      failOn: options.failOn,
      timeoutMs: options.timeoutMs,
      memoryMiB: options.memoryMiB,
      cpus: options.cpus,
      accel: options.accel,
      extraDrives,
      network: options.network,
      consoleLog,
      signal: options.signal,
      workDir: options.workDir,
      onLaunch: options.onLaunch,
      onLine: (line) => {
        if (!line.includes(tag)) return;
        // Output lines are capped apart from status lines, so a check's flood cannot hide the others' results.
        const kept = / OUT( |$)/.test(line) ? outputLines++ : statusLines++;
        if (kept < MAX_CHECK_LINES) checkLines.push(line);
      },
    });
    const checks = parseCheckResults(checkLines, options.checks, nonce);
    let verdict = result.verdict;
    let reason = result.reason;
    const failedChecks = checksFailure(checks);
    if (failedChecks && verdict === 'success') {
      verdict = 'failure';
      reason = failedChecks;
    } else if (failedChecks) {
      reason += `; ${failedChecks}`;
    }
    return finish({
      ...described,
      verdict,
      reason,
      ...(result.matchedLine !== undefined ? { matchedLine: result.matchedLine } : {}),
      accel: result.accel,
      accelReason: result.accelReason,
      qemuVersion: result.qemuVersion,
      command: result.command,
      exitCode: result.exitCode,
      timings: result.timings,
      checks,
      consoleLog,
      consoleTail: result.tail,
    });
  } catch (e) {
    // Cancellation ends the whole run; anything else (QEMU cannot start, a tool
    // is missing) is this image's failure, reported like any other.
    if (e instanceof AbortError) throw e;
    return finish({ ...described, reason: `could not boot: ${(e as Error).message}` });
  } finally {
    if (seedDir) await rm(seedDir, { recursive: true, force: true });
  }
}

export async function verifyImages(options: VerifyOptions): Promise<VerifyRun> {
  const names = reportNames(options.images);
  // Each file of the images' chains is hashed once in the run (the base sits behind every overlay).
  const digests = new DigestMemo();
  const results = await mapBounded(options.images, options.parallel, (image, i) =>
    verifyOne(options, image, names[i]!, digests),
  );
  return { status: overallStatus(results.map((r) => r.report.verdict)), results };
}
