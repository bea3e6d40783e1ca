/**
 * Finding external tools, and checking before any work that a step has all it
 * needs. The search is PATH plus the sbin directories: e2fsprogs, fdisk and
 * dosfstools install into /usr/sbin or /sbin, which a non-root self-hosted
 * runner usually leaves off PATH, so every lookup (the up-front check and each
 * run) uses the same list.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { MissingToolsError } from './errors.ts';

/** Which Debian/Ubuntu package provides each tool the suite runs. */
export const TOOL_PACKAGES: Record<string, string> = {
  'qemu-img': 'qemu-utils',
  'qemu-system-x86_64': 'qemu-system-x86',
  'qemu-system-aarch64': 'qemu-system-arm',
  'mkfs.ext4': 'e2fsprogs',
  mke2fs: 'e2fsprogs',
  debugfs: 'e2fsprogs',
  dumpe2fs: 'e2fsprogs',
  e2fsck: 'e2fsprogs',
  sfdisk: 'fdisk',
  'mkfs.vfat': 'dosfstools',
  mcopy: 'mtools',
  mmd: 'mtools',
  mdir: 'mtools',
  mmdebstrap: 'mmdebstrap',
  openssl: 'openssl',
  git: 'git',
  cargo: 'cargo',
  objcopy: 'binutils',
  'dpkg-deb': 'dpkg',
  'dpkg-query': 'dpkg',
  'apt-get': 'apt',
  'docker-registry': 'docker-registry',
  skopeo: 'skopeo',
  nft: 'nftables',
  xz: 'xz-utils',
  tar: 'tar',
  unshare: 'util-linux',
};

/** Searched after PATH, in this order (the FHS order a root shell's PATH has). */
export const SBIN_DIRS: readonly string[] = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

export interface ToolSearch {
  /** The PATH to search; default: the process's. */
  path?: string;
  /** Searched after PATH; default SBIN_DIRS (tests point it at a directory of their own). */
  sbinDirs?: readonly string[];
}

/** The directories a tool is looked for in: PATH's entries, then the sbin directories PATH lacks. */
export function toolSearchDirs(search: ToolSearch = {}): string[] {
  const fromPath = (search.path ?? process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return [...new Set([...fromPath, ...(search.sbinDirs ?? SBIN_DIRS)])];
}

/** PATH with the sbin directories appended, for the tools' own children (mmdebstrap runs mke2fs-like helpers). */
export function pathWithSbin(path: string | undefined): string {
  return toolSearchDirs({ path: path ?? '' }).join(delimiter);
}

/** The absolute path of an executable `tool`, or null when no searched directory has one. */
export async function findTool(tool: string, search: ToolSearch = {}): Promise<string | null> {
  if (tool.includes('/')) return (await isExecutable(tool)) ? tool : null;
  for (const dir of toolSearchDirs(search)) {
    const candidate = join(dir, tool);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    // A directory is "executable" too; only a file runs.
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function debianPackage(tool: string): string {
  return TOOL_PACKAGES[tool] ?? tool;
}

/**
 * Resolves every tool `step` needs, or throws one MissingToolsError naming
 * each missing tool with its package and the apt-get line that installs them
 * all: a user fixes the runner once instead of once per tool.
 */
export async function checkTools(
  step: string,
  tools: readonly string[],
  search: ToolSearch = {},
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const missing: string[] = [];
  for (const tool of new Set(tools)) {
    const path = await findTool(tool, search);
    if (path) found.set(tool, path);
    else missing.push(tool);
  }
  if (missing.length)
    throw new MissingToolsError(
      step,
      missing.map((tool) => ({ tool, package: debianPackage(tool) })),
      toolSearchDirs(search),
    );
  return found;
}
