/**
 * Scans every regular file of an extracted directory tree, whole, and
 * records each file's size and sha256 so an overlay's scan can skip exactly
 * the files its base already had byte for byte (those were scanned, and
 * reported, with the base). Symlinks are not followed; device nodes and
 * FIFOs hold no bytes.
 */
import { chmod, lstat, open, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readChunks, sha256File } from '../hash.ts';
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

/**
 * Scans `root`, naming files `<prefix>/<relative path>`. With `base`, a file
 * the base manifest has with the same size is hashed first and skipped when
 * it is the same; every other file is scanned whole.
 */
export async function scanTree(
  root: string,
  options: { prefix?: string; base?: TreeManifest; signal?: AbortSignal } = {},
): Promise<TreeScanResult> {
  const prefix = options.prefix ?? '';
  const result: TreeScanResult = { findings: [], files: 0, bytes: 0, unchanged: 0, manifest: new Map() };
  const walk = async (dir: string, rel: string): Promise<void> => {
    options.signal?.throwIfAborted();
    const entries = await withAccess(dir, 0o700, () => readdir(dir, { withFileTypes: true }));
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
      const known = options.base?.get(name);
      if (known && known.size === (await lstat(full)).size) {
        const digest = await withAccess(full, 0o600, () => sha256File(full));
        if (digest === known.sha256) {
          result.unchanged++;
          result.manifest.set(name, known);
          continue;
        }
      }
      const { findings, digest } = await scanOne(name, full);
      result.files++;
      result.bytes += digest.size;
      result.findings.push(...findings);
      result.manifest.set(name, digest);
    }
  };
  await walk(root, '');
  return result;
}
