/**
 * A line reader for Cargo.lock exactly as Cargo writes it — comment lines, a
 * top-level `version = 3|4`, `[[package]]` headers, `key = "string"` lines
 * and `dependencies = [` … ` "item",` … `]` — that builds the very table
 * ./toml-subset.ts builds from the same text, in a fraction of its time (the
 * general parser walks every character through a cursor; a 100,000-package
 * lockfile is two million lines).
 *
 * It accepts only that form: at the first line it does not recognise (a
 * hand-edited file, escapes, CRLF, other tables or keys, a duplicate key…)
 * it returns null and the caller parses the text with parseTomlSubset, so
 * every error and every accepted variation stays the general parser's.
 */
import type { TomlTable, TomlValue } from './toml-subset.ts';

/** The keys Cargo writes in a [[package]] table; any other sends the file to the general parser. */
const PACKAGE_KEYS = ['name', 'version', 'source', 'checksum', 'dependencies'];

const QUOTE = 0x22;

/**
 * The text between the quotes of `"…"` at [start, end) of `text`; null if not exactly one string
 * without another quote inside (backslashes are ruled out for the whole text up front): then the
 * general parser reads the same characters.
 */
function plainString(text: string, start: number, end: number): string | null {
  if (end - start < 2 || text.charCodeAt(start) !== QUOTE || text.indexOf('"', start + 1) !== end - 1)
    return null;
  return text.slice(start + 1, end - 1);
}

/** The key of a `key = ` line at `pos` among those Cargo writes in a [[package]], without slicing it out. */
function packageKey(text: string, pos: number): string | null {
  for (const key of PACKAGE_KEYS)
    if (text.startsWith(key, pos) && text.startsWith(' = ', pos + key.length)) return key;
  return null;
}

/** The table parseTomlSubset gives for `text` when it is in Cargo's own form, else null. */
export function readCanonicalCargoLock(text: string): TomlTable | null {
  // No escapes and no CR (CRLF) anywhere: every string is the characters between its quotes.
  if (text.includes('\r') || text.includes('\\')) return null;
  const root: TomlTable = {};
  const packages: TomlTable[] = [];
  let table: TomlTable | null = null; // the current [[package]], null at top level
  let deps: TomlValue[] | null = null; // the open `dependencies = [` array
  const n = text.length;
  for (let pos = 0; pos < n;) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    const first = text.charCodeAt(pos);
    if (deps !== null) {
      // Inside the array: ` "item",` lines, then `]` alone.
      if (first === 0x5d /* ] */ && end === pos + 1) deps = null;
      else {
        if (first !== 0x20 || text.charCodeAt(end - 1) !== 0x2c /* , */) return null;
        const item = plainString(text, pos + 1, end - 1);
        if (item === null) return null;
        deps.push(item);
      }
    } else if (end === pos || first === 0x23 /* # */) {
      // A blank line, or a comment line (the general parser skips both the same way).
    } else if (first === 0x5b /* [ */) {
      if (end - pos !== 11 || !text.startsWith('[[package]]', pos)) return null;
      packages.push((table = {}));
    } else {
      if (table === null) {
        // Top level: the format version only, once.
        if (end - pos !== 11 || !text.startsWith('version = ', pos) || 'version' in root) return null;
        const digit = text.charCodeAt(pos + 10) - 0x30;
        if (digit !== 3 && digit !== 4) return null;
        root.version = digit;
      } else {
        const key = packageKey(text, pos);
        if (key === null || key in table) return null;
        const valueStart = pos + key.length + 3;
        if (key === 'dependencies') {
          if (end - valueStart !== 1 || text.charCodeAt(valueStart) !== 0x5b) return null;
          table.dependencies = deps = [];
        } else {
          const value = plainString(text, valueStart, end);
          if (value === null) return null;
          table[key] = value;
        }
      }
    }
    pos = end + 1;
  }
  // A file ending inside an array is truncated: the general parser says so.
  if (deps !== null) return null;
  if (packages.length > 0) root.package = packages;
  return root;
}
