/**
 * Chooses KVM or TCG. KVM is never assumed: on some machines /dev/kvm exists
 * and opens, yet guests hang or abort under it. `auto` therefore runs a short
 * probe boot under KVM and falls back to TCG on anything else. Every boot mode
 * can be probed: a direct kernel boot probes with its kernel (no disk: the
 * kernel must reach its "cannot mount root" panic), a firmware boot with the
 * firmware itself (no disk: UEFI's boot manager must start and report on the
 * serial console) — so a GitHub-hosted runner's working KVM is used for the
 * default `boot: uefi` and every provisioning boot too.
 */
import { constants } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { arch as hostProcessArch, tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareFirmware } from './firmware.ts';
import { qemuArgs, qemuBinary, serialConsole, type QemuCommandInput } from './qemu-command.ts';
import { runQemu } from './qemu-process.ts';
import type { Accel, AccelChoice, Arch } from './types.ts';

export interface AccelDecision {
  accel: Accel;
  reason: string;
}

/** Long enough for a working KVM to reach the probe's marker (well under a second here), short enough not to matter. */
export const KVM_PROBE_MS = 8000;

/** What a probe boots: the image's own kernel, or (firmware boots) the UEFI firmware with no disk. */
export type KvmProbeTarget = { kind: 'kernel'; kernel: string } | { kind: 'firmware' };

/** The host facts the decision depends on; tests replace them. */
export interface HostFacts {
  arch: Arch | undefined;
  /** The KVM device node (default /dev/kvm). */
  kvmDevice: string;
  /** How long a probe boot may take (default KVM_PROBE_MS). */
  probeTimeoutMs?: number;
}

export function hostArch(): Arch | undefined {
  const a = hostProcessArch();
  return a === 'x64' ? 'x86_64' : a === 'arm64' ? 'aarch64' : undefined;
}

const HOST: HostFacts = { arch: hostArch(), kvmDevice: '/dev/kvm' };

async function kvmDeviceOpens(device: string): Promise<string | undefined> {
  try {
    const handle = await open(device, constants.O_RDWR);
    await handle.close();
    return undefined;
  } catch (e) {
    return `${device} cannot be opened read-write (${(e as NodeJS.ErrnoException).code})`;
  }
}

/** The kernel's root-mount panic, or UEFI's boot manager starting (BdsDxe) / its shell. */
const PROBE_MARKER = {
  kernel: /VFS: Unable to mount root|Kernel panic|end Kernel panic/,
  firmware: /BdsDxe: (?:loading|starting|failed)|UEFI Interactive Shell|Shell> /,
} as const;

/** Boots the probe target under KVM with no disk; KVM works if it reaches its marker in time. */
export async function probeKvm(
  arch: Arch,
  target: KvmProbeTarget,
  timeoutMs = KVM_PROBE_MS,
): Promise<AccelDecision> {
  const work = await mkdtemp(join(tmpdir(), 'infrasim-kvm-probe-'));
  try {
    const common = { arch, accel: 'kvm' as const, memoryMiB: 256, cpus: 1, extraDrives: [], network: false };
    let input: QemuCommandInput;
    if (target.kind === 'kernel') {
      const append = `console=${serialConsole(arch)} panic=-1 root=/dev/infrasim-kvm-probe`;
      input = { ...common, boot: 'kernel', kernel: target.kernel, append };
    } else {
      const firmware = await prepareFirmware(arch, work);
      input = { ...common, boot: 'uefi', firmwareCode: firmware.code, firmwareVars: firmware.vars };
    }
    const started = Date.now();
    const outcome = await runQemu({
      binary: qemuBinary(arch),
      args: qemuArgs(input),
      rules: { expect: PROBE_MARKER[target.kind], failOn: [] },
      timeoutMs,
    });
    const ms = Date.now() - started;
    const what = target.kind === 'kernel' ? "the kernel's root-mount panic" : "the firmware's boot manager";
    if (outcome.end.kind === 'decided' && outcome.end.decision.verdict === 'success') {
      return { accel: 'kvm', reason: `KVM probe boot (${target.kind}) reached ${what} in ${ms} ms` };
    }
    const why =
      outcome.end.kind === 'timeout'
        ? `hung (did not reach ${what} within ${timeoutMs} ms)`
        : `ended without reaching ${what} (exit ${outcome.exitCode}: ${outcome.stderr.trim().split('\n').slice(-1)[0] ?? ''})`;
    return { accel: 'tcg', reason: `KVM probe boot (${target.kind}) ${why}: using TCG` };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const probeCache = new Map<string, Promise<AccelDecision>>();

/**
 * Resolves the accelerator for one boot. Probe results are cached per
 * architecture and probe target for the life of the process, so several
 * images pay for one probe.
 */
export async function chooseAccel(
  choice: AccelChoice,
  arch: Arch,
  probeKernel: string | undefined,
  host: HostFacts = HOST,
): Promise<AccelDecision> {
  if (choice === 'tcg') return { accel: 'tcg', reason: 'accel: tcg requested' };
  if (choice === 'kvm') return { accel: 'kvm', reason: 'accel: kvm requested (no probe)' };
  if (host.arch !== arch)
    return { accel: 'tcg', reason: `the host is ${host.arch ?? hostProcessArch()}, the guest ${arch}` };
  const noDevice = await kvmDeviceOpens(host.kvmDevice);
  if (noDevice) return { accel: 'tcg', reason: noDevice };
  const target: KvmProbeTarget = probeKernel ? { kind: 'kernel', kernel: probeKernel } : { kind: 'firmware' };
  const key = `${arch}\0${host.kvmDevice}\0${probeKernel ?? 'firmware'}`;
  let decision = probeCache.get(key);
  if (!decision) {
    decision = probeKvm(arch, target, host.probeTimeoutMs);
    probeCache.set(key, decision);
  }
  return decision;
}
