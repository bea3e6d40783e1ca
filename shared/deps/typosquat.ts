/**
 * Typosquat suspects: dependencies whose name is close to a popular package's
 * name without being that package (or another popular one). Closeness, from
 * the most to the least specific:
 *   - separator/case variant: `serde-json` for `serde_json`;
 *   - homoglyphs: `rnemchr` for `memchr`, `l0dash` or Cyrillic `а` for `lodash`,
 *     and invisible characters (zero-width space/joiners, word joiner, BOM,
 *     soft hyphen…) that make `lo\u200bdash` print as `lodash`;
 *   - an added affix: `tokio-rs`, `node-lodash`, `lodash-js`;
 *   - one edit (insert, delete, substitute, swap two neighbours) from a
 *     popular name of at least MIN_EDIT_LENGTH characters — short names are
 *     so dense that one edit mostly lands on another real package.
 * Edit-distance candidates come from a symmetric-delete index (every popular
 * name minus one character, kept as hashes: ./deletion-index.ts), so the
 * check is linear in the number of names instead of comparing every pair.
 *
 * The popular names are real ranked data (data/README.md): the top 20,000
 * crates by downloads and npm's 10,000 highest-impact packages. crates.io
 * holds one crate per name up to case and `-`/`_`, and the downloads index
 * writes every separator as `_`: a crate whose real spelling is not known is
 * popular under any spelling (`anySpelling`), so only the crates of
 * data/spellings.json take part in the separator-variant check.
 *
 * Building an index from those names (their normal forms, skeletons and
 * deletion hashes) is ~100 ms of un-optimised code for the crates, every run.
 * The bundle does not: scripts/precompile-popular-index.ts serialises each
 * built index at bundle time into a file beside the bundle, which
 * popularIndex reads. A source run has no such file and builds the index.
 */
import { readFileSync } from 'node:fs';
import {
  deletionHashes,
  deletionIndex,
  deletionIndexValues,
  HashMultimap,
  stringHash,
} from './deletion-index.ts';
import { osaDistance } from './edit-distance.ts';
import { finding, type Finding } from './findings.ts';
import type { DepGraph, Ecosystem } from './model.ts';
import { pushTo } from './multimap.ts';

export const MIN_EDIT_LENGTH = 5;
const PREFIXES = ['rust-', 'rs-', 'node-', 'js-'];
const SUFFIXES = ['-rs', '-rust', '-node', '-js', '.js'];

const HOMOGLYPHS: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  i: 'l',
  '|': 'l',
  '5': 's',
  '\u0430': 'a',
  '\u0435': 'e',
  '\u043e': 'o',
  '\u0440': 'p',
  '\u0441': 'c',
  '\u0445': 'x',
  '\u0443': 'y',
  '\u0456': 'l',
  '\u0455': 's',
  '\u0501': 'd',
  '\u0261': 'g',
  '\u03bf': 'o',
  '\u03b1': 'a',
};

/** Names already in normal form (most are) are returned as they are, without two new strings each. */
const NEEDS_NORMALIZING = /[^a-z0-9.-]/;

export function normalizeName(name: string): string {
  return NEEDS_NORMALIZING.test(name) ? name.toLowerCase().replace(/_/g, '-') : name;
}

/**
 * Characters that print as nothing: Unicode's default-ignorable code points
 * (U+200B..U+200F, U+2060..U+2064, U+FEFF, U+00AD, variation selectors…) and
 * the other format characters (U+061C, U+180E, bidi controls). No registry
 * name needs one; in a package name each is a way to look like another name.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

export function hasInvisible(name: string): boolean {
  return name.search(INVISIBLE) !== -1;
}

/** Printable ASCII: a control character takes the full path (it is no registry name anyway). */
const ASCII = /^[\x20-\x7e]*$/;
/** What the ASCII skeleton changes: a homoglyph, or a pair that prints as one letter. */
const ASCII_LOOKALIKE = /[015i|]|rn|vv/;

/**
 * The skeleton of a normalised printable-ASCII name in one pass: homoglyphs
 * folded, then `rn` → `m` and `vv` → `w` left to right. Folding makes no `r`,
 * `n` or `v`, and the two pairs share no letter, so one pass gives what the
 * three replacements in turn give.
 */
