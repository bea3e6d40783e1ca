/**
 * Which filesystem starts at an offset of a raw disk file, from its on-disk
 * signature, read in this process: no dumpe2fs or mdir process per
 * partition just to ask (each costs more than the read).
 *
 *   ext2/3/4  the superblock (1024 bytes in) has the magic 0xEF53 at byte 56;
 *   FAT       a boot sector ending in 0x55 0xAA whose type field says FAT
 *             ("FAT12   ", "FAT16   " or "FAT     " at byte 54; "FAT32   " at 82),
 *             as mkfs.fat writes it.
 *
 * An ext filesystem whose journal holds transactions not yet written to
 * their places has the RECOVER flag (0x4) in its incompatible features (the
 * superblock's byte 96).
 *
 * A signature is a claim, not a proof: the tools that then read the
 * filesystem (e2fsck, debugfs, mtools) fail on one that does not hold it up,
 * and their callers report that instead of skipping the partition.
 */
import { open } from 'node:fs/promises';

export type FilesystemKind = 'ext' | 'fat';

const EXT_MAGIC_AT = 1024 + 56;
const EXT_MAGIC = 0xef53;
const EXT_INCOMPAT_AT = 1024 + 96;
const EXT_INCOMPAT_RECOVER = 0x4;
const HEADER_BYTES = 2048;

async function headAt(file: string, offset: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const b = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await fh.read(b, 0, HEADER_BYTES, offset);
    return b.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The ext or FAT signature at `offset` of `file`, or null for neither (or a file too short). */
export async function filesystemAt(file: string, offset: number): Promise<FilesystemKind | null> {
  return filesystemOf(await headAt(file, offset));
}

/** Whether the ext filesystem at `offset` of `file` has journal transactions left to replay. */
export async function extJournalPending(file: string, offset: number): Promise<boolean> {
  const head = await headAt(file, offset);
  return filesystemOf(head) === 'ext' && (head.readUInt32LE(EXT_INCOMPAT_AT) & EXT_INCOMPAT_RECOVER) !== 0;
}

/** filesystemAt over the first bytes of a filesystem already read. */
export function filesystemOf(head: Buffer): FilesystemKind | null {
  if (head.length >= EXT_MAGIC_AT + 2 && head.readUInt16LE(EXT_MAGIC_AT) === EXT_MAGIC) return 'ext';
  if (head.length >= 512 && head[510] === 0x55 && head[511] === 0xaa) {
    const type16 = head.toString('latin1', 54, 62);
    const type32 = head.toString('latin1', 82, 90);
    if (/^FAT(12|16| ) {3}/.test(type16) || type32 === 'FAT32   ') return 'fat';
  }
  return null;
}
