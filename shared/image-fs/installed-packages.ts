/**
 * What is installed in an image, read out of its own root filesystem: the
 * distribution (/etc/os-release), the package database (dpkg's
 * /var/lib/dpkg/status or apk's /lib/apk/db/installed) and the kernel in
 * /boot. Licenses come from the database where it has them: apk records an
 * `L:` field; dpkg has none, so a package's machine-readable (DEP-5)
 * /usr/share/doc/<pkg>/copyright is read for its `License:` fields, all of a
 * database's copyright files in one batch.
 *
 * A database that exists but cannot be read or parsed is a DataError naming
 * the image and the file; an image without any database (a plain rootfs) is
 * `manager: 'none'`, for the caller to accept or refuse.
 */
import { allSettledInOrder } from '../concurrency.ts';
import { DataError } from '../errors.ts';
import { sha256 } from '../hash.ts';
import type { ImageFiles } from './image-root.ts';

export interface InstalledPackage {
  name: string;
  version: string;
  arch: string;
  /** The source package (dpkg Source:, apk o:); the binary's own name and version when the database has none. */
  source: { name: string; version: string };
  /** License names as the database (or DEP-5 copyright file) gives them; empty when it has none. */
  licenses: string[];
}

export interface ImageDistro {
  /** os-release ID: 'debian' | 'ubuntu' | 'alpine' | …; 'unknown' when the image has no os-release. */
  id: 'debian' | 'ubuntu' | 'alpine' | string;
  /** os-release VERSION_ID ('12', '24.04', '3.20.3'); '' when absent (e.g. Debian testing). */
  versionId: string;
  codename?: string;
  prettyName?: string;
}

export interface InstalledKernel {
  /** Path in the image, e.g. /boot/vmlinuz-6.1.0-28-cloud-amd64. */
  path: string;
  /** The kernel release (uname -r) from the file name or the image header; null when neither says. */
  version: string | null;
  sha256: string;
  size: number;
  /** The package that installed it, when the database has one by the distribution's naming. */
  package: { name: string; version: string } | null;
}

export type PackageManager = 'dpkg' | 'apk' | 'none';

export interface InstalledSoftware {
  distro: ImageDistro;
  manager: PackageManager;
  /** The database file read, or null for 'none'. */
  database: string | null;
  /** Sorted by name, then arch. */
  packages: InstalledPackage[];
  kernel: InstalledKernel | null;
}

export const DPKG_STATUS = '/var/lib/dpkg/status';
export const APK_INSTALLED = '/lib/apk/db/installed';

/** /etc/os-release (or /usr/lib/os-release): KEY=value lines, values optionally quoted. */
export function parseOsRelease(text: string): ImageDistro {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (!m) continue;
    let v = m[2]!;
    const q = /^(["'])(.*)\1$/.exec(v);
    if (q) v = q[2]!.replace(/\\(["\\`$])/g, '$1');
    fields.set(m[1]!, v);
  }
  const codename = fields.get('VERSION_CODENAME') || undefined;
  const prettyName = fields.get('PRETTY_NAME') || undefined;
  return {
    id: (fields.get('ID') || 'unknown').toLowerCase(),
    versionId: fields.get('VERSION_ID') ?? '',
    ...(codename ? { codename } : {}),
    ...(prettyName ? { prettyName } : {}),
  };
}

/** RFC 822 paragraphs with continuation lines folded into their field (first line kept apart). */
function paragraphs(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (const block of text.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/)) {
    const fields = new Map<string, string>();
    let last: string | null = null;
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      if (/^[ \t]/.test(line)) {
        if (last !== null) fields.set(last, `${fields.get(last)}\n${line.trim()}`);
        continue;
      }
      const m = /^([^:\s]+):[ \t]*(.*)$/.exec(line);
      if (!m) continue;
      last = m[1]!.toLowerCase();
      fields.set(last, m[2]!.trim());
    }
    if (fields.size) out.push(fields);
  }
  return out;
}

function sortPackages(packages: InstalledPackage[]): InstalledPackage[] {
  return packages.sort((a, b) => a.name.localeCompare(b.name) || a.arch.localeCompare(b.arch));
}

/**
 * dpkg's status file: a package counts when its Status is `<want> ok
 * installed` (install or hold). Source: is `name` or `name (version)`.
 */
export function parseDpkgStatus(text: string, origin: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  for (const p of paragraphs(text)) {
    const name = p.get('package');
    if (!name) continue;
    if (!/^\S+ ok installed$/.test(p.get('status') ?? '')) continue;
    const version = p.get('version');
    const arch = p.get('architecture');
    if (!version || !arch)
      throw new DataError(
        `${origin}: installed package '${name}' has no ${version ? 'Architecture' : 'Version'}`,
      );
    const src = /^(\S+)(?:\s+\(([^)]+)\))?$/.exec(p.get('source') ?? '');
    out.push({
      name,
      version,
      arch,
      source: { name: src?.[1] ?? name, version: src?.[2] ?? version },
      licenses: [],
    });
  }
  return sortPackages(out);
}

/** apk's installed database: blocks of `X:value` lines (P name, V version, A arch, L license, o origin). */
export function parseApkInstalled(text: string, origin: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  for (const block of text.split(/\n[ \t]*\n/)) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const m = /^([A-Za-z]):(.*)$/.exec(line);
      if (m && !fields.has(m[1]!)) fields.set(m[1]!, m[2]!.trim());
    }
    const name = fields.get('P');
    if (!name) continue;
    const version = fields.get('V');
    if (!version) throw new DataError(`${origin}: installed package '${name}' has no version (V:)`);
    const license = fields.get('L');
    out.push({
      name,
      version,
      arch: fields.get('A') ?? '',
      source: { name: fields.get('o') || name, version },
      licenses: license ? [license] : [],
    });
  }
  return sortPackages(out);
}

