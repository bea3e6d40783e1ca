/**
 * The secret allow-list: findings a maintainer accepts on purpose (a test
 * CA key shipped in a test image, documentation examples under a path),
 * each entry with its reason. An allowed finding is still reported — as
 * allowed, with the reason — never silently dropped.
 *
 * Format (YAML, a list; inline in the input or in a file the input names):
 *
 *   - path: /usr/share/doc/**            # glob: * and ? within a path segment, ** across segments
 *     reason: upstream documentation examples
 *   - fingerprint: 3b4c…(sha256 hex, as a finding prints it; `sha256:` prefix accepted)
 *     kind: pem-private-key              # optional: only this kind
 *     reason: the test CA key the integration suite ships on purpose
 *
 * An entry with both path and fingerprint allows only that secret in that
 * place. Globs are compiled for V8's linear-time engine.
 */
import { InputError } from '../errors.ts';
import { linearRegExp } from '../vm/console-pattern.ts';
import { SECRET_KINDS, type SecretKind } from './detectors.ts';
import type { SecretFinding } from './scan-file.ts';

export interface SecretAllowEntry {
  path: string | null;
  fingerprint: string | null;
  kind: SecretKind | null;
  reason: string;
  matchesPath: (path: string) => boolean;
}

export interface SecretAllowList {
  entries: SecretAllowEntry[];
}

export interface AllowedFinding extends SecretFinding {
  /** The allow-list entry's reason. */
  reason: string;
}

export const EMPTY_ALLOW_LIST: SecretAllowList = { entries: [] };

const ACCEPTED =
  'a YAML list of entries, each with `reason` and `path` (a glob) and/or `fingerprint` (sha256 hex of the secret, as a finding prints it), optionally `kind`';

/** `*`/`?` inside one segment, `**` across segments, everything else literal. */
export function globToRegExp(glob: string): RegExp {
  let source = '^';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        source += '(?:[^/]*/)*';
      } else source += '.*';
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  return linearRegExp(source + '$');
}

export async function parseSecretAllowList(text: string, inputName: string): Promise<SecretAllowList> {
  if (!text.trim()) return EMPTY_ALLOW_LIST;
  // The YAML parser only when there is a list to read: most runs have none.
  const { parse } = await import('yaml');
  let doc: unknown;
  try {
    // Every scalar a string: a fingerprint of digits only must not become a number.
    doc = parse(text, { schema: 'failsafe' });
  } catch (e) {
    throw new InputError(inputName, `is not valid YAML: ${(e as Error).message.split('\n')[0]}`, ACCEPTED);
  }
  return secretAllowListFrom(doc, inputName);
}

/** The allow-list from its parsed form (a list of mappings, every scalar a string), checked entry by entry. */
export function secretAllowListFrom(doc: unknown, inputName: string): SecretAllowList {
  if (!Array.isArray(doc)) throw new InputError(inputName, 'is not a list', ACCEPTED);
  const entries = doc.map((raw, i): SecretAllowEntry => {
    const at = `entry ${i + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new InputError(inputName, `${at} is not a mapping`, ACCEPTED);
    const e = raw as Record<string, unknown>;
    const unknown = Object.keys(e).filter((k) => !['path', 'fingerprint', 'kind', 'reason'].includes(k));
    if (unknown.length) throw new InputError(inputName, `${at}: unknown key '${unknown[0]}'`, ACCEPTED);
    const text = (key: string): string | null => {
      const v = e[key];
      if (v === undefined || v === null) return null;
      if (typeof v !== 'string' || !v.trim())
        throw new InputError(inputName, `${at}: '${key}' is not a non-empty string`, ACCEPTED);
      return v.trim();
    };
    const reason = text('reason');
    if (!reason)
      throw new InputError(inputName, `${at} has no reason: say why this secret may ship`, ACCEPTED);
    const path = text('path');
    let fingerprint = text('fingerprint');
    if (fingerprint !== null) {
      fingerprint = fingerprint.replace(/^sha256:/, '').toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(fingerprint))
        throw new InputError(
          inputName,
          `${at}: fingerprint '${fingerprint}' is not a sha256 (64 hex digits)`,
          ACCEPTED,
        );
    }
    if (path === null && fingerprint === null)
      throw new InputError(
        inputName,
        `${at} names neither a path nor a fingerprint: it would allow every secret`,
        ACCEPTED,
      );
    const kind = text('kind');
    if (kind !== null && !SECRET_KINDS.includes(kind as SecretKind))
      throw new InputError(inputName, `${at}: kind '${kind}' is not a secret kind`, SECRET_KINDS.join(', '));
    let matchesPath = (_: string) => true;
    if (path !== null) {
      if (path === '**' || path === '/**')
        throw new InputError(
          inputName,
          `${at}: path '${path}' matches every file`,
          'a glob naming the files the reason covers',
        );
      const re = globToRegExp(path);
      matchesPath = (p) => re.test(p);
    }
    return { path, fingerprint, kind: kind as SecretKind | null, reason, matchesPath };
  });
  return { entries };
}

/** The first entry allowing `f`, or undefined. */
export function allowedBy(f: SecretFinding, list: SecretAllowList): SecretAllowEntry | undefined {
  return list.entries.find(
    (e) =>
      (e.fingerprint === null || e.fingerprint === f.fingerprint) &&
      (e.kind === null || e.kind === f.kind) &&
      e.matchesPath(f.path),
  );
}

/** Splits findings into those that fail the gate and those the list allows (with the reason). */
export function applyAllowList<T extends SecretFinding>(
  findings: T[],
  list: SecretAllowList,
): { findings: T[]; allowed: (T & { reason: string })[] } {
  const out: T[] = [];
  const allowed: (T & { reason: string })[] = [];
  for (const f of findings) {
    const entry = allowedBy(f, list);
    if (entry) allowed.push({ ...f, reason: entry.reason });
    else out.push(f);
  }
  return { findings: out, allowed };
}
