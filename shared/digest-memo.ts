/**
 * Each file is hashed at most once per step: the first request for a file
 * hashes it and later requests get the same result, as long as the file's
 * identity, size, modification and status-change times are unchanged.
 * attest asks for one artifact several times (the image provenance, the
 * per-artifact statement, the combined statement, the check against an
 * earlier action's digest); boot-verify reads a base behind every overlay
 * built on it; tag-snapshot checks each image against its provenance,
 * against the signed statements, and again before the channels move.
 *
 * Every file is opened through openRegularFile and the key comes from the
 * opened descriptor, so a device or FIFO is refused naming the input, and a
 * file replaced after an earlier request is hashed again, never answered from
 * the memo of the file it replaced. The key holds the status-change time
 * too: a write puts it forward, and unlike the modification time no
 * unprivileged call can set it back, so a file rewritten in place with its
 * old modification time restored is hashed again as well.
 */
import { resolve } from 'node:path';
import { sha256Handle } from './hash.ts';
import { openRegularFile, type RegularFileRule } from './regular-file.ts';

export interface FileDigest {
  path: string;
  sha256: string;
  size: number;
}

export class DigestMemo {
  private readonly memo = new Map<string, Promise<FileDigest>>();
  /** Files actually read and hashed (tests and the benchmarks assert "once"). */
  hashed = 0;

  /** `rule.input` names what pointed at the file (an input or a document), for errors. */
  async digest(path: string, rule: RegularFileRule): Promise<FileDigest> {
    const abs = resolve(path);
    const handle = await openRegularFile(abs, rule);
    let owned = false;
    try {
      const s = await handle.stat({ bigint: true });
      const key = `${abs}\0${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
      const known = this.memo.get(key);
      if (known) return await known;
      this.hashed++;
      owned = true;
      const pending = sha256Handle(handle)
        .then((sha256) => ({ path: abs, sha256, size: Number(s.size) }))
        .finally(() => handle.close());
      this.memo.set(key, pending);
      // A failed read is not remembered: the next request tries again.
      pending.catch(() => this.memo.delete(key));
      return await pending;
    } finally {
      if (!owned) await handle.close();
    }
  }
}
