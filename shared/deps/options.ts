/**
 * analyze-deps inputs, validated all at once before any work: each problem is
 * an InputError naming the input and what it accepts.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { isUrl, parseEnum, parseHttpUrl, parseLines, parseSha256, requireReadablePath } from '../inputs.ts';
import { checkRegularFile, fsErrorReason } from '../regular-file.ts';
import { parseAllowList, type AllowList } from './allow-list.ts';
import {
  detectSourceType,
  MAX_SOURCE_FILE_BYTES,
  readSourceFile,
  SOURCE_TYPES,
  type SourceType,
} from './load.ts';
import type { VendorOptions } from './vendors.ts';
import { DEFAULT_VENDOR_OPTIONS } from './vendors.ts';
import { cargoManifest } from './sources.ts';
import type { MaliciousSource } from './known-malicious.ts';

export interface RawAnalyzeDepsInputs {
  source: string;
  'source-type': string;
  binaries: string;
  version: string;
  name: string;
  'risk-threshold': string;
  'vendor-threshold': string;
  allow: string;
  'output-dir': string;
  /** Optional for callers written before these inputs existed. */
  'known-malicious'?: string;
  'known-malicious-sha256'?: string;
}

export interface AnalyzeDepsOptions {
  source: string;
  sourceType: Exclude<SourceType, 'auto'>;
  binaries: { name: string; path: string }[];
  /** Null: take `git describe` of the source's directory. */
  version: string | null;
  name: string | null;
  riskThreshold: number;
  vendor: VendorOptions;
  allow: AllowList;
  outputDir: string;
  /** A newer known-malicious database besides the shipped snapshot; null: the snapshot alone. */
  knownMalicious: MaliciousSource | null;
}

export const DEFAULT_RISK_THRESHOLD = 50;
/**
 * Largest binary hashed for `binaries`: release builds with debug info stay
 * well below it; a device or a runaway file is refused instead of hashed forever.
 */
export const MAX_BINARY_BYTES = 4 * 1024 ** 3;

export function parseRiskThreshold(raw: string): number {
  const v = raw.trim();
  if (v === '') return DEFAULT_RISK_THRESHOLD;
  if (!/^\d+$/.test(v) || Number(v) > 100)
    throw new InputError(
      'risk-threshold',
      `'${raw}' is not a score`,
      'an integer from 0 to 100; the step fails when the risk score is above it',
    );
  return Number(v);
}

export function parseVendorThreshold(raw: string): number {
  const v = raw.trim();
  if (v === '') return DEFAULT_VENDOR_OPTIONS.threshold;
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(v);
  const n = percent ? Number(percent[1]) / 100 : Number(v);
  if (!/^(\d+(\.\d+)?%|0?\.\d+|1(\.0+)?)$/.test(v) || !(n > 0 && n <= 1))
    throw new InputError(
      'vendor-threshold',
      `'${raw}' is not a share`,
      'a fraction in (0, 1] such as 0.3, or a percentage such as 30%',
    );
  return n;
}

export async function parseBinaries(raw: string): Promise<{ name: string; path: string }[]> {
  const out: { name: string; path: string }[] = [];
  for (const line of parseLines(raw)) {
    const eq = line.indexOf('=');
    const name = eq === -1 ? basename(line) : line.slice(0, eq).trim();
    const path = eq === -1 ? line : line.slice(eq + 1).trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name))
      throw new InputError(
        'binaries',
        `'${name}' is not a binary name`,
        "one 'name=path' or 'path' per line; names of letters, digits, '.', '_' and '-'",
      );
    if (out.some((b) => b.name === name))
      throw new InputError('binaries', `the name '${name}' is given twice`);
    await checkRegularFile(path, { input: 'binaries', maxBytes: MAX_BINARY_BYTES });
    out.push({ name, path });
  }
  return out;
}

/**
 * A workspace directory (readable and searchable), or a lockfile/metadata file
 * that is a regular file of at most MAX_SOURCE_FILE_BYTES: a device such as
 * /dev/zero would otherwise be read until memory runs out.
 */
async function sourceKind(source: string): Promise<'file' | 'directory'> {
  const s = await stat(source).catch(() => null);
  if (s?.isDirectory()) {
    await access(source, constants.R_OK | constants.X_OK).catch((e: unknown) => {
      throw new InputError('source', `the directory '${source}' cannot be read (${fsErrorReason(e)})`);
    });
    return 'directory';
  }
  await checkRegularFile(source, { input: 'source', maxBytes: MAX_SOURCE_FILE_BYTES });
  return 'file';
}

/**
 * What a directory given as `source` may hold, in the order it is looked for:
 * a Cargo.toml makes it a cargo workspace (cargo metadata knows the most);
 * otherwise the one lockfile in it is read.
 */
export const DIRECTORY_SOURCES: readonly { file: string; type: Exclude<SourceType, 'auto'> }[] = [
  { file: 'Cargo.toml', type: 'cargo-workspace' },
  { file: 'Cargo.lock', type: 'cargo-lock' },
  { file: 'package-lock.json', type: 'npm-lock' },
  { file: 'npm-shrinkwrap.json', type: 'npm-lock' },
];

