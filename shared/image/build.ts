/**
 * Turns a rootfs tarball into a bootable, reproducible disk image:
 * manifest → ext4 root + ESP → GPT raw disk → qcow2. Everything is built in a
 * work directory; the caller moves finished files into place.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError, InputError } from '../errors.ts';
import { sha256File } from '../hash.ts';
import { rootfsContentDigest } from './content-digest.ts';
import { buildEsp, findSystemdBoot, type SystemdBoot } from './esp.ts';
import type { DownloadCache } from './download-cache.ts';
import { buildExt4, estimateExt4Bytes } from './ext4.ts';
import {
  createPartitionedDisk,
  partitionOffset,
  planLayout,
  writePartition,
  type Arch,
  type DiskLayout,
} from './gpt.ts';
import { bootableKernel, findRootfsKernel } from './kernel.ts';
import { readInstalledPackages, type PackageDatabase } from './packages.ts';
import { convertToQcow2, imageInfo, type Compression } from './qcow2.ts';
import { addDirectory, type DirOptions } from './rootfs-dir.ts';
import { RootfsManifest } from './rootfs-manifest.ts';
import { readRootfsTar } from './rootfs-tar.ts';

export type BootMode = 'uefi' | 'kernel';

export interface DiskSpec {
  arch: Arch;
  /** The rootfs as a tarball (any compression) or a directory. */
  rootfs: string;
  /** How errors name the rootfs (its URL when it was downloaded); default: `rootfs`. */
  rootfsOrigin?: string;
  sizeBytes: number;
  boot: BootMode;
  compression: Compression;
  sourceDateEpoch: number;
  /** Identity of the image (distro, version…): with the content digest, seeds the partition and filesystem GUIDs. */
  identity: string;
  title: string;
  workDir: string;
  cacheDir: string;
  /** The Actions cache of downloads (build-base): keeps the systemd-boot package between runs. */
  downloads?: DownloadCache;
  kernel?: { kernel: string; initrd?: string };
  extraCmdline?: string;
  /** A directory copied over the rootfs, owned by root. */
  files?: string;
  /** NoCloud seed written to /var/lib/cloud/seed/nocloud so cloud-init configures the instance on first boot. */
  nocloud?: { userData?: string; metaData?: string };
  /** Told each phase as it ends, for the step's log. */
  log?: (message: string) => void;
  /** Runs on the complete manifest before anything is written (build-base's golden-image reset). */
  prepare?: (manifest: RootfsManifest) => Promise<void>;
}

/** One step of the build with how long it took, for the log and the job summary. */
export interface BuildPhase {
  name: string;
  detail: string;
  ms: number;
}

export interface DiskResult {
  qcow2: string;
  raw: string;
  sha256: string;
  virtualSize: number;
  actualSize: number;
  cmdline: string;
  layout: DiskLayout;
  kernel: { file: string; rootfsPath?: string; sha256: string };
  initrd?: { file: string; rootfsPath?: string; sha256: string };
  /** boot=uefi: the systemd-boot binary in the ESP and the package it came from. */
  bootloader: SystemdBoot | null;
  /** sha256 over the root filesystem's entries and bytes (rootfsContentDigest); seeds the GUIDs. */
  contentDigest: string;
  packages: PackageDatabase;
  entries: number;
  phases: BuildPhase[];
}

export const ESP_MIN_BYTES = 64 * 1024 * 1024;
const SERIAL: Record<Arch, string> = { x86_64: 'ttyS0,115200', aarch64: 'ttyAMA0' };

export function kernelCmdline(arch: Arch, rootPartuuid: string, extra?: string): string {
  return [`root=PARTUUID=${rootPartuuid}`, 'rw', 'rootwait', `console=${SERIAL[arch]}`, extra?.trim()]
    .filter(Boolean)
    .join(' ');
}

