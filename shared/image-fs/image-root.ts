/**
 * Read-only access to the root filesystem of a built image — never to the
 * build directory — the way a consumer would check it, without root, mounts
 * or loop devices: the qcow2 (with its backing chain) is flattened to a
 * private raw copy, the root ext filesystem found on it, its journal replayed
 * on the copy (an overlay written by a guest may end with unreplayed
 * transactions), and paths are read with debugfs.
 *
 * Cost model: one raw copy per image per step (opening the same unchanged
 * image again while it is open shares the copy), and one debugfs process per
 * batch of requests, not per file: readMany() reads any number of files with
 * one process per level of symlinks, listTree() lists a whole tree with one
 * process per directory depth.
 *
 * Symlinks are resolved inside the image (an absolute target is relative to
 * the image's root, never the host's); cat/read/ls follow them, stat/readlink
 * do not. (debugfs follows symlinks in a path's earlier components itself;
 * the reader resolves the last one.) A path with a newline or NUL cannot be asked for (debugfs reads its
 * requests line by line) and is refused with a DataError.
 */
import { mkdir, mkdtemp, readFile, realpath, rm, stat as statFile, truncate } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { DataError } from '../errors.ts';
import { run } from '../exec.ts';
import { debugfsBatch, debugfsQuote, type DebugfsDevice } from './debugfs.ts';
import { filesystemAt } from './fs-magic.ts';

export type ImageEntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface ImageStat {
  inode: number;
  type: ImageEntryType;
  /** Permission bits (and setuid/setgid/sticky), without the type. */
  mode: number;
  uid: number;
  gid: number;
  size: number;
}

export interface ImageDirEntry {
  name: string;
  inode: number;
  type: ImageEntryType;
  mode: number;
  uid: number;
  gid: number;
  /** null for a directory (debugfs does not list a directory's size). */
  size: number | null;
}

export interface ImageTreeEntry extends ImageDirEntry {
  /** Absolute path inside the image. */
  path: string;
}

export interface ReadOptions {
  /** Refuse a file larger than this (default 256 MiB): an image's sparse file could otherwise fill the disk. */
  maxBytes?: number;
}

export interface ImageRoot {
  /** The image file this root was read from. */
  readonly image: string;
  /** A file's text (UTF-8), following symlinks; undefined when it does not exist or is not a file. */
  cat(path: string, options?: ReadOptions): Promise<string | undefined>;
  /** A file's bytes, following symlinks; undefined when it does not exist or is not a file. */
  read(path: string, options?: ReadOptions): Promise<Buffer | undefined>;
  /** Many files at once (one debugfs process per level of symlinks), keyed by the path asked for. */
  readMany(paths: readonly string[], options?: ReadOptions): Promise<Map<string, Buffer | undefined>>;
  /** A directory's entry names (without . and ..), following symlinks; undefined when it is not a directory. */
  ls(path: string): Promise<string[] | undefined>;
  /** A directory's entries with their types and sizes, following symlinks. */
  list(path: string): Promise<ImageDirEntry[] | undefined>;
  /** Every entry under `path` (default `/`), depth first order not promised; symlinks are listed, not followed. */
  listTree(path?: string): Promise<ImageTreeEntry[]>;
  /** A symlink's target, or undefined when the path is not a symlink. */
  readlink(path: string): Promise<string | undefined>;
  /** The entry itself (a symlink is not followed), or undefined. */
  stat(path: string): Promise<ImageStat | undefined>;
  /** Whether the entry exists (a dangling symlink exists). */
  exists(path: string): Promise<boolean>;
  /** The path with its last component's symlinks resolved inside the image, or undefined when it does not resolve. */
  resolve(path: string): Promise<string | undefined>;
  /** Releases this handle; the raw copy is removed when the last handle on it is closed. */
  close(): Promise<void>;
}

/**
 * The reads an image's software inventory needs (shared/image-fs/installed-packages.ts):
 * an ImageRoot gives them, and so does an extracted tree (./tree-files.ts).
 */
