/**
 * Known-malicious packages: names (and versions) that public advisory
 * databases record as malware — RustSec advisories with the `malicious`
 * category, OSV records such as OpenSSF's MAL- entries (npm, crates.io) and
 * GitHub's malware advisories in OSV form. A snapshot ships with the action
 * (data/known-malicious.json, made by scripts/refresh-deps-data.ts); the
 * `known-malicious` input adds a newer database: a RustSec advisory-db or OSV
 * checkout, one OSV/snapshot file, or a URL pinned by SHA-256.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DataError, InputError } from '../errors.ts';
import { sha256 } from '../hash.ts';
import { readRegularFile } from '../regular-file.ts';
import shipped from './data/known-malicious.json' with { type: 'json' };
import { finding, type Finding } from './findings.ts';
import type { DepGraph, Ecosystem } from './model.ts';
import { inOsvRange, satisfiesCargoReq, type OsvRange } from './versions.ts';

export type AffectedVersions =
  | { kind: 'rustsec'; unaffected: string[]; patched: string[] }
  | { kind: 'osv'; versions: string[]; ranges: OsvRange[] };

export interface MaliciousEntry {
  ecosystem: Ecosystem;
  name: string;
  /** The advisory id (RUSTSEC-…, MAL-…, GHSA-…) and its aliases. */
  id: string;
  aliases: string[];
  summary: string;
  affected: AffectedVersions;
}

export interface MaliciousSnapshot {
  schema: 'infrasim-known-malicious/1';
  generated: string;
  sources: { name: string; repository: string; commit: string; date: string; entries: number }[];
  entries: MaliciousEntry[];
}

export const SHIPPED_SNAPSHOT = shipped as MaliciousSnapshot;
/** Largest single advisory or snapshot file read (the shipped snapshot is a few KB). */
const MAX_DB_FILE_BYTES = 64 * 1024 * 1024;

export interface MaliciousDb {
  byName: Map<string, MaliciousEntry[]>;
  /** Where the entries came from, for the report. */
  sources: string[];
  size: number;
}

const key = (ecosystem: Ecosystem, name: string): string => `${ecosystem}\u0000${name}`;

export function buildMaliciousDb(entries: readonly MaliciousEntry[], sources: string[]): MaliciousDb {
  const byName = new Map<string, MaliciousEntry[]>();
  const seen = new Set<string>();
  for (const e of entries) {
    const k = key(e.ecosystem, e.name);
    if (seen.has(`${k}\u0000${e.id}`)) continue;
    seen.add(`${k}\u0000${e.id}`);
    let list = byName.get(k);
    if (!list) byName.set(k, (list = []));
    list.push(e);
  }
  return { byName, sources, size: seen.size };
}

/** A RustSec advisory (Markdown with a ```toml front matter); null unless its categories include `malicious`. */
export function parseRustsecAdvisory(text: string, file: string): MaliciousEntry | null {
  const front = /^```toml\n([\s\S]*?)\n```/.exec(text);
  if (!front) return null;
  const toml = front[1]!;
  const str = (k: string): string | undefined => new RegExp(`^${k}\\s*=\\s*"([^"]*)"`, 'm').exec(toml)?.[1];
  const list = (k: string): string[] => {
    const m = new RegExp(`^${k}\\s*=\\s*\\[([^\\]]*)\\]`, 'm').exec(toml);
    return m ? [...m[1]!.matchAll(/"([^"]*)"/g)].map((x) => x[1]!) : [];
  };
  if (!list('categories').includes('malicious')) return null;
  const id = str('id');
  const name = str('package');
  if (!id || !name) throw new DataError(`${file}: a malicious-category advisory without id or package`);
  const title =
    /^# (.+)$/m.exec(text.slice(front[0].length))?.[1]?.replace(/`/g, '') ?? `malicious crate ${name}`;
  return {
    ecosystem: 'cargo',
    name,
    id,
    aliases: list('aliases'),
    summary: title,
    affected: { kind: 'rustsec', unaffected: list('unaffected'), patched: list('patched') },
  };
}