export async function buildDisk(spec: DiskSpec): Promise<DiskResult> {
  const phases: BuildPhase[] = [];
  const phase = async <T>(
    name: string,
    work: () => Promise<T>,
    detail: (result: T) => string,
  ): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    const done = { name, detail: detail(result), ms: Math.round(performance.now() - t0) };
    phases.push(done);
    spec.log?.(`${name}: ${done.detail} (${(done.ms / 1000).toFixed(1)} s)`);
    return result;
  };
  const stage = join(spec.workDir, 'stage');
  await mkdir(stage, { recursive: true });
  const manifest = await phase(
    'read rootfs',
    async () => {
      // Unpacked bytes count against the disk as they stream: a compressed bomb stops at the size, not at a full disk.
      const limit = { bytes: spec.sizeBytes, input: 'size' };
      const m = (await stat(spec.rootfs)).isDirectory()
        ? await readRootfsDirectory(spec.rootfs, limit)
        : await readRootfsTar(spec.rootfs, stage, { origin: spec.rootfsOrigin, limit });
      if (spec.files) await addDirectory(m, spec.files, { owner: { uid: 0, gid: 0 }, input: 'files', limit });
      return m;
    },
    (m) => `${m.size} entries${spec.files ? ' (files overlay included)' : ''}`,
  );
  if (spec.nocloud?.userData || spec.nocloud?.metaData) {
    const seedDir = 'var/lib/cloud/seed/nocloud';
    const add = (name: string, source: string) =>
      manifest.add({
        path: `${seedDir}/${name}`,
        type: 'file',
        mode: 0o600,
        uid: 0,
        gid: 0,
        mtime: spec.sourceDateEpoch,
        source,
      });
    if (spec.nocloud.userData) add('user-data', spec.nocloud.userData);
    if (spec.nocloud.metaData) add('meta-data', spec.nocloud.metaData);
  }
  await spec.prepare?.(manifest);

  const found = spec.kernel
    ? { kernel: spec.kernel.kernel, initrd: spec.kernel.initrd, kernelPath: undefined, initrdPath: undefined }
    : findRootfsKernel(manifest);
  if (!found) {
    throw new DataError(
      `${spec.rootfs}: no kernel in /boot (looked for vmlinuz-*, Image-*): install one in the rootfs (linux-virt, linux-image-*) or pass the 'kernel' input`,
    );
  }
  const kernelFile = await bootableKernel(found.kernel, spec.arch, join(spec.workDir, 'vmlinuz.unpacked'));
  const kernelSize = (await stat(kernelFile)).size;
  const initrdSize = found.initrd ? (await stat(found.initrd)).size : 0;
  const espBytes = Math.max(ESP_MIN_BYTES, Math.ceil((kernelSize + initrdSize) * 1.25 + 16 * 1024 * 1024));

  // The GUIDs pin what shaped the bytes: the rootfs content, the kernel and boot loader, the options.
  const contentDigest = await phase(
    'content digest',
    () => rootfsContentDigest(manifest, spec.sourceDateEpoch),
    (d) => `sha256 ${d.slice(0, 16)}… over every entry and file`,
  );
  const kernelSha256 = await sha256File(kernelFile);
  const initrdSha256 = found.initrd ? await sha256File(found.initrd) : '';
  const bootloader =
    spec.boot === 'uefi' ? await findSystemdBoot(spec.arch, spec.cacheDir, spec.downloads) : null;
  const identity = [
    spec.identity,
    contentDigest,
    kernelSha256,
    initrdSha256,
    bootloader?.sha256 ?? '',
    spec.boot,
    spec.extraCmdline?.trim() ?? '',
  ].join('\0');
  const layout = planLayout(spec.sizeBytes, espBytes, spec.arch, identity);
  const rootBytes = layout.root.sectors * 512;
  const needed = estimateExt4Bytes(manifest);
  if (needed > rootBytes) {
    const esp =
      espBytes > ESP_MIN_BYTES
        ? ` and the EFI System Partition ${Math.ceil(espBytes / 1048576)} MiB for the kernel and initrd`
        : '';
    throw new InputError(
      'size',
      `${Math.round(spec.sizeBytes / 1048576)} MiB is too small: the rootfs (${manifest.size} entries) needs at least ${Math.ceil((needed + espBytes) / 1048576)} MiB${esp}`,
    );
  }
  const cmdline = kernelCmdline(spec.arch, layout.root.guid, spec.extraCmdline);

  const espImage = join(spec.workDir, 'esp.img');
  const espMiB = `${(layout.esp.sectors * 512) / 1048576} MiB FAT32`;
  if (spec.boot === 'uefi') {
    await phase(
      'EFI System Partition',
      async () =>
        buildEsp(
          espImage,
          layout.esp.sectors * 512,
          {
            arch: spec.arch,
            bootloader: bootloader!.path,
            kernel: kernelFile,
            initrd: found.initrd,
            cmdline,
            title: spec.title,
          },
          spec.sourceDateEpoch,
          spec.workDir,
        ),
      () => `${espMiB}: systemd-boot, kernel${found.initrd ? ', initrd' : ''}, loader entry`,
    );
  } else {
    // Direct kernel boot needs no boot loader; the ESP stays an empty FAT so the layout is the same either way.
    await phase(
      'EFI System Partition',
      () => buildEsp(espImage, layout.esp.sectors * 512, null, spec.sourceDateEpoch, spec.workDir),
      () => `${espMiB}, empty (boot=kernel)`,
    );
  }
  const raw = join(spec.workDir, 'disk.raw');
  await phase(
    'GPT disk',
    async () => {
      await createPartitionedDisk(raw, layout, spec.arch);
      await writePartition(raw, layout.esp, espImage);
    },
    () =>
      `${Math.round(layout.diskBytes / 1048576)} MiB raw, ESP copied in, root PARTUUID ${layout.root.guid}`,
  );
  await phase(
    'ext4 root',
    () =>
      buildExt4(
        manifest,
        { file: raw, offsetBytes: partitionOffset(layout.root) },
        {
          sizeBytes: rootBytes,
          sourceDateEpoch: spec.sourceDateEpoch,
          uuid: layout.root.guid,
          hashSeed: layout.diskGuid,
          label: 'root',
          workDir: spec.workDir,
        },
      ),
    () =>
      `${Math.round(rootBytes / 1048576)} MiB in place in the disk, written by one debugfs script, checked by e2fsck`,
  );
  const qcow2 = join(spec.workDir, 'disk.qcow2');
  await phase(
    'qcow2',
    () => convertToQcow2(raw, qcow2, spec.compression),
    () => `compression ${spec.compression}`,
  );
  const info = await imageInfo(qcow2);
  return {
    qcow2,
    raw,
    sha256: await sha256File(qcow2),
    virtualSize: info.virtualSize,
    actualSize: (await stat(qcow2)).size,
    cmdline,
    layout,
    kernel: { file: kernelFile, rootfsPath: found.kernelPath, sha256: kernelSha256 },
    initrd: found.initrd
      ? { file: found.initrd, rootfsPath: found.initrdPath, sha256: initrdSha256 }
      : undefined,
    bootloader,
    contentDigest,
    packages: await readInstalledPackages(manifest),
    entries: manifest.size,
    phases,
  };
}

async function readRootfsDirectory(dir: string, limit: DirOptions['limit']): Promise<RootfsManifest> {
  const manifest = new RootfsManifest(dir);
  await addDirectory(manifest, dir, { input: 'rootfs', limit });
  return manifest;
}