export type ImageFiles = Pick<ImageRoot, 'image' | 'cat' | 'read' | 'readMany'> & {
  list(path: string): Promise<Pick<ImageDirEntry, 'name' | 'type'>[] | undefined>;
  stat(path: string): Promise<Pick<ImageStat, 'type' | 'size'> | undefined>;
  /**
   * A large file's sha256 and size and its first `headBytes` bytes, following symlinks, without holding
   * the whole file (a kernel); undefined when it is not a file. Where absent, read() gives the same.
   */
  digestWithHead?(path: string, headBytes: number): Promise<FileDigestWithHead | undefined>;
};

export interface FileDigestWithHead {
  sha256: string;
  size: number;
  head: Buffer;
}

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
export const MAX_SYMLINK_HOPS = 40;

const TYPES: Record<string, ImageEntryType> = { regular: 'file', directory: 'directory', symlink: 'symlink' };

function typeFromMode(mode: number): ImageEntryType {
  switch (mode & 0o170000) {
    case 0o100000:
      return 'file';
    case 0o040000:
      return 'directory';
    case 0o120000:
      return 'symlink';
    default:
      return 'other';
  }
}

/** An absolute, normalized image path; relative paths are refused (debugfs would read them from its cwd). */
export function imagePath(path: string): string {
  if (!path.startsWith('/')) throw new DataError(`'${path}' is not an absolute path inside the image`);
  debugfsQuote(path);
  const n = posix.normalize(path);
  return n.length > 1 ? n.replace(/\/+$/, '') : n;
}

