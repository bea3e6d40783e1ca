/**
 * The files the launcher's inputs name (images, kernel, initrd), checked
 * before QEMU starts: readable regular files of a bounded size, a kernel
 * that is a Linux kernel image for the guest's architecture. QEMU would read
 * a device named here forever (or mmap it and fail with a raw errno), and the
 * messages name the input and the rule instead.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import { checkRegularFile, fsErrorReason, openRegularFile } from '../regular-file.ts';
import { identifyKernel, KERNEL_FORMATS, KERNEL_HEAD_BYTES } from './kernel-image.ts';
import type { Arch } from './types.ts';

/** Far above any distribution kernel (Debian's arm64 Image is 27 MiB, debug kernels a few times that). */
export const MAX_KERNEL_BYTES = 512 * 1024 ** 2;
/** QEMU loads the initrd into guest memory below 4 GiB. */
export const MAX_INITRD_BYTES = 2 * 1024 ** 3;

/** A readable regular file (of at most `maxBytes`), or an InputError naming `input`. */
export async function requireInputFile(input: string, path: string, maxBytes?: number): Promise<void> {
  try {
    await access(path, constants.R_OK);
  } catch (e) {
    throw new InputError(input, `'${path}' cannot be read (${fsErrorReason(e)})`);
  }
  await checkRegularFile(path, { input, ...(maxBytes !== undefined ? { maxBytes } : {}) });
}

/** Refuses a `kernel` that is not a Linux kernel image for `arch`, before QEMU starts. */
export async function checkKernelFile(path: string, arch: Arch, input = 'kernel'): Promise<void> {
  await requireInputFile(input, path, MAX_KERNEL_BYTES);
  const handle = await openRegularFile(path, { input, maxBytes: MAX_KERNEL_BYTES });
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(KERNEL_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const kernel = identifyKernel(head);
  if ('problem' in kernel) throw new InputError(input, `'${path}' ${kernel.problem}`, KERNEL_FORMATS);
  if (kernel.arch !== arch) {
    throw new InputError(
      input,
      `'${path}' is a kernel for ${kernel.arch} (${kernel.format}), but the guest architecture (input 'arch') is ${arch}`,
      `a kernel image for ${arch}`,
    );
  }
}

export async function checkInitrdFile(path: string, input = 'initrd'): Promise<void> {
  await requireInputFile(input, path, MAX_INITRD_BYTES);
}
