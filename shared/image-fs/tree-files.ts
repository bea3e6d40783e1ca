/**
 * An image's root filesystem as extracted to a host directory (the secret
 * scan's debugfs `rdump`), read by the image's rules: paths are the image's,
 * and symlinks resolve inside the tree — an absolute target from the tree's
 * top, `..` stopping there — so nothing outside the tree is ever followed.
 * Every component is checked with lstat on the way and symlinks are
 * resolved here, so the host follows none of the image's links itself.
 *
 * attest reads each image once this way for both its secret gate and its
 * SBOM, instead of a second raw copy and a debugfs process per request.
 */
import { lstat, open, readdir, readFile, readlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DataError } from '../errors.ts';
import { sha256File } from '../hash.ts';
import {
  DEFAULT_MAX_BYTES,
  imagePath,
  MAX_SYMLINK_HOPS,
  type ImageEntryType,
  type ImageFiles,
  type ReadOptions,
} from './image-root.ts';

function entryType(st: {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}): ImageEntryType {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isSymbolicLink()) return 'symlink';
  return 'other';
}

interface Resolved {
  /** The resolved path on the host, under the tree. */
  host: string;
  st: Stats;
}

/** A file's digest as an earlier pass over the same tree found it (the secret scan's manifest), by image path. */
export type KnownDigests = ReadonlyMap<string, { sha256: string; size: number }>;

/**
 * The files under `tree`, the extracted root filesystem of `image`. `known` (the secret scan's manifest of
 * this tree) answers digestWithHead without hashing the file again.
 */
export function treeFiles(image: string, tree: string, known?: KnownDigests): ImageFiles {
  const lstatOrUndefined = (host: string) => lstat(host).catch(() => undefined);

  /** `path` resolved inside the tree; the last component's symlinks only when `followLast`. */
  const resolve = async (path: string, followLast: boolean): Promise<Resolved | undefined> => {
    const pending = imagePath(path).split('/').filter(Boolean);
    const at: string[] = [];
    let hops = 0;
    while (pending.length) {
      const name = pending.shift()!;
      if (name === '.') continue;
      if (name === '..') {
        at.pop();
        continue;
      }
      const host = join(tree, ...at, name);
      const st = await lstatOrUndefined(host);
      if (!st) return undefined;
      if (st.isSymbolicLink() && (pending.length > 0 || followLast)) {
        if (++hops > MAX_SYMLINK_HOPS) return undefined;
        const target = await readlink(host, 'utf8');
        if (target === '') return undefined;
        if (target.startsWith('/')) at.length = 0;
        pending.unshift(...target.split('/').filter(Boolean));
        continue;
      }
      if (pending.length > 0 && !st.isDirectory()) return undefined;
      at.push(name);
    }
    const host = join(tree, ...at);
    const st = await lstatOrUndefined(host);
    return st && { host, st };
  };

  const readMany: ImageFiles['readMany'] = async (paths, options = {}) => {
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const out = new Map<string, Buffer | undefined>();
    for (const asked of new Set(paths)) {
      const r = await resolve(asked, true);
      if (!r?.st.isFile()) {
        out.set(asked, undefined);
        continue;
      }
      if (r.st.size > max)
        throw new DataError(
          `${image}: ${asked} is ${r.st.size} bytes, more than the ${max} bytes read at most`,
        );
      out.set(asked, await readFile(r.host));
    }
    return out;
  };

  const files: ImageFiles = {
    image,
    async cat(path: string, options?: ReadOptions) {
      return (await files.read(path, options))?.toString('utf8');
    },
    async read(path: string, options?: ReadOptions) {
      return (await readMany([path], options)).get(path);
    },
    readMany,
    async list(path) {
      const r = await resolve(path, true);
      if (!r?.st.isDirectory()) return undefined;
      return (await readdir(r.host, { withFileTypes: true })).map((e) => ({
        name: e.name,
        type: entryType(e),
      }));
    },
    async stat(path) {
      const r = await resolve(path, false);
      return r && { type: entryType(r.st), size: r.st.size };
    },
    async digestWithHead(path, headBytes) {
      const r = await resolve(path, true);
      if (!r?.st.isFile()) return undefined;
      const handle = await open(r.host, 'r');
      let head: Buffer;
      try {
        const buffer = Buffer.alloc(Math.min(headBytes, r.st.size));
        head = buffer.subarray(0, (await handle.read(buffer, 0, buffer.length, 0)).bytesRead);
      } finally {
        await handle.close();
      }
      const digest = known?.get('/' + relative(tree, r.host).split(sep).join('/'));
      if (digest && digest.size === r.st.size) return { ...digest, head };
      return { sha256: await sha256File(r.host), size: r.st.size, head };
    },
  };
  return files;
}
