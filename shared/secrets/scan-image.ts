/**
 * Scans every file of a disk image for secrets without mounting it: the
 * image (an overlay with its whole backing chain) is flattened to a private
 * raw copy, each ext2/3/4 filesystem's journal replayed with e2fsck (the
 * files read are the ones the guest last wrote) and its tree extracted with
 * debugfs `rdump`; FAT filesystems (an EFI system partition) are copied out
 * with mtools. No mount, no loop device, no root.
 *
 * Whole-tree extraction stays here rather than in shared/image-fs (which
 * reads single paths through debugfs): reading every file by one debugfs
 * call each would start a process per file.
 *
 * For an overlay, `base` names its base (or the base's manifest from an
 * earlier scan): a file the base has byte for byte is not scanned again, so
 * the overlay answers for what it adds or changes — every file of it, not
 * a prefix — and the base's own findings are reported once, with the base.
 *
 * Paths: the root filesystem (the last ext filesystem, build-base's layout)
 * names files `/etc/…`; an EFI system partition `<esp>/EFI/…`; any other
 * filesystem `<partN>/…`.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../errors.ts';
import { run } from '../exec.ts';
import { extJournalPending, filesystemAt } from '../image-fs/fs-magic.ts';
import { copyRange } from '../image-fs/image-root.ts';
import { applyAllowList, EMPTY_ALLOW_LIST, type AllowedFinding, type SecretAllowList } from './allow-list.ts';
import type { SecretFinding } from './scan-file.ts';
import { scanTree, type TreeManifest } from './scan-tree.ts';

export interface ImageScanResult {
  findings: SecretFinding[];
  allowed: AllowedFinding[];
  /** Files scanned (read whole). */
  files: number;
  /** Bytes scanned. */
  bytes: number;
  /** Files skipped because the base has them byte for byte. */
  unchanged: number;
  /** Every file of the image with its digest: pass it as `base` when scanning an overlay on this image. */
  manifest: TreeManifest;
}

export interface ImageScanOptions {
  /**
   * The overlay's base: a path (scanned here for its manifest), the manifest of an earlier scan, or the
   * manifest of a scan still running (awaited only once the overlay's files are extracted, so the two
   * images are read at once).
   */
  base?: string | TreeManifest | Promise<TreeManifest>;
  allowList?: SecretAllowList;
  signal?: AbortSignal;
  /**
   * Called with the extracted root filesystem (the files named `/…`) and its files' digests once it is
   * scanned and before it is removed, for a caller that reads more from it (read it with
   * ../image-fs/tree-files.ts).
   */
  onRootTree?: (tree: string, digests: TreeManifest) => Promise<void>;
}

const ESP_TYPE = 'C12A7328-F81F-11D2-BA4B-00A0C93EC93B';

interface Filesystem {
  type: 'ext' | 'fat';
  offset: number;
  /** Bytes (the partition's size, or the whole disk's). */
  size: number;
  prefix: string;
}

interface SfdiskJson {
  partitiontable?: { partitions?: { node: string; start: number; size: number; type: string }[] };
}

/** Every ext2/3/4 and FAT filesystem on a raw disk (its partitions, or the whole disk). */
async function filesystems(raw: string, signal?: AbortSignal): Promise<Filesystem[]> {
  const table = await run('sfdisk', ['--json', raw], { okCodes: [1], signal }).catch(() => null);
  const parts = table?.stdout
    ? ((JSON.parse(table.stdout) as SfdiskJson).partitiontable?.partitions ?? [])
    : [];
  const candidates = parts.length
    ? parts.map((p, i) => ({
        offset: p.start * 512,
        size: p.size * 512,
        number: i + 1,
        esp: p.type.toUpperCase() === ESP_TYPE,
      }))
    : [{ offset: 0, size: (await stat(raw)).size, number: 0, esp: false }];
  const found: (Filesystem & { number: number })[] = [];
  for (const c of candidates) {
    signal?.throwIfAborted();
    // By signature: a partition that claims a filesystem it does not hold fails its extraction, loudly.
    const kind = await filesystemAt(raw, c.offset);
    if (kind === 'ext')
      found.push({ type: 'ext', offset: c.offset, size: c.size, prefix: '', number: c.number });
    else if (kind === 'fat')
      found.push({
        type: 'fat',
        offset: c.offset,
        size: c.size,
        prefix: c.esp ? '<esp>' : `<part${c.number}>`,
        number: c.number,
      });
  }
  // The last ext filesystem is the root (build-base's layout); others are named by partition.
  const exts = found.filter((f) => f.type === 'ext');
  for (const f of exts.slice(0, -1)) f.prefix = `<part${f.number}>`;
  return found;
}

