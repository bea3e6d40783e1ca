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
  let out = '';
  for (let i = 0; i < n.length; i++) {
    const c = n[i]!;
    const next = n[i + 1];
    if (c === 'r' && next === 'n') {
      out += 'm';
      i++;
    } else if (c === 'v' && next === 'v') {
      out += 'w';
      i++;
    } else out += HOMOGLYPHS[c] ?? c;
  }
  return out;
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

export interface PopularIndex {
  exact: Set<string>;
  /** Normalised names popular whatever their separators and case (spelling unknown). */
  anySpelling: Set<string>;
  byNormalized: Map<string, string>;
  bySkeleton: Map<string, string>;
  /** The popular names and their normalised forms, by the numbers the two hash indexes hold. */
  names: readonly string[];
  normalized: readonly string[];
  /** Every normalised name of MIN_EDIT_LENGTH or more minus one character, by hash. */
  byDeletion: HashMultimap;
  /** The normalised names of MIN_EDIT_LENGTH or more (the one byNormalized answers), by hash. */
  byWholeName: HashMultimap;
}

export function buildPopularIndex(
  names: readonly string[],
  anySpelling: readonly string[] = [],
): PopularIndex {
  const normalized = names.map(normalizeName);
  const byNormalized = new Map<string, string>();
  const bySkeleton = new Map<string, string>();
  names.forEach((name, i) => {
    byNormalized.set(normalized[i]!, name);
    bySkeleton.set(ASCII.test(name) ? asciiSkeleton(normalized[i]!) : skeleton(name), name);
  });
  const byWholeName = new HashMultimap(names.length);
  names.forEach((name, i) => {
    const n = normalized[i]!;
    if (n.length >= MIN_EDIT_LENGTH && byNormalized.get(n) === name) byWholeName.add(stringHash(n), i);
  });
  return {
    exact: new Set(names),
    anySpelling: new Set(anySpelling.map(normalizeName)),
    byNormalized,
    bySkeleton,
    names,
    normalized,
    byDeletion: deletionIndex(normalized, MIN_EDIT_LENGTH),
    byWholeName,
  };
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
  if (index.exact.has(name)) return null;
  const normalized = normalizeName(name);
  if (index.anySpelling.has(normalized)) return null;
  const ascii = ASCII.test(name);
  // Printable ASCII holds no invisible character.
  const hidden = !ascii && hasInvisible(name);
  // The rest of the checks read the name as it prints.
  const n = hidden ? normalizeName(name.replace(INVISIBLE, '')) : normalized;
  const variant = index.byNormalized.get(n);
  // An invisible character is a look-alike trick, whatever else differs.
  if (variant) return { popular: variant, technique: hidden ? 'homoglyph' : 'separator-or-case' };
  const look = index.bySkeleton.get(ascii ? asciiSkeleton(normalized) : skeleton(name));
  if (look) return { popular: look, technique: 'homoglyph' };
  for (const p of PREFIXES) {
    const base = n.startsWith(p) ? index.byNormalized.get(n.slice(p.length)) : undefined;
    if (base && base.length >= 3) return { popular: base, technique: 'affix' };
  }
  for (const s of SUFFIXES) {
    const base = n.endsWith(s) ? index.byNormalized.get(n.slice(0, -s.length)) : undefined;
    if (base && base.length >= 3) return { popular: base, technique: 'affix' };
  }
  if (n.length < MIN_EDIT_LENGTH - 1) return null;
  // Candidates: popular names n is a deletion of, that are a deletion of n, or that share a deletion
  // with n. Hash collisions only add candidates; the distance check below keeps the real ones.
  const candidates = scratchCandidates;
  candidates.clear();
  index.byDeletion.collect(stringHash(n), candidates);
  const hashes = deletionHashes(n);
  for (let d = 0; d < hashes.length; d++) {
    index.byWholeName.collect(hashes[d]!, candidates);
    index.byDeletion.collect(hashes[d]!, candidates);
  }
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
