/**
 * debugfs as a batch reader: many requests go to one debugfs process through
 * a command file (`debugfs -f`), and its output is split back per request.
 *
 * Splitting is the delicate part: debugfs echoes each command (`debugfs:
 * <command>`) to standard output before its output, but an output can carry
 * text from the image (a symlink target, an extended attribute, a file
 * name), so an image could forge an echo line. Each request is therefore
 * preceded by a marker request naming a path with a random nonce; its echo
 * is the separator, and an image cannot guess it.
 *
 * Paths are quoted the way debugfs' parser (lib/ss) reads them: inside
 * double quotes, `""` is one literal quote and a backslash is literal. A
 * command file is read line by line, so a path with a newline (or NUL) cannot
 * be requested at all and is refused.
 */
import { randomBytes } from 'node:crypto';
import { writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../errors.ts';
import { run } from '../exec.ts';

/** debugfs reads command lines into an 8 KiB buffer (fgets); a longer one would be cut and run in two. */
const MAX_COMMAND_BYTES = 8000;

/** A path (in the image or on the host) as one debugfs argument. */
export function debugfsQuote(path: string): string {
  if (/[\n\r\0]/.test(path))
    throw new DataError(
      `the path ${JSON.stringify(path)} contains a newline or NUL, which debugfs cannot be asked for`,
    );
  return `"${path.replaceAll('"', '""')}"`;
}

export interface DebugfsDevice {
  /** The raw disk file. */
  file: string;
  /** Byte offset of the filesystem inside it. */
  offset: number;
  /** Where command files go. */
  scratch: string;
}

let counter = 0;

/**
 * Runs `requests` (already quoted debugfs command lines) in one debugfs
 * process, read-only, and returns each request's standard output (without
 * its echo line), in order. Errors debugfs prints go to standard error and
 * are not attributed per request: callers decide from the output (an empty
 * `stat` output means the path does not exist).
 */
export async function debugfsBatch(device: DebugfsDevice, requests: string[]): Promise<string[]> {
  if (requests.length === 0) return [];
  const nonce = randomBytes(16).toString('hex');
  const marker = (i: number) => `stat "/.image-root-marker-${nonce}-${i}"`;
  const lines: string[] = [];
  for (const [i, r] of requests.entries()) {
    if (/[\n\r\0]/.test(r) || Buffer.byteLength(r) > MAX_COMMAND_BYTES)
      throw new DataError(`a debugfs request is too long or spans lines: ${r.slice(0, 120)}`);
    lines.push(marker(i), r);
  }
  const script = join(device.scratch, `requests-${process.pid}-${++counter}.debugfs`);
  await writeFile(script, lines.join('\n') + '\n');
  try {
    const r = await run('debugfs', ['-f', script, `${device.file}?offset=${device.offset}`], {
      // Output goes to a pipe; no pager may be started for it.
      env: { ...process.env, PAGER: '__none__', DEBUGFS_PAGER: '__none__' },
    });
    const out: string[] = [];
    let rest = r.stdout;
    for (let i = 0; i < requests.length; i++) {
      const echo = `debugfs: ${marker(i)}\n`;
      const start = rest.indexOf(echo);
      if (start < 0) throw new DataError(`debugfs stopped before request ${i + 1}: ${r.stderr.slice(-500)}`);
      rest = rest.slice(start + echo.length);
      const nextEcho = `debugfs: ${marker(i + 1)}\n`;
      const end = i + 1 < requests.length ? rest.indexOf(nextEcho) : rest.length;
      if (end < 0) throw new DataError(`debugfs stopped before request ${i + 2}: ${r.stderr.slice(-500)}`);
      const chunk = rest.slice(0, end);
      rest = rest.slice(end);
      // The chunk starts with the request's own echo line (one line: requests never span lines).
      const ownEcho = `debugfs: ${requests[i]}\n`;
      out.push(chunk.startsWith(ownEcho) ? chunk.slice(ownEcho.length) : chunk);
    }
    return out;
  } finally {
    await rm(script, { force: true });
  }
}
