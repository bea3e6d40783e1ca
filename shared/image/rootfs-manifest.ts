/**
 * The rootfs as a manifest: every path with its type, mode, owner, time and
 * (for files) where its bytes are staged on the host. The image is built from
 * the manifest alone, so nothing from a tarball is ever extracted onto the
 * build machine: a hostile entry can at worst be rejected, never written.
 */
import { DataError } from '../errors.ts';

export type EntryType = 'directory' | 'file' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

export interface RootfsEntry {
  /** Normalised path inside the rootfs, without leading `/` or `./` ("etc/passwd"). */
  path: string;
  type: EntryType;
  /** Permission bits including setuid/setgid/sticky (07777). */
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  /** file: host path of the staged content. */
  source?: string;
  size?: number;
  /** symlink: target as stored; hardlink: normalised path of the linked file. */
  target?: string;
  major?: number;
  minor?: number;
}

/**
 * Characters that cannot travel through a debugfs script: its parser has
 * quotes but no escapes. (Backslashes are literal there, and systemd unit
 * names such as `system-systemd\x2dcryptsetup.slice` need them.)
 */
const FORBIDDEN = /["\n\r\0]/;

/**
 * Normalises a path from an archive or directory walk. Rejects absolute
 * paths, `..` components and names debugfs cannot quote, naming the entry.
 */
export function normaliseEntryPath(raw: string, origin: string): string {
  if (raw.startsWith('/')) throw new DataError(`${origin}: entry '${raw}' has an absolute path`);
  if (FORBIDDEN.test(raw))
    throw new DataError(`${origin}: entry '${JSON.stringify(raw)}' contains a double quote, newline or NUL`);
  const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..'))
    throw new DataError(`${origin}: entry '${raw}' contains '..' and would escape the rootfs`);
  return parts.join('/');
}

export class RootfsManifest {
  readonly #entries = new Map<string, RootfsEntry>();
  readonly origin: string;

  constructor(origin: string) {
    this.origin = origin;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(path: string): RootfsEntry | undefined {
    return this.#entries.get(path);
  }

  /**
   * Adds an entry, as extraction would: a later entry for the same path
   * replaces the earlier one. Safety rules, each failing with the entry named:
   * no path below a symlink (a write through it could land anywhere), no
   * relative symlink that climbs above the root, no hardlink to a path that is
   * not a regular file already in the rootfs.
   */
  add(entry: RootfsEntry): void {
    if (entry.path === '') {
      // The archive's own root ("./"): keep its owner and mode for the root inode.
      if (entry.type !== 'directory')
        throw new DataError(`${this.origin}: the root entry must be a directory`);
      this.#entries.set('', entry);
      return;
    }
    const parts = entry.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = this.#entries.get(parts.slice(0, i).join('/'));
      if (parent && parent.type !== 'directory') {
        throw new DataError(
          `${this.origin}: entry '${entry.path}' lies below '${parent.path}', which is a ${parent.type}, not a directory`,
        );
      }
    }
    if (entry.type === 'symlink') {
      const target = entry.target ?? '';
      if (target === '' || target.includes('\0') || FORBIDDEN.test(target)) {
        throw new DataError(`${this.origin}: symlink '${entry.path}' has an empty or unquotable target`);
      }
      // Absolute targets resolve inside the image at boot; relative ones must not climb above its root.
      if (!target.startsWith('/') && escapesRoot(entry.path, target)) {
        throw new DataError(
          `${this.origin}: symlink '${entry.path}' -> '${target}' points outside the rootfs`,
        );
      }
    }
    if (entry.type === 'hardlink') {
      const linked = this.#entries.get(entry.target ?? '');
      if (!linked || linked.type !== 'file') {
        throw new DataError(
          `${this.origin}: hardlink '${entry.path}' -> '${entry.target}' does not point to a regular file earlier in the rootfs`,
        );
      }
    }
    const previous = this.#entries.get(entry.path);
    if (previous?.type === 'directory' && entry.type === 'directory') {
      this.#entries.set(entry.path, entry);
      return;
    }
    if (previous && previous.type === 'directory') {
      for (const p of this.#entries.keys()) {
        if (p.startsWith(`${entry.path}/`)) this.#entries.delete(p);
      }
    }
    this.#entries.set(entry.path, entry);
  }

  /** Entries with parents before children, in a fixed (byte-wise) order, so the image does not depend on archive order. */
  sorted(): RootfsEntry[] {
    return [...this.#entries.values()].sort((a, b) => compareDepthFirst(a.path, b.path));
  }

  /**
   * Every entry plus the directories the archive implies but leaves out
   * (0755 root:root, stamped `mtime`), parents before children.
   */
  complete(mtime: number): RootfsEntry[] {
    const implied = this.impliedDirectories().map((path): RootfsEntry => ({
      path,
      type: 'directory',
      mode: 0o755,
      uid: 0,
      gid: 0,
      mtime,
    }));
    return [...this.#entries.values(), ...implied].sort((a, b) => compareDepthFirst(a.path, b.path));
  }

  /** The directories implied by entries but absent from the archive (created 0755 root:root). */
  impliedDirectories(): string[] {
    const implied = new Set<string>();
    for (const path of this.#entries.keys()) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) {
        const dir = parts.slice(0, i).join('/');
        if (!this.#entries.has(dir)) implied.add(dir);
      }
    }
    return [...implied].sort(compareDepthFirst);
  }

  /** Regular files whose path matches, for reading kernels and package databases. */
  files(predicate: (path: string) => boolean): RootfsEntry[] {
    return this.sorted().filter((e) => e.type === 'file' && predicate(e.path));
  }
}

/** Counts how far a relative symlink climbs: above the rootfs root means it escapes. */
function escapesRoot(path: string, target: string): boolean {
  let depth = path.split('/').length - 1;
  for (const part of target.split('/')) {
    if (part === '..') depth--;
    else if (part !== '' && part !== '.') depth++;
    if (depth < 0) return true;
  }
  return false;
}

function compareDepthFirst(a: string, b: string): number {
  // Compare component-wise so "a/b" sorts right after "a" and before "a-b".
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
}
