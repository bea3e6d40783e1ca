/**
 * JSON Schema's `uniqueItems` in time linear in the array's size.
 *
 * ajv compares the items of an array of objects pairwise with a deep
 * equality: quadratic, tens of seconds on a 20,000-component SBOM. Here each
 * item gets a 32-bit fingerprint that deep-equal JSON values share whatever
 * their key order (a key's entry is combined by addition, which does not
 * depend on order); items are bucketed by it, and only items whose
 * fingerprints are equal are compared with a real deep equality. A collision
 * costs a comparison, never a wrong answer. Strings are their own keys.
 * Objects with different strings under one key are never equal, so most are
 * told apart by such a key before any fingerprint, and short arrays (a
 * `dependsOn` list) are compared pair by pair. The generated validator (./sbom-validator.ts) calls
 * firstDuplicate, so this module is loaded by it at run time: no I/O, no
 * dependency but the small ./multimap.ts.
 */
import { pushIndex } from './multimap.ts';

/** FNV-1a over UTF-16 code units, from `seed`. */
function textHash(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

const NULL = 0x6e756c6c;
const TRUE = 0x74727565;
const FALSE = 0x66616c73;
const STRING_SEED = 0x811c9dc5;
const NUMBER_SEED = 0x2545f491;
const KEY_SEED = 0x5bd1e995;

/** A fingerprint of a JSON value: deep-equal values (any key order) give the same number. */
export function fingerprint(value: unknown): number {
  if (value === null) return NULL;
  switch (typeof value) {
    case 'string':
      return textHash(value, STRING_SEED);
    // Equal JSON numbers print the same (0 and -0 both as "0", which deep equality also takes as equal).
    case 'number':
      return textHash(String(value), NUMBER_SEED);
    case 'boolean':
      return value ? TRUE : FALSE;
  }
  if (Array.isArray(value)) {
    let h = 0x41525259 ^ value.length;
    for (let i = 0; i < value.length; i++) h = Math.imul(h, 31) + fingerprint(value[i]);
    return h | 0;
  }
  const obj = value as Record<string, unknown>;
  let h = 0x4f424a45;
  // for-in allocates no key list (Object.keys would, per object of a 100,000-component SBOM).
  for (const k in obj) {
    if (!Object.hasOwn(obj, k)) continue;
    // Mixed per entry, summed over entries: the sum does not depend on the order of the keys.
    const e = Math.imul(textHash(k, KEY_SEED) ^ fingerprint(obj[k]), 0x9e3779b1);
    h = (h + (e ^ (e >>> 15))) | 0;
  }
  return h;
}

/** Deep equality of JSON values (object key order ignored), as ajv's `uniqueItems` decides it. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], bb[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (!Object.hasOwn(y, k) || !jsonEqual(x[k], y[k])) return false;
  return true;
}

/** The same value, written one way: object keys sorted, no whitespace. Deep-equal JSON values give equal texts. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
}

/** Arrays up to this long are checked pair by pair (at most 120 comparisons). */
const PAIRWISE_AT_MOST = 16;

/** A plain object (not an array, not null): the items a key can tell apart. */
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** How many of the first items telling() samples for each key. */
const SAMPLED = 8;

/**
 * The key, among the first item's keys with a string value, whose strings
 * differ most over the first items (a component's `name` or `bom-ref`, not
 * its `type`, which is `library` for nearly all), or null when none differs.
 * Two objects that hold different strings under one key are not deep-equal,
 * so only items whose string under it repeats need a fingerprint.
 */
function telling(items: readonly unknown[]): string | null {
  const first = items[0];
  if (!isObject(first)) return null;
  let best: string | null = null;
  let bestCount = 1;
  const seen = new Set<string>();
  for (const k in first) {
    if (!Object.hasOwn(first, k) || typeof first[k] !== 'string') continue;
    seen.clear();
    for (let i = 0; i < SAMPLED && i < items.length; i++) {
      const item = items[i];
      if (isObject(item) && Object.hasOwn(item, k) && typeof item[k] === 'string') seen.add(item[k]);
    }
    if (seen.size > bestCount) [best, bestCount] = [k, seen.size];
  }
  return best;
}

/**
 * The index pair [j, i] of the first item i equal to an earlier item j, or
 * null when all items differ: one pass, the same answer as comparing every pair.
 *
 * An object whose string under the telling key no earlier item held equals
 * no earlier item: it is only remembered by that string. One whose string
 * repeats is fingerprinted, with the first item of that string (at most one
 * earlier item can equal it, or the pass would have stopped there).
 */
export function firstDuplicate(items: readonly unknown[]): [number, number] | null {
  if (items.length < 2) return null;
  // Most arrays are short (a package's dependsOn, a component's hashes): comparing every pair costs less
  // than the maps, which every one of 20,000 calls would allocate.
  if (items.length <= PAIRWISE_AT_MOST) {
    for (let i = 1; i < items.length; i++)
      for (let j = 0; j < i; j++) if (jsonEqual(items[j], items[i])) return [j, i];
    return null;
  }
  const strings = new Map<string, number>();
  const key = telling(items);
  // The telling key's value → the first index with it, or -1 once that item is fingerprinted.
  const byKey = new Map<string, number>();
  // Fingerprint → the first index with it, or every index with it once two share it.
  const others = new Map<number, number | number[]>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item === 'string') {
      const j = strings.get(item);
      if (j !== undefined) return [j, i];
      strings.set(item, i);
      continue;
    }
    if (key !== null && isObject(item) && Object.hasOwn(item, key) && typeof item[key] === 'string') {
      const value = item[key];
      const j = byKey.get(value);
      if (j === undefined) {
        byKey.set(value, i);
        continue;
      }
      if (j >= 0) {
        pushIndex(others, fingerprint(items[j]), j);
        byKey.set(value, -1);
      }
    }
    const h = fingerprint(item);
    const seen = others.get(h);
    if (seen !== undefined)
      for (const j of typeof seen === 'number' ? [seen] : seen) if (jsonEqual(items[j], item)) return [j, i];
    pushIndex(others, h, i);
  }
  return null;
}
