/**
 * The risk score, 0–100: each finding adds its kind's weight, up to a cap per
 * kind (so one noisy category cannot hide the others or alone decide the
 * score), and the sum is clamped to 100. Allowed findings add 0. The weights
 * are documented in docs/analyze-deps.md; change them together.
 */
import type { AllowList } from './allow-list.ts';
import { byId, type Finding, type FindingKind } from './findings.ts';

/** How bad one finding of a kind is, for people reading the report; the points decide the score. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Weight {
  severity: Severity;
  perFinding: number;
  cap: number;
  why: string;
}

export const RISK_WEIGHTS: Record<FindingKind, Weight> = {
  'known-malicious': {
    severity: 'critical',
    // Fails any threshold below 100 on its own: an advisory database says this package is malware.
    perFinding: 100,
    cap: 100,
    why: 'a public advisory database records this package (version) as malware',
  },
  'lockfile-path-escape': {
    severity: 'critical',
    // Above the default threshold on its own: npm never writes such a key, so it is a forged lockfile, not noise.
    perFinding: 60,
    cap: 60,
    why: 'npm never writes a key that climbs out of node_modules: the lockfile was edited to name another package',
  },
  typosquat: {
    severity: 'high',
    perFinding: 20,
    cap: 40,
    why: 'a name that imitates a popular package is the usual vehicle of a malicious package',
  },
  cycle: {
    severity: 'medium',
    perFinding: 15,
    cap: 30,
    why: 'packages in a normal/build cycle cannot be built, audited or upgraded on their own',
  },
  'git-unpinned': {
    severity: 'medium',
    perFinding: 8,
    cap: 24,
    why: 'a branch or tag can move: the same manifest builds different code',
  },
  'vendor-concentration': {
    severity: 'medium',
    perFinding: 10,
    cap: 20,
    why: 'one compromised publisher reaches a large part of the build',
  },
  'path-outside-workspace': {
    severity: 'low',
    perFinding: 5,
    cap: 15,
    why: 'the build depends on files the repository does not contain',
  },
  'non-default-registry': {
    severity: 'low',
    perFinding: 5,
    cap: 15,
    why: 'a second registry is a second trust root and a dependency-confusion risk',
  },
  duplicate: {
    severity: 'low',
    perFinding: 1,
    cap: 15,
    why: 'several versions of one package multiply what must be audited and patched',
  },
  'exact-pin': {
    severity: 'low',
    perFinding: 2,
    cap: 10,
    why: 'an exact pin blocks compatible security fixes',
  },
  'dev-cycle': {
    severity: 'info',
    perFinding: 0,
    cap: 0,
    why: 'normal in Rust workspaces (tests of a crate use helpers that depend on it); reported, not scored',
  },
};

export interface ScoredFinding extends Finding {
  severity: Severity;
  allowed: boolean;
  /** Points this finding adds to the risk score. */
  contribution: number;
}

export interface RiskScore {
  score: number;
  byKind: Record<FindingKind, { findings: number; allowed: number; points: number }>;
  findings: ScoredFinding[];
}

export function scoreRisk(findings: Finding[], allow: AllowList): RiskScore {
  const byKind = Object.fromEntries(
    Object.keys(RISK_WEIGHTS).map((k) => [k, { findings: 0, allowed: 0, points: 0 }]),
  ) as RiskScore['byKind'];
  const scored = [...findings].sort(byId).map((f): ScoredFinding => {
    const weight = RISK_WEIGHTS[f.kind];
    const tally = byKind[f.kind];
    tally.findings++;
    const allowed = allow.matches(f.id);
    if (allowed) {
      tally.allowed++;
      return { ...f, severity: weight.severity, allowed, contribution: 0 };
    }
    const contribution = Math.max(0, Math.min(weight.perFinding, weight.cap - tally.points));
    tally.points += contribution;
    return { ...f, severity: weight.severity, allowed, contribution };
  });
  const total = Object.values(byKind).reduce((sum, t) => sum + t.points, 0);
  return { score: Math.min(100, total), byKind, findings: scored };
}