/**
 * The `License:` short names of a machine-readable debian/copyright (DEP-5):
 * only when the first paragraph declares the format, so free-form copyright
 * files (most of Debian's older packages) give none rather than guesses.
 */
export function dep5Licenses(text: string): string[] {
  const ps = paragraphs(text);
  if (!/copyright-format|dep5/i.test(ps[0]?.get('format') ?? '')) return [];
  const names = new Set<string>();
  for (const p of ps) {
    const license = p.get('license')?.split('\n')[0]?.trim();
    if (license) names.add(license);
  }
  return [...names].sort();
}

/** The kernel release an x86 bzImage names in its setup header (what `file` prints as "version"). */
export function bzImageVersion(image: Buffer): string | null {
  if (image.length < 0x210 || image.toString('latin1', 0x202, 0x206) !== 'HdrS') return null;
  const at = image.readUInt16LE(0x20e) + 0x200;
  if (at >= image.length) return null;
  const end = image.indexOf(0, at);
  const text = image.toString('latin1', at, end < 0 ? Math.min(image.length, at + 256) : end);
  return /^(\d+\.\d+\S*)/.exec(text)?.[1] ?? null;
}

const KERNEL_NAME = /^(vmlinuz|vmlinux|bzImage|Image)(?:-(.+))?$/;

/**
 * Bytes of a kernel bzImageVersion may read: its version string starts at a 16-bit offset from 0x200
 * (the setup header's kernel_version) and is read for at most 256 bytes.
 */
const KERNEL_HEAD_BYTES = 0x200 + 0x10000 + 256;

interface KernelFile {
  path: string;
  /** What follows `vmlinuz-` in its name, if anything. */
  suffix: string | null;
  sha256: string;
  size: number;
  /** Its first bytes (at least KERNEL_HEAD_BYTES, or all of it). */
  head: Buffer;
}

/** The kernel in /boot: the newest versioned vmlinuz-<release>, else an unversioned one (vmlinuz-virt, vmlinuz). */
async function readKernelFile(root: ImageFiles): Promise<KernelFile | null> {
  const entries = (await root.list('/boot')) ?? [];
  const candidates = entries
    .filter((e) => KERNEL_NAME.test(e.name) && (e.type === 'file' || e.type === 'symlink'))
    .map((e) => ({ name: e.name, suffix: KERNEL_NAME.exec(e.name)![2] ?? null }));
  if (candidates.length === 0) return null;
  const versioned = candidates
    .filter((c) => c.suffix !== null && /^\d/.test(c.suffix))
    .sort((a, b) => b.suffix!.localeCompare(a.suffix!, 'en', { numeric: true }));
  const pick = versioned[0] ?? candidates.sort((a, b) => a.name.localeCompare(b.name))[0]!;
  const path = `/boot/${pick.name}`;
  // A tree already hashed by the secret scan answers without reading the kernel whole again.
  if (root.digestWithHead) {
    const known = await root.digestWithHead(path, KERNEL_HEAD_BYTES);
    return known ? { path, suffix: pick.suffix, ...known } : null;
  }
  const bytes = await root.read(path);
  return bytes ? { path, suffix: pick.suffix, sha256: sha256(bytes), size: bytes.length, head: bytes } : null;
}

