/**
 * Semantic versions and the two ways advisory databases write version sets:
 * Cargo requirements (RustSec's `unaffected`/`patched`, e.g. `>= 1.2, < 2`,
 * `^0.8`, `<= 0.3.9`) and OSV range events (`introduced`/`fixed`/`last_affected`).
 */

export interface SemVer {
  parts: [number, number, number];
  pre: string[];
}

export function parseSemver(v: string): SemVer | null {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v.trim());
  if (!m) return null;
  return { parts: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], pre: m[4] ? m[4].split('.') : [] };
}

export function compareSemver(a: SemVer, b: SemVer): number {
  for (let i = 0; i < 3; i++) if (a.parts[i] !== b.parts[i]) return a.parts[i]! - b.parts[i]!;
  // A pre-release sorts before its release; identifiers compare numerically when both are numbers.
  if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i]!;
    const y = b.pre[i]!;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Number(x) - Number(y);
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.pre.length - b.pre.length;
}

/** Whether `version` meets one Cargo requirement (comparators joined by commas). Null: unparsable. */
export function satisfiesCargoReq(version: string, req: string): boolean | null {
  const v = parseSemver(version);
  if (!v) return null;
  for (const raw of req.split(',')) {
    const m = /^\s*(>=|<=|>|<|=|\^|~)?\s*v?(\d+)(?:\.(\d+|\*))?(?:\.(\d+|\*))?(-[0-9A-Za-z.-]+)?\s*$/.exec(
      raw,
    );
    if (!m) return null;
    const op = m[1] ?? '^';
    const given = [m[2], m[3], m[4]].filter((p) => p !== undefined && p !== '*').length;
    const base = parseSemver(
      `${m[2]}.${m[3] && m[3] !== '*' ? m[3] : 0}.${m[4] && m[4] !== '*' ? m[4] : 0}${m[5] ?? ''}`,
    )!;
    const c = compareSemver(v, base);
    const [major, minor, patch] = base.parts;
    /** The first version above what a partial or caret/tilde requirement allows. */
    const upper = (): SemVer => {
      if (op === '~' || (op === '=' && given === 2))
        return { parts: given === 1 ? [major + 1, 0, 0] : [major, minor + 1, 0], pre: ['0'] };
      if (op === '=' && given === 1) return { parts: [major + 1, 0, 0], pre: ['0'] };
      if (major > 0 || given === 1) return { parts: [major + 1, 0, 0], pre: ['0'] };
      if (minor > 0 || given === 2) return { parts: [0, minor + 1, 0], pre: ['0'] };
      return { parts: [0, 0, patch + 1], pre: ['0'] };
    };
    let ok: boolean;
    switch (op) {
      case '>=':
        ok = c >= 0;
        break;
      case '>':
        ok = c > 0;
        break;
      case '<':
        ok = c < 0;
        break;
      case '<=':
        // `<= 1.2` means every 1.2.x.
        ok = given === 3 ? c <= 0 : compareSemver(v, upper()) < 0;
        break;
      case '=':
        ok = given === 3 ? c === 0 : c >= 0 && compareSemver(v, upper()) < 0;
        break;
      default:
        ok = c >= 0 && compareSemver(v, upper()) < 0;
    }
    if (!ok) return false;
  }
  return true;
}

export interface OsvRange {
  introduced: string;
  fixed?: string;
  lastAffected?: string;
}

/** Whether `version` is inside one OSV range. Null: a version that cannot be compared. */
export function inOsvRange(version: string, range: OsvRange): boolean | null {
  const v = parseSemver(version);
  if (!v) return null;
  if (range.introduced !== '0') {
    const from = parseSemver(range.introduced);
    if (!from) return null;
    if (compareSemver(v, from) < 0) return false;
  }
  if (range.fixed) {
    const to = parseSemver(range.fixed);
    if (!to) return null;
    return compareSemver(v, to) < 0;
  }
  if (range.lastAffected) {
    const last = parseSemver(range.lastAffected);
    if (!last) return null;
    return compareSemver(v, last) <= 0;
  }
  return true;
}
