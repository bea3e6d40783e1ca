/**
 * Reads an image's backing chain one file at a time, the way QEMU will
 * follow it, and refuses it before anything names a file we did not check.
 * Each backing file must be a regular file (a device such as /dev/sda or
 * /dev/zero is refused), its format must be pinned to qcow2 or raw (QEMU
 * would otherwise guess it from the content), it must not be a protocol
 * (`json:`, `nbd:`, `http:`) and, when roots are given, its real path
 * (symlinks resolved) must lie inside one of them: an image downloaded from
 * anywhere must not make the guest boot /etc/shadow, nor be hashed into the
 * report with it.
 */
import type { FileHandle } from 'node:fs/promises';
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { DataError, InputError } from '../errors.ts';
import { fsErrorReason, openRegularFile } from '../regular-file.ts';
import {
  detectFormat,
  hasProtocolPrefix,
  parseQcow2Header,
  QCOW2_FIXED_HEADER,
  QCOW2_MAX_CLUSTER_BITS,
  qcow2ClusterBits,
  Qcow2HeaderError,
} from './qcow2-header.ts';

export type DiskFormat = 'raw' | 'qcow2';

export interface ChainLink {
  /** The image as named; each backing file by its real path (the file QEMU reads). */
  path: string;
  format: DiskFormat;
  virtualSize: number;
  /** The backing file as recorded in this image's header (often relative), if any. */
  backingFile?: string;
}

export interface BackingRules {
  /**
   * Real paths of the directories backing files must stay in (each with
   * everything below it); the image's own directory always counts too,
   * unless it is '/'. Undefined: no containment (a caller that booted its
   * own overlay on a base the user named).
   */
  roots?: string[];
  /** The input that named the image: errors are InputErrors naming it; without one, DataErrors. */
  input?: string;
  /** Appended to a containment refusal: how the user can allow a directory. */
  rootsHint?: string;
}

/** Longer chains are refused: QEMU would open every file, and nobody stacks this many overlays on purpose. */
export const MAX_CHAIN_LENGTH = 64;

/** Whether `path` is `root` or lies below it (both real, absolute paths). */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith('../'));
}

/**
 * The path QEMU opens for a backing name recorded in `overlay` (the path
 * QEMU opened the overlay by): absolute names as they are, relative ones
 * joined to the overlay's directory without normalising "..", as QEMU does,
 * so the kernel resolves symlinks along it exactly as it will for QEMU.
 */
export function backingPath(overlay: string, name: string): string {
  return isAbsolute(name) ? name : `${dirname(overlay)}/${name}`;
}

/** The backing format a header pins, or why it is not accepted. */
function pinnedFormat(named: string | undefined): DiskFormat | { problem: string } {
  if (named === 'qcow2' || named === 'raw') return named;
  if (named === undefined) {
    return {
      problem:
        "without its format, so QEMU would guess it from the file's content: recreate the overlay with the " +
        'format pinned (qemu-img rebase -u -b <backing> -F qcow2|raw)',
    };
  }
  return { problem: `as format '${named}' (accepted: qcow2 or raw)` };
}

async function readAt(handle: FileHandle, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, 0);
  return buffer.subarray(0, bytesRead);
}