/** The kernel's release and the package that installed it. */
function describeKernel(file: KernelFile, packages: InstalledPackage[]): InstalledKernel {
  const { path, suffix } = file;
  const version = suffix !== null && /^\d/.test(suffix) ? suffix : bzImageVersion(file.head);
  // Debian/Ubuntu: linux-image-<release>; Alpine: linux-<flavor> for vmlinuz-<flavor>.
  const owner =
    (version && packages.find((p) => p.name === `linux-image-${version}`)) ||
    (suffix && !/^\d/.test(suffix) && packages.find((p) => p.name === `linux-${suffix}`)) ||
    undefined;
  return {
    path,
    version,
    sha256: file.sha256,
    size: file.size,
    package: owner ? { name: owner.name, version: owner.version } : null,
  };
}

async function readDatabase(root: ImageFiles, path: string): Promise<string | undefined> {
  const st = await root.stat(path);
  if (!st) return undefined;
  const text = await root.cat(path).catch((e: Error) => {
    throw new DataError(`${root.image}: the package database ${path} cannot be read: ${e.message}`);
  });
  if (text === undefined)
    throw new DataError(
      `${root.image}: the package database ${path} is not a readable regular file (it is a ${st.type})`,
    );
  return text;
}

/** Reads the distribution, the installed packages with their licenses, and the kernel of an image. */
export async function readInstalledPackages(root: ImageFiles): Promise<InstalledSoftware> {
  // On an ImageRoot each read is a few debugfs rounds, one after another: the independent ones go at
  // once (all settled before an error is thrown: the caller closes the root after this returns). The
  // kernel's read reports its failure last, after the database's, as when it was read last.
  const kernelRead = readKernelFile(root).then(
    (file) => () => file,
    (e: unknown) => () => {
      throw e;
    },
  );
  const [osRelease, [apk, dpkg], kernelFile] = await allSettledInOrder([
    root.cat('/etc/os-release').then(async (text) => text ?? (await root.cat('/usr/lib/os-release'))),
    readDatabase(root, APK_INSTALLED).then(async (text): Promise<[string | undefined, string | undefined]> =>
      text === undefined ? [text, await readDatabase(root, DPKG_STATUS)] : [text, undefined],
    ),
    kernelRead,
  ] as const);
  const distro = osRelease !== undefined ? parseOsRelease(osRelease) : { id: 'unknown', versionId: '' };

  let manager: PackageManager = 'none';
  let database: string | null = null;
  let packages: InstalledPackage[] = [];
  try {
    if (apk !== undefined) {
      [manager, database, packages] = ['apk', APK_INSTALLED, parseApkInstalled(apk, APK_INSTALLED)];
    } else if (dpkg !== undefined) {
      [manager, database, packages] = ['dpkg', DPKG_STATUS, parseDpkgStatus(dpkg, DPKG_STATUS)];
    }
  } catch (e) {
    throw new DataError(`${root.image}: ${(e as Error).message}`);
  }

  if (manager === 'dpkg') {
    // Multi-arch packages (libc6:amd64 and libc6:i386) share one doc directory.
    // Only Debian package names (policy 5.6.1) name a doc directory: anything else could point elsewhere.
    const names = [...new Set(packages.map((p) => p.name))].filter((n) => /^[a-z0-9][a-z0-9.+-]+$/.test(n));
    const copyright = await root.readMany(
      names.map((n) => `/usr/share/doc/${n}/copyright`),
      { maxBytes: 4 * 1024 * 1024 },
    );
    for (const p of packages) {
      const text = copyright.get(`/usr/share/doc/${p.name}/copyright`);
      if (text) p.licenses = dep5Licenses(text.toString('utf8'));
    }
  }
  const file = kernelFile();
  const kernel = file ? describeKernel(file, packages) : null;
  return { distro, manager, database, packages, kernel };
}
