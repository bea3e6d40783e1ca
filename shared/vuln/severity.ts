/**
 * Severity of an OSV record as its data gives it, mapped onto one scale
 * (none < low < medium < high < critical; `unknown` when the data has none):
 * a CVSS v3 vector's base score (computed, FIRST's CVSS 3.1 formula),
 * `database_specific.severity` (GHSA-style words), or Debian's per-release
 * `ecosystem_specific.urgency` (the security tracker's unimportant / low /
 * medium / high). The highest one found wins.
 */

export const SEVERITIES = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number] | 'unknown';

export function severityRank(s: Severity): number {
  return s === 'unknown' ? -1 : SEVERITIES.indexOf(s);
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

const W = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

const roundUp = (x: number) => {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
};

/** CVSS v3.x base score of a vector such as `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`, or null. */
export function cvss3BaseScore(vector: string): number | null {
  if (!/^CVSS:3\.[01]\//.test(vector)) return null;
  const m = Object.fromEntries(
    vector
      .split('/')
      .slice(1)
      .map((p) => p.split(':') as [string, string]),
  );
  const av = W.AV[m.AV as keyof typeof W.AV];
  const ac = W.AC[m.AC as keyof typeof W.AC];
  const ui = W.UI[m.UI as keyof typeof W.UI];
  const c = W.CIA[m.C as keyof typeof W.CIA];
  const i = W.CIA[m.I as keyof typeof W.CIA];
  const a = W.CIA[m.A as keyof typeof W.CIA];
  const changed = m.S === 'C';
  if (m.S !== 'U' && !changed) return null;
  const pr = { N: 0.85, L: changed ? 0.68 : 0.62, H: changed ? 0.5 : 0.27 }[m.PR as 'N' | 'L' | 'H'];
  if ([av, ac, ui, c, i, a, pr].some((x) => x === undefined)) return null;
  const iss = 1 - (1 - c!) * (1 - i!) * (1 - a!);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  if (impact <= 0) return 0;
  const exploitability = 8.22 * av! * ac! * pr! * ui!;
  return roundUp(Math.min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10));
}

export function severityOfScore(score: number): Severity {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

/** Words the databases use: GHSA's LOW/MODERATE/HIGH/CRITICAL, Debian's urgencies, Ubuntu's priorities. */
export function severityOfWord(word: unknown): Severity {
  if (typeof word !== 'string') return 'unknown';
  const w = word.trim().toLowerCase().replace(/\*+$/, '');
  if (w === 'critical') return 'critical';
  if (w === 'high' || w === 'important') return 'high';
  if (w === 'medium' || w === 'moderate') return 'medium';
  if (w === 'low' || w === 'negligible' || w === 'unimportant') return 'low';
  return 'unknown'; // "not yet assigned", "end-of-life", anything new
}

export interface SeveritySources {
  severity?: { type: string; score: string }[];
  database_specific?: Record<string, unknown>;
  /** The matching affected entry's fields. */
  affectedEcosystemSpecific?: Record<string, unknown>;
  affectedDatabaseSpecific?: Record<string, unknown>;
}

export function severityOf(s: SeveritySources): Severity {
  let out: Severity = 'unknown';
  for (const sev of s.severity ?? []) {
    if (sev.type === 'CVSS_V3') {
      const score = cvss3BaseScore(sev.score);
      if (score !== null) out = maxSeverity(out, severityOfScore(score));
    } else if (sev.type === 'Ubuntu') out = maxSeverity(out, severityOfWord(sev.score));
  }
  out = maxSeverity(out, severityOfWord(s.database_specific?.severity));
  out = maxSeverity(out, severityOfWord(s.affectedEcosystemSpecific?.urgency));
  out = maxSeverity(out, severityOfWord(s.affectedEcosystemSpecific?.severity));
  out = maxSeverity(out, severityOfWord(s.affectedDatabaseSpecific?.severity));
  return out;
}
