/**
 * Reads the dependency graph from what the workflow points at: a cargo
 * workspace (runs `cargo metadata`), a cargo-metadata JSON file, a Cargo.lock
 * or an npm package-lock.json.
 */
import { basename, resolve } from 'node:path';
import { DataError } from '../errors.ts';
import { requireTool, run } from '../exec.ts';
import { readRegularFile } from '../regular-file.ts';
import { parseCargoLock } from './cargo-lock.ts';
import { parseCargoMetadata } from './cargo-metadata.ts';
import type { DepGraph } from './model.ts';
import { parseNpmLock } from './npm-lock.ts';
import { cargoManifest } from './sources.ts';

export const SOURCE_TYPES = ['auto', 'cargo-workspace', 'cargo-metadata', 'cargo-lock', 'npm-lock'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/**
 * Largest lockfile or cargo-metadata JSON read as `source`: the metadata of
 * the largest public Rust workspaces is a few tens of MiB. The text is parsed
 * in memory, so the limit also bounds what a hostile `source` can make us hold.
 */
export const MAX_SOURCE_FILE_BYTES = 128 * 1024 * 1024;

/** The text of a `source` file: a regular file of at most MAX_SOURCE_FILE_BYTES, errors naming the input. */
export async function readSourceFile(path: string): Promise<string> {
  return (await readRegularFile(path, { input: 'source', maxBytes: MAX_SOURCE_FILE_BYTES })).toString('utf8');
}

export interface LoadedGraph {
  graph: DepGraph;
  /** The cargo metadata JSON exactly as cargo (or the given file) produced it. */
  cargoMetadataJson: string | null;
}

/** Decides the source type of a file from its name, then its content. */
export function detectSourceType(
  path: string,
  isDirectory: boolean,
  text: string | null,
): Exclude<SourceType, 'auto'> | null {
  if (isDirectory) return 'cargo-workspace';
  const name = basename(path);
  if (name === 'Cargo.lock' || name.endsWith('.Cargo.lock')) return 'cargo-lock';
  if (name === 'package-lock.json' || name === 'npm-shrinkwrap.json') return 'npm-lock';
  if (text === null) return null;
  if (/^\s*\{/.test(text)) {
    if (/"workspace_root"\s*:/.test(text)) return 'cargo-metadata';
    if (/"lockfileVersion"\s*:/.test(text)) return 'npm-lock';
  } else if (/^\s*(#.*\n\s*)*(version\s*=|\[\[package\]\])/.test(text)) return 'cargo-lock';
  return null;
}

/** Runs `cargo metadata` for the workspace in `dir` (honours CARGO_NET_OFFLINE for offline builders). */
export async function runCargoMetadata(dir: string): Promise<string> {
  const cargo = await requireTool('cargo').catch(() => {
    throw new Error(
      `cargo is not on PATH: install a Rust toolchain before this step (e.g. dtolnay/rust-toolchain or apt-get install cargo), or give a cargo-metadata JSON or Cargo.lock as 'source'`,
    );
  });
  const r = await run(
    cargo,
    ['metadata', '--format-version', '1', '--all-features', '--manifest-path', cargoManifest(resolve(dir))],
    {
      // cargo reads .cargo/config.toml from the working directory upwards, not from the manifest's.
      cwd: dir,
      hint: `cargo metadata failed for the workspace in ${dir}`,
    },
  );
  return r.stdout;
}

export async function loadGraph(path: string, type: Exclude<SourceType, 'auto'>): Promise<LoadedGraph> {
  if (type === 'cargo-workspace') {
    const json = await runCargoMetadata(path);
    return { graph: parseCargoMetadata(json, `cargo metadata of ${path}`), cargoMetadataJson: json };
  }
  const text = await readSourceFile(path);
  if (text.trim() === '') throw new DataError(`${path}: the file is empty`);
  switch (type) {
    case 'cargo-metadata':
      return { graph: parseCargoMetadata(text, path), cargoMetadataJson: text };
    case 'cargo-lock':
      return { graph: parseCargoLock(text, path), cargoMetadataJson: null };
    case 'npm-lock':
      return { graph: parseNpmLock(text, path), cargoMetadataJson: null };
  }
}
