/**
 * A symmetric-delete index over a fixed list of names, for "which names are
 * one edit from this one?" in time linear in the names' lengths.
 *
 * Two strings are at most one insert, delete, substitution or swap of
 * neighbours apart only if they share a one-character deletion, or one is a
 * deletion of the other. Instead of a Map from every deletion *string* (tens
 * of thousands of popular names × their length: a quarter of a million
 * strings and arrays to allocate and collect, which was most of a run), each
 * deletion is keyed by a 32-bit polynomial hash computed from prefix and
 * suffix hashes without building the string, in typed arrays. A hash that
 * collides only adds a candidate, and every candidate is confirmed by the
 * caller with the real edit distance, so the answers are exactly those of
 * the string index.
 */

const BASE = 0x01000193; // odd, so multiplying by it is a bijection modulo 2^32

/** The polynomial hash of `s` (UTF-16 code units) modulo 2^32. */
export function stringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) >>> 0;
  return h;
}

/** Scratch space reused by every call (allocating typed arrays per name costs more than the hashing). */
let suffix = new Uint32Array(64);
let power = new Uint32Array(64);
let powersKnown = 0;

function reserve(n: number): void {
  if (n + 1 > suffix.length) {
    let size = suffix.length;
    while (size < n + 1) size *= 2;
    suffix = new Uint32Array(size);
    const grown = new Uint32Array(size);
    grown.set(power);
    power = grown;
  }
  if (powersKnown === 0) {
    power[0] = 1;
    powersKnown = 1;
  }
  for (; powersKnown <= n; powersKnown++) power[powersKnown] = Math.imul(power[powersKnown - 1]!, BASE);
}

let deletions = new Uint32Array(64);

/**
 * The hash of every string obtained by deleting one character of `s` (the
 * i-th deletion at index i), the same value stringHash gives that string.
 * The array is scratch space, valid until the next call: callers loop over
 * it instead of passing a callback per deletion (hundreds of thousands of
 * calls on a large graph, through one call site shared by every caller).
 */
export function deletionHashes(s: string): Uint32Array {
  const n = s.length;
  reserve(n);
  if (deletions.length < n) deletions = new Uint32Array(suffix.length);
  // suffix[i] = hash(s[i..n)), power[k] = BASE^k.
  suffix[n] = 0;
  for (let i = n - 1; i >= 0; i--)
    suffix[i] = (Math.imul(s.charCodeAt(i), power[n - 1 - i]!) + suffix[i + 1]!) >>> 0;
  let prefix = 0; // hash(s[0..i))
  for (let i = 0; i < n; i++) {
    // s without s[i] = prefix (i chars) followed by the n-1-i chars of suffix[i+1].
    deletions[i] = (Math.imul(prefix, power[n - 1 - i]!) + suffix[i + 1]!) >>> 0;
    prefix = (Math.imul(prefix, BASE) + s.charCodeAt(i)) >>> 0;
  }
  return deletions.subarray(0, n);
}

/** Calls `visit` with each of deletionHashes(s). */
export function forEachDeletionHash(s: string, visit: (hash: number) => void): void {
  const hashes = deletionHashes(s);
  for (let i = 0; i < hashes.length; i++) visit(hashes[i]!);
}

/** An odd constant (2^32 / the golden ratio) that mixes a hash's bits up into its high bits, for the filter. */
const FILTER_MIX = 0x9e3779b1;

/**
 * A multimap from 32-bit hashes to numbers (name indexes), in typed arrays: no per-entry allocation.
 * Nearly every lookup is a miss (a dependency name is rarely one edit from a popular one), and the
 * bucket arrays of the popular-names index are megabytes: each miss was a cache miss. A bit per
 * (mixed) hash, eight times fewer bytes than the bucket heads, answers most misses from cache.
 */
export class HashMultimap {
  /** Bucket heads (entry number + 1; 0 = empty) by hash & mask. */
  private readonly heads: Int32Array;
  private readonly mask: number;
  /** Bit `present(hash)` set for every hash added; a clear bit means no entry has that hash. */
  private readonly bits: Int32Array;
  private readonly bitShift: number;
  private readonly entryHash: Uint32Array;
  private readonly entryValue: Int32Array;
  private readonly entryNext: Int32Array;
  private size = 0;

