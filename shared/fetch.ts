/**
 * Downloads that are verified before use: HTTP errors fail, and the bytes
 * must match a SHA-256 taken from a pinned input or from the publisher's
 * checksum file. The file appears at its target only after it matched.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DataError } from './errors.ts';

async function get(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow' });
  } catch (e) {
    throw new DataError(`download of ${url} failed: ${(e as Error).cause ?? (e as Error).message}`);
  }
  if (!response.ok)
    throw new DataError(`download of ${url} failed: HTTP ${response.status} ${response.statusText}`);
  return response;
}

export async function fetchText(url: string): Promise<string> {
  return (await get(url)).text();
}

/** Downloads `url` to `target` and checks it against `sha256`; on mismatch nothing is left behind. */
export async function downloadVerified(url: string, target: string, sha256: string): Promise<void> {
  const response = await get(url);
  if (!response.body) throw new DataError(`download of ${url} returned no body`);
  const tmp = `${target}.part`;
  const hash = createHash('sha256');
  try {
    const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => hash.update(chunk));
    await pipeline(body, createWriteStream(tmp));
    const actual = hash.digest('hex');
    if (actual !== sha256.toLowerCase()) {
      throw new DataError(`checksum mismatch for ${url}: expected sha256 ${sha256}, got ${actual}`);
    }
    await rename(tmp, target);
  } finally {
    await rm(tmp, { force: true });
  }
}

/**
 * Reads the digest for `fileName` from a checksum file: either a bare digest
 * or `sha256sum` lines (`<hex>  <name>`, `<hex> *<name>`).
 */
export function digestFromChecksumFile(text: string, fileName: string, source: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const line of lines) {
    const m = /^([0-9a-fA-F]{64})(?:\s+\*?(.+))?$/.exec(line);
    if (!m) continue;
    if (!m[2] || m[2].split('/').pop() === fileName) return m[1]!.toLowerCase();
  }
  throw new DataError(`${source} holds no SHA-256 for ${fileName}`);
}
