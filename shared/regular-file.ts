/**
 * Files an input names are read only when they are regular files of a bounded
 * size. A device (/dev/zero, /dev/urandom), a FIFO or a directory named by an
 * input would otherwise be read or hashed forever, or fail later with a raw
 * errno that does not say which input caused it.
 */
import { constants } from 'node:fs';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { InputError } from './errors.ts';

/** What a path turned out to be, for an error message. */
function describeKind(s: Awaited<ReturnType<typeof stat>>): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isFIFO()) return 'a FIFO';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Why a file-system call on an input's path failed, in words rather than a
 * bare errno (EACCES, ENOTDIR), for messages that name the input.
 */
export function fsErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a path component is not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return code ? `error ${code}` : (e as Error).message;
  }
}

export interface RegularFileRule {
  /** The input that named the path: errors name it. */
  input: string;
  /** Largest accepted size in bytes; default: no limit beyond "regular". */
  maxBytes?: number;
  /**
   * How errors name the file (default: the path, quoted), e.g.
   * `defs/x.yaml: key 'files.0.source': 'a.conf'`, so a file named inside
   * another file is traced back to where it was named.
   */
  label?: string;
}

function nameOf(path: string, rule: RegularFileRule): string {
  return rule.label ?? `'${path}'`;
}

/**
 * Resolves (following symlinks) and checks `path`: it must exist, be a
 * regular file and be no larger than `maxBytes`. Returns its size.
 */
export async function checkRegularFile(path: string, rule: RegularFileRule): Promise<number> {
  let s;
  try {
    s = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'is not readable (permission denied)'
          : code === 'ENOTDIR'
            ? 'has a path component that is not a directory'
            : `cannot be read (${code ?? (e as Error).message})`;
    throw new InputError(rule.input, `${nameOf(path, rule)} ${why}`);
  }
  if (!s.isFile())
    throw new InputError(rule.input, `${nameOf(path, rule)} is ${describeKind(s)}`, 'a regular file');
  if (rule.maxBytes !== undefined && s.size > rule.maxBytes) {
    throw new InputError(
      rule.input,
      `${nameOf(path, rule)} is ${s.size} bytes, more than the limit of ${rule.maxBytes}`,
      `a regular file of at most ${rule.maxBytes} bytes`,
    );
  }
  return s.size;
}

/**
 * Opens a checked regular file without following a FIFO's open-blocking
 * semantics (O_NONBLOCK) and re-checks the opened descriptor, so a path swapped
 * for a device between the check and the open is still refused.
 */
export async function openRegularFile(path: string, rule: RegularFileRule): Promise<FileHandle> {
  await checkRegularFile(path, rule);
  // stat() needs no read permission: an unreadable file fails only here.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((e: unknown) => {
    throw new InputError(rule.input, `${nameOf(path, rule)} cannot be read (${fsErrorReason(e)})`);
  });
  try {
    const s = await handle.stat();
    if (!s.isFile())
      throw new InputError(rule.input, `${nameOf(path, rule)} is ${describeKind(s)}`, 'a regular file');
    if (rule.maxBytes !== undefined && s.size > rule.maxBytes) {
      throw new InputError(rule.input, `${nameOf(path, rule)} grew past the limit of ${rule.maxBytes} bytes`);
    }
    return handle;
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** Reads a whole regular file of at most `maxBytes`. */
export async function readRegularFile(
  path: string,
  rule: RegularFileRule & { maxBytes: number },
): Promise<Buffer> {
  const handle = await openRegularFile(path, rule);
  try {
    return await readFile(handle);
  } finally {
    await handle.close();
  }
}
