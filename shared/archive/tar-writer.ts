/**
 * Deterministic tar output: entries are written in the order given with the
 * owners, modes and times the caller sets (never the build machine's), so the
 * same entries give the same bytes. Used for the test image's rootfs and for
 * release bundles.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip, constants as zlib } from 'node:zlib';
import { pack, type Header } from 'tar-stream';

export type TarEntry =
  | { type: 'directory'; path: string; mode: number; uid?: number; gid?: number }
  | { type: 'file'; path: string; mode: number; content: Buffer; uid?: number; gid?: number }
  | { type: 'symlink'; path: string; target: string; uid?: number; gid?: number }
  | { type: 'link'; path: string; target: string; uid?: number; gid?: number }
  | {
      type: 'character-device' | 'block-device';
      path: string;
      mode: number;
      major: number;
      minor: number;
      uid?: number;
      gid?: number;
    };

export interface TarOptions {
  /** Modification time of every entry, seconds since the epoch (SOURCE_DATE_EPOCH). */
  mtime: number;
  gzip?: boolean;
}

function header(entry: TarEntry, mtime: number): Header {
  const base: Header = {
    name: entry.path,
    type: 'file',
    mode: 0o644,
    size: 0,
    linkname: '',
    devmajor: 0,
    devminor: 0,
    uid: entry.uid ?? 0,
    gid: entry.gid ?? 0,
    uname: '',
    gname: '',
    mtime: new Date(mtime * 1000),
  };
  switch (entry.type) {
    case 'directory':
      return { ...base, type: 'directory', mode: entry.mode };
    case 'file':
      return { ...base, type: 'file', mode: entry.mode, size: entry.content.length };
    case 'symlink':
      return { ...base, type: 'symlink', mode: 0o777, linkname: entry.target };
    case 'link':
      return { ...base, type: 'link', mode: 0o644, linkname: entry.target };
    default:
      return { ...base, type: entry.type, mode: entry.mode, devmajor: entry.major, devminor: entry.minor };
  }
}

export async function writeTar(
  path: string,
  entries: Iterable<TarEntry>,
  options: TarOptions,
): Promise<void> {
  const p = pack();
  const out = createWriteStream(path);
  // gzip output carries no name or time of its own (Node writes mtime 0, OS 3), so it is deterministic too.
  const done = options.gzip
    ? pipeline(p, createGzip({ level: zlib.Z_BEST_COMPRESSION }), out)
    : pipeline(p, out);
  for (const entry of entries) {
    const content = entry.type === 'file' ? entry.content : undefined;
    await new Promise<void>((resolve, reject) => {
      const callback = (err?: Error | null) => (err ? reject(err) : resolve());
      if (content) p.entry(header(entry, options.mtime), content, callback);
      else p.entry(header(entry, options.mtime), callback);
    });
  }
  p.finalize();
  await done;
}
