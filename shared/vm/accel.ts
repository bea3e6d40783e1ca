/**
 * Chooses KVM or TCG. KVM is never assumed: on some machines /dev/kvm exists
 * and opens, yet guests hang or abort under it. `auto` therefore boots a
 * kernel under KVM for a few seconds (no disk: the kernel must reach its
 * "cannot mount root" panic) and falls back to TCG on anything else.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { arch as hostProcessArch } from 'node:os';
import { qemuArgs, qemuBinary, serialConsole } from './qemu-command.ts';
import { runQemu } from './qemu-process.ts';
import type { Accel, AccelChoice, Arch } from './types.ts';

export interface AccelDecision {
  accel: Accel;
  reason: string;
}

/** Long enough for a working KVM to reach the root-mount panic (well under a second here), short enough not to matter. */
export const KVM_PROBE_MS = 8000;

export function hostArch(): Arch | undefined {
  const a = hostProcessArch();
  return a === 'x64' ? 'x86_64' : a === 'arm64' ? 'aarch64' : undefined;
}

async function kvmDeviceOpens(): Promise<string | undefined> {
  try {
    const handle = await open('/dev/kvm', constants.O_RDWR);
    await handle.close();
    return undefined;
  } catch (e) {
    return `/dev/kvm cannot be opened read-write (${(e as NodeJS.ErrnoException).code})`;
  }
}

/** Boots `kernel` under KVM with no disk; KVM works if the kernel reaches its root-mount panic in time. */
export async function probeKvm(arch: Arch, kernel: string, timeoutMs = KVM_PROBE_MS): Promise<AccelDecision> {
  const args = qemuArgs({
    arch,
    accel: 'kvm',
    boot: 'kernel',
    kernel,
    append: `console=${serialConsole(arch)} panic=-1 root=/dev/infrasim-kvm-probe`,
    memoryMiB: 256,
    cpus: 1,
    extraDrives: [],
    network: false,
  });
  const started = Date.now();
  const outcome = await runQemu({
    binary: qemuBinary(arch),
    args,
    rules: { expect: /VFS: Unable to mount root|Kernel panic|end Kernel panic/, failOn: [] },
    timeoutMs,
  });
  const ms = Date.now() - started;
  if (outcome.end.kind === 'decided' && outcome.end.decision.verdict === 'success') {
    return { accel: 'kvm', reason: `KVM probe boot reached the kernel's root-mount panic in ${ms} ms` };
  }
  const why =
    outcome.end.kind === 'timeout'
      ? `hung (no root-mount panic within ${timeoutMs} ms)`
      : `ended without reaching the kernel (exit ${outcome.exitCode}: ${outcome.stderr.trim().split('\n').slice(-1)[0] ?? ''})`;
  return { accel: 'tcg', reason: `KVM probe boot ${why}: using TCG` };
}

const probeCache = new Map<string, Promise<AccelDecision>>();

/**
 * Resolves the accelerator for one boot. Probe results are cached per
 * architecture and kernel for the life of the process, so several images
 * pay for one probe.
 */
export async function chooseAccel(
  choice: AccelChoice,
  arch: Arch,
  probeKernel: string | undefined,
): Promise<AccelDecision> {
  if (choice === 'tcg') return { accel: 'tcg', reason: 'accel: tcg requested' };
  if (choice === 'kvm') return { accel: 'kvm', reason: 'accel: kvm requested (no probe)' };
  const host = hostArch();
  if (host !== arch)
    return { accel: 'tcg', reason: `the host is ${host ?? hostProcessArch()}, the guest ${arch}` };
  const noDevice = await kvmDeviceOpens();
  if (noDevice) return { accel: 'tcg', reason: noDevice };
  if (!probeKernel) {
    return {
      accel: 'tcg',
      reason: 'no kernel to probe KVM with (firmware boot): using TCG; set accel: kvm to force KVM',
    };
  }
  const key = `${arch}\0${probeKernel}`;
  let decision = probeCache.get(key);
  if (!decision) {
    decision = probeKvm(arch, probeKernel);
    probeCache.set(key, decision);
  }
  return decision;
}
