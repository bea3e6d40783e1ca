/**
 * Inode facts (type, mode, owner, time, links) of paths in a built image's
 * root filesystem, read with debugfs from a raw copy of the qcow2 — what the
 * guest will see, not what the build was asked for.
 */
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from '../../shared/exec.ts';

export interface InodeFacts {
  inode: number;
  type: string;
  /** Permission bits as debugfs prints them ("04755"). */
  mode: string;
  uid: number;
  gid: number;
  /** Seconds since the epoch (the low 32 bits, signed, as ext4 stores them). */
  mtime: number;
  links: number;
}

/** A reader of the last partition's filesystem of `image` (build-base's root); undefined for a missing path. */
export async function imageInodes(
  image: string,
  workDir: string,
): Promise<(path: string) => Promise<InodeFacts | undefined>> {
  const dir = await mkdtemp(join(workDir, 'inodes-'));
  const raw = join(dir, 'disk.raw');
  await run('qemu-img', ['convert', '-U', '-O', 'raw', image, raw]);
  const table = JSON.parse((await run('sfdisk', ['--json', raw])).stdout) as {
    partitiontable: { partitions: { start: number }[] };
  };
  const fs = `${raw}?offset=${table.partitiontable.partitions.at(-1)!.start * 512}`;
  return async (path) => {
    const r = await run('debugfs', ['-R', `stat "${path}"`, fs]);
    const text = r.stdout;
    const inode = /Inode:\s+(\d+)/.exec(text)?.[1];
    if (!inode) return undefined;
    const field = (re: RegExp) => re.exec(text)?.[1] ?? '';
    return {
      inode: Number(inode),
      type: field(/Type:\s+(\S+)/),
      mode: field(/Mode:\s+(\d+)/),
      // debugfs prints owners as signed 32-bit numbers.
      uid: Number(field(/User:\s+(-?\d+)/)) >>> 0,
      gid: Number(field(/Group:\s+(-?\d+)/)) >>> 0,
      mtime: parseInt(field(/mtime: 0x([0-9a-f]+)/), 16) | 0,
      links: Number(field(/Links:\s+(\d+)/)),
    };
  };
}
