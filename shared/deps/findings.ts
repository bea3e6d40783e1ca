/**
 * What every analysis reports: a finding with a stable id
 * (`<kind>:<subject>`) that maintainers can put on the allow-list, and the
 * packages and edges involved.
 */
import type { Edge } from './model.ts';

export const FINDING_KINDS = [
  'cycle',
  'dev-cycle',
  'duplicate',
  'vendor-concentration',
  'typosquat',
  'git-unpinned',
  'exact-pin',
  'path-outside-workspace',
  'non-default-registry',
  'lockfile-path-escape',
  'known-malicious',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  /** `<kind>:<subject>`: what the allow-list matches. */
  id: string;
  kind: FindingKind;
  subject: string;
  message: string;
  /** Canonical ids of the packages involved. */
  packages: string[];
  edges: Edge[];
  details: Record<string, unknown>;
}

export function finding(
  kind: FindingKind,
  subject: string,
  message: string,
  packages: string[],
  edges: Edge[] = [],
  details: Record<string, unknown> = {},
): Finding {
  return { id: `${kind}:${subject}`, kind, subject, message, packages, edges, details };
}

/** Sorts findings by id so reports and scores are independent of input order. */
export function byId(a: Finding, b: Finding): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
