/**
 * The maintainer's allow-list: finding ids (`<kind>:<subject>`) they have
 * reviewed and accepted. `*` matches any run of characters, so
 * `duplicate:windows-*` or `dev-cycle:*` accept a family at once. Allowed
 * findings stay in the report but add nothing to the risk score. Patterns are
 * matched by glob.ts without backtracking, whatever their number of stars.
 */
import { InputError } from '../errors.ts';
import { FINDING_KINDS, type FindingKind } from './findings.ts';
import { compileGlob } from './glob.ts';

export interface AllowList {
  entries: string[];
  matches(id: string): boolean;
}

export function parseAllowList(inputName: string, lines: string[]): AllowList {
  const patterns = lines.map((line) => {
    const colon = line.indexOf(':');
    const kind = line.slice(0, colon);
    if (colon < 1 || !(FINDING_KINDS as readonly string[]).includes(kind) || colon === line.length - 1) {
      throw new InputError(
        inputName,
        `'${line}' is not a finding id`,
        `one '<kind>:<subject>' per line, kind one of ${FINDING_KINDS.join(' | ')}, '*' as wildcard`,
      );
    }
    return compileGlob(line);
  });
  return { entries: lines, matches: (id) => patterns.some((p) => p.matches(id)) };
}

export const EMPTY_ALLOW_LIST: AllowList = { entries: [], matches: () => false };

export type { FindingKind };
