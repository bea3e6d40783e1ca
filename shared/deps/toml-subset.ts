/**
 * A strict parser for the subset of TOML that Cargo writes into Cargo.lock.
 *
 * Why by hand: no TOML library is a dependency of this project, and Cargo.lock
 * is machine-written with a tiny grammar — comments, `[table]` and
 * `[[array-of-tables]]` headers (dotted names), and `key = value` lines whose
 * values are strings, integers, booleans or (possibly multi-line) arrays of
 * those. Anything outside that subset is rejected with the file and line, so
 * a hand-edited or truncated lockfile is reported, never half-read.
 */
import { DataError } from '../errors.ts';

export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23;

/**
 * Reads by character code, and counts lines only when a message needs one
 * (every newline is consumed through `next`/`skipBlank`/`endLine`, so the
 * line is the newlines before `pos`, plus one).
 */
class Cursor {
  readonly text: string;
  pos = 0;
  readonly file: string;
  constructor(text: string, file: string) {
    this.text = text;
    this.file = file;
  }
  get line(): number {
    return lineAt(this.text, this.pos);
  }
  fail(problem: string, at: number = this.pos): never {
    throw new DataError(`${this.file}:${lineAt(this.text, at)}: ${problem}`);
  }
  /** The character code at the cursor; NaN at the end. */
  code(): number {
    return this.text.charCodeAt(this.pos);
  }
  peek(): string {
    return this.text[this.pos] ?? '';
  }
  atEnd(): boolean {
    return this.pos >= this.text.length;
  }
  next(): string {
    return this.text[this.pos++] ?? '';
  }
  /** Skips spaces and tabs (not newlines). */
  skipInline(): void {
    for (let c = this.code(); c === SPACE || c === TAB; c = this.code()) this.pos++;
  }
  skipComment(): void {
    if (this.code() !== HASH) return;
    const end = this.text.indexOf('\n', this.pos);
    this.pos = end === -1 ? this.text.length : end;
  }
  /** Ends a line: optional spaces and comment, then a newline or the end of the file. */
  endLine(): void {
    this.skipInline();
    this.skipComment();
    if (this.code() === CR) this.pos++;
    if (this.atEnd()) return;
    if (this.code() !== LF) this.fail(`unexpected '${this.peek()}' after the value`);
    this.pos++;
  }
  /** Skips whitespace, newlines and comments (inside arrays and between statements). */
  skipBlank(): void {
    for (;;) {
      const c = this.code();
      if (c === SPACE || c === TAB || c === CR || c === LF) this.pos++;
      else if (c === HASH) this.skipComment();
      else return;
    }
  }
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** [A-Za-z0-9_-] */
function isBareKeyChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c === 0x2d
  );
}

function parseKey(cur: Cursor): string {
  const c = cur.peek();
  if (c === '"' || c === "'") return parseString(cur);
  const start = cur.pos;
  while (isBareKeyChar(cur.code())) cur.pos++;
  if (cur.pos === start)
    cur.fail(c ? `expected a key, found '${c}'` : 'expected a key, found the end of the file');
  return cur.text.slice(start, cur.pos);
}

function parseDottedKey(cur: Cursor): string[] {
  const parts = [parseKey(cur)];
  cur.skipInline();
  while (cur.peek() === '.') {
    cur.next();
    cur.skipInline();
    parts.push(parseKey(cur));
    cur.skipInline();
  }
  return parts;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

function parseString(cur: Cursor): string {
  const quote = cur.next();
  // Fast path: Cargo's strings rarely hold escapes, so take the whole run at once.
  const end = cur.text.indexOf(quote, cur.pos);
  if (end !== -1) {
    const run = cur.text.slice(cur.pos, end);
    if (!run.includes('\n') && (quote === "'" || !run.includes('\\'))) {
      cur.pos = end + 1;
      return run;
    }
  }
  let out = '';
  for (;;) {
    if (cur.atEnd() || cur.peek() === '\n') cur.fail('unterminated string');
    const c = cur.next();
    if (c === quote) return out;
    if (c === '\\' && quote === '"') {
      const e = cur.next();
      if (e === 'u' || e === 'U') {
        const hex = cur.text.slice(cur.pos, cur.pos + (e === 'u' ? 4 : 8));
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== (e === 'u' ? 4 : 8)) cur.fail('bad unicode escape');
        cur.pos += hex.length;
        out += String.fromCodePoint(parseInt(hex, 16));
      } else if (ESCAPES[e] !== undefined) out += ESCAPES[e];
      else cur.fail(`unknown escape '\\${e}' in a string`);
    } else out += c;
  }
}