function asciiSkeleton(n: string): string {
  if (!ASCII_LOOKALIKE.test(n)) return n;
  // Most names change in one or two places (an `i`): copy the runs between them as slices, not per character.
  let out = '';
  let from = 0;
  for (let i = 0; i < n.length; i++) {
    const c = n[i]!;
    let replacement: string | undefined;
    let width = 1;
    if (c === 'r' && n[i + 1] === 'n') {
      replacement = 'm';
      width = 2;
    } else if (c === 'v' && n[i + 1] === 'v') {
      replacement = 'w';
      width = 2;
    } else replacement = HOMOGLYPHS[c];
    if (replacement === undefined) continue;
    out += n.slice(from, i) + replacement;
    i += width - 1;
    from = i + 1;
  }
  return out + n.slice(from);
}

/** The name as it looks: invisible characters dropped, confusable ones folded onto one representative. */
export function skeleton(name: string): string {
  // ASCII (nearly every name) is its own NFKC form and holds no invisible character: skip both passes.
  if (ASCII.test(name)) return asciiSkeleton(normalizeName(name));
  return [...normalizeName(name.normalize('NFKC')).replace(INVISIBLE, '')]
    .map((c) => HOMOGLYPHS[c] ?? c)
    .join('')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w');
}

/**
 * What strings are to the popular names. The four questions a name asks
 * (popular itself? popular under any spelling? whose normal form? whose
 * skeleton?) are asked of one map, from the string to an entry number whose
 * answers are in typed arrays: a name in normal form that looks like itself
 * (most names) is one lookup instead of four in four tables (on a
 * 20,000-package graph the lookups were most of the check), and building it
 * allocates no object per entry.
 */
const EXACT = 1;
const ANY_SPELLING = 2;

export interface PopularIndex {
  /** The entry number of each string that is a popular name, its normal form or its skeleton. */
  entries: Map<string, number>;
  /** By entry: EXACT (a popular name as written) | ANY_SPELLING (a normalised name popular whatever its separators and case). */
  flags: Uint8Array;
  /** By entry: the number of the popular name whose normal form / skeleton it is, or -1. */
  normalizedOf: Int32Array;
  skeletonOf: Int32Array;
  /** The popular names and their normalised forms, by the numbers the indexes hold. */
  names: readonly string[];
  normalized: readonly string[];
  /** Every normalised name of MIN_EDIT_LENGTH or more minus one character, by hash. */
  byDeletion: HashMultimap;
  /** The normalised names of MIN_EDIT_LENGTH or more (the one normalizedOf answers), by hash. */
  byWholeName: HashMultimap;
}

export function buildPopularIndex(
  names: readonly string[],
  anySpelling: readonly string[] = [],
): PopularIndex {
  const entries = new Map<string, number>();
  const entry = (key: string): number => {
    let e = entries.get(key);
    if (e === undefined) entries.set(key, (e = entries.size));
    return e;
  };
  // At most three strings per name and one per any-spelling name.
  const capacity = names.length * 3 + anySpelling.length;
  const flags = new Uint8Array(capacity);
  const normalizedOf = new Int32Array(capacity).fill(-1);
  const skeletonOf = new Int32Array(capacity).fill(-1);
  const normalized = names.map(normalizeName);
  // A later name of the same normal form or skeleton wins (as Map.set did when these were maps).
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const n = normalized[i]!;
    // Most names are their own normal form and skeleton: one entry, looked up once.
    const ofName = entry(name);
    const ofN = n === name ? ofName : entry(n);
    const look = ASCII.test(name) ? asciiSkeleton(n) : skeleton(name);
    flags[ofName]! |= EXACT;
    normalizedOf[ofN] = i;
    skeletonOf[look === n ? ofN : entry(look)] = i;
  }
  for (const name of anySpelling) flags[entry(normalizeName(name))]! |= ANY_SPELLING;
  const byWholeName = new HashMultimap(names.length);
  for (let i = 0; i < names.length; i++) {
    const n = normalized[i]!;
    if (n.length >= MIN_EDIT_LENGTH && normalizedOf[entries.get(n)!] === i) byWholeName.add(stringHash(n), i);
  }
  // Only the first entries.size are used: the rest need not be kept, nor serialised.
  return {
    entries,
    flags: flags.slice(0, entries.size),
    normalizedOf: normalizedOf.slice(0, entries.size),
    skeletonOf: skeletonOf.slice(0, entries.size),
    names,
    normalized,
    byDeletion: deletionIndex(normalized, MIN_EDIT_LENGTH),
    byWholeName,
  };
}

