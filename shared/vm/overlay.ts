/**
 * Backing chains: reading them, hashing every file in them, and creating the
 * throwaway overlay each boot writes to, so the image under test is never
 * written.
 */
import { resolve } from 'node:path';
import { DataError } from '../errors.ts';
import { run } from '../exec.ts';
import { sha256File } from '../hash.ts';

export interface ChainLink {
  path: string;
  format: string;
  virtualSize: number;
  /** The backing file as recorded in this image's header (often relative), if any. */
  backingFile?: string;
}

export interface HashedLink extends ChainLink {
  sha256: string;
}

interface QemuImgInfo {
  filename: string;
  format: string;
  'virtual-size': number;
  'backing-filename'?: string;
  'full-backing-filename'?: string;
}

/** The image first, then each backing file down to the base, as qemu-img resolves them. */
export async function readBackingChain(image: string): Promise<ChainLink[]> {
  // -U: read the header even while another QEMU has the image open.
  const r = await run('qemu-img', ['info', '-U', '--backing-chain', '--output=json', resolve(image)], {
    hint: `cannot read the backing chain of ${image}: a backing file may be missing or moved`,
  });
  let infos: QemuImgInfo[];
  try {
    const parsed = JSON.parse(r.stdout) as QemuImgInfo[] | QemuImgInfo;
    infos = Array.isArray(parsed) ? parsed : [parsed];
  } catch (e) {
    throw new DataError(`qemu-img info printed no JSON for ${image}: ${(e as Error).message}`);
  }
  return infos.map((i) => ({
    path: i.filename,
    format: i.format,
    virtualSize: i['virtual-size'],
    ...(i['backing-filename'] ? { backingFile: i['backing-filename'] } : {}),
  }));
}

export async function hashChain(chain: ChainLink[]): Promise<HashedLink[]> {
  const out: HashedLink[] = [];
  for (const link of chain) out.push({ ...link, sha256: await sha256File(link.path) });
  return out;
}

export type DiskFormat = 'raw' | 'qcow2';

export function diskFormat(format: string, image: string): DiskFormat {
  if (format === 'raw' || format === 'qcow2') return format;
  throw new DataError(`${image} is a ${format} image: boot-verify boots qcow2 and raw images`);
}

/**
 * A qcow2 overlay at `target` backed by `image` (absolute path, format
 * pinned so QEMU never probes it): the guest's writes land in the overlay.
 */
export async function createOverlay(image: string, format: DiskFormat, target: string): Promise<void> {
  await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', resolve(image), '-F', format, target]);
}
