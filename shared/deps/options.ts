/**
 * analyze-deps inputs, validated all at once before any work: each problem is
 * an InputError naming the input and what it accepts.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { parseEnum, parseLines } from '../inputs.ts';
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

async function parseSource(
  rawSource: string,
  rawType: string,
): Promise<{ source: string; type: Exclude<SourceType, 'auto'> }> {
  const source = rawSource.trim() || '.';
  const type = parseEnum('source-type', rawType, SOURCE_TYPES, 'auto');
  const kind = await sourceKind(source);
  if (type === 'cargo-workspace' || (type === 'auto' && kind === 'directory')) {
    if (kind !== 'directory')
      throw new InputError(
        'source',
        `'${source}' is a file; source-type cargo-workspace needs the workspace directory`,
      );
    await stat(cargoManifest(resolve(source))).catch(() => {
      throw new InputError(
        'source',
        `'${source}' has no Cargo.toml`,
        'a cargo workspace directory, a cargo-metadata JSON file, a Cargo.lock or a package-lock.json',
      );
    });
    return { source, type: 'cargo-workspace' };
  }
  if (kind === 'directory')
    throw new InputError('source', `'${source}' is a directory; source-type ${type} needs a file`);
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
  };
}