const OSV_ECOSYSTEMS: Record<string, Ecosystem> = { npm: 'npm', 'crates.io': 'cargo' };

interface OsvRecord {
  id?: unknown;
  aliases?: unknown;
  summary?: unknown;
  details?: unknown;
  withdrawn?: unknown;
  affected?: {
    package?: { ecosystem?: unknown; name?: unknown };
    versions?: unknown;
    ranges?: { type?: unknown; events?: Record<string, unknown>[] }[];
  }[];
}

/**
 * The malware entries of one OSV record: OpenSSF's MAL- ids, or an advisory
 * (e.g. GitHub's GHSA) whose summary calls the package malicious. Other
 * vulnerabilities are not this analysis's business; withdrawn records count for nothing.
 */
export function parseOsvRecord(record: OsvRecord, file: string): MaliciousEntry[] {
  if (typeof record.id !== 'string' || !Array.isArray(record.affected))
    throw new DataError(`${file}: not an OSV record (no id or affected)`);
  if (record.withdrawn) return [];
  const summary = typeof record.summary === 'string' ? record.summary : '';
  if (!record.id.startsWith('MAL-') && !/malicious|malware/i.test(summary)) return [];
  const aliases = Array.isArray(record.aliases) ? record.aliases.filter((a) => typeof a === 'string') : [];
  const out: MaliciousEntry[] = [];
  for (const a of record.affected) {
    const ecosystem = OSV_ECOSYSTEMS[String(a.package?.ecosystem)];
    if (!ecosystem || typeof a.package?.name !== 'string') continue;
    const ranges: OsvRange[] = [];
    for (const r of a.ranges ?? []) {
      if (r.type !== 'SEMVER' && r.type !== 'ECOSYSTEM') continue;
      let open: OsvRange | null = null;
      for (const e of r.events ?? []) {
        if (typeof e.introduced === 'string') ranges.push((open = { introduced: e.introduced }));
        else if (open && typeof e.fixed === 'string') open.fixed = e.fixed;
        else if (open && typeof e.last_affected === 'string') open.lastAffected = e.last_affected;
      }
    }
    const versions = Array.isArray(a.versions) ? a.versions.filter((v) => typeof v === 'string') : [];
    out.push({
      ecosystem,
      name: a.package.name,
      id: record.id,
      aliases,
      summary: summary || `malicious package ${a.package.name}`,
      affected: { kind: 'osv', versions, ranges },
    });
  }
  return out;
}

