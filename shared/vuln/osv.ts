/**
 * OSV data loaded into memory and indexed by (ecosystem, package name): a
 * directory of OSV records, a single record, OSV's `all.zip` export of an
 * ecosystem, or the `{ records: [...] }` subsets scripts/refresh-osv-subset.ts
 * writes. Each record is checked against the parts of the OSV schema the
 * matcher relies on; a malformed record fails the load naming its file and id
 * (a gate that silently skipped data would pass images it never checked).
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { DataError } from '../errors.ts';
import { sha256 } from '../hash.ts';
import { fsErrorReason, readRegularFile } from '../regular-file.ts';
import { severityOf, type Severity } from './severity.ts';
import { readZipEntries } from './zip-reader.ts';

const EventSchema = z
  .object({
    introduced: z.string().optional(),
    fixed: z.string().optional(),
    last_affected: z.string().optional(),
    limit: z.string().optional(),
  })
  .refine(
    (e) => [e.introduced, e.fixed, e.last_affected, e.limit].filter((x) => x !== undefined).length === 1,
    {
      message: 'an event has exactly one of introduced, fixed, last_affected, limit',
    },
  );

const AffectedSchema = z.object({
  package: z.object({ ecosystem: z.string(), name: z.string(), purl: z.string().optional() }).optional(),
  ranges: z
    .array(z.object({ type: z.string(), repo: z.string().optional(), events: z.array(EventSchema).min(1) }))
    .optional(),
  versions: z.array(z.string()).optional(),
  ecosystem_specific: z.record(z.string(), z.unknown()).optional(),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});

export const OsvRecordSchema = z.object({
  id: z.string().min(1),
  modified: z.string().optional(),
  published: z.string().optional(),
  withdrawn: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  upstream: z.array(z.string()).optional(),
  related: z.array(z.string()).optional(),
  summary: z.string().optional(),
  severity: z.array(z.object({ type: z.string(), score: z.string() })).optional(),
  affected: z.array(AffectedSchema).optional(),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});
export type OsvRecord = z.infer<typeof OsvRecordSchema>;
export type OsvEvent = z.infer<typeof EventSchema>;

/** One (record, affected entry) pair for one package: what the matcher walks. */
export interface AffectedEntry {
  id: string;
  /** CVE and other ids the record is known by (aliases and OSV 1.7's upstream), without the record's own id. */
  aliases: string[];
  summary: string;
  published: string | null;
  severity: Severity;
  /** ECOSYSTEM ranges' events, in order (other range types never apply to distribution packages). */
  ranges: OsvEvent[][];
  versions: string[];
}

export interface OsvDatabase {
  /** What was loaded, for the report: the path and the SHA-256 of every file read, combined. */
  source: string;
  sha256: string;
  records: number;
  /** ecosystem → package → entries */
  index: Map<string, Map<string, AffectedEntry[]>>;
  ecosystems(): string[];
  lookup(ecosystem: string, name: string): AffectedEntry[];
}

const MAX_RECORD_BYTES = 16 << 20;
const MAX_FILE_BYTES = 2 * 1024 ** 3;

class Index implements OsvDatabase {
  index = new Map<string, Map<string, AffectedEntry[]>>();
  records = 0;
  source = '';
  sha256 = '';
  add(record: OsvRecord): void {
    this.records++;
    if (record.withdrawn) return;
    const aliases = [...new Set([...(record.aliases ?? []), ...(record.upstream ?? [])])].filter(
      (a) => a !== record.id,
    );
    for (const a of record.affected ?? []) {
      if (!a.package) continue;
      const ranges = (a.ranges ?? []).filter((r) => r.type === 'ECOSYSTEM').map((r) => r.events);
      if (ranges.length === 0 && !a.versions?.length) continue;
      let byName = this.index.get(a.package.ecosystem);
      if (!byName) this.index.set(a.package.ecosystem, (byName = new Map()));
      const list = byName.get(a.package.name) ?? [];
      list.push({
        id: record.id,
        aliases,
        summary: record.summary ?? '',
        published: record.published ?? null,
        severity: severityOf({
          severity: record.severity,
          database_specific: record.database_specific,
          affectedEcosystemSpecific: a.ecosystem_specific,
          affectedDatabaseSpecific: a.database_specific,
        }),
        ranges,
        versions: a.versions ?? [],
      });
      byName.set(a.package.name, list);
    }
  }
  ecosystems(): string[] {
    return [...this.index.keys()].sort();
  }
  lookup(ecosystem: string, name: string): AffectedEntry[] {
    return this.index.get(ecosystem)?.get(name) ?? [];
  }
}

function parseRecords(text: string, where: string): OsvRecord[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new DataError(`${where}: not JSON (${(e as Error).message})`);
  }
  const list =
    doc && typeof doc === 'object' && Array.isArray((doc as { records?: unknown }).records)
      ? (doc as { records: unknown[] }).records
      : Array.isArray(doc)
        ? doc
        : [doc];
  return list.map((r, i) => {
    const parsed = OsvRecordSchema.safeParse(r);
    if (!parsed.success) {
      const id = (r as { id?: unknown })?.id;
      const issue = parsed.error.issues[0]!;
      throw new DataError(
        `${where}${list.length > 1 ? ` record ${i}` : ''}${typeof id === 'string' ? ` (${id})` : ''}: not an OSV record: ${issue.path.join('.') || 'record'}: ${issue.message}`,
      );
    }
    return parsed.data;
  });
}

/**
 * Loads every OSV file under `paths` (files: .json or .zip; directories: their
 * .json and .zip files, not recursing). Throws DataError naming the file on
 * anything unreadable or malformed.
 */
export async function loadOsvDatabase(
  paths: string | string[],
  input = 'vulnerability-data',
): Promise<OsvDatabase> {
  const db = new Index();
  const digests: string[] = [];
  const files: string[] = [];
  for (const path of Array.isArray(paths) ? paths : [paths]) {
    let st;
    try {
      st = await stat(path);
    } catch (e) {
      throw new DataError(`${input}: '${path}' cannot be read (${fsErrorReason(e)})`);
    }
    if (st.isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith('.json') || n.endsWith('.zip')).sort();
      if (names.length === 0) throw new DataError(`${input}: '${path}' holds no .json or .zip OSV files`);
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  for (const file of files) {
    const bytes = await readRegularFile(file, { input, maxBytes: MAX_FILE_BYTES });
    digests.push(`${sha256(bytes)}  ${basename(file)}`);
    if (file.endsWith('.zip')) {
      for (const entry of readZipEntries(bytes, { maxEntryBytes: MAX_RECORD_BYTES }, file))
        if (entry.name.endsWith('.json'))
          for (const r of parseRecords(entry.data.toString('utf8'), `${file}:${entry.name}`)) db.add(r);
    } else for (const r of parseRecords(bytes.toString('utf8'), file)) db.add(r);
  }
  db.source = files.join(', ');
  db.sha256 = files.length === 1 ? digests[0]!.split(' ')[0]! : sha256(digests.join('\n') + '\n');
  return db;
}
