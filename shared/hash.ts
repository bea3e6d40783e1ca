/**
 * SHA-256 of files and buffers. Large reads (4 MiB) into two alternating
 * buffers let the next read run in the thread pool while the current chunk is
 * hashed; that keeps Node's hashing at or above `openssl dgst` (see
 * bench/build-base.ts), where default 64 KiB stream chunks halve it.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { InputError } from './errors.ts';
import { openRegularFile, type RegularFileRule } from './regular-file.ts';

const CHUNK = 4 * 1024 * 1024;

/** Below this, a file's two buffers are sized to it (small allocations come from memory already in use). */
const POOLED_FROM = 64 * 1024;
/** Pairs kept per chunk size: as many as are read at once in a step (images and artifacts side by side). */
const POOL_PAIRS = 4;
const pool = new Map<number, Buffer[][]>();

/**
 * Two buffers of `length`: a kept pair when there is one. A fresh large buffer costs a page fault per
 * 4 KiB at its first fill (as much time as hashing it, on a VM); a pair taken back costs nothing.
 */
function takeBuffers(length: number): Buffer[] {
  return pool.get(length)?.pop() ?? [Buffer.allocUnsafeSlow(length), Buffer.allocUnsafeSlow(length)];
}

function giveBack(length: number, buffers: Buffer[]): void {
  const kept = pool.get(length) ?? [];
  pool.set(length, kept);
  if (kept.length < POOL_PAIRS) kept.push(buffers);
}

/**
 * Reads an open file from its current position to its end, handing each
 * chunk to `onChunk` while the next read runs. A file under POOLED_FROM is
 * read into two buffers no larger than it (plus the byte that shows its end):
 * a tree of small files would otherwise take 2 × `maxChunk` per file. Larger
 * files share pairs of `maxChunk` buffers between calls. `onChunk` must not
 * keep the chunk: its buffer is read into again, here or by a later call.
 */
export async function readChunks(
  handle: FileHandle,
  onChunk: (chunk: Buffer) => void,
  maxChunk = CHUNK,
): Promise<void> {
  const { size } = await handle.stat();
  const pooled = size + 1 >= POOLED_FROM && maxChunk >= POOLED_FROM;
  const length = pooled ? maxChunk : Math.max(1, Math.min(maxChunk, size + 1));
  const buffers = pooled ? takeBuffers(length) : [Buffer.allocUnsafe(length), Buffer.allocUnsafe(length)];
  let current = 0;
  let pending = handle.read(buffers[current]!, 0, length, null);
  try {
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) return;
      const filled = buffers[current]!;
      current ^= 1;
      // The other buffer is free: start the next read before handling this one.
      pending = handle.read(buffers[current]!, 0, length, null);
      onChunk(filled.subarray(0, bytesRead));
    }
  } finally {
    if (pooled) {
      // A read still under way writes into the pair: it is given back only once that read is over.
      await pending.catch(() => {});
      giveBack(length, buffers);
    }
  }
}

/** Hashes an open file from its current position to its end; `limit` bounds a file that grows while read. */
export async function sha256Handle(
  handle: FileHandle,
  limit?: { input: string; path: string; maxBytes: number },
): Promise<string> {
  let total = 0;
  const hash = createHash('sha256');
  await readChunks(handle, (chunk) => {
    total += chunk.length;
    if (limit && total > limit.maxBytes)
      throw new InputError(
        limit.input,
        `'${limit.path}' grew past the limit of ${limit.maxBytes} bytes while it was read`,
      );
    hash.update(chunk);
  });
  return hash.digest('hex');
}

export async function sha256File(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    return await sha256Handle(handle);
  } finally {
    await handle.close();
  }
}

/**
 * The hash of a file an input names: only a regular file (a device such as
 * /dev/zero would be read forever), errors naming the input.
 */
export async function sha256RegularFile(path: string, rule: RegularFileRule): Promise<string> {
  const handle = await openRegularFile(path, rule);
  try {
    return await sha256Handle(
      handle,
      rule.maxBytes === undefined ? undefined : { input: rule.input, path, maxBytes: rule.maxBytes },
    );
  } finally {
    await handle.close();
  }
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
