/**
 * Each artifact is hashed at most once per step: the first request for a
 * file hashes it and later requests (the image provenance, the per-artifact
 * statement, the combined statement, the check against the digest an earlier
 * action recorded) get the same result, as long as the file's identity,
 * size and modification time are unchanged. Every file is opened through
 * openRegularFile first, so a device or FIFO named by a document is refused
 * naming the document instead of being read forever.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sha256File } from '../hash.ts';
import { checkRegularFile } from '../regular-file.ts';

export interface FileDigest {
  path: string;
  sha256: string;
  size: number;
}

export class DigestMemo {
  private readonly memo = new Map<string, Promise<FileDigest>>();
  /** Files actually read and hashed (tests and the benchmark assert "once"). */
  hashed = 0;

  /** `input` names what pointed at the file (an input or a document), for errors. */
  async digest(path: string, input: string): Promise<FileDigest> {
    const abs = resolve(path);
    await checkRegularFile(abs, { input });
    const s = await stat(abs, { bigint: true });
    const key = `${abs}\0${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
    let pending = this.memo.get(key);
    if (!pending) {
      this.hashed++;
      pending = sha256File(abs).then((sha256) => ({ path: abs, sha256, size: Number(s.size) }));
      this.memo.set(key, pending);
    }
    return pending;
  }
}