/** The entries of one JSON text: a snapshot of ours, one OSV record, or an array of OSV records. */
export function parseMaliciousJson(text: string, file: string): MaliciousEntry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new DataError(`${file}: not JSON (${(e as Error).message})`);
  }
  if (doc && typeof doc === 'object' && (doc as { schema?: unknown }).schema === SHIPPED_SNAPSHOT.schema) {
    const entries = (doc as MaliciousSnapshot).entries;
    if (!Array.isArray(entries)) throw new DataError(`${file}: a snapshot without entries`);
    return entries;
  }
  const records = Array.isArray(doc) ? doc : [doc];
  return records.flatMap((r, i) =>
    parseOsvRecord(r as OsvRecord, records.length > 1 ? `${file}[${i}]` : file),
  );
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && /\.(json|md)$/.test(e.name) && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Entries from a directory tree (RustSec's crates/<name>/RUSTSEC-*.md, OSV *.json) or one file. */
export async function readMaliciousPath(path: string): Promise<MaliciousEntry[]> {
  const s = await stat(path);
  const files = s.isDirectory() ? await filesUnder(path) : [path];
  const out: MaliciousEntry[] = [];
  for (const file of files) {
    const text = (
      await readRegularFile(file, { input: 'known-malicious', maxBytes: MAX_DB_FILE_BYTES })
    ).toString('utf8');
    if (file.endsWith('.md')) {
      if (!/^RUSTSEC-\d{4}-\d{4}\.md$/.test(basename(file))) continue;
      const e = parseRustsecAdvisory(text, file);
      if (e) out.push(e);
    } else if (s.isDirectory() && !/"(affected|entries)"\s*:/.test(text)) {
      continue; // Other JSON in a checkout (package.json, schemas) is not an advisory.
    } else out.push(...parseMaliciousJson(text, file));
  }
  return out;
}

export type MaliciousSource = { kind: 'path'; path: string } | { kind: 'url'; url: string; sha256: string };

/** Downloads a database file and checks its SHA-256 before reading a byte of it. */
export async function readMaliciousUrl(url: string, expected: string): Promise<MaliciousEntry[]> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow' });
  } catch (e) {
    throw new DataError(`download of ${url} failed: ${String((e as Error).cause ?? (e as Error).message)}`);
  }
  if (!response.ok) throw new DataError(`download of ${url} failed: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_DB_FILE_BYTES) throw new DataError(`${url}: larger than ${MAX_DB_FILE_BYTES} bytes`);
  const actual = sha256(bytes);
  if (actual !== expected)
    throw new InputError(
      'known-malicious-sha256',
      `${url} has SHA-256 ${actual}, not the pinned ${expected}`,
      'the SHA-256 of the file the URL serves',
    );
  return parseMaliciousJson(Buffer.from(bytes).toString('utf8'), url);
}

/** The shipped snapshot, plus the newer database the workflow points at. */
export async function loadMaliciousDb(extra: MaliciousSource | null): Promise<MaliciousDb> {
  const sources = SHIPPED_SNAPSHOT.sources.map(
    (s) => `${s.name} (${s.repository}@${s.commit.slice(0, 12)}, ${s.date})`,
  );
  if (!extra) return buildMaliciousDb(SHIPPED_SNAPSHOT.entries, sources);
  const more =
    extra.kind === 'path'
      ? await readMaliciousPath(extra.path)
      : await readMaliciousUrl(extra.url, extra.sha256);
  return buildMaliciousDb(
    [...SHIPPED_SNAPSHOT.entries, ...more],
    [...sources, `${extra.kind === 'path' ? extra.path : extra.url} (${more.length} entries)`],
  );
}

/** Whether `version` is one the entry marks malicious; a version that cannot be compared counts as affected. */
export function isAffected(entry: MaliciousEntry, version: string): boolean {
  const a = entry.affected;
  if (a.kind === 'rustsec') {
    const safe = [...a.unaffected, ...a.patched].some((req) => satisfiesCargoReq(version, req) === true);
    return !safe;
  }
  if (a.versions.length === 0 && a.ranges.length === 0) return true;
  return a.versions.includes(version) || a.ranges.some((r) => inOsvRange(version, r) !== false);
}

let shippedDb: MaliciousDb | null = null;
export function shippedMaliciousDb(): MaliciousDb {
  return (shippedDb ??= buildMaliciousDb(SHIPPED_SNAPSHOT.entries, []));
}

/** One finding per package of the graph that an advisory names, with the advisory's id. */
export function findKnownMalicious(graph: DepGraph, db: MaliciousDb = shippedMaliciousDb()): Finding[] {
  const out: Finding[] = [];
  for (const p of graph.packages) {
    if (p.workspaceMember || p.source.kind === 'path') continue;
    // Nearly every name has no entry: no list to filter, nothing allocated for it.
    const entries = db.byName.get(key(graph.ecosystem, p.name));
    if (entries === undefined) continue;
    const hits = entries.filter((e) => isAffected(e, p.version));
    if (hits.length === 0) continue;
    const ids = [...new Set(hits.map((h) => h.id))].sort();
    out.push(
      finding(
        'known-malicious',
        `${p.name}@${p.version}`,
        `${p.name} ${p.version} is a known malicious package (${ids.join(', ')}: ${hits[0]!.summary})`,
        [p.id],
        [],
        {
          advisories: hits.map((h) => ({ id: h.id, aliases: h.aliases, summary: h.summary })),
        },
      ),
    );
  }
  return out;
}
