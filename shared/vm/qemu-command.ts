/**
 * Builds QEMU's argument list from a boot description. Pure, so the exact
 * command lines are unit-tested without starting anything.
 */
import type { Accel, Arch, BootMode, ExtraDrive } from './types.ts';

/** The command line that boots build-base images with boot=kernel (root on the first NVMe disk's partition 2). */
export function defaultAppend(arch: Arch): string {
  // no_timer_check: under TCG on a busy host the x86 kernel's IO-APIC timer check can
  // miss its window and panic ("IO-APIC + timer doesn't work"); cloud images set it too.
  const timer = arch === 'x86_64' ? ' no_timer_check' : '';
  return `console=${serialConsole(arch)} root=/dev/nvme0n1p2 rw panic=-1${timer}`;
}

/** The kernel's name for the first serial port of the machine type we use. */
export function serialConsole(arch: Arch): string {
  return arch === 'x86_64' ? 'ttyS0' : 'ttyAMA0';
}

export function qemuBinary(arch: Arch): string {
  return `qemu-system-${arch}`;
}

/** Read-only firmware code and the pristine variable store that each boot copies. */
export const FIRMWARE: Record<Arch, { code: string; vars: string; debianPackage: string }> = {
  x86_64: {
    code: '/usr/share/OVMF/OVMF_CODE_4M.fd',
    vars: '/usr/share/OVMF/OVMF_VARS_4M.fd',
    debianPackage: 'ovmf',
  },
  aarch64: {
    code: '/usr/share/AAVMF/AAVMF_CODE.fd',
    vars: '/usr/share/AAVMF/AAVMF_VARS.fd',
    debianPackage: 'qemu-efi-aarch64',
  },
};

export interface QemuCommandInput {
  arch: Arch;
  accel: Accel;
  boot: BootMode;
  /** The disk QEMU opens (the image under test, or the image to provision when writable); none for a KVM probe. */
  disk?: string;
  diskFormat?: 'raw' | 'qcow2';
  /**
   * The guest's writes go to a temporary overlay QEMU makes in its TMPDIR and drops at exit (`snapshot=on`):
   * the disk itself is only read.
   */
  diskSnapshot?: boolean;
  kernel?: string;
  initrd?: string;
  append?: string;
  /** boot=uefi: the read-only firmware code and this boot's own copy of the variable store. */
  firmwareCode?: string;
  firmwareVars?: string;
  memoryMiB: number;
  cpus: number;
  extraDrives: ExtraDrive[];
  network: boolean;
}

function machineArgs(arch: Arch, accel: Accel): string[] {
  if (arch === 'x86_64')
    return ['-machine', 'q35', '-accel', accel, ...(accel === 'kvm' ? ['-cpu', 'host'] : [])];
  // `max` with QEMU's own pointer-authentication algorithm: the architected one (QARMA)
  // makes TCG about 5x slower (15 s instead of 3 s to the test image's marker here).
  return ['-machine', 'virt', '-accel', accel, '-cpu', accel === 'kvm' ? 'host' : 'max,pauth-impdef=on'];
}

function nvme(id: string, path: string, format: string, readonly: boolean, snapshot = false): string[] {
  const ro = (readonly ? ',readonly=on' : '') + (snapshot ? ',snapshot=on' : '');
  // NVMe, not virtio-blk: the Debian cloud kernel has virtio-blk only as a module,
  // so without an initramfs the root must be on NVMe.
  return [
    '-drive',
    `if=none,id=${id},file=${optionValue(path)},format=${format}${ro}`,
    '-device',
    `nvme,serial=${id},drive=${id}`,
  ];
}

export function qemuArgs(input: QemuCommandInput): string[] {
  const args = [
    ...machineArgs(input.arch, input.accel),
    '-m',
    String(input.memoryMiB),
    '-smp',
    String(input.cpus),
    // No default devices, no display, no monitor: the only channel is the serial
    // console on stdout, so nothing a guest prints can reach a QEMU monitor.
    '-nodefaults',
    '-no-user-config',
    '-display',
    'none',
    '-monitor',
    'none',
    '-serial',
    'stdio',
    // A reboot request ends the run instead of looping (panic=-1 reboots at once).
    '-no-reboot',
  ];
  if (input.boot === 'uefi') {
    if (!input.firmwareCode || !input.firmwareVars) throw new Error('boot=uefi needs firmware code and vars');
    args.push(
      '-drive',
      `if=pflash,format=raw,unit=0,readonly=on,file=${optionValue(input.firmwareCode)}`,
      '-drive',
      `if=pflash,format=raw,unit=1,file=${optionValue(input.firmwareVars)}`,
    );
  } else {
    if (!input.kernel) throw new Error('boot=kernel needs a kernel');
    args.push('-kernel', input.kernel);
    if (input.initrd) args.push('-initrd', input.initrd);
    args.push('-append', input.append ?? defaultAppend(input.arch));
  }
  // The image is always the first NVMe disk (nvme0n1), so root=/dev/nvme0n1p2 finds it.
  if (input.disk)
    args.push(...nvme('disk0', input.disk, input.diskFormat ?? 'qcow2', false, input.diskSnapshot ?? false));
  input.extraDrives.forEach((d, i) =>
    args.push(...nvme(`disk${i + 1}`, d.path, d.format, d.readonly ?? true)),
  );
  if (input.network) {
    args.push('-netdev', 'user,id=net0', '-device', 'virtio-net-pci,netdev=net0');
  }
  return args;
}

/** QEMU's option syntax splits on commas; a literal comma in a value is written twice. */
export function optionValue(value: string): string {
  return value.replaceAll(',', ',,');
}
