/**
 * Character classes and bounded spans over a latin1 view of file bytes: the
 * detectors read token bodies with these loops instead of regular
 * expressions, so every check runs in time proportional to the characters it
 * looks at (a counted loop cannot backtrack) and the body lengths the token
 * formats document (36, 40, 44, 58, 88 characters) need no counted
 * repetition, which V8's linear-time engine refuses above 16.
 */

export type CharClass = Uint8Array;

function charClass(ranges: string): CharClass {
  const table = new Uint8Array(256);
  for (let i = 0; i < ranges.length; i++) {
    if (ranges[i + 1] === '-' && i + 2 < ranges.length) {
      for (let c = ranges.charCodeAt(i); c <= ranges.charCodeAt(i + 2); c++) table[c] = 1;
      i += 2;
    } else table[ranges.charCodeAt(i)] = 1;
  }
  return table;
}

export const BASE62 = charClass('A-Za-z0-9');
export const BASE64 = charClass('A-Za-z0-9+/');
export const BASE64_PADDED = charClass('A-Za-z0-9+/=');
export const BASE64URL = charClass('A-Za-z0-9_-');
export const UPPER_ALNUM = charClass('A-Z0-9');
export const DIGITS = charClass('0-9');
export const WORD = charClass('A-Za-z0-9_');
/** bech32's data characters, upper case (age writes its secret keys in upper case). */
export const BECH32_UPPER = charClass('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L');
export const SLACK_BODY = charClass('A-Za-z0-9-');
export const ENV_NAME = charClass('A-Za-z0-9_.');

/** Whether the character at `i` is in `cls` (false outside the text). */
export function isIn(text: string, i: number, cls: CharClass): boolean {
  if (i < 0 || i >= text.length) return false;
  return cls[text.charCodeAt(i) & 0xff] === 1;
}

/** End of the run of `cls` characters starting at `from`, looking at no more than `max` of them. */
export function spanEnd(text: string, from: number, cls: CharClass, max: number): number {
  const limit = Math.min(text.length, from + max);
  let i = from;
  while (i < limit && cls[text.charCodeAt(i) & 0xff] === 1) i++;
  return i;
}

/** Skips spaces and tabs. */
export function skipBlanks(text: string, from: number, max = 64): number {
  const limit = Math.min(text.length, from + max);
  let i = from;
  while (i < limit && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Canonical base64 of exactly `bytes` bytes, or undefined. */
export function decodeBase64(value: string, bytes?: number): Buffer | undefined {
  const decoded = Buffer.from(value, 'base64');
  if (bytes !== undefined && decoded.length !== bytes) return undefined;
  // Node ignores characters outside the alphabet: re-encoding proves the text was exactly this value.
  if (decoded.toString('base64').replace(/=+$/, '') !== value.replace(/=+$/, '')) return undefined;
  return decoded;
}

const PLACEHOLDER_WORDS = [
  'example',
  'xxxx',
  'your',
  'placeholder',
  'redacted',
  'dummy',
  'sample',
  'changeme',
];

/**
 * Whether a token body is a stand-in rather than a secret: documentation
 * writes `ghp_XXXX…`, `…EXAMPLE`, `your_token_here`; a random 20+ character
 * body practically never repeats so few characters.
 */
export function looksLikePlaceholder(body: string): boolean {
  const lower = body.toLowerCase();
  if (PLACEHOLDER_WORDS.some((w) => lower.includes(w))) return true;
  const distinct = new Set(body).size;
  return distinct < Math.min(10, Math.ceil(body.length / 3));
}

// bech32 (BIP-173): the checksum age keys carry; a mistyped or made-up key fails it.
const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ GENERATORS[i]!) >>> 0;
  }
  return chk;
}

/** Whether `text` is a valid bech32 string (either case, not mixed). */
export function isBech32(text: string): boolean {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return false;
  const s = text.toLowerCase();
  const sep = s.lastIndexOf('1');
  if (sep < 1 || sep + 7 > s.length) return false;
  const hrp = s.slice(0, sep);
  const data: number[] = [];
  for (const c of s.slice(sep + 1)) {
    const v = BECH32_CHARSET.indexOf(c);
    if (v === -1) return false;
    data.push(v);
  }
  const expanded = [...hrp].map((c) => c.charCodeAt(0) >> 5);
  expanded.push(0, ...[...hrp].map((c) => c.charCodeAt(0) & 31));
  return polymod([...expanded, ...data]) === 1;
}