/** The popular name whose normal form `key` is, if any. */
function normalFormOf(index: PopularIndex, key: string): string | undefined {
  const e = index.entries.get(key);
  return e === undefined || index.normalizedOf[e]! < 0 ? undefined : index.names[index.normalizedOf[e]!];
}

/*
 * The popular names are read only when an index is built, not imported: the bundle reads its precomputed
 * index file, which holds every name, so the JSON would only be parsed for nothing there (ncc still copies
 * the files beside the bundle: without its index file, a bundle builds the index from them).
 */

/** The crates index: known spellings exactly, the other names under any spelling. */
function popularCratesIndex(): PopularIndex {
  const popularCrates = JSON.parse(
    readFileSync(new URL('./data/popular-crates.json', import.meta.url), 'utf8'),
  ) as { names: string[]; spelled: string[] };
  const spelled = new Set(popularCrates.spelled.map(normalizeName));
  const unknown = popularCrates.names.filter((n) => !spelled.has(normalizeName(n)));
  return buildPopularIndex([...popularCrates.spelled, ...unknown], unknown);
}

/** The npm index: every name as written. */
function popularNpmIndex(): PopularIndex {
  const popularNpm = JSON.parse(
    readFileSync(new URL('./data/popular-npm.json', import.meta.url), 'utf8'),
  ) as { names: string[] };
  return buildPopularIndex(popularNpm.names);
}

/** The index built from the names in data/: what a source run uses and the bundle step serialises. */
export function builtPopularIndex(ecosystem: Ecosystem): PopularIndex {
  return ecosystem === 'cargo' ? popularCratesIndex() : popularNpmIndex();
}

const indexes = new Map<Ecosystem, PopularIndex>();

/** The index of `ecosystem`'s popular names, once per run: the bundle's precomputed one, else built here. */
export function popularIndex(ecosystem: Ecosystem): PopularIndex {
  let index = indexes.get(ecosystem);
  if (!index) {
    const data = precomputedIndex(ecosystem);
    index = (data && deserializePopularIndex(data)) ?? builtPopularIndex(ecosystem);
    indexes.set(ecosystem, index);
  }
  return index;
}

/*
 * A PopularIndex as bytes, for the file the bundle carries: its typed arrays as they are in memory, then
 * every entry's string (UTF-8, joined by KEY_SEPARATOR). What is quick to derive again is left out: each
 * popular name and its normal form and skeleton are entry numbers (normalizedOf and skeletonOf follow from
 * them), the deletion index is its hashes (the values are each name's number once per character). Read
 * back, the arrays are views of the file's bytes: no text to parse, no base64 to decode.
 *
 * Layout: MAGIC, then the header's Uint32 fields (HEADER below) in the writer's byte order, then the
 * Int32/Uint32 sections (names, normalized, skeletons, deletion hashes, whole-name hashes and values),
 * the Uint8 flags and the keys. A file of the other byte order reads as another magic.
 */
const MAGIC = 0x31584950; // "PIX1" read as a little-endian Uint32
const HEADER = ['keys', 'keyBytes', 'names', 'deletions', 'wholeNameCapacity', 'wholeNames'] as const;

/** No popular name, normal form or skeleton holds a newline; serializePopularIndex checks it. */
const KEY_SEPARATOR = '\n';

export function serializePopularIndex(index: PopularIndex): Buffer {
  const keys = [...index.entries.keys()];
  const bad = keys.find((k) => k.includes(KEY_SEPARATOR));
  if (bad !== undefined) throw new Error(`a popular-index key holds the separator: ${JSON.stringify(bad)}`);
  const entryOf = (key: string): number => index.entries.get(key)!;
  const wholeName = index.byWholeName.added();
  const deletions = index.byDeletion.added().hashes;
  const keyBytes = Buffer.from(keys.join(KEY_SEPARATOR), 'utf8');
  const fields: Record<(typeof HEADER)[number], number> = {
    keys: keys.length,
    keyBytes: keyBytes.length,
    names: index.names.length,
    deletions: deletions.length,
    wholeNameCapacity: wholeName.capacity,
    wholeNames: wholeName.hashes.length,
  };
  const header = Uint32Array.of(MAGIC, ...HEADER.map((f) => fields[f]));
  const words = [
    header,
    Int32Array.from(index.names, entryOf),
    Int32Array.from(index.normalized, entryOf),
    Int32Array.from(index.names, (name) => entryOf(skeleton(name))),
    deletions,
    wholeName.hashes,
    wholeName.values,
  ];
  return Buffer.concat([
    ...words.map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)),
    index.flags,
    keyBytes,
  ]);
}

