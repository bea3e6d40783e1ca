/**
 * Parsers for action inputs. Each returns a typed value or throws an
 * InputError naming the input, what was wrong and what is accepted, so every
 * action validates everything before it starts any work.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { InputError } from './errors.ts';

export function parseEnum<const T extends string>(
  name: string,
  raw: string,
  allowed: readonly T[],
  fallback?: T,
): T {
  const value = raw.trim() || fallback;
  if (value === undefined) throw new InputError(name, 'is required', allowed.join(' | '));
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(name, `unknown value '${value}'`, allowed.join(' | '));
  }
  return value as T;
}

const SIZE_UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/** "2G", "512M", "1536MiB", "1073741824" → bytes. */
export function parseSize(name: string, raw: string): number {
  const m = /^\s*(\d+)\s*([KMGT]?)(?:i?B)?\s*$/i.exec(raw);
  if (!m)
    throw new InputError(
      name,
      `'${raw}' is not a size`,
      'a number of bytes or a number with K, M, G or T, e.g. 2G',
    );
  const bytes = Number(m[1]) * SIZE_UNITS[m[2]!.toUpperCase()]!;
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    throw new InputError(name, `'${raw}' is not a positive size`);
  return bytes;
}

export function parsePositiveNumber(name: string, raw: string, fallback?: number): number {
  if (raw.trim() === '' && fallback !== undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new InputError(name, `'${raw}' is not a positive number`);
  return n;
}

/**
 * Node's timers hold a delay in a signed 32-bit count of milliseconds: a
 * longer one fires at once (with a warning), so "wait 30 years" would mean
 * "give up now". Every timeout input stays within this.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;
export const MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);

/** A timeout in seconds: positive, at least a millisecond and at most MAX_TIMEOUT_SECONDS (about 24.8 days). */
export function parseTimeoutSeconds(name: string, raw: string, fallback?: number): number {
  const accepted = `a number of seconds from 0.001 to ${MAX_TIMEOUT_SECONDS}`;
  const seconds = parsePositiveNumber(name, raw, fallback);
  if (seconds > MAX_TIMEOUT_SECONDS) {
    throw new InputError(
      name,
      `${raw.trim()} seconds is more than the maximum of ${MAX_TIMEOUT_SECONDS} seconds (about 24 days; a longer timer would fire at once)`,
      accepted,
    );
  }
  if (seconds < 0.001)
    throw new InputError(name, `${raw.trim()} seconds is less than a millisecond`, accepted);
  return seconds;
}

export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const v = raw.trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new InputError(name, `'${raw}' is not a boolean`, 'true | false');
}

/**
 * A newline list; blank lines and comment lines are dropped. A `#` starts a
 * comment only at the start of a line (docker/metadata-action's rule): inside
 * a line it is data — a console pattern, a URL fragment, a shell command.
 */
export function parseLines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Distribution package names: one per line, each a plain name with an optional version constraint. */
export function parsePackageList(name: string, raw: string): string[] {
  const lines = parseLines(raw);
  for (const line of lines) {
    // apk: name, name=1.2-r0, name>1; dpkg: name, name=1.2-1, name:arm64
    if (!/^[A-Za-z0-9][A-Za-z0-9+._:-]*(?:(?:=|>=|<=|~|>|<)[A-Za-z0-9+._:~-]+)?$/.test(line)) {
      throw new InputError(
        name,
        `'${line}' is not a package name`,
        'one package per line: a name made of letters, digits and + . _ - :, optionally =version',
      );
    }
  }
  return lines;
}

export function parseRegex(name: string, raw: string): RegExp {
  try {
    return new RegExp(raw);
  } catch (e) {
    throw new InputError(name, `'${raw}' is not a valid regular expression: ${(e as Error).message}`);
  }
}

export function parseHttpUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(name, `'${raw}' is not a URL`, 'http:// or https:// URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(name, `unsupported URL scheme '${url.protocol}'`, 'http:// or https://');
  }
  return url;
}

export function parseSha256(name: string, raw: string): string {
  const v = raw
    .trim()
    .toLowerCase()
    .replace(/^sha256:/, '');
  if (!/^[0-9a-f]{64}$/.test(v))
    throw new InputError(name, `'${raw}' is not a SHA-256 digest`, '64 hex digits');
  return v;
}

export function isUrl(raw: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim());
}

export type PathKind = 'file' | 'directory' | 'any';

/** Checks that a path exists, is readable and is of the expected kind. */
export async function requireReadablePath(
  name: string,
  path: string,
  kind: PathKind = 'any',
): Promise<'file' | 'directory'> {
  let st;
  try {
    st = await stat(path);
    await access(path, constants.R_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      name,
      `'${path}' cannot be read (${code === 'ENOENT' ? 'no such file or directory' : code})`,
    );
  }
  const actual = st.isDirectory() ? 'directory' : 'file';
  if (kind !== 'any' && kind !== actual)
    throw new InputError(name, `'${path}' is a ${actual}, expected a ${kind}`);
  return actual;
}