  constructor(capacity: number) {
    let buckets = 16;
    while (buckets < capacity * 2) buckets *= 2;
    this.heads = new Int32Array(buckets);
    this.mask = buckets - 1;
    // 4 bits per bucket (8 per entry or more): a miss passes the filter about once in eight.
    this.bits = new Int32Array(buckets / 8);
    this.bitShift = 32 - Math.log2(buckets * 4);
    this.entryHash = new Uint32Array(capacity);
    this.entryValue = new Int32Array(capacity);
    this.entryNext = new Int32Array(capacity);
  }

  /** The filter bit of `hash`: its mixed high bits, so it is independent of the bucket (the low bits). */
  private bit(hash: number): number {
    return Math.imul(hash, FILTER_MIX) >>> this.bitShift;
  }

  add(hash: number, value: number): void {
    const e = this.size++;
    const bucket = hash & this.mask;
    this.entryHash[e] = hash;
    this.entryValue[e] = value;
    this.entryNext[e] = this.heads[bucket]!;
    this.heads[bucket] = e + 1;
    const b = this.bit(hash);
    this.bits[b >>> 5]! |= 1 << (b & 31);
  }

  /**
   * The pairs added, in order (views of the map's arrays, not copies), and the capacity it was made with:
   * all `replay` needs to make the same map again. The bucket heads, chains and filter are left out: they
   * are four times the pairs' bytes, and the replay rebuilds them without hashing any string again.
   */
  added(): { capacity: number; hashes: Uint32Array; values: Int32Array } {
    return {
      capacity: this.entryHash.length,
      hashes: this.entryHash.subarray(0, this.size),
      values: this.entryValue.subarray(0, this.size),
    };
  }

  /** The map `new HashMultimap(capacity)` is after add(hashes[i], values[i]) for every i in order. */
  static replay(capacity: number, hashes: Uint32Array, values: Int32Array): HashMultimap {
    const map = new HashMultimap(capacity);
    const { heads, mask, bits, bitShift, entryNext } = map;
    map.entryHash.set(hashes);
    map.entryValue.set(values);
    // add()'s chaining and filter bit, in one loop over locals: a call per pair was most of a load.
    for (let e = 0; e < hashes.length; e++) {
      const hash = hashes[e]!;
      const bucket = hash & mask;
      entryNext[e] = heads[bucket]!;
      heads[bucket] = e + 1;
      const b = Math.imul(hash, FILTER_MIX) >>> bitShift;
      bits[b >>> 5]! |= 1 << (b & 31);
    }
    map.size = hashes.length;
    return map;
  }

  /** Adds to `out` every value stored under `hash`. */
  collect(hash: number, out: Set<number>): void {
    const b = this.bit(hash);
    if ((this.bits[b >>> 5]! & (1 << (b & 31))) === 0) return;
    for (let e = this.heads[hash & this.mask]!; e !== 0; e = this.entryNext[e - 1]!)
      if (this.entryHash[e - 1] === hash) out.add(this.entryValue[e - 1]!);
  }
}

/** How many deletions deletionIndex adds for `keys`: one per character of each key of `minLength` or more. */
function deletionCount(keys: readonly string[], minLength: number): number {
  let total = 0;
  for (const k of keys) if (k.length >= minLength) total += k.length;
  return total;
}

/** The hash of every one-character deletion of each key (keys shorter than `minLength` left out), under the key's index. */
export function deletionIndex(keys: readonly string[], minLength: number): HashMultimap {
  const index = new HashMultimap(deletionCount(keys, minLength));
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key.length < minLength) continue;
    const hashes = deletionHashes(key);
    for (let d = 0; d < hashes.length; d++) index.add(hashes[d]!, i);
  }
  return index;
}

/**
 * What deletionIndex(keys, minLength) adds under the hashes it adds (each key's index once per
 * character), so a precomputed index ships its hashes alone: see HashMultimap.replay.
 */
export function deletionIndexValues(keys: readonly string[], minLength: number): Int32Array {
  const values = new Int32Array(deletionCount(keys, minLength));
  let e = 0;
  for (let i = 0; i < keys.length; i++) {
    const length = keys[i]!.length;
    if (length >= minLength) for (const end = e + length; e < end; e++) values[e] = i;
  }
  return values;
}
