/**
 * Backing chains: hashing every file in them (read by backing-chain.ts,
 * checked before anything is opened), and the disk format QEMU is told.
 */
import { DataError } from '../errors.ts';
import { DigestMemo } from '../digest-memo.ts';
import type { ChainLink, DiskFormat } from './backing-chain.ts';

export { readBackingChain, type BackingRules, type ChainLink, type DiskFormat } from './backing-chain.ts';

export interface HashedLink extends ChainLink {
  sha256: string;
}

/**
 * Hashes every file of a chain read by readBackingChain; only regular files are read (never a device).
 * `memo` shares the hashes among the chains of one run: a base behind several overlays (and booted
 * itself) is read once, not once per image, while it stays the same file.
 */
export async function hashChain(
  chain: ChainLink[],
  input = 'images',
  memo = new DigestMemo(),
): Promise<HashedLink[]> {
  const out: HashedLink[] = [];
  for (const link of chain) out.push({ ...link, sha256: (await memo.digest(link.path, { input })).sha256 });
  return out;
}

export function diskFormat(format: string, image: string): DiskFormat {
  if (format === 'raw' || format === 'qcow2') return format;
  throw new DataError(`${image} is a ${format} image: boot-verify boots qcow2 and raw images`);
}
