/**
 * Reads a directory tree into a RootfsManifest, for a rootfs given as a
 * directory and for the `files` overlay. Files are referenced in place, never
 * copied; hardlinked files (same device and inode) stay hardlinks.
 */
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../errors.ts';
import { normaliseEntryPath, type RootfsEntry, RootfsManifest } from './rootfs-manifest.ts';

export interface DirOptions {
  /** Owner for every entry (the `files` overlay belongs to root); default: the files' real owners. */
  owner?: { uid: number; gid: number };
  /** Prefix inside the rootfs, e.g. "var/lib/cloud/seed/nocloud". */
  prefix?: string;
}

/** Linux dev_t → major/minor, as glibc's gnu_dev_major/minor compute them. */
function devNumbers(rdev: number): { major: number; minor: number } {
  const r = BigInt(rdev);
  return {
    major: Number(((r >> 8n) & 0xfffn) | ((r >> 32n) & ~0xfffn)),
    minor: Number((r & 0xffn) | ((r >> 12n) & ~0xffn)),
  };
}

export async function addDirectory(
  manifest: RootfsManifest,
  dir: string,
  options: DirOptions = {},
): Promise<void> {
  const seen = new Map<string, string>();
  const walk = async (hostDir: string, rel: string) => {
    const names = (await readdir(hostDir)).sort();
    for (const name of names) {
      const host = join(hostDir, name);
      const path = normaliseEntryPath([options.prefix, rel, name].filter(Boolean).join('/'), dir);
      const st = await lstat(host);
      const base = {
        path,
        mode: st.mode & 0o7777,
        uid: options.owner?.uid ?? st.uid,
        gid: options.owner?.gid ?? st.gid,
        mtime: Math.floor(st.mtimeMs / 1000),
      };
      let entry: RootfsEntry;
      if (st.isDirectory()) entry = { ...base, type: 'directory' };
      else if (st.isSymbolicLink()) entry = { ...base, type: 'symlink', target: await readlink(host) };
      else if (st.isFile()) {
        const key = `${st.dev}:${st.ino}`;
        const first = st.nlink > 1 ? seen.get(key) : undefined;
        if (first) entry = { ...base, type: 'hardlink', target: first };
        else {
          if (st.nlink > 1) seen.set(key, path);
          entry = { ...base, type: 'file', source: host, size: st.size };
        }
      } else if (st.isCharacterDevice() || st.isBlockDevice()) {
        entry = { ...base, type: st.isCharacterDevice() ? 'char' : 'block', ...devNumbers(st.rdev) };
      } else if (st.isFIFO()) entry = { ...base, type: 'fifo' };
      else throw new DataError(`${dir}: '${rel ? rel + '/' : ''}${name}' is a socket or unknown file type`);
      manifest.add(entry);
      if (st.isDirectory()) await walk(host, rel ? `${rel}/${name}` : name);
    }
  };
  await walk(dir, '');
}
