/**
 * Scans every regular file of an extracted directory tree, whole, and
 * records each file's size and sha256 so an overlay's scan can skip exactly
 * the files its base already had byte for byte (those were scanned, and
 * reported, with the base). Symlinks are not followed; device nodes and
 * FIFOs hold no bytes.
 */
import { chmodSync, closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { access, chmod, lstat, open, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readChunks, sha256, sha256File } from '../hash.ts';
import { SecretScanner, type SecretFinding } from './scan-file.ts';

export interface FileDigest {
  size: number;
  sha256: string;
}

/** Path inside the image → its bytes' digest. */
export type TreeManifest = Map<string, FileDigest>;

export interface TreeScanResult {
  findings: SecretFinding[];
  /** Files read and scanned. */
  files: number;
  /** Bytes scanned. */
  bytes: number;
  /** Files skipped because the base has them byte for byte. */
  unchanged: number;
  manifest: TreeManifest;
}

const READ_SIZE = 1024 * 1024;

function isAccessError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM';
}

/** An extracted tree keeps the image's modes; a file or directory its owner may not read is opened up (it is our private copy). */
async function withAccess<T>(path: string, mode: number, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (e) {
    if (!isAccessError(e)) throw e;
    await chmod(path, mode);
    return action();
  }
}

/** A file is read, hashed and scanned in one synchronous pass up to this size; larger ones are streamed. */
const WHOLE_READ_MAX = 1024 * 1024;
/** The whole-read buffer: filled, hashed and scanned with no await in between, so every read can share it. */
const wholeRead = Buffer.allocUnsafeSlow(WHOLE_READ_MAX + 1);

/**
 * A file of up to WHOLE_READ_MAX bytes, read whole (into the shared buffer: use it before any await), or null
 * for a larger one. Synchronous on purpose: five calls through libuv's thread pool per small file cost more
 * in hand-offs between threads than the reads themselves (the tree was just extracted: it is in the page cache).
 */
function readSmall(file: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    if (!isAccessError(e)) throw e;
    chmodSync(file, 0o600);
    fd = openSync(file, 'r');
  }
  try {
    if (fstatSync(fd).size > WHOLE_READ_MAX) return null;
    let length = 0;
    for (;;) {
      const n = readSync(fd, wholeRead, length, wholeRead.length - length, null);
      if (n === 0) return wholeRead.subarray(0, length);
      length += n;
      // It grew past the limit while read: streamed instead.
      if (length > WHOLE_READ_MAX) return null;
    }
  } finally {
    closeSync(fd);
  }
}

/** A small file's outcome, decided in one synchronous pass; null for a file too large to read whole. */
function scanSmall(name: string, file: string, known: FileDigest | undefined): FileOutcome | null {
  const bytes = readSmall(file);
  if (!bytes) return null;
  const digest = { size: bytes.length, sha256: sha256(bytes) };
  if (known && known.size === digest.size && known.sha256 === digest.sha256) return { unchanged: known };
  const scanner = new SecretScanner(name);
  scanner.push(bytes);
  return { findings: scanner.finish(), digest };
}

async function scanOne(
  path: string,
  file: string,
): Promise<{ findings: SecretFinding[]; digest: FileDigest }> {
  const scanner = new SecretScanner(path);
  const hash = createHash('sha256');
  const handle = await withAccess(file, 0o600, () => open(file, 'r'));
  try {
    await readChunks(
      handle,
      (chunk) => {
        hash.update(chunk);
        scanner.push(chunk);
      },
      READ_SIZE,
    );
  } finally {
    await handle.close();
  }
  return { findings: scanner.finish(), digest: { size: scanner.bytes, sha256: hash.digest('hex') } };
}

type FileOutcome = { unchanged: FileDigest } | { findings: SecretFinding[]; digest: FileDigest };

/**
 * Scans `root`, naming files `<prefix>/<relative path>`. With `base`, a file
 * the base manifest has with the same size and bytes is skipped; every other
 * file is scanned whole.
 */
export async function scanTree(
  root: string,
  options: { prefix?: string; base?: TreeManifest; signal?: AbortSignal } = {},
): Promise<TreeScanResult> {
  const prefix = options.prefix ?? '';
  const result: TreeScanResult = { findings: [], files: 0, bytes: 0, unchanged: 0, manifest: new Map() };
  const walk = async (dir: string, rel: string): Promise<void> => {
    options.signal?.throwIfAborted();
    // Listing needs read, opening what is listed needs search: a directory with r but not x (as images may
    // have) lists its names and then refuses every file. Root passes both checks whatever the mode.
    await withAccess(dir, 0o700, () => access(dir, constants.R_OK | constants.X_OK));
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        await walk(full, path);
        continue;
      }
      if (!entry.isFile()) continue;
      const name = prefix + path;
      const outcome = await scanFile(name, full, options.base?.get(name));
      if ('unchanged' in outcome) {
        result.unchanged++;
        result.manifest.set(name, outcome.unchanged);
        continue;
      }
      result.files++;
      result.bytes += outcome.digest.size;
      result.findings.push(...outcome.findings);
      result.manifest.set(name, outcome.digest);
    }
  };
  await walk(root, '');
  return result;
}

/** One file: skipped when the base has its bytes (`known`), scanned whole otherwise. */
async function scanFile(name: string, full: string, known: FileDigest | undefined): Promise<FileOutcome> {
  const small = scanSmall(name, full, known);
  if (small) return small;
  if (known && known.size === (await lstat(full)).size) {
    const digest = await withAccess(full, 0o600, () => sha256File(full));
    if (digest === known.sha256) return { unchanged: known };
  }
  return scanOne(name, full);
}
