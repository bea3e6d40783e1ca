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
  /** Extended attributes, each value staged in a host file (ext4 gets them with debugfs' ea_set). */
  xattrs?: { name: string; source: string }[];
}

/**
 * Characters that cannot travel through a debugfs script: its parser has
 * quotes but no escapes. (Backslashes are literal there, and systemd unit
 * names such as `system-systemd\x2dcryptsetup.slice` need them.)
 */
const FORBIDDEN = /["\n\r\0]/;

/** ext4 stores a name of at most 255 bytes; longer ones must never reach debugfs (it would wrap the length). */
export const MAX_NAME_BYTES = 255;
/** Longest path and symlink target accepted (Linux PATH_MAX less its NUL; ext4's longest symlink). */
export const MAX_PATH_BYTES = 4095;
/** Device numbers debugfs' mknod writes faithfully (a larger major wraps silently, a larger minor is refused). */
export const MAX_DEVICE_MAJOR = 4095;
export const MAX_DEVICE_MINOR = 65535;

/**
 * Normalises a path from an archive or directory walk. Rejects absolute
 * paths, `..` components, names debugfs cannot quote and names ext4 cannot
 * store, naming the entry.
 */
export function normaliseEntryPath(raw: string, origin: string): string {
  if (raw.startsWith('/')) throw new DataError(`${origin}: entry '${raw}' has an absolute path`);
  if (FORBIDDEN.test(raw))
    throw new DataError(`${origin}: entry '${JSON.stringify(raw)}' contains a double quote, newline or NUL`);
  const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..'))
    throw new DataError(`${origin}: entry '${raw}' contains '..' and would escape the rootfs`);
  const long = parts.find((p) => Buffer.byteLength(p) > MAX_NAME_BYTES);
  if (long !== undefined)
    throw new DataError(
      `${origin}: entry '${raw}' has a name of ${Buffer.byteLength(long)} bytes; ext4 stores at most ${MAX_NAME_BYTES}`,
    );
  const path = parts.join('/');
  if (Buffer.byteLength(path) > MAX_PATH_BYTES)
    throw new DataError(
      `${origin}: entry '${raw.slice(0, 80)}…' has a path of ${Buffer.byteLength(path)} bytes; at most ${MAX_PATH_BYTES} are accepted`,
    );
  return path;
}

export class RootfsManifest {
  readonly #entries = new Map<string, RootfsEntry>();
  /** For each linked file, the hardlinks naming it: it must outlive them. */
  readonly #links = new Map<string, Set<string>>();
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
   * not a regular file already in the rootfs, and no replacing a file that
   * hardlinks name by another kind of entry (extraction would leave the links
   * on the old file; the image would link them to the new symlink, directory…).
   * A file replacing such a file keeps the links, as writing it in place would.
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
      if (Buffer.byteLength(target) > MAX_PATH_BYTES) {
        throw new DataError(
          `${this.origin}: symlink '${entry.path}' has a target of ${Buffer.byteLength(target)} bytes; ext4 stores at most ${MAX_PATH_BYTES}`,
        );
      }
      // Absolute targets resolve inside the image at boot; relative ones must not climb above its root.
      if (!target.startsWith('/') && escapesRoot(entry.path, target)) {
        throw new DataError(
          `${this.origin}: symlink '${entry.path}' -> '${target}' points outside the rootfs`,
        );
      }
    }
    if (entry.type === 'char' || entry.type === 'block') {
      const { major = 0, minor = 0 } = entry;
      if (!(major >= 0 && major <= MAX_DEVICE_MAJOR && minor >= 0 && minor <= MAX_DEVICE_MINOR)) {
        throw new DataError(
          `${this.origin}: device '${entry.path}' has numbers ${major}:${minor}; accepted are majors up to ${MAX_DEVICE_MAJOR} and minors up to ${MAX_DEVICE_MINOR}`,
        );
      }
    }
    if (entry.type === 'hardlink') {
      const linked = this.#entries.get(entry.target ?? '');
      if (!linked || linked.type !== 'file' || entry.target === entry.path) {
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
    if (previous) this.#remove(previous, entry);
    if (previous?.type === 'directory') {
      for (const [p, child] of this.#entries) {
        if (p.startsWith(`${entry.path}/`)) this.#remove(child, entry);
      }
    }
    this.#entries.set(entry.path, entry);
    if (entry.type === 'hardlink') {
      const links = this.#links.get(entry.target!) ?? new Set<string>();
      links.add(entry.path);
      this.#links.set(entry.target!, links);
    }
  }

  /** Drops `old` because `by` replaces it (or its directory); refuses while hardlinks still need it. */
  #remove(old: RootfsEntry, by: RootfsEntry): void {
    const keepsFile = by.path === old.path && by.type === 'file';
    const [link] = keepsFile ? [] : this.#linksTo(old.path);
    if (link) {
      throw new DataError(
        `${this.origin}: entry '${by.path}' (a ${by.type}) replaces '${old.path}', the file hardlink '${link}' links to; the link would end up on the replacement, so the archive is refused`,
      );
    }
    this.#entries.delete(old.path);
  }

  /** The hardlinks that still name `path` (entries removed or replaced since are dropped here). */
  #linksTo(path: string): string[] {
    const links = this.#links.get(path);
    if (!links) return [];
    for (const link of links) {
      const e = this.#entries.get(link);
      if (e?.type !== 'hardlink' || e.target !== path) links.delete(link);
    }
    return [...links];
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

  /**
   * Removes an entry, everything below it and every hardlink to a file among
   * them (a hardlink is the same file under another name); returns the paths
   * removed. For golden-image hygiene (shared/sysprep.ts).
   */
  remove(path: string): string[] {
    const gone = [...this.#entries.keys()].filter((p) => p === path || p.startsWith(`${path}/`));
    const removedFiles = new Set(gone.filter((p) => this.#entries.get(p)?.type === 'file'));
    for (const [p, e] of this.#entries) {
      if (e.type === 'hardlink' && removedFiles.has(e.target ?? '') && !gone.includes(p)) gone.push(p);
    }
    for (const p of gone) this.#entries.delete(p);
    return gone;
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
