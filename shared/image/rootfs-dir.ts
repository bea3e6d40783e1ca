/**
 * Reads a directory tree into a RootfsManifest, for a rootfs given as a
 * directory and for the `files` overlay. Files are referenced in place, never
 * copied; hardlinked files (same device and inode) stay hardlinks.
 */
import { constants } from 'node:fs';
import { access, lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeUtf8, printableBytes } from '../archive/tar-reader.ts';
import { DataError, InputError } from '../errors.ts';
import { normaliseEntryPath, type RootfsEntry, RootfsManifest } from './rootfs-manifest.ts';

export interface DirOptions {
  /** Owner for every entry (the `files` overlay belongs to root); default: the files' real owners. */
  owner?: { uid: number; gid: number };
  /** Prefix inside the rootfs, e.g. "var/lib/cloud/seed/nocloud". */
  prefix?: string;
  /** The input that named the directory ('rootfs', 'files'): errors about the tree name it. */
  input?: string;
  /** Stop once the files' bytes exceed `bytes`, with an error naming `input`. */
  limit?: { bytes: number; input: string };
}

/** Why a path of the tree cannot be used, from its errno. */
function unreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'is not readable (permission denied)';
  if (code === 'ENOENT') return 'disappeared while it was read';
  return `cannot be read (${code ?? (e as Error).message})`;
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
  const fail = (problem: string) =>
    options.input
      ? new InputError(
          options.input,
          problem,
          'a directory tree the build can read: directories, regular files, symlinks, devices, FIFOs',
        )
      : new DataError(`${dir}: ${problem}`);
  // Every path of the tree is read as it is met; an errno turns into an error naming the input and the path.
  const attempt = async <T>(host: string, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (e) {
      throw fail(`'${host}' ${unreadable(e)}`);
    }
  };
  let bytes = 0;
  const walk = async (hostDir: string, rel: string) => {
    // Names are read as bytes: Node would decode an invalid one to U+FFFD and then not find the file.
    const raw = await attempt(hostDir, () => readdir(hostDir, { encoding: 'buffer' }));
    const names = raw.map((bytes) => {
      const name = decodeUtf8(bytes);
      if (name === undefined)
        throw fail(`'${join(hostDir, printableBytes(bytes))}' has a name that is not valid UTF-8`);
      return name;
    });
    for (const name of names.sort()) {
      const host = join(hostDir, name);
      const path = normaliseEntryPath([options.prefix, rel, name].filter(Boolean).join('/'), dir);
      const st = await attempt(host, () => lstat(host));
      const base = {
        path,
        mode: st.mode & 0o7777,
        uid: options.owner?.uid ?? st.uid,
        gid: options.owner?.gid ?? st.gid,
        mtime: Math.floor(st.mtimeMs / 1000),
      };
      let entry: RootfsEntry;
      if (st.isDirectory()) entry = { ...base, type: 'directory' };
      else if (st.isSymbolicLink())
        entry = { ...base, type: 'symlink', target: await attempt(host, () => readlink(host)) };
      else if (st.isFile()) {
        const key = `${st.dev}:${st.ino}`;
        const first = st.nlink > 1 ? seen.get(key) : undefined;
        if (first) entry = { ...base, type: 'hardlink', target: first };
        else {
          if (st.nlink > 1) seen.set(key, path);
          // debugfs reads it later: an unreadable file must be reported now, naming the input.
          await attempt(host, () => access(host, constants.R_OK));
          bytes += st.size;
          if (options.limit && bytes > options.limit.bytes) {
            throw new InputError(
              options.limit.input,
              `the files of ${dir} add up to more than ${Math.round(options.limit.bytes / 1048576)} MiB, the requested disk size (stopped at '${host}')`,
              `a ${options.limit.input} larger than the files, or fewer files`,
            );
          }
          entry = { ...base, type: 'file', source: host, size: st.size };
        }
      } else if (st.isCharacterDevice() || st.isBlockDevice()) {
        entry = { ...base, type: st.isCharacterDevice() ? 'char' : 'block', ...devNumbers(st.rdev) };
      } else if (st.isFIFO()) entry = { ...base, type: 'fifo' };
      else throw fail(`'${host}' is a socket or unknown file type`);
      manifest.add(entry);
      if (st.isDirectory()) await walk(host, rel ? `${rel}/${name}` : name);
    }
  };
  await walk(dir, '');
}
