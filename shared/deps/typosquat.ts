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
 */
import popularCrates from './data/popular-crates.json' with { type: 'json' };
import popularNpm from './data/popular-npm.json' with { type: 'json' };
import { deletionHashes, deletionIndex, HashMultimap, stringHash } from './deletion-index.ts';
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
  return {
    entries,
    flags,
    normalizedOf,
    skeletonOf,
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

/** The crates index: known spellings exactly, the other names under any spelling. */
export function popularCratesIndex(): PopularIndex {
  const spelled = new Set(popularCrates.spelled.map(normalizeName));
  const unknown = popularCrates.names.filter((n) => !spelled.has(normalizeName(n)));
  return buildPopularIndex([...popularCrates.spelled, ...unknown], unknown);
}

const indexes = new Map<Ecosystem, PopularIndex>();
export function popularIndex(ecosystem: Ecosystem): PopularIndex {
  let index = indexes.get(ecosystem);
  if (!index)
    indexes.set(
      ecosystem,
      (index = ecosystem === 'cargo' ? popularCratesIndex() : buildPopularIndex(popularNpm.names)),
    );
  return index;
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
  for (const p of graph.packages) {
    if (p.workspaceMember) continue;
    let r = verdicts.get(p.name);
    if (r === undefined) verdicts.set(p.name, (r = resemblance(p.name, index)));
    if (r) pushTo(ids, p.name, p.id);
  }
  const out: Finding[] = [];
  for (const [name, r] of verdicts) {
    if (!r) continue;
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
  }
  return out;
}
