/**
 * The launcher's public types: what to boot (BootSpec) and what happened
 * (BootResult). build-base, build-variant and boot-verify all boot through
 * these, so a verdict means the same thing everywhere.
 */

export type Arch = 'x86_64' | 'aarch64';
export const ARCHES: readonly Arch[] = ['x86_64', 'aarch64'];

export type BootMode = 'uefi' | 'kernel';
export type AccelChoice = 'auto' | 'kvm' | 'tcg';
export type Accel = 'kvm' | 'tcg';
export type Verdict = 'success' | 'failure' | 'timeout';

export interface ExtraDrive {
  path: string;
  format: 'raw' | 'qcow2';
  /** Attached read-only (default true: a seed is never written by the guest). */
  readonly?: boolean;
}

export interface BootSpec {
  /** qcow2 or raw; never written unless `writable` (then it is booted directly, for provisioning). */
  image: string;
  /**
   * Real paths of the directories the image's backing files must resolve
   * into (the image's own directory always counts); undefined: anywhere.
   * The chain is read from the headers either way, never through qemu-img.
   */
  backingRoots?: string[];
  arch: Arch;
  boot: BootMode;
  /** boot=kernel: the kernel, optional initrd and command line (default: defaultAppend(arch)). */
  kernel?: string;
  initrd?: string;
  append?: string;
  /** The success marker; never anchor it at line start (firmware output starts with escape codes). */
  expect: RegExp;
  /** Further lines that must all have appeared too before success (e.g. "all checks done"). */
  alsoExpect?: RegExp[];
  /** A console line matching any of these is a failure verdict. */
  failOn: RegExp[];
  timeoutMs: number;
  memoryMiB?: number;
  cpus?: number;
  accel?: AccelChoice;
  /** Further NVMe drives (e.g. a NoCloud seed). */
  extraDrives?: ExtraDrive[];
  writable?: boolean;
  /** User-mode networking with a virtio-net device. */
  network?: boolean;
  /** Console log path, written as the console streams. */
  consoleLog: string;
  signal?: AbortSignal;
  onLine?: (line: string) => void;
  /** Parent directory of this boot's temporary files (default: the system's); they are removed before boot() returns. */
  workDir?: string;
  /** Called with QEMU's pid right after it starts (the action records it for its post step). */
  onLaunch?: (pid: number) => void;
}

export interface BootTimings {
  /** Setup before QEMU starts (overlay, firmware copy, KVM probe), from the boot() call. */
  launchMs: number;
  /** The rest are measured from QEMU's start. */
  firstByteMs?: number;
  verdictMs: number;
  exitMs?: number;
}

export interface BootResult {
  verdict: Verdict;
  reason: string;
  matchedLine?: string;
  exitCode: number | null;
  accel: Accel;
  /** Why this accelerator (e.g. "KVM probe hung: falling back to TCG"). */
  accelReason: string;
  command: string[];
  qemuVersion: string;
  timings: BootTimings;
  consoleLog: string;
  /** The console's last lines, for summaries. */
  tail: string[];
}
