/**
 * The vulnerability gate: findings at or above the severity threshold fail
 * it, unless the allow-list names their id (or one of its aliases) with an
 * expiry that has not passed. An entry past its expiry no longer allows
 * anything, so the finding fails again. Findings whose data gives no severity
 * count as `medium`: Debian's DSA and Alpine's records carry none, and
 * neither "ignore" nor "critical" would describe them.
 */
import { z } from 'zod';
import { InputError } from '../errors.ts';
import type { Finding, ImageVulnerabilities } from './match.ts';
import { SEVERITIES, severityRank, type Severity } from './severity.ts';

export type Threshold = (typeof SEVERITIES)[number];
export const THRESHOLDS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export const UNKNOWN_COUNTS_AS: Threshold = 'medium';

export interface AllowEntry {
  id: string;
  reason: string;
  /** UTC date (YYYY-MM-DD): the entry allows the finding through the end of that day. */
  expires: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EntrySchema = z.object({
  id: z.string().trim().min(1),
  reason: z.string().trim().min(1),
  expires: z.union([z.string(), z.date()]),
});

/** The allow-list as YAML or JSON text: a list of {id, reason, expires: YYYY-MM-DD}. */
export async function parseAllowList(
  text: string,
  input = 'vulnerability-allow-list',
): Promise<AllowEntry[]> {
  if (!text.trim()) return [];
  // The YAML parser only when there is a list to read: most runs have none.
  const { parse } = await import('yaml');
  let doc: unknown;
  try {
    doc = parse(text); // YAML is a superset of JSON
  } catch (e) {
    throw new InputError(
      input,
      `is not YAML or JSON: ${(e as Error).message.split('\n')[0]}`,
      'a list of {id, reason, expires}',
    );
  }
  const list = Array.isArray(doc) ? doc : (doc as { allow?: unknown })?.allow;
  if (!Array.isArray(list))
    throw new InputError(
      input,
      'is not a list',
      'a list of {id, reason, expires: YYYY-MM-DD} (or {allow: [...]})',
    );
  return list.map((raw, i) => {
    const r = EntrySchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new InputError(
        input,
        `entry ${i + 1}: ${issue.path.join('.') || 'entry'}: ${issue.message}`,
        'id, reason and expires (YYYY-MM-DD) on every entry',
      );
    }
    // YAML reads an unquoted 2026-01-31 as a date: take its UTC day.
    const expires =
      r.data.expires instanceof Date ? r.data.expires.toISOString().slice(0, 10) : r.data.expires.trim();
    if (
      !DATE.test(expires) ||
      Number.isNaN(Date.parse(`${expires}T00:00:00Z`)) ||
      new Date(`${expires}T00:00:00Z`).toISOString().slice(0, 10) !== expires
    )
      throw new InputError(
        input,
        `entry ${i + 1} (${r.data.id}): expires '${expires}' is not a date`,
        'YYYY-MM-DD',
      );
    return { id: r.data.id, reason: r.data.reason, expires };
  });
}

export interface GateFinding extends Finding {
  image: string;
  /** The severity the threshold was compared with (unknown → UNKNOWN_COUNTS_AS). */
  effective: Threshold;
  allowedBy: AllowEntry | null;
  /** An allow-list entry that named it but has expired. */
  expiredEntry: AllowEntry | null;
}

export interface GateResult {
  threshold: Threshold;
  passed: boolean;
  /** Findings at or above the threshold that no live entry allows. */
  failing: GateFinding[];
  /** At or above the threshold, allowed by a live entry. */
  allowed: GateFinding[];
  /** Below the threshold. */
  below: number;
}

function effective(s: Severity): Threshold {
  return s === 'unknown' ? UNKNOWN_COUNTS_AS : s;
}

export function evaluateGate(
  reports: { image: string; result: ImageVulnerabilities }[],
  opts: { threshold: Threshold; allowList: AllowEntry[]; now: Date },
): GateResult {
  const today = opts.now.toISOString().slice(0, 10);
  const failing: GateFinding[] = [];
  const allowed: GateFinding[] = [];
  let below = 0;
  for (const { image, result } of reports) {
    for (const f of result.findings) {
      const eff = effective(f.severity);
      if (opts.threshold === 'none' || severityRank(eff) < severityRank(opts.threshold)) {
        below++;
        continue;
      }
      const ids = new Set([f.id, ...f.aliases]);
      const entries = opts.allowList.filter((e) => ids.has(e.id));
      const live = entries.find((e) => e.expires >= today) ?? null;
      const g: GateFinding = {
        ...f,
        image,
        effective: eff,
        allowedBy: live,
        expiredEntry: live ? null : (entries[0] ?? null),
      };
      (live ? allowed : failing).push(g);
    }
  }
  return { threshold: opts.threshold, passed: failing.length === 0, failing, allowed, below };
}