/** The index serializePopularIndex wrote in `bytes`; null when they are not one (another byte order). */
export function deserializePopularIndex(bytes: Uint8Array): PopularIndex | null {
  // Typed-array views need their element size's alignment; a file read into its own buffer has it.
  const data = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  let at = data.byteOffset;
  const take = <T>(
    Type: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number },
    length: number,
  ): T => {
    if (at - data.byteOffset + length * Type.BYTES_PER_ELEMENT > data.byteLength)
      throw new Error('the popular-names index file is truncated');
    const view = new Type(data.buffer, at, length);
    at += length * Type.BYTES_PER_ELEMENT;
    return view;
  };
  if (data.byteLength < 4 || take(Uint32Array, 1)[0] !== MAGIC) return null;
  const h = take(Uint32Array, HEADER.length);
  const field = (name: (typeof HEADER)[number]): number => h[HEADER.indexOf(name)]!;
  const nameEntries = take(Int32Array, field('names'));
  const normalizedEntries = take(Int32Array, field('names'));
  const skeletonEntries = take(Int32Array, field('names'));
  const hashes = take(Uint32Array, field('deletions'));
  const wholeNameHashes = take(Uint32Array, field('wholeNames'));
  const wholeNameValues = take(Int32Array, field('wholeNames'));
  const flags = take(Uint8Array, field('keys'));
  const keys = Buffer.from(take(Uint8Array, field('keyBytes')))
    .toString('utf8')
    .split(KEY_SEPARATOR);
  const entries = new Map<string, number>();
  for (let e = 0; e < keys.length; e++) entries.set(keys[e]!, e);
  const names = new Array<string>(nameEntries.length);
  const normalized = new Array<string>(nameEntries.length);
  const normalizedOf = new Int32Array(keys.length).fill(-1);
  const skeletonOf = new Int32Array(keys.length).fill(-1);
  // In name order, so a later name of the same normal form or skeleton wins, as in buildPopularIndex.
  for (let i = 0; i < nameEntries.length; i++) {
    names[i] = keys[nameEntries[i]!]!;
    normalized[i] = keys[normalizedEntries[i]!]!;
    normalizedOf[normalizedEntries[i]!] = i;
    skeletonOf[skeletonEntries[i]!] = i;
  }
  return {
    entries,
    flags,
    normalizedOf,
    skeletonOf,
    names,
    normalized,
    byDeletion: HashMultimap.replay(hashes.length, hashes, deletionIndexValues(normalized, MIN_EDIT_LENGTH)),
    byWholeName: HashMultimap.replay(field('wholeNameCapacity'), wholeNameHashes, wholeNameValues),
  };
}

/** The file scripts/precompile-popular-index.ts writes the serialised index of `ecosystem` to. */
export const precomputedIndexFile = (ecosystem: Ecosystem): string => `popular-index-${ecosystem}.bin`;

/**
 * The serialised index of `ecosystem` when this runs from the bundle (the file beside it); null in a source
 * run, which has no such file.
 */