const isFile = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** The source a directory holds: its workspace, or its one lockfile (of `type` when one is asked for). */
async function sourceInDirectory(
  dir: string,
  type: SourceType,
): Promise<{ source: string; type: Exclude<SourceType, 'auto'> }> {
  const wanted = DIRECTORY_SOURCES.filter((s) => type === 'auto' || s.type === type);
  const present: { source: string; type: Exclude<SourceType, 'auto'> }[] = [];
  for (const s of wanted) {
    const path = s.type === 'cargo-workspace' ? cargoManifest(resolve(dir)) : join(dir, s.file);
    if (await isFile(path)) present.push({ source: s.type === 'cargo-workspace' ? dir : path, type: s.type });
  }
  if (present[0]?.type === 'cargo-workspace') return present[0];
  if (present.length === 1) return present[0]!;
  const lookedFor = wanted.map((s) => s.file).join(', ');
  if (present.length === 0)
    throw new InputError(
      'source',
      `the directory '${dir}' has none of ${lookedFor}`,
      'a directory holding one of them, or the path of a cargo-metadata JSON file, a Cargo.lock or a package-lock.json',
    );
  throw new InputError(
    'source',
    `the directory '${dir}' has several lockfiles (${present.map((p) => basename(p.source)).join(', ')}) and no Cargo.toml`,
    'the path of the one to analyse',
  );
}

async function parseSource(
  rawSource: string,
  rawType: string,
): Promise<{ source: string; type: Exclude<SourceType, 'auto'> }> {
  const given = rawSource.trim() || '.';
  const type = parseEnum('source-type', rawType, SOURCE_TYPES, 'auto');
  const kind = await sourceKind(given);
  if (type === 'cargo-workspace' && kind !== 'directory')
    throw new InputError(
      'source',
      `'${given}' is a file; source-type cargo-workspace needs the workspace directory`,
    );
  if (kind === 'directory' && type === 'cargo-metadata')
    throw new InputError(
      'source',
      `'${given}' is a directory; source-type cargo-metadata needs the JSON file`,
    );
  if (kind === 'directory') {
    const found = await sourceInDirectory(given, type);
    if (found.type === 'cargo-workspace') return found;
    await checkRegularFile(found.source, { input: 'source', maxBytes: MAX_SOURCE_FILE_BYTES });
    return found;
  }
  const source = given;
  if (type !== 'auto') return { source, type };
  // The whole text: cargo prints "workspace_root" after the (long) package list.
  const text = await readSourceFile(source);
  const detected = detectSourceType(source, false, text);
  if (!detected)
    throw new InputError(
      'source',
      `cannot tell what '${source}' is`,
      'a cargo workspace directory, a cargo-metadata JSON file, a Cargo.lock or a package-lock.json; or set source-type',
    );
  return { source, type: detected };
}

/**
 * `known-malicious`: a path (an advisory-db or OSV checkout, or one file) or
 * an http(s) URL, which must come with `known-malicious-sha256` — a database
 * that decides whether the build fails is never taken unpinned from the network.
 */
export async function parseKnownMalicious(
  rawSource: string,
  rawSha: string,
): Promise<MaliciousSource | null> {
  const source = rawSource.trim();
  const sha = rawSha.trim();
  if (!source) {
    if (sha)
      throw new InputError('known-malicious-sha256', 'given without known-malicious', 'set both, or neither');
    return null;
  }
  if (isUrl(source)) {
    const url = parseHttpUrl('known-malicious', source);
    if (!sha)
      throw new InputError(
        'known-malicious-sha256',
        `is required with the URL ${url.href}`,
        'the SHA-256 (64 hex digits) of the file the URL serves',
      );
    return { kind: 'url', url: url.href, sha256: parseSha256('known-malicious-sha256', sha) };
  }
  if (sha)
    throw new InputError('known-malicious-sha256', 'only applies to a URL', 'leave it empty for a path');
  await requireReadablePath('known-malicious', source);
  return { kind: 'path', path: source };
}

export async function parseAnalyzeDepsInputs(raw: RawAnalyzeDepsInputs): Promise<AnalyzeDepsOptions> {
  const riskThreshold = parseRiskThreshold(raw['risk-threshold']);
  const vendorThreshold = parseVendorThreshold(raw['vendor-threshold']);
  const allow = parseAllowList('allow', parseLines(raw.allow));
  const outputDir = raw['output-dir'].trim() || 'output';
  const version = raw.version.trim() || null;
  if (version !== null && /[\s]/.test(version))
    throw new InputError(
      'version',
      `'${version}' contains whitespace`,
      'a version such as v0.1.0 or the output of git describe',
    );
  const name = raw.name.trim() || null;
  if (name !== null && !/^[A-Za-z0-9@][A-Za-z0-9@/._-]*$/.test(name))
    throw new InputError(
      'name',
      `'${name}' is not a product name`,
      "letters, digits, '@', '/', '.', '_' and '-'",
    );
  const { source, type } = await parseSource(raw.source, raw['source-type']);
  const binaries = await parseBinaries(raw.binaries);
  const knownMalicious = await parseKnownMalicious(
    raw['known-malicious'] ?? '',
    raw['known-malicious-sha256'] ?? '',
  );
  return {
    source,
    sourceType: type,
    binaries,
    version,
    name,
    riskThreshold,
    vendor: { ...DEFAULT_VENDOR_OPTIONS, threshold: vendorThreshold },
    allow,
    outputDir,
    knownMalicious,
  };
}
