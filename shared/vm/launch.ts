/**
 * boot(): the launcher every action boots through. It boots the image with
 * QEMU's temporary snapshot (or the image itself when writable), firmware variables for UEFI,
 * picks the accelerator, runs QEMU with the console streaming into a watcher
 * and turns the outcome into a verdict. Temporary files are removed and QEMU
 * has exited before boot() returns or throws.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { InputError } from '../errors.ts';
import { toolVersion } from '../exec.ts';
import { MAX_TIMEOUT_SECONDS, MAX_TIMER_MS } from '../inputs.ts';
import { chooseAccel } from './accel.ts';
import { prepareFirmware } from './firmware.ts';
import { checkInitrdFile, checkKernelFile } from './input-files.ts';
import { diskFormat, readBackingChain } from './overlay.ts';
import { qemuArgs, qemuBinary } from './qemu-command.ts';
import { runQemu, type QemuOutcome } from './qemu-process.ts';
import type { BootResult, BootSpec, Verdict } from './types.ts';

export { AbortError } from './qemu-process.ts';

const versionCache = new Map<string, Promise<string>>();

export function qemuVersion(binary: string): Promise<string> {
  let v = versionCache.get(binary);
  if (!v) {
    v = toolVersion(binary);
    versionCache.set(binary, v);
  }
  return v;
}

async function validate(spec: BootSpec): Promise<void> {
  if (!(spec.timeoutMs > 0)) throw new Error(`timeoutMs must be positive, got ${spec.timeoutMs}`);
  // Every action's timeout ends up here: a longer one would fire at once (Node's timer limit).
  if (spec.timeoutMs > MAX_TIMER_MS) {
    throw new InputError(
      'timeout',
      `${spec.timeoutMs / 1000} seconds is more than the maximum of ${MAX_TIMEOUT_SECONDS} seconds`,
      `a number of seconds from 0.001 to ${MAX_TIMEOUT_SECONDS}`,
    );
  }
  if (spec.boot === 'kernel' && !spec.kernel) throw new Error('boot=kernel needs a kernel');
  // QEMU would read a device forever or fail on a non-kernel with "invalid kernel header":
  // refuse both naming the input, before anything starts.
  if (spec.kernel) await checkKernelFile(spec.kernel, spec.arch);
  if (spec.initrd) await checkInitrdFile(spec.initrd);
  if (spec.expect.global || spec.failOn.some((r) => r.global)) {
    // A /g regex keeps lastIndex between test() calls and would skip matches.
    throw new Error('expect/failOn regexes must not use the g flag');
  }
}

/** What the outcome of the QEMU process means for the image. */
export function interpretOutcome(
  outcome: Pick<QemuOutcome, 'end' | 'exitCode' | 'exitSignal' | 'stderr'>,
  timeoutMs: number,
): { verdict: Verdict; reason: string; matchedLine?: string } {
  const end = outcome.end;
  if (end.kind === 'decided') {
    return end.decision.verdict === 'success'
      ? {
          verdict: 'success',
          reason: `marker /${end.decision.pattern.source}/ seen`,
          matchedLine: end.decision.line,
        }
      : {
          verdict: 'failure',
          reason: `console line matched fail-on /${end.decision.pattern.source}/`,
          matchedLine: end.decision.line,
        };
  }
  if (end.kind === 'timeout') return { verdict: 'timeout', reason: `no marker within ${timeoutMs / 1000} s` };
  const lastErr = outcome.stderr.trim().split('\n').slice(-3).join(' | ');
  if (outcome.exitCode === 0) {
    // With panic=-1 and -no-reboot QEMU exits 0 after a kernel panic: exiting is never success.
    return { verdict: 'failure', reason: 'QEMU exited (status 0) before the marker appeared' };
  }
  return {
    verdict: 'failure',
    reason: `QEMU exited (${outcome.exitCode ?? outcome.exitSignal}) before the marker appeared${lastErr ? `: ${lastErr}` : ''}`,
  };
}

export async function boot(spec: BootSpec): Promise<BootResult> {
  await validate(spec);
  const called = performance.now();
  const work = await mkdtemp(join(spec.workDir ?? tmpdir(), 'infrasim-boot-'));
  try {
    const binary = qemuBinary(spec.arch);
    // The version is for the report: asked beside the overlay and the boot, not before them. A QEMU that
    // cannot answer is still the error reported (below), before any error of the boot itself.
    const version = qemuVersion(binary);
    version.catch(() => {});
    // Read (and, with backingRoots, confined) before qemu-img or QEMU opens any file the chain names.
    const chain = await readBackingChain(spec.image, {
      ...(spec.backingRoots ? { roots: spec.backingRoots } : {}),
    });
    const format = diskFormat(chain[0]!.format, spec.image);
    const firmware = spec.boot === 'uefi' ? await prepareFirmware(spec.arch, work) : undefined;
    const accel = await chooseAccel(spec.accel ?? 'auto', spec.arch, spec.kernel);
    const args = qemuArgs({
      arch: spec.arch,
      accel: accel.accel,
      boot: spec.boot,
      // Unless writable, the guest writes to QEMU's temporary overlay (in `work`, gone at exit): the image
      // is only read, and the recorded command can be run again as it is.
      disk: resolve(spec.image),
      diskFormat: format,
      diskSnapshot: !spec.writable,
      kernel: spec.kernel,
      initrd: spec.initrd,
      append: spec.append,
      firmwareCode: firmware?.code,
      firmwareVars: firmware?.vars,
      memoryMiB: spec.memoryMiB ?? 1024,
      cpus: spec.cpus ?? 1,
      extraDrives: spec.extraDrives ?? [],
      network: spec.network ?? false,
    });
    const launchMs = Math.round(performance.now() - called);
    const outcome = await runQemu({
      binary,
      args,
      rules: { expect: spec.expect, alsoExpect: spec.alsoExpect, failOn: spec.failOn },
      timeoutMs: spec.timeoutMs,
      consoleLog: spec.consoleLog,
      signal: spec.signal,
      onLine: spec.onLine,
      onLaunch: spec.onLaunch,
      tmpDir: work,
    }).catch(async (e: unknown) => {
      await version;
      throw e;
    });
    const meaning = interpretOutcome(outcome, spec.timeoutMs);
    return {
      ...meaning,
      exitCode: outcome.exitCode,
      accel: accel.accel,
      accelReason: accel.reason,
      command: [binary, ...args],
      qemuVersion: await version,
      timings: {
        launchMs,
        ...(outcome.firstByteMs !== undefined ? { firstByteMs: outcome.firstByteMs } : {}),
        verdictMs: outcome.verdictMs,
        exitMs: outcome.exitMs,
      },
      consoleLog: spec.consoleLog,
      tail: outcome.tail,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