/** The image first, then each backing file down to the base, each checked before the next is looked at. */
export async function readBackingChain(image: string, rules: BackingRules = {}): Promise<ChainLink[]> {
  const refuse = (problem: string): Error =>
    rules.input ? new InputError(rules.input, problem) : new DataError(problem);
  const top = resolve(image);
  let roots: string[] | undefined;
  if (rules.roots) {
    const own = await realpath(dirname(top)).catch((e: unknown) => {
      throw refuse(`'${top}' cannot be read (${fsErrorReason(e)})`);
    });
    // An image at the top of the file system does not open it all: '/' counts only when listed.
    roots = [...new Set([...rules.roots, ...(own === '/' ? [] : [own])])];
  }

  const chain: ChainLink[] = [];
  const seen = new Set<string>();
  // What the previous link said about this one: its header's name and pinned format.
  let from: { link: ChainLink; name: string; format: DiskFormat } | undefined;
  let qemuPath = top;
  for (;;) {
    if (chain.length >= MAX_CHAIN_LENGTH) {
      throw refuse(`the backing chain of '${top}' is longer than ${MAX_CHAIN_LENGTH} files`);
    }
    const what = from ? `the backing file '${from.name}' of '${from.link.path}'` : `'${top}'`;
    const real = await realpath(qemuPath).catch(async (e: unknown) => {
      // A missing file outside the roots is refused as outside: the rule is what matters.
      const parent = await realpath(dirname(qemuPath)).catch(() => undefined);
      if (from && roots && parent) {
        const guess = `${parent}/${basename(qemuPath)}`;
        if (!roots.some((root) => isInside(guess, root))) return guess;
      }
      throw refuse(`${what} cannot be read (${fsErrorReason(e)})`);
    });
    if (from && roots && !roots.some((root) => isInside(real, root))) {
      throw refuse(
        `${what}${real === qemuPath ? '' : ` (really '${real}')`} lies outside the directories backing files ` +
          `may come from (${roots.join(', ')}): refused before anything was opened or hashed` +
          (rules.rootsHint ? `; ${rules.rootsHint}` : ''),
      );
    }
    if (seen.has(real)) throw refuse(`the backing chain of '${top}' loops back to '${real}'`);
    seen.add(real);

    let handle: FileHandle;
    try {
      handle = await openRegularFile(real, { input: rules.input ?? 'images' });
    } catch (e) {
      // The file's own complaint (a device, a directory), told as this link's.
      const problem = (e as Error).message.replace(/^input '[^']*': /, '');
      throw refuse(from ? `${what}: ${problem}` : problem);
    }
    let link: ChainLink;
    let next: { name: string; format: DiskFormat } | undefined;
    try {
      const size = (await handle.stat()).size;
      const fixed = await readAt(handle, QCOW2_FIXED_HEADER);
      // A pinned backing format is what QEMU uses, whatever the content says; the image itself we recognise.
      const detected = detectFormat(fixed);
      const format: DiskFormat | { other: string } = from ? from.format : detected;
      if (typeof format === 'object') {
        throw refuse(`${what} is a ${format.other} image: boot-verify boots qcow2 and raw images`);
      }
      if (format === 'raw') {
        link = { path: from ? real : top, format, virtualSize: size };
      } else {
        if (detected !== 'qcow2') throw refuse(`${what} is pinned as qcow2 but has no qcow2 header`);
        const clusterBits = Math.min(qcow2ClusterBits(fixed), QCOW2_MAX_CLUSTER_BITS);
        const header = parseQcow2Header(await readAt(handle, 2 ** clusterBits));
        if (header.externalDataFile) {
          throw refuse(
            `${what} keeps its data in an external data file, which QEMU would open as well: not accepted`,
          );
        }
        link = {
          path: from ? real : top,
          format,
          virtualSize: header.virtualSize,
          ...(header.backingFile !== undefined ? { backingFile: header.backingFile } : {}),
        };
        if (header.backingFile !== undefined) {
          if (hasProtocolPrefix(header.backingFile)) {
            throw refuse(
              `'${link.path}' names the backing file '${header.backingFile}', a protocol or json: pseudo-path, not a file: refused`,
            );
          }
          const pinned = pinnedFormat(header.backingFormat);
          if (typeof pinned === 'object') {
            throw refuse(`'${link.path}' names its backing file '${header.backingFile}' ${pinned.problem}`);
          }
          next = { name: header.backingFile, format: pinned };
        }
      }
    } catch (e) {
      if (e instanceof Qcow2HeaderError) throw refuse(`${what}: ${e.message}`);
      throw e;
    } finally {
      await handle.close();
    }
    chain.push(link);
    if (!next) return chain;
    from = { link, ...next };
    qemuPath = backingPath(qemuPath, next.name);
  }
}