function parseValue(cur: Cursor): TomlValue {
  const c = cur.peek();
  if (c === '"' || c === "'") {
    if (cur.text[cur.pos + 1] === c && cur.text[cur.pos + 2] === c)
      cur.fail('multi-line strings are not used in Cargo.lock');
    return parseString(cur);
  }
  if (c === '[') {
    cur.next();
    const items: TomlValue[] = [];
    for (;;) {
      cur.skipBlank();
      if (cur.atEnd()) cur.fail('unterminated array (the file ends inside it: truncated?)');
      if (cur.peek() === ']') {
        cur.next();
        return items;
      }
      items.push(parseValue(cur));
      cur.skipBlank();
      if (cur.peek() === ',') cur.next();
      else if (cur.peek() !== ']')
        cur.fail(`expected ',' or ']' in an array, found '${cur.peek() || 'end'}'`);
    }
  }
  const word = /^[A-Za-z0-9_+.-]+/.exec(cur.text.slice(cur.pos, cur.pos + 64))?.[0] ?? '';
  cur.pos += word.length;
  if (word === 'true') return true;
  if (word === 'false') return false;
  if (/^[+-]?\d+$/.test(word)) return Number(word);
  return cur.fail(word ? `unsupported value '${word}'` : `expected a value, found '${c || 'end of file'}'`);
}

function descend(cur: Cursor, root: TomlTable, path: string[], forArray: boolean): TomlTable {
  let table = root;
  path.forEach((part, i) => {
    const last = i === path.length - 1;
    let next = table[part];
    if (last && forArray) {
      if (next === undefined) table[part] = next = [];
      if (!Array.isArray(next)) cur.fail(`'${path.join('.')}' is not an array of tables`);
      const fresh: TomlTable = {};
      next.push(fresh);
      table = fresh;
      return;
    }
    if (next === undefined) table[part] = next = {};
    if (Array.isArray(next)) next = next[next.length - 1];
    if (typeof next !== 'object' || next === null || Array.isArray(next))
      cur.fail(`'${path.slice(0, i + 1).join('.')}' is not a table`);
    table = next;
  });
  return table;
}

/** Parses the Cargo.lock TOML subset; throws DataError naming `file` and the line. */
export function parseTomlSubset(text: string, file: string): TomlTable {
  const cur = new Cursor(text, file);
  const root: TomlTable = {};
  let current = root;
  for (;;) {
    cur.skipBlank();
    if (cur.atEnd()) return root;
    if (cur.peek() === '[') {
      cur.next();
      const isArray = cur.peek() === '[';
      if (isArray) cur.next();
      cur.skipInline();
      const path = parseDottedKey(cur);
      for (let i = isArray ? 2 : 1; i > 0; i--) {
        if (cur.peek() !== ']') cur.fail('malformed table header');
        cur.next();
      }
      current = descend(cur, root, path, isArray);
      cur.endLine();
      continue;
    }
    const path = parseDottedKey(cur);
    if (cur.peek() !== '=') cur.fail(`expected '=' after key '${path.join('.')}'`);
    cur.next();
    cur.skipInline();
    const start = cur.pos;
    const value = parseValue(cur);
    const target = path.length > 1 ? descend(cur, current, path.slice(0, -1), false) : current;
    const key = path[path.length - 1]!;
    if (key in target) cur.fail(`duplicate key '${path.join('.')}'`, start);
    target[key] = value;
    cur.endLine();
  }
}
