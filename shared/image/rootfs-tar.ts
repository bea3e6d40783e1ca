/**
 * Reads a rootfs tarball (plain, gzip, zstd or xz) into a RootfsManifest,
 * staging each regular file's bytes under a generated name in `stageDir`.
 * Tar paths are only ever used as manifest keys, never as host paths.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import { extract } from 'tar-stream';
import { DataError, MissingToolError } from '../errors.ts';
import { RootfsManifest, normaliseEntryPath, type EntryType } from './rootfs-manifest.ts';

type Compression = 'none' | 'gzip' | 'zstd' | 'xz';

async function detectCompression(path: string): Promise<Compression> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(6), 0, 6, 0);
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return 'gzip';
    if (bytesRead >= 4 && buffer.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
    if (bytesRead >= 6 && buffer.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])))
      return 'xz';
    return 'none';
  } finally {
    await handle.close();
  }
}

function decompressed(path: string, compression: Compression): Readable {
  const raw = createReadStream(path, { highWaterMark: 1024 * 1024 });
  switch (compression) {
    case 'none':
      return raw;
    case 'gzip':
      return raw.pipe(createGunzip());
    case 'zstd':
      return raw.pipe(createZstdDecompress());
    case 'xz': {
      // Node has no xz decoder; xz runs with an argument array, reading the file itself.
      const child = spawn('xz', ['-dc', '--', path], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.on('error', (e: NodeJS.ErrnoException) => {
        child.stdout.destroy(e.code === 'ENOENT' ? new MissingToolError('xz', 'xz-utils') : e);
      });
      return child.stdout;
    }
  }
}

const TAR_TYPES: Record<string, EntryType | undefined> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'directory',
  symlink: 'symlink',
  link: 'hardlink',
  'character-device': 'char',
  'block-device': 'block',
  fifo: 'fifo',
};

/** Reads `tarPath` into a manifest; files are staged as `stageDir/<n>`. */
export async function readRootfsTar(
  tarPath: string,
  stageDir: string,
  origin = tarPath,
): Promise<RootfsManifest> {
  const manifest = new RootfsManifest(origin);
  const compression = await detectCompression(tarPath);
  const ex = extract();
  let counter = 0;
  ex.on('entry', (header, stream, next) => {
    // A rejected entry destroys the whole extraction; the entry stream's copy of that error is already reported.
    stream.on('error', () => undefined);
    const fail = (e: unknown) => {
      stream.resume();
      ex.destroy(e as Error);
    };
    try {
      const type = TAR_TYPES[header.type ?? 'file'];
      if (!type) {
        // pax global headers and the like carry no filesystem object.
        stream.on('end', next).resume();
        return;
      }
      const path = normaliseEntryPath(header.name, origin);
      const base = {
        path,
        type,
        mode: (header.mode ?? 0o644) & 0o7777,
        uid: header.uid ?? 0,
        gid: header.gid ?? 0,
        mtime: Math.floor((header.mtime?.getTime() ?? 0) / 1000),
      };
      if (type === 'file') {
        const source = join(stageDir, String(counter++));
        pipeline(stream, createWriteStream(source)).then(() => {
          try {
            manifest.add({ ...base, source, size: header.size ?? 0 });
            next();
          } catch (e) {
            fail(e);
          }
        }, fail);
        return;
      }
      const target =
        type === 'hardlink'
          ? hardlinkTarget(path, header.linkname ?? '', origin)
          : type === 'symlink'
            ? (header.linkname ?? '')
            : undefined;
      manifest.add({
        ...base,
        target,
        major: header.devmajor ?? 0,
        minor: header.devminor ?? 0,
      });
      stream.on('end', next).resume();
    } catch (e) {
      fail(e);
    }
  });
  try {
    await pipeline(decompressed(tarPath, compression), ex);
  } catch (e) {
    if (e instanceof DataError || e instanceof MissingToolError) throw e;
    throw new DataError(
      `${origin}: not a readable ${compression === 'none' ? '' : compression + ' '}tar archive (${(e as Error).message})`,
    );
  }
  return manifest;
}

function hardlinkTarget(path: string, linkname: string, origin: string): string {
  try {
    return normaliseEntryPath(linkname, origin);
  } catch {
    throw new DataError(`${origin}: hardlink '${path}' -> '${linkname}' points outside the rootfs`);
  }
}
