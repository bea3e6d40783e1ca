/**
 * The retention policy as the user writes it, parsed and checked before any
 * request is made. Every mistake is an InputError naming the input.
 *
 * rules (YAML list, first matching rule governs a tag):
 *   - tags: 'dev-*'          glob (* and ?) or /regular expression/
 *     keep: 15               the 15 most recent images carrying such a tag
 *     younger-than: 30d      and every such image younger than 30 days
 * keep-tags: patterns whose images are always kept (`@semver` = semantic versions).
 */
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.ts';
import { parseLines } from '../inputs.ts';

export interface TagPattern {
  /** As written, for the plan's reasons. */
  source: string;
  test(tag: string): boolean;
}

export interface RetentionRule {
  pattern: TagPattern;
  keep?: number;
  youngerThanMs?: number;
  /** The duration as written (reasons quote it). */
  youngerThan?: string;
}

export interface Policy {
  rules: RetentionRule[];
  keepTags: TagPattern[];
  /** Untagged versions younger than this are kept: a push in progress uploads children before its index. */
  untaggedGraceMs: number;
  deleteUntagged: boolean;
}

/** Semantic versions as docker/metadata-action tags them: 1.2.3, v1.2.3, 1.2.3-rc.1, 1.2, 1. */
export const SEMVER_PATTERN =
  /^v?(0|[1-9]\d*)(\.(0|[1-9]\d*)(\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?)?)?$/;

/** A tag is at most 128 characters of [A-Za-z0-9_.-] (distribution spec); patterns may add * and ?. */
const GLOB = /^[A-Za-z0-9_.*?-]{1,128}$/;

/**
 * Globs are matched by a tiny translation to a RegExp: tags cannot contain `/`
 * so path-glob libraries' rules (which treat `/` specially) would only confuse.
 */
export function parseTagPattern(input: string, raw: string): TagPattern {
  const text = raw.trim();
  if (text === '@semver') return { source: text, test: (t) => SEMVER_PATTERN.test(t) };
  const regex = /^\/(.+)\/$/.exec(text);
  if (regex) {
    let re: RegExp;
    try {
      re = new RegExp(regex[1]!);
    } catch (e) {
      throw new InputError(input, `'${text}' is not a valid regular expression: ${(e as Error).message}`);
    }
    return { source: text, test: (t) => re.test(t) };
  }
  if (!GLOB.test(text)) {
    throw new InputError(
      input,
      `'${text}' is not a tag pattern`,
      'a tag glob of letters, digits, _ . - with * and ? (e.g. dev-*), a /regular expression/, or @semver',
    );
  }
  const re = new RegExp(
    '^' +
      text
        .replace(/[.+^${}()|[\]\\-]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.') +
      '$',
  );
  return { source: text, test: (t) => re.test(t) };
}

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** "30d", "12h", "1w2d", "90m", "0" → milliseconds. */
export function parseDuration(input: string, raw: string): number {
  const text = raw.trim();
  if (text === '0') return 0;
  if (!/^(\d+[smhdw])+$/.test(text)) {
    throw new InputError(
      input,
      `'${text}' is not a duration`,
      'a number with a unit s, m, h, d or w, combinable (e.g. 30d, 12h, 1w2d), or 0',
    );
  }
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)([smhdw])/g)) ms += Number(n) * UNIT_MS[unit!]!;
  if (!Number.isSafeInteger(ms)) throw new InputError(input, `'${text}' is too long a duration`);
  return ms;
}

function ruleField(input: string, index: number, rule: Record<string, unknown>): RetentionRule {
  const where = `rule ${index + 1}`;
  const known = new Set(['tags', 'keep', 'younger-than']);
  for (const key of Object.keys(rule)) {
    if (!known.has(key))
      throw new InputError(input, `${where}: unknown key '${key}'`, 'tags, keep, younger-than');
  }
  if (typeof rule.tags !== 'string' || rule.tags.trim() === '')
    throw new InputError(input, `${where}: 'tags' is required (a tag pattern)`);
  const out: RetentionRule = { pattern: parseTagPattern(input, rule.tags) };
  if (rule.keep !== undefined) {
    if (typeof rule.keep !== 'number' || !Number.isInteger(rule.keep) || rule.keep < 0)
      throw new InputError(
        input,
        `${where} (${rule.tags}): keep '${String(rule.keep)}' is not a count`,
        'an integer ≥ 0',
      );
    out.keep = rule.keep;
  }
  if (rule['younger-than'] !== undefined) {
    const raw = String(rule['younger-than']);
    out.youngerThanMs = parseDuration(input, raw);
    out.youngerThan = raw.trim();
  }
  if (out.keep === undefined && out.youngerThanMs === undefined) {
    throw new InputError(
      input,
      `${where} (${rule.tags}): says neither 'keep' nor 'younger-than'`,
      "at least one of them; 'keep: 0' deletes every image the rule matches",
    );
  }
  return out;
}

export function parseRules(input: string, raw: string): RetentionRule[] {
  if (raw.trim() === '') return [];
  let doc: unknown;
  try {
    doc = parseYaml(raw);
  } catch (e) {
    throw new InputError(input, `is not YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(doc))
    throw new InputError(input, 'must be a YAML list of rules', '- tags: dev-*\n  keep: 15');
  return doc.map((r, i) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r))
      throw new InputError(input, `rule ${i + 1} is not a mapping`, 'tags, keep, younger-than');
    return ruleField(input, i, r as Record<string, unknown>);
  });
}

export interface PolicyInputs {
  rules: string;
  'keep-tags': string;
  untagged: string;
  'untagged-grace': string;
}

export function parsePolicy(raw: PolicyInputs): Policy {
  const rules = parseRules('rules', raw.rules);
  const keepTags = parseLines(raw['keep-tags']).map((l) => parseTagPattern('keep-tags', l));
  // Conflicts: two rules for one pattern, or a rule whose pattern keep-tags already protects (it could never delete).
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.pattern.source))
      throw new InputError(
        'rules',
        `two rules for the same pattern '${rule.pattern.source}'`,
        'one rule per pattern',
      );
    seen.add(rule.pattern.source);
    if (keepTags.some((k) => k.source === rule.pattern.source))
      throw new InputError(
        'rules',
        `the rule for '${rule.pattern.source}' conflicts with keep-tags, which always keeps that pattern`,
        'remove it from one of the two',
      );
  }
  const untagged = raw.untagged.trim() || 'delete';
  if (untagged !== 'delete' && untagged !== 'keep')
    throw new InputError('untagged', `unknown value '${untagged}'`, 'delete | keep');
  return {
    rules,
    keepTags,
    deleteUntagged: untagged === 'delete',
    untaggedGraceMs: parseDuration('untagged-grace', raw['untagged-grace'].trim() || '1h'),
  };
}
