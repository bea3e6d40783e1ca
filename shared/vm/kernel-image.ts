/**
 * Recognises a Linux kernel image by its boot header, so a `kernel` input
 * that is a text file, a program, an empty file or another architecture's
 * kernel is refused before QEMU starts, naming the input, instead of QEMU
 * failing later with "invalid kernel header". Pure: a Buffer of the file's
 * first bytes in, a verdict out.
 *
 * The markers are the ones the kernel documents and QEMU's loaders check:
 *  - x86 bzImage: "HdrS" at 0x202 (Documentation/arch/x86/boot.rst);
 *  - arm64 Image: "ARM\x64" at 0x38 (Documentation/arch/arm64/booting.rst),
 *    also inside a gzip-compressed Image (QEMU decompresses those);
 *  - EFI zboot (drivers/firmware/efi/libstub/zboot-header.S): "MZ", "zimg"
 *    at 4 and a PE header whose machine is arm64.
 * Both bzImage and Image start with "MZ" too (their EFI stub): the Linux
 * marker decides, never "MZ" alone.
 */
import { gunzipSync, constants as zlib } from 'node:zlib';
import type { Arch } from './types.ts';

export interface KernelFormat {
  arch: Arch;
  format: string;
}

/** How many leading bytes identifyKernel needs (a gzip'd Image's first compressed bytes included). */
export const KERNEL_HEAD_BYTES = 64 * 1024;

const ARM64_MAGIC = 0x644d5241; // "ARM\x64", little-endian
const PE_MACHINE_ARM64 = 0xaa64;

function ascii(head: Buffer, offset: number, length: number): string {
  return head.length >= offset + length ? head.toString('latin1', offset, offset + length) : '';
}

function isArm64Image(head: Buffer): boolean {
  return head.length >= 0x3c && head.readUInt32LE(0x38) === ARM64_MAGIC;
}

/** The first bytes of a gzip stream, decompressed without reading or inflating it all. */
function gunzipHead(head: Buffer): Buffer | undefined {
  try {
    // A sync flush accepts the cut-off stream; 4 KiB of input inflates to a few MiB at most.
    return gunzipSync(head.subarray(0, 4096), { finishFlush: zlib.Z_SYNC_FLUSH });
  } catch {
    return undefined;
  }
}

function peMachine(head: Buffer): number | undefined {
  if (head.length < 0x40) return undefined;
  const pe = head.readUInt32LE(0x3c);
  if (pe + 6 > head.length || ascii(head, pe, 4) !== 'PE\0\0') return undefined;
  return head.readUInt16LE(pe + 4);
}

/** What kind of Linux kernel image `head` (the file's first bytes) starts, or why it is none. */
export function identifyKernel(head: Buffer): KernelFormat | { problem: string } {
  if (head.length === 0) return { problem: 'is empty (0 bytes)' };
  if (ascii(head, 0x202, 4) === 'HdrS') return { arch: 'x86_64', format: 'x86 bzImage' };
  if (isArm64Image(head)) return { arch: 'aarch64', format: 'arm64 Image' };
  if (ascii(head, 0, 2) === 'MZ' && ascii(head, 4, 4) === 'zimg') {
    const machine = peMachine(head);
    if (machine === PE_MACHINE_ARM64) return { arch: 'aarch64', format: 'arm64 EFI zboot image' };
    return {
      problem: `is an EFI zboot image for PE machine ${machine === undefined ? 'unknown' : `0x${machine.toString(16)}`}, not arm64`,
    };
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    const inner = gunzipHead(head);
    if (inner && isArm64Image(inner)) return { arch: 'aarch64', format: 'gzip-compressed arm64 Image' };
    return { problem: 'is gzip-compressed but holds no Linux kernel image' };
  }
  if (ascii(head, 0, 4) === '\x7fELF') {
    return { problem: 'is an ELF file (a program or an uncompressed vmlinux), not a bootable kernel image' };
  }
  if (ascii(head, 0, 2) === 'MZ') return { problem: 'is a PE/EFI executable without a Linux boot header' };
  return { problem: 'has no Linux boot header' };
}

/** What `accepted` says in an error: the formats identifyKernel recognises. */
export const KERNEL_FORMATS =
  'a Linux kernel image: an x86 bzImage ("HdrS" at 0x202) or an arm64 Image ("ARM\\x64" at 0x38), ' +
  'plain, gzip-compressed or EFI zboot, such as /boot/vmlinuz-*';