/** Parses one `stat` output; `undefined` for an empty one (the path does not exist). */
export function parseStat(chunk: string): (ImageStat & { fastLink?: string }) | undefined {
  const head = /^Inode: (\d+)\s+Type: ([a-zA-Z ]+?)\s+Mode:\s+(\d+)/.exec(chunk);
  if (!head) return undefined;
  const owner = /\nUser:\s+(\d+)\s+Group:\s+(\d+)(?:\s+Project:\s+\d+)?\s+Size: (\d+)/.exec(chunk);
  if (!owner) throw new DataError(`debugfs printed a stat without owner and size: ${chunk.slice(0, 200)}`);
  const st: ImageStat & { fastLink?: string } = {
    inode: Number(head[1]),
    type: TYPES[head[2]!] ?? 'other',
    mode: parseInt(head[3]!, 8),
    uid: Number(owner[1]),
    gid: Number(owner[2]),
    size: Number(owner[3]),
  };
  if (st.type === 'symlink') {
    // A fast link's target is printed last, as `Fast link dest: "<size bytes>"`: cut it by its length,
    // so a target that itself contains quotes or that label is still read exactly.
    const bytes = Buffer.from(chunk.replace(/\n$/, ''), 'utf8');
    const label = Buffer.from('Fast link dest: "');
    const start = bytes.length - 1 - st.size - label.length;
    if (start >= 0 && bytes.at(-1) === 0x22 && bytes.subarray(start, start + label.length).equals(label))
      st.fastLink = bytes.subarray(start + label.length, bytes.length - 1).toString('utf8');
    else {
      // A target that is not valid UTF-8 changes length when decoded: take the last label instead.
      const at = chunk.lastIndexOf('Fast link dest: "');
      if (at >= 0) st.fastLink = chunk.slice(at + label.length).replace(/"\n?$/, '');
    }
  }
  return st;
}

/** Parses `ls -p` output: `/inode/mode/uid/gid/name/size/` records; a name may hold a newline, never a `/`. */
export function parseLsP(out: string): ImageDirEntry[] {
  const record = /\/(\d+)\/([0-7]+)\/(-?\d+)\/(-?\d+)\/([^/]*)\/(\d*)\/\n/y;
  const entries: ImageDirEntry[] = [];
  let at = 0;
  while (at < out.length) {
    // debugfs may print an empty line between blocks.
    if (out[at] === '\n') {
      at++;
      continue;
    }
    record.lastIndex = at;
    const m = record.exec(out);
    if (!m)
      throw new DataError(`unexpected debugfs listing output at: ${JSON.stringify(out.slice(at, at + 80))}`);
    at = record.lastIndex;
    const name = m[5]!;
    // Inode 0 marks an unused slot (lost+found's preallocated blocks); . and .. are not entries.
    if (m[1] === '0' || name === '' || name === '.' || name === '..') continue;
    const mode = parseInt(m[2]!, 8);
    entries.push({
      name,
      inode: Number(m[1]),
      type: typeFromMode(mode),
      mode: mode & 0o7777,
      uid: Number(m[3]),
      gid: Number(m[4]),
      size: m[6] === '' ? null : Number(m[6]),
    });
  }
  return entries;
}

const HEAD_BYTES = 1024 * 1024;

/**
 * A byte range of the image (through its backing chain) as a node qemu-img
 * reads: the raw driver's offset/size over the image's own format. JSON
 * quoting carries any file name; relative backing paths resolve as usual.
 */
function rangeNode(image: string, format: 'qcow2' | 'raw', offset: number, size: number): string {
  const file = { driver: 'file', filename: image };
  return `json:${JSON.stringify({ driver: 'raw', offset, size, file: format === 'raw' ? file : { driver: format, file } })}`;
}

/** Copies `size` bytes at `offset` of the disk in `image` (through its backing chain) to the raw file `out`. */
export async function copyRange(
  image: string,
  format: 'qcow2' | 'raw',
  offset: number,
  size: number,
  out: string,
  signal?: AbortSignal,
) {
  await run('qemu-img', ['convert', '-U', '-O', 'raw', rangeNode(image, format, offset, size), out], {
    hint: `${image} could not be read as a disk image`,
    signal,
  });
}

/**
 * Copies the root ext filesystem of `image` — the last partition holding
 * one, or the whole disk when it has no partition table — to `out`, alone:
 * e2fsck reopens a device after replaying its journal and loses any
 * `?offset=` on the way, so the copy starts at the filesystem. Only the
 * partition is copied, not the whole disk.
 */
async function copyRootFilesystem(image: string, dir: string, out: string): Promise<void> {
  const info = JSON.parse(
    (
      await run('qemu-img', ['info', '-U', '--output=json', image], {
        hint: `${image} could not be read as a disk image`,
      })
    ).stdout,
  ) as { format?: string; 'virtual-size'?: number };
  const format = info.format;
  const diskBytes = info['virtual-size'] ?? 0;
  if (format !== 'qcow2' && format !== 'raw')
    throw new DataError(`${image}: a ${format ?? 'unknown'} image, where a qcow2 or raw disk image is read`);
  // The partition table from the disk's first MiB, on a sparse file of the disk's size (sfdisk
  // checks partitions against it).
  const head = join(dir, 'head.raw');
  await copyRange(image, format, 0, Math.min(HEAD_BYTES, diskBytes), head);
  await truncate(head, diskBytes);
  let partitions: { start: number; size: number }[] = [];
  let sectorSize = 512;
  const table = await run('sfdisk', ['--json', head], { okCodes: [1] });
  if (table.code === 0 && table.stdout.trim()) {
    const parsed = JSON.parse(table.stdout) as {
      partitiontable?: { sectorsize?: number; partitions?: { start: number; size: number }[] };
    };
    partitions = parsed.partitiontable?.partitions ?? [];
    sectorSize = parsed.partitiontable?.sectorsize ?? 512;
  }
  const candidates = [
    ...partitions.map((p) => ({ offset: p.start * sectorSize, size: p.size * sectorSize })).reverse(),
    { offset: 0, size: diskBytes },
  ];
  const probe = join(dir, 'probe.raw');
  try {
    for (const c of candidates) {
      if (c.offset + c.size > diskBytes || c.size < 2048) continue;
      await copyRange(image, format, c.offset, 4096, probe);
      if ((await filesystemAt(probe, 0)) !== 'ext') continue;
      await copyRange(image, format, c.offset, c.size, out);
      return;
    }
  } finally {
    await rm(probe, { force: true });
    await rm(head, { force: true });
  }
  throw new DataError(
    `${image}: no ext2/3/4 root filesystem found (${partitions.length} partition(s), none with an ext superblock)`,
  );
}

interface SharedCopy {
  refs: number;
  dir: string;
  device: DebugfsDevice;
}
const shared = new Map<string, Promise<SharedCopy>>();

async function makeCopy(image: string, workDir: string): Promise<SharedCopy> {
  await mkdir(workDir, { recursive: true });
  const dir = await mkdtemp(join(workDir, 'image-root-'));
  try {
    const raw = join(dir, 'root.ext');
    await copyRootFilesystem(image, dir, raw);
    // A guest's last writes may still be in the journal: replay it on the private copy (only that).
    await run('e2fsck', ['-y', '-E', 'journal_only', raw], {
      okCodes: [1, 2],
      hint: `${image}: the root filesystem's journal could not be replayed`,
    });
    return { refs: 0, dir, device: { file: raw, offset: 0, scratch: dir } };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Opens the root filesystem of `image` (qcow2 or raw, with its backing
 * chain) for reading; the private copy goes under `workDir`. While a handle
 * on the same unchanged file is open, another open shares its copy.
 */
export async function openImageRoot(image: string, workDir: string): Promise<ImageRoot> {
  const real = await realpath(image).catch(() => {
    throw new DataError(`${image}: the image does not exist or cannot be read`);
  });
  const s = await statFile(real);
  const key = `${real}\0${s.size}\0${s.mtimeMs}`;
  let pending = shared.get(key);
  if (!pending) {
    pending = makeCopy(real, workDir);
    shared.set(key, pending);
    pending.catch(() => shared.delete(key));
  }
  const copy = await pending;
  copy.refs++;
  let closed = false;
  return rootOn(image, copy.device, async () => {
    if (closed) return;
    closed = true;
    if (--copy.refs === 0) {
      shared.delete(key);
      await rm(copy.dir, { recursive: true, force: true });
    }
  });
}

function rootOn(image: string, device: DebugfsDevice, release: () => Promise<void>): ImageRoot {
  const statMany = async (paths: string[]) =>
    (
      await debugfsBatch(
        device,
        paths.map((p) => `stat ${debugfsQuote(p)}`),
      )
    ).map(parseStat);

  let dumpCounter = 0;
  /** Dumps inodes' data to host files in one process; returns each one's bytes. */
  const dumpMany = async (paths: string[]): Promise<(Buffer | undefined)[]> => {
    if (paths.length === 0) return [];
    const dir = join(device.scratch, `dump-${++dumpCounter}`);
    await mkdir(dir);
    try {
      const targets = paths.map((_, i) => join(dir, String(i)));
      await debugfsBatch(
        device,
        paths.map((p, i) => `dump ${debugfsQuote(p)} ${debugfsQuote(targets[i]!)}`),
      );
      return await Promise.all(targets.map((t) => readFile(t).catch(() => undefined)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  /** Symlink targets (fast ones from stat, slow ones from their data block). */
  const linkTargets = async (entries: { path: string; st: ImageStat & { fastLink?: string } }[]) => {
    const slow = entries.filter((e) => e.st.fastLink === undefined);
    const data = await dumpMany(slow.map((e) => e.path));
    const out = new Map<string, string | undefined>();
    for (const e of entries) out.set(e.path, e.st.fastLink);
    slow.forEach((e, i) => out.set(e.path, data[i]?.toString('utf8')));
    return out;
  };

  /** Resolves each path's final symlinks (debugfs follows those in earlier components itself). */
  const resolveMany = async (paths: string[]) => {
    const result = new Map<string, { path: string; st: ImageStat } | undefined>();
    let pending = paths.map((p) => ({ asked: p, path: imagePath(p), hops: 0 }));
    while (pending.length) {
      const stats = await statMany(pending.map((p) => p.path));
      const links: { path: string; st: ImageStat & { fastLink?: string } }[] = [];
      pending.forEach((p, i) => {
        const st = stats[i];
        if (st?.type === 'symlink') links.push({ path: p.path, st });
        else result.set(p.asked, st ? { path: p.path, st } : undefined);
      });
      const targets = await linkTargets(links);
      const next: typeof pending = [];
      for (const p of pending) {
        if (result.has(p.asked)) continue;
        const target = targets.get(p.path);
        if (
          target === undefined ||
          target === '' ||
          p.hops + 1 > MAX_SYMLINK_HOPS ||
          /[\n\r\0]/.test(target)
        ) {
          result.set(p.asked, undefined);
          continue;
        }
        const joined = target.startsWith('/') ? target : posix.join(posix.dirname(p.path), target);
        next.push({ asked: p.asked, path: posix.normalize(joined), hops: p.hops + 1 });
      }
      pending = next;
    }
    return result;
  };

  const readMany: ImageRoot['readMany'] = async (paths, options = {}) => {
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const unique = [...new Set(paths)];
    const resolved = await resolveMany(unique);
    const files: { asked: string; path: string }[] = [];
    const out = new Map<string, Buffer | undefined>();
    for (const asked of unique) {
      const r = resolved.get(asked);
      if (r?.st.type !== 'file') {
        out.set(asked, undefined);
        continue;
      }
      if (r.st.size > max)
        throw new DataError(
          `${image}: ${asked} is ${r.st.size} bytes, more than the ${max} bytes read at most`,
        );
      files.push({ asked, path: r.path });
    }
    const data = await dumpMany(files.map((f) => f.path));
    files.forEach((f, i) => {
      const d = data[i];
      if (d === undefined) throw new DataError(`${image}: ${f.asked} could not be read from the image`);
      out.set(f.asked, d);
    });
    return out;
  };

  const list: ImageRoot['list'] = async (path) => {
    const r = (await resolveMany([path])).get(path);
    if (r?.st.type !== 'directory') return undefined;
    const [out] = await debugfsBatch(device, [`ls -p ${debugfsQuote(r.path)}`]);
    return parseLsP(out!);
  };

  const root: ImageRoot = {
    image,
    async cat(path, options) {
      return (await root.read(path, options))?.toString('utf8');
    },
    async read(path, options) {
      return (await readMany([path], options)).get(path);
    },
    readMany,
    async ls(path) {
      return (await list(path))?.map((e) => e.name);
    },
    list,
    async listTree(path = '/') {
      const start = (await resolveMany([path])).get(path);
      if (start?.st.type !== 'directory') return [];
      const out: ImageTreeEntry[] = [];
      let level = [start.path];
      while (level.length) {
        const listings = await debugfsBatch(
          device,
          level.map((d) => `ls -p ${debugfsQuote(d)}`),
        );
        const next: string[] = [];
        level.forEach((dir, i) => {
          for (const e of parseLsP(listings[i]!)) {
            const p = dir === '/' ? `/${e.name}` : `${dir}/${e.name}`;
            out.push({ ...e, path: p });
            // A directory whose name debugfs cannot be asked for is listed but not entered.
            if (e.type === 'directory' && !/[\n\r\0]/.test(p)) next.push(p);
          }
        });
        level = next;
      }
      return out;
    },
    async readlink(path) {
      const p = imagePath(path);
      const [st] = await statMany([p]);
      if (st?.type !== 'symlink') return undefined;
      return (await linkTargets([{ path: p, st }])).get(p);
    },
    async stat(path) {
      const [st] = await statMany([imagePath(path)]);
      if (!st) return undefined;
      const { fastLink: _, ...rest } = st;
      return rest;
    },
    async exists(path) {
      return (await root.stat(path)) !== undefined;
    },
    async resolve(path) {
      return (await resolveMany([path])).get(path)?.path;
    },
    close: release,
  };
  return root;
}
