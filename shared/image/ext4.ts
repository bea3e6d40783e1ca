/**
 * Builds an ext4 filesystem image from a RootfsManifest without root, loop
 * devices or mounts: mke2fs makes an empty filesystem, one scripted debugfs
 * run creates every entry and sets its owner, mode and time exactly as the
 * manifest says. E2FSPROGS_FAKE_TIME pins every timestamp e2fsprogs writes,
 * and the UUID and directory hash seed are fixed, so the same manifest gives
 * the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DataError, InputError } from '../errors.ts';
import { run } from '../exec.ts';
import type { RootfsEntry, RootfsManifest } from './rootfs-manifest.ts';

export interface Ext4Options {
  /** Size of the filesystem in bytes (a multiple of 4096). */
  sizeBytes: number;
  /** Seconds since the epoch for every time e2fsprogs stamps; entry mtimes above it are clamped to it. */
  sourceDateEpoch: number;
  uuid: string;
  hashSeed: string;
  label: string;
  /** Directory for the debugfs script. */
  workDir: string;
}

const TYPE_BITS: Record<RootfsEntry['type'], number> = {
  directory: 0o040000,
  file: 0o100000,
  hardlink: 0o100000,
  symlink: 0o120000,
  char: 0o020000,
  block: 0o060000,
  fifo: 0o010000,
};

const q = (s: string) => `"${s}"`;

/**
 * debugfs reads its script with fgets into an 8 KiB buffer: a longer line is
 * cut and its tail runs as a command of its own. No line may come near that.
 */
const MAX_SCRIPT_LINE = 8000;

/** The debugfs commands that recreate the manifest. */
export function debugfsScript(manifest: RootfsManifest, epoch: number): string {
  const lines: string[] = [];
  const attributes = (path: string, e: Pick<RootfsEntry, 'type' | 'mode' | 'uid' | 'gid' | 'mtime'>) => {
    const p = q(path);
    lines.push(
      `sif ${p} mode 0${(TYPE_BITS[e.type] | e.mode).toString(8)}`,
      `sif ${p} uid ${e.uid}`,
      `sif ${p} gid ${e.gid}`,
      `sif ${p} mtime @${Math.min(e.mtime, epoch)}`,
    );
  };
  const links = new Map<string, number>();
  const hardlinks: RootfsEntry[] = [];
  for (const e of manifest.complete(epoch)) {
    const p = '/' + e.path;
    switch (e.type) {
      case 'directory':
        // mke2fs already made the root and lost+found.
        if (e.path !== '' && e.path !== 'lost+found') lines.push(`mkdir ${q(p)}`);
        break;
      case 'file':
        lines.push(`write ${q(e.source!)} ${q(p)}`);
        break;
      case 'symlink':
        lines.push(`symlink ${q(p)} ${q(e.target!)}`);
        break;
      case 'char':
      case 'block':
      case 'fifo': {
        // debugfs' mknod takes the whole argument as one name in the current directory.
        const slash = e.path.lastIndexOf('/');
        const spec =
          e.type === 'fifo' ? 'p' : `${e.type === 'char' ? 'c' : 'b'} ${e.major ?? 0} ${e.minor ?? 0}`;
        lines.push(
          `cd ${q('/' + e.path.slice(0, Math.max(slash, 0)))}`,
          `mknod ${q(e.path.slice(slash + 1))} ${spec}`,
          'cd /',
        );
        break;
      }
      case 'hardlink':
        // Linked after everything else: the file it names may sort after it.
        hardlinks.push(e);
        links.set(e.target!, (links.get(e.target!) ?? 1) + 1);
        continue;
    }
    attributes(p, e);
    for (const x of e.xattrs ?? []) lines.push(`ea_set -f ${q(x.source)} ${q(p)} ${q(x.name)}`);
  }
  for (const e of hardlinks) lines.push(`ln ${q('/' + e.target!)} ${q('/' + e.path)}`);
  // debugfs' ln does not count links: set the count every linked inode really has.
  for (const [target, count] of [...links].sort()) lines.push(`sif ${q('/' + target)} links_count ${count}`);
  const long = lines.find((l) => Buffer.byteLength(l) > MAX_SCRIPT_LINE);
  if (long !== undefined) {
    throw new DataError(
      `${manifest.origin}: an entry's path, source and target together are too long to write (${Buffer.byteLength(long)} bytes in one debugfs command: ${long.slice(0, 120)}…)`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Where the filesystem goes: a file, at a byte offset (a partition inside a disk image). */
export interface Ext4Target {
  file: string;
  offsetBytes: number;
}

/**
 * Writes an ext4 filesystem of `manifest` into `target`. Written in place at
 * the partition's offset, never built apart and copied in: a 2 GiB disk
 * would otherwise be read and written once more.
 */
export async function buildExt4(
  manifest: RootfsManifest,
  target: Ext4Target,
  options: Ext4Options,
): Promise<void> {
  // e2fsprogs read the offset from the file name (`disk.raw?offset=N`); running them in the file's
  // directory keeps any `?` of the caller's path out of that syntax.
  const cwd = dirname(target.file);
  const device = `${basename(target.file)}?offset=${target.offsetBytes}`;
  const env = {
    ...process.env,
    E2FSPROGS_FAKE_TIME: String(options.sourceDateEpoch),
    MKE2FS_CONFIG: '/etc/mke2fs.conf',
  };
  await run(
    'mkfs.ext4',
    [
      '-q',
      '-F',
      '-b',
      '4096',
      '-I',
      '256',
      '-L',
      options.label,
      '-U',
      options.uuid,
      '-E',
      `offset=${target.offsetBytes},hash_seed=${options.hashSeed},root_owner=0:0,lazy_itable_init=0,nodiscard`,
      basename(target.file),
      `${Math.floor(options.sizeBytes / 1024)}k`,
    ],
    { env, cwd },
  );
  const script = join(options.workDir, 'populate.debugfs');
  await writeFile(script, debugfsScript(manifest, options.sourceDateEpoch));
  const r = await run('debugfs', ['-w', '-f', script, device], { env, cwd });
  // debugfs reports failed commands on stderr and still exits 0.
  const errors = r.stderr.split('\n').filter((l) => l.trim() && !/^debugfs \d/.test(l));
  if (errors.length) {
    if (errors.some((l) => /Could not allocate (block|inode)|No free space/i.test(l))) {
      throw new InputError(
        'size',
        `the rootfs does not fit in a ${Math.round(options.sizeBytes / 1048576)} MiB root filesystem (${errors[0]!.trim()})`,
      );
    }
    throw new DataError(
      `${manifest.origin}: writing the rootfs into ext4 failed: ${errors.slice(0, 5).join('; ')}`,
    );
  }
  await run('e2fsck', ['-fn', device], { env, cwd }).catch((e: Error) => {
    throw new DataError(
      `${manifest.origin}: the ext4 filesystem written from it does not pass e2fsck, so it is not used: ${e.message}`,
    );
  });
}

/** Bytes the manifest needs as ext4 data, a lower bound used to reject a too-small size before building. */
export function estimateExt4Bytes(manifest: RootfsManifest): number {
  let blocks = 0;
  let inodes = 0;
  for (const e of manifest.sorted()) {
    inodes++;
    if (e.type === 'file') blocks += Math.ceil((e.size ?? 0) / 4096);
    if (e.type === 'directory') blocks += 1;
  }
  // Journal (up to 64 MiB for larger filesystems), inode tables (256 B each) and metadata overhead.
  return blocks * 4096 + inodes * 256 + 8 * 1024 * 1024;
}
