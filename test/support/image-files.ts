/**
 * Reads files out of a built image — never out of the build directory — the
 * way a maintainer would check it: the qcow2 (with its backing chain) is
 * flattened to a private raw copy, the root filesystem found on it, its
 * journal replayed (an overlay written by a guest), and paths read with
 * debugfs. No mount, no loop device.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from '../../shared/exec.ts';

export interface ImageRoot {
  /** A file's text, or undefined when the path does not exist. */
  cat(path: string): Promise<string | undefined>;
  /** A directory's entry names (without . and ..), or undefined when it does not exist. */
  ls(path: string): Promise<string[] | undefined>;
  /** A symlink's target, or undefined when the path is not a symlink. */
  readlink(path: string): Promise<string | undefined>;
  exists(path: string): Promise<boolean>;
  close(): Promise<void>;
}

const NOT_FOUND = /File not found by ext2_lookup|not found/;

/** Opens the last ext filesystem partition of `image` (build-base's root) for reading. */
export async function openImageRoot(image: string, workDir: string): Promise<ImageRoot> {
  const dir = await mkdtemp(join(workDir, 'image-root-'));
  const raw = join(dir, 'disk.raw');
  await run('qemu-img', ['convert', '-U', '-O', 'raw', image, raw]);
  const table = JSON.parse((await run('sfdisk', ['--json', raw])).stdout) as {
    partitiontable: { partitions: { start: number; type: string }[] };
  };
  const root = table.partitiontable.partitions.at(-1)!;
  const fs = `${raw}?offset=${root.start * 512}`;
  // A guest's last writes may still be in the journal: replay it on the private copy.
  await run('e2fsck', ['-fy', fs], { okCodes: [1, 2] });
  const debugfs = (request: string) => run('debugfs', ['-R', request, fs]);
  const q = (p: string) => `"${p}"`;
  const api: ImageRoot = {
    async cat(path) {
      const stat = await debugfs(`stat ${q(path)}`);
      if (NOT_FOUND.test(stat.stderr)) return undefined;
      return (await debugfs(`cat ${q(path)}`)).stdout;
    },
    async ls(path) {
      const r = await debugfs(`ls -p ${q(path)}`);
      if (NOT_FOUND.test(r.stderr)) return undefined;
      // -p lines: /inode/mode/uid/gid/name/size/
      return r.stdout
        .split('\n')
        .map((l) => l.split('/')[5])
        .filter((n): n is string => n !== undefined && n !== '' && n !== '.' && n !== '..');
    },
    async readlink(path) {
      const r = await debugfs(`stat ${q(path)}`);
      return /Fast link dest: "(.*)"/.exec(r.stdout)?.[1];
    },
    async exists(path) {
      const r = await debugfs(`stat ${q(path)}`);
      return !NOT_FOUND.test(r.stderr);
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
  return api;
}
