/**
 * Reads a rootfs tarball (plain, gzip, zstd or xz) into a RootfsManifest,
 * staging each regular file's bytes under a generated name in `stageDir`.
 * Tar paths are only ever used as manifest keys, never as host paths. The
 * unpacked bytes are counted as they stream, so a small compressed bomb stops
 * at the limit instead of filling the build machine's disk first.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { writeFile } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import { readTarEntries } from '../archive/tar-reader.ts';
import { DataError, InputError, MissingToolError } from '../errors.ts';
import { openRegularFile } from '../regular-file.ts';
import { RootfsManifest, normaliseEntryPath } from './rootfs-manifest.ts';

type Compression = 'none' | 'gzip' | 'zstd' | 'xz';

async function detectCompression(handle: FileHandle): Promise<Compression> {
  const { buffer, bytesRead } = await handle.read(Buffer.alloc(6), 0, 6, 0);
  if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return 'gzip';
  if (bytesRead >= 4 && buffer.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  if (bytesRead >= 6 && buffer.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])))
    return 'xz';
  return 'none';
}

/**
 * The tarball's bytes, decompressed, as pipeline stages. Reads the already
 * opened (and checked) descriptor, never the path again. `finished` settles
 * once the decompressor is done, and fails if it failed (xz reports a corrupt
 * or truncated stream only through its exit status).
 */
function decompressed(
  handle: FileHandle,
  compression: Compression,
): { stages: Readable[]; finished: Promise<void> } {
  if (compression === 'xz') {
    // Node has no xz decoder; xz reads the opened file on its standard input, with no argument from the input.
    const child = spawn('xz', ['-dc'], { stdio: [handle.fd, 'pipe', 'pipe'] });
    const stdout = child.stdout!;
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-2000)));
    const finished = new Promise<void>((resolve, reject) => {
      child.on('error', (e: NodeJS.ErrnoException) => {
        const error = e.code === 'ENOENT' ? new MissingToolError('xz', 'xz-utils') : e;
        stdout.destroy(error);
        reject(error);
      });
      child.on('close', (code, signal) =>
        code === 0 || signal === 'SIGTERM'
          ? resolve()
          : reject(new Error(`xz: ${stderr.trim() || `exit ${code}`}`)),
      );
    });
    finished.catch(() => undefined);
    // Stopped early (a refused entry, the size limit): xz must not keep running.
    stdout.on('close', () => child.kill());
    return { stages: [stdout], finished };
  }
  const raw = createReadStream('', { fd: handle, start: 0, highWaterMark: 1024 * 1024, autoClose: false });
  if (compression === 'gzip') return { stages: [raw, createGunzip()], finished: Promise.resolve() };
  if (compression === 'zstd') return { stages: [raw, createZstdDecompress()], finished: Promise.resolve() };
  return { stages: [raw], finished: Promise.resolve() };
}

/** Passes bytes through, failing with `error()` once more than `limit` went by. */
function byteLimit(limit: number, error: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > limit ? error() : null, chunk);
    },
  });
}

export interface RootfsTarOptions {
  /** How errors name the tarball (a download's URL, say); default: its path. */
  origin?: string;
  /** The input that named the tarball, for errors about the file itself; default 'rootfs'. */
  input?: string;
  /** Stop once the unpacked archive exceeds `bytes`, with an error naming `input`. */
  limit?: { bytes: number; input: string };
}

/** Staging a file on the build machine failed: a host problem, not a malformed archive. */
class StagingError extends Error {}

const MiB = (bytes: number) => `${Math.round(bytes / 1048576)} MiB`;

/** Reads `tarPath` into a manifest; files are staged as `stageDir/<n>`. */
export async function readRootfsTar(
  tarPath: string,
  stageDir: string,
  options: RootfsTarOptions = {},
): Promise<RootfsManifest> {
  const origin = options.origin ?? tarPath;
  const manifest = new RootfsManifest(origin);
  const handle = await openRegularFile(tarPath, { input: options.input ?? 'rootfs' });
  let compression: Compression = 'none';
  try {
    compression = await detectCompression(handle);
    const { stages, finished } = decompressed(handle, compression);
    const { limit } = options;
    if (limit) {
      stages.push(
        byteLimit(
          limit.bytes,
          () =>
            new InputError(
              limit.input,
              `the rootfs tarball ${origin} unpacks to more than ${MiB(limit.bytes)}, the requested disk size (reading stopped there)`,
              `a ${limit.input} larger than the unpacked rootfs, or a smaller rootfs`,
            ),
        ),
      );
    }
    let counter = 0;
    await readTarEntries(stages, origin, async (h, body) => {
      const path = normaliseEntryPath(h.path, origin);
      const xattrs = [];
      // A hardlink shares its file's inode, and with it the file's attributes.
      for (const x of h.type === 'hardlink' ? [] : h.xattrs) {
        const source = `${stageDir}/${counter++}.xattr`;
        await writeFile(source, x.value, { flag: 'wx' });
        xattrs.push({ name: x.name, source });
      }
      const base = {
        path,
        type: h.type,
        mode: h.mode,
        uid: h.uid,
        gid: h.gid,
        mtime: h.mtime,
        ...(xattrs.length ? { xattrs } : {}),
      };
      if (h.type === 'file') {
        const source = `${stageDir}/${counter++}`;
        manifest.add({ ...base, source, size: h.size });
        await pipeline(body, createWriteStream(source, { flags: 'wx' })).catch((e: NodeJS.ErrnoException) => {
          // An errno from the write side is the build machine's (ENOSPC…); anything else came from the archive.
          throw e.syscall
            ? new StagingError(`staging '${path}' of ${origin} in ${stageDir} failed: ${e.message}`)
            : e;
        });
        return;
      }
      const target =
        h.type === 'hardlink'
          ? hardlinkTarget(path, h.linkpath ?? '', origin)
          : h.type === 'symlink'
            ? (h.linkpath ?? '')
            : undefined;
      manifest.add({ ...base, target, major: h.devmajor, minor: h.devminor });
    });
    await finished;
  } catch (e) {
    if (
      e instanceof DataError ||
      e instanceof InputError ||
      e instanceof MissingToolError ||
      e instanceof StagingError
    )
      throw e;
    throw new DataError(
      `${origin}: not a readable ${compression === 'none' ? '' : compression + ' '}tar archive (${(e as Error).message})`,
    );
  } finally {
    await handle.close();
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