function precomputedIndex(ecosystem: Ecosystem): Buffer | null {
  // Literal paths, so ncc copies both files beside the bundle.
  const file =
    ecosystem === 'cargo'
      ? new URL('./popular-index-cargo.bin', import.meta.url)
      : new URL('./popular-index-npm.bin', import.meta.url);
  try {
    return readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export interface Resemblance {
  popular: string;
  technique: 'separator-or-case' | 'homoglyph' | 'affix' | 'edit-distance';
}

/** Reused by every call (one Set per name was a measurable share of the garbage on large graphs). */
const scratchCandidates = new Set<number>();

/** How `name` resembles a popular name, or null when it does not (or is popular itself). */
export function resemblance(name: string, index: PopularIndex): Resemblance | null {
  const { entries, flags, names } = index;
  const asWritten = entries.get(name);
  if (asWritten !== undefined && flags[asWritten]! & EXACT) return null;
  const normalized = normalizeName(name);
  // A string equal to one already looked up reuses its entry (a name in normal form, a skeleton unchanged).
  const ofNormalized = normalized === name ? asWritten : entries.get(normalized);
  if (ofNormalized !== undefined && flags[ofNormalized]! & ANY_SPELLING) return null;
  const ascii = ASCII.test(name);
  // Printable ASCII holds no invisible character.
  const hidden = !ascii && hasInvisible(name);
  // The rest of the checks read the name as it prints.
  const n = hidden ? normalizeName(name.replace(INVISIBLE, '')) : normalized;
  const ofN = n === normalized ? ofNormalized : entries.get(n);
  const variant = ofN === undefined ? -1 : index.normalizedOf[ofN]!;
  // An invisible character is a look-alike trick, whatever else differs.
  if (variant >= 0)
    return { popular: names[variant]!, technique: hidden ? 'homoglyph' : 'separator-or-case' };
  const skeletonKey = ascii ? asciiSkeleton(normalized) : skeleton(name);
  const ofSkeleton = skeletonKey === n ? ofN : entries.get(skeletonKey);
  const look = ofSkeleton === undefined ? -1 : index.skeletonOf[ofSkeleton]!;
  if (look >= 0) return { popular: names[look]!, technique: 'homoglyph' };
  for (let k = 0; k < PREFIXES.length; k++) {
    const p = PREFIXES[k]!;
    const base = n.startsWith(p) ? normalFormOf(index, n.slice(p.length)) : undefined;
    if (base && base.length >= 3) return { popular: base, technique: 'affix' };
  }
  for (let k = 0; k < SUFFIXES.length; k++) {
    const s = SUFFIXES[k]!;
    const base = n.endsWith(s) ? normalFormOf(index, n.slice(0, -s.length)) : undefined;
    if (base && base.length >= 3) return { popular: base, technique: 'affix' };
  }
  if (n.length < MIN_EDIT_LENGTH - 1) return null;
  // Candidates: popular names n is a deletion of, that are a deletion of n, or that share a deletion
  // with n. Hash collisions only add candidates; the distance check below keeps the real ones.
  const candidates = scratchCandidates;
  // Clearing a Set allocates a new table even when it is empty, and it nearly always is.
  if (candidates.size !== 0) candidates.clear();
  index.byDeletion.collect(stringHash(n), candidates);
  const hashes = deletionHashes(n);
  for (let d = 0; d < hashes.length; d++) {
    index.byWholeName.collect(hashes[d]!, candidates);
    index.byDeletion.collect(hashes[d]!, candidates);
  }
  if (candidates.size === 0) return null;
  let best: string | undefined;
  for (const i of candidates) {
    const c = index.names[i]!;
    if ((best === undefined || c < best) && osaDistance(n, index.normalized[i]!, 1) === 1) best = c;
  }
  return best !== undefined ? { popular: best, technique: 'edit-distance' } : null;
}

export function findTyposquats(
  graph: DepGraph,
  index: PopularIndex = popularIndex(graph.ecosystem),
): Finding[] {
  // Each name once, in first-seen order; the ids are gathered for the few names that resemble one.
  const verdicts = new Map<string, Resemblance | null>();
  const ids = new Map<string, string[]>();
  // forEach, not for-of: a loop that runs once (on 20,000 packages) allocates an iterator result per step
  // until it is optimised.
  graph.packages.forEach((p) => {
    if (p.workspaceMember) return;
    let r = verdicts.get(p.name);
    if (r === undefined) verdicts.set(p.name, (r = resemblance(p.name, index)));
    if (r) pushTo(ids, p.name, p.id);
  });
  const out: Finding[] = [];
  verdicts.forEach((r, name) => {
    if (!r) return;
    out.push(
      finding(
        'typosquat',
        name,
        `${name} resembles the popular package ${r.popular} (${r.technique})`,
        ids.get(name)!.sort(),
        [],
        {
          resembles: r.popular,
          technique: r.technique,
        },
      ),
    );
  });
  return out;
}