/** Extracts `fs` of `raw` into `tree`. */
async function extract(raw: string, fs: Filesystem, tree: string, signal?: AbortSignal): Promise<void> {
  if (fs.type === 'fat') {
    await run('mcopy', ['-s', '-n', '-m', '-i', `${raw}@@${fs.offset}`, '::/', tree + '/'], { signal });
    return;
  }
  if (/["\\\n]/.test(tree))
    throw new DataError(`work directory '${tree}' has a character debugfs cannot quote`);
  let dev = `${raw}?offset=${fs.offset}`;
  // e2fsck reopens the device after replaying a journal and loses `?offset=` on the way (then fails on
  // whatever starts the disk): a filesystem with transactions to replay is copied out alone first.
  const alone = `${tree}.ext`;
  try {
    if (fs.offset > 0 && (await extJournalPending(raw, fs.offset))) {
      await copyRange(raw, 'raw', fs.offset, fs.size, alone, signal);
      dev = alone;
    }
    // Replay the journal so the files read are the ones the guest last wrote (exit 1/2: fixed; 4: left uncorrected).
    await run('e2fsck', ['-fy', dev], { okCodes: [1, 2, 3, 4], signal });
    // Device nodes cannot be made without root: debugfs reports them and carries on (exit 1).
    await run('debugfs', ['-R', `rdump / "${tree}"`, dev], { okCodes: [1], signal });
  } finally {
    await rm(alone, { force: true });
  }
}

/** Scans every file of `image` (qcow2 or raw, with its backing chain). */
export async function scanImageForSecrets(
  image: string,
  workDir: string,
  options: ImageScanOptions = {},
): Promise<ImageScanResult> {
  const base =
    typeof options.base === 'string'
      ? (await scanImageForSecrets(options.base, workDir, { signal: options.signal })).manifest
      : options.base;
  const work = await mkdtemp(join(workDir, 'infrasim-secret-scan-'));
  try {
    const raw = join(work, 'disk.raw');
    await run('qemu-img', ['convert', '-U', '-O', 'raw', image, raw], { signal: options.signal });
    const result: ImageScanResult = {
      findings: [],
      allowed: [],
      files: 0,
      bytes: 0,
      unchanged: 0,
      manifest: new Map(),
    };
    const found = await filesystems(raw, options.signal);
    if (found.length === 0)
      throw new DataError(
        `${image}: no ext2/3/4 or FAT filesystem found on the disk: its files cannot be scanned for secrets`,
      );
    // Every filesystem extracted before the base's manifest is awaited: an overlay's files come out
    // while its base's are still being scanned.
    const trees: { fs: Filesystem; tree: string }[] = [];
    for (const [i, fs] of found.entries()) {
      const tree = join(work, `fs-${i}`);
      await mkdir(tree);
      await extract(raw, fs, tree, options.signal);
      trees.push({ fs, tree });
    }
    // The disk's copy is no longer needed: its space back before the trees are scanned.
    await rm(raw, { force: true });
    const baseManifest = await base;
    for (const { fs, tree } of trees) {
      const scanned = await scanTree(tree, { prefix: fs.prefix, base: baseManifest, signal: options.signal });
      if (fs.prefix === '' && fs.type === 'ext') await options.onRootTree?.(tree, scanned.manifest);
      await rm(tree, { recursive: true, force: true });
      result.findings.push(...scanned.findings);
      result.files += scanned.files;
      result.bytes += scanned.bytes;
      result.unchanged += scanned.unchanged;
      for (const [k, v] of scanned.manifest) result.manifest.set(k, v);
    }
    const split = applyAllowList(result.findings, options.allowList ?? EMPTY_ALLOW_LIST);
    result.findings = split.findings;
    result.allowed = split.allowed;
    return result;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
