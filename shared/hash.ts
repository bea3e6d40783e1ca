/**
 * SHA-256 of files and buffers. Large reads (4 MiB) into two alternating
 * buffers let the next read run in the thread pool while the current chunk is
 * hashed; that keeps Node's hashing at or above `openssl dgst` (see
 * bench/build-base.ts), where default 64 KiB stream chunks halve it.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

const CHUNK = 4 * 1024 * 1024;

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let current = 0;
    let pending = handle.read(buffers[current]!, 0, CHUNK, null);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      const filled = buffers[current]!;
      current ^= 1;
      // The other buffer is free: start the next read before hashing this one.
      pending = handle.read(buffers[current]!, 0, CHUNK, null);
      hash.update(filled.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
