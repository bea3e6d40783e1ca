/**
 * The EFI System Partition: FAT32 made by mkfs.vfat --invariant and filled by
 * mtools (which honours SOURCE_DATE_EPOCH), with systemd-boot as the default
 * boot loader of the removable-media path and one loader entry for the kernel
 * the rootfs carries. No mount, no root.
 */
import { access, copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError, ToolError } from '../errors.ts';
import { run } from '../exec.ts';
import { sha256File } from '../hash.ts';
import { cacheKey, type DownloadCache } from './download-cache.ts';
import type { Arch } from './gpt.ts';

const EFI_ARCH: Record<Arch, { suffix: string; deb: string }> = {
  x86_64: { suffix: 'x64', deb: 'amd64' },
  aarch64: { suffix: 'aa64', deb: 'arm64' },
};

/** The boot loader an image carries, as its provenance records it. */
export interface SystemdBoot {
  path: string;
  /** The Debian package it came from, with its version and architecture. */
  package: string;
  version: string;
  arch: string;
  sha256: string;
}

/**
 * systemd-boot for `arch`: the host's copy when it matches, otherwise
 * Debian's systemd-boot-efi package of that architecture, fetched with
 * apt-get (which verifies it against the signed archive) into `cacheDir`.
 * With `downloads`, the package is also kept in the Actions cache; a restored
 * copy is used only when its SHA-256 is the one the host's signed package
 * lists give for the version apt-get would download.
 */
export async function findSystemdBoot(
  arch: Arch,
  cacheDir: string,
  downloads?: DownloadCache,
): Promise<SystemdBoot> {
  const deb = EFI_ARCH[arch].deb;
  const file = `systemd-boot${EFI_ARCH[arch].suffix}.efi`;
  const found = async (path: string, version: string): Promise<SystemdBoot> => ({
    path,
    package: PACKAGE,
    version,
    arch: deb,
    sha256: await sha256File(path),
  });
  const host = join('/usr/lib/systemd/boot/efi', file);
  if (await exists(host)) return found(host, await installedVersion(deb));
  const dir = join(cacheDir, `systemd-boot-efi-${deb}`);
  const cached = join(dir, 'usr/lib/systemd/boot/efi', file);
  if (!(await exists(cached))) {
    await mkdir(dir, { recursive: true });
    const kept = downloads && (await restoreSystemdBoot(deb, downloads));
    if (kept && (await sha256File(kept.file).catch(() => '')) === kept.sha256)
      await copyFile(kept.file, join(dir, `${PACKAGE}_${deb}.deb`));
    else
      await run('apt-get', ['download', `${PACKAGE}:${deb}`], {
        cwd: dir,
        hint: `systemd-boot for ${arch} is needed: enable the architecture (dpkg --add-architecture ${deb}; apt-get update) or install systemd-boot-efi`,
      });
    const name = await downloadedPackage(dir);
    if (!name) throw new Error(`apt-get download ${PACKAGE}:${deb} produced no package`);
    if (kept) await copyFile(name, kept.file);
    await run('dpkg-deb', ['-x', name, dir]);
  }
  return found(cached, await cachedVersion(dir));
}

/**
 * Restores the cached package for the version apt-get would download, named
 * in the key with the SHA-256 the host's package lists give it. Undefined when
 * apt knows no such package (apt-get download then fails with its hint).
 */
async function restoreSystemdBoot(
  deb: string,
  downloads: DownloadCache,
): Promise<{ file: string; sha256: string } | undefined> {
  const shown = await run('apt-cache', ['show', '--no-all-versions', `${PACKAGE}:${deb}`], {
    okCodes: [100],
  });
  const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(shown.stdout)?.[1]?.trim();
  const version = field('Version');
  const sha256 = field('SHA256');
  if (!version || !sha256 || !/^[0-9a-f]{64}$/.test(sha256)) return undefined;
  const dir = await downloads.restore(
    `systemd-boot-${deb}`,
    cacheKey('systemd-boot', [deb], { version, sha256 }),
  );
  return { file: join(dir, `${PACKAGE}.deb`), sha256 };
}

async function downloadedPackage(dir: string): Promise<string | undefined> {
  const name = (await readdir(dir)).find((f) => f.endsWith('.deb'));
  return name && join(dir, name);
}

/** The version of the package a cached copy was extracted from (the .deb stays beside it). */
async function cachedVersion(dir: string): Promise<string> {
  const name = await downloadedPackage(dir);
  if (!name) return 'unknown';
  return (await run('dpkg-deb', ['-f', name, 'Version'])).stdout.trim() || 'unknown';
}

const PACKAGE = 'systemd-boot-efi';

async function installedVersion(debArch: string): Promise<string> {
  const r = await run('dpkg-query', ['-W', '-f=${Version}', `${PACKAGE}:${debArch}`], { okCodes: [1] });
  return r.stdout.trim() || 'unknown';
}

export interface EspContents {
  arch: Arch;
  bootloader: string;
  kernel: string;
  initrd?: string;
  cmdline: string;
  title: string;
}

/** Makes the ESP; `contents` null leaves it an empty FAT (direct kernel boot needs no loader). */
export async function buildEsp(
  imagePath: string,
  sizeBytes: number,
  contents: EspContents | null,
  epoch: number,
  workDir: string,
): Promise<void> {
  const env = { ...process.env, SOURCE_DATE_EPOCH: String(epoch), MTOOLS_SKIP_CHECK: '1', TZ: 'UTC' };
  await run(
    'mkfs.vfat',
    [
      '--invariant',
      '-i',
      '1a2b3c4d',
      '-F',
      '32',
      '-n',
      'ESP',
      '-C',
      imagePath,
      String(Math.floor(sizeBytes / 1024)),
    ],
    {
      env,
    },
  );
  if (!contents) return;
  const loaderConf = join(workDir, 'loader.conf');
  const entry = join(workDir, 'entry.conf');
  await writeFile(loaderConf, 'default infrasim.conf\ntimeout 0\neditor no\n');
  await writeFile(
    entry,
    [
      `title ${contents.title}`,
      'linux /vmlinuz',
      ...(contents.initrd ? ['initrd /initrd'] : []),
      `options ${contents.cmdline}`,
      '',
    ].join('\n'),
  );
  const img = ['-i', imagePath];
  await run('mmd', [...img, '::/EFI', '::/EFI/BOOT', '::/loader', '::/loader/entries'], { env });
  const copies: [string, string, string][] = [
    [
      contents.bootloader,
      `::/EFI/BOOT/BOOT${EFI_ARCH[contents.arch].suffix.toUpperCase()}.EFI`,
      'systemd-boot',
    ],
    [loaderConf, '::/loader/loader.conf', 'the loader configuration'],
    [entry, '::/loader/entries/infrasim.conf', 'the loader entry'],
    [contents.kernel, '::/vmlinuz', 'the kernel'],
    ...(contents.initrd
      ? ([[contents.initrd, '::/initrd', 'the initrd']] as [string, string, string][])
      : []),
  ];
  for (const [from, to, what] of copies) {
    await run('mcopy', [...img, '-o', from, to], { env }).catch((e: unknown) => {
      // The ESP is sized from the kernel and initrd; a file that changed size since (or an odd FAT) is reported as such.
      if (e instanceof ToolError && /disk full/i.test(e.stderr)) {
        throw new DataError(
          `${what} (${from}) does not fit in the ${Math.floor(sizeBytes / 1048576)} MiB EFI System Partition sized for it: did it change while the image was built?`,
        );
      }
      throw e;
    });
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
