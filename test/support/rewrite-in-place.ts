/**
 * A file changed the way the digest memos must still notice: one byte
 * rewritten in place (same inode, same size), and its access and
 * modification times put back to the nanosecond with `touch -r` (utimes
 * would round them). Only the status-change time tells.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { open, stat } from 'node:fs/promises';

/** Inverts the byte at `offset` of `path` (default: its last), keeping its times; `scratch` holds them meanwhile. */
export async function rewriteByteKeepingTimes(path: string, scratch: string, offset?: number): Promise<void> {
  execFileSync('touch', ['-r', path, scratch]);
  const at = offset ?? (await stat(path)).size - 1;
  const handle = await open(path, 'r+');
  try {
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, at);
    await handle.write(Buffer.from([byte[0]! ^ 0xff]), 0, 1, at);
  } finally {
    await handle.close();
  }
  execFileSync('touch', ['-r', scratch, path]);
  assert.equal((await stat(path, { bigint: true })).mtimeNs, (await stat(scratch, { bigint: true })).mtimeNs);
}
