/**
 * Finds the kernel (and initrd) a rootfs carries in /boot, as real
 * distributions install them: Debian's vmlinuz-<release> + initrd.img-<release>,
 * Alpine's vmlinuz-<flavor> + initramfs-<flavor>.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { DataError } from '../errors.ts';
import type { RootfsManifest } from './rootfs-manifest.ts';

export interface KernelFiles {
  kernel: string;
  initrd?: string;
  /** Where they were found in the rootfs, for provenance ("boot/vmlinuz-6.1.0-56-cloud-amd64"). */
  kernelPath: string;
  initrdPath?: string;
}

const KERNEL = /^boot\/(?:vmlinuz|vmlinux|Image)(?:-(.+))?$/;

export function findRootfsKernel(manifest: RootfsManifest): KernelFiles | undefined {
  const kernels = manifest
    .files((p) => KERNEL.test(p))
    .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  const chosen = kernels.at(-1);
  if (!chosen) return undefined;
  const suffix = KERNEL.exec(chosen.path)![1];
  const candidates = suffix
    ? [
        `boot/initrd.img-${suffix}`,
        `boot/initramfs-${suffix}`,
        `boot/initrd-${suffix}`,
        `boot/initramfs-${suffix}.img`,
      ]
    : ['boot/initrd.img', 'boot/initramfs', 'boot/initrd'];
  const initrd = candidates.map((p) => manifest.get(p)).find((e) => e?.type === 'file');
  return {
    kernel: chosen.source!,
    kernelPath: chosen.path,
    initrd: initrd?.source,
    initrdPath: initrd?.path,
  };
}

/**
 * arm64 firmware loads the kernel as a PE image; distributions that ship it
 * gzip-compressed (the `Image.gz` form) need it unpacked first.
 */
export async function bootableKernel(kernel: string, arch: string, workPath: string): Promise<string> {
  if (arch !== 'aarch64') return kernel;
  const bytes = await readFile(kernel);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return kernel;
  try {
    await writeFile(workPath, gunzipSync(bytes));
  } catch (e) {
    throw new DataError(
      `kernel ${kernel} looks gzip-compressed but cannot be unpacked: ${(e as Error).message}`,
    );
  }
  return workPath;
}
