/**
 * The disk layout: a GPT disk with an EFI System Partition and an ext4 root,
 * partitioned by sfdisk in a plain sparse file with fixed GUIDs (so the
 * partition table is reproducible). The root filesystem is written in place
 * at its offset; the small ESP is built apart and copied in, skipping
 * all-zero chunks so the raw disk stays sparse.
 */
import { open, truncate } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import { run } from '../exec.ts';
import { sha256 } from '../hash.ts';

export type Arch = 'x86_64' | 'aarch64';

const SECTOR = 512;
const ALIGN = 2048; // 1 MiB
/** GPT needs 33 sectors at the end for its backup header and table. */
const GPT_TAIL = 33;

export const ESP_TYPE = 'C12A7328-F81F-11D2-BA4B-00A0C93EC93B';
/** Root partition types of the Discoverable Partitions Specification, so systemd and others find root unaided. */
export const ROOT_TYPE: Record<Arch, string> = {
  x86_64: '4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709',
  aarch64: 'B921B045-1DF0-41C3-AF44-4C6F280D3FAE',
};

/** A GUID derived from a seed: stable for the same inputs, different for different images. */
export function derivedGuid(seed: string): string {
  const h = sha256(seed);
  // RFC 4122 version 4 / variant bits, so tools accept it as a random-looking UUID.
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface DiskLayout {
  diskBytes: number;
  esp: { startSector: number; sectors: number; guid: string };
  root: { startSector: number; sectors: number; guid: string };
  diskGuid: string;
}

/** Places an ESP of `espBytes` and a root filling the rest of `diskBytes`. */
export function planLayout(diskBytes: number, espBytes: number, arch: Arch, seed: string): DiskLayout {
  const totalSectors = Math.floor(diskBytes / SECTOR);
  const espSectors = Math.ceil(espBytes / SECTOR / ALIGN) * ALIGN;
  const rootStart = ALIGN + espSectors;
  // Round the root down to whole 4 KiB blocks so the ext4 image fills it exactly.
  const rootSectors = Math.floor((totalSectors - GPT_TAIL - rootStart) / 8) * 8;
  return {
    diskBytes: totalSectors * SECTOR,
    esp: { startSector: ALIGN, sectors: espSectors, guid: derivedGuid(`esp:${seed}:${arch}`) },
    root: { startSector: rootStart, sectors: rootSectors, guid: derivedGuid(`root:${seed}:${arch}`) },
    diskGuid: derivedGuid(`disk:${seed}:${arch}`),
  };
}

export function sfdiskScript(layout: DiskLayout, arch: Arch): string {
  return [
    'label: gpt',
    `label-id: ${layout.diskGuid}`,
    'unit: sectors',
    'sector-size: 512',
    '',
    `start=${layout.esp.startSector}, size=${layout.esp.sectors}, type=${ESP_TYPE}, uuid=${layout.esp.guid}, name="ESP"`,
    `start=${layout.root.startSector}, size=${layout.root.sectors}, type=${ROOT_TYPE[arch]}, uuid=${layout.root.guid}, name="root"`,
    '',
  ].join('\n');
}

/** Creates the raw disk at `rawPath`: a sparse file of the layout's size with its partition table. */
export async function createPartitionedDisk(rawPath: string, layout: DiskLayout, arch: Arch): Promise<void> {
  const f = await open(rawPath, 'w');
  await f.close();
  await truncate(rawPath, layout.diskBytes).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EFBIG') throw e;
    throw new InputError(
      'size',
      `a ${Math.round(layout.diskBytes / 1048576)} MiB disk cannot be created as a file beside the output (EFBIG: the filesystem there holds smaller files)`,
      'a smaller size, or an output on a filesystem that holds files this large',
    );
  });
  await run('sfdisk', ['--no-reread', '--no-tell-kernel', '--quiet', '--wipe', 'always', rawPath], {
    input: sfdiskScript(layout, arch),
  });
}

/** The byte offset of a partition in the disk. */
export function partitionOffset(partition: { startSector: number }): number {
  return partition.startSector * SECTOR;
}

/** Copies a partition image into its place on the disk. */
export async function writePartition(
  rawPath: string,
  partition: { startSector: number; sectors: number },
  image: string,
): Promise<void> {
  await copyInto(rawPath, image, partition.startSector * SECTOR, partition.sectors * SECTOR);
}

const CHUNK = 4 * 1024 * 1024;

async function copyInto(disk: string, part: string, offset: number, limit: number): Promise<void> {
  const src = await open(part, 'r');
  const dst = await open(disk, 'r+');
  try {
    const size = (await src.stat()).size;
    if (size > limit)
      throw new Error(`partition image ${part} (${size} bytes) exceeds its partition (${limit} bytes)`);
    const buffer = Buffer.alloc(CHUNK);
    const zeros = Buffer.alloc(CHUNK);
    for (let pos = 0; pos < size; pos += CHUNK) {
      const { bytesRead } = await src.read(buffer, 0, CHUNK, pos);
      const chunk = buffer.subarray(0, bytesRead);
      // The disk is sparse: a zero chunk is left a hole. One native compare, not a loop in JavaScript.
      if (!chunk.equals(zeros.subarray(0, bytesRead))) await dst.write(chunk, 0, bytesRead, offset + pos);
    }
  } finally {
    await src.close();
    await dst.close();
  }
}
