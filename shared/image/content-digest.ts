/**
 * The identity of a root filesystem's content: one sha256 over every entry
 * (path, type, owner, mode, mtime, link target, device numbers, extended
 * attributes) and every file's bytes, in the manifest's fixed order. The disk and partition GUIDs
 * derive from it, so two different rootfs built at the same SOURCE_DATE_EPOCH
 * get different GUIDs while a rebuild of the same content keeps them.
 */
import { createHash } from 'node:crypto';
import { sha256File } from '../hash.ts';
import type { RootfsManifest } from './rootfs-manifest.ts';

/** Files hashed at once: enough to hide open/read latency, few enough to stay light on descriptors. */
const PARALLEL_FILES = 8;

export async function rootfsContentDigest(manifest: RootfsManifest, mtime: number): Promise<string> {
  const entries = manifest.complete(mtime);
  const fileDigests = new Array<string>(entries.length).fill('');
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const i = next++;
      const e = entries[i]!;
      const parts = e.type === 'file' && e.source ? [await sha256File(e.source)] : [];
      for (const x of e.xattrs ?? []) parts.push(`${x.name}=${await sha256File(x.source)}`);
      fileDigests[i] = parts.join('\0');
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_FILES }, worker));
  const hash = createHash('sha256');
  entries.forEach((e, i) => {
    const fields = [
      e.path,
      e.type,
      e.mode,
      e.uid,
      e.gid,
      e.mtime,
      e.target ?? '',
      e.major ?? '',
      e.minor ?? '',
    ];
    hash.update(`${fields.join('\0')}\0${fileDigests[i]}\n`);
  });
  return hash.digest('hex');
}
