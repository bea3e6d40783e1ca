/**
 * Cargo.lock (format versions 3 and 4) → DepGraph.
 *
 * A lockfile records neither edge kinds (dev-dependencies are listed like
 * normal ones) nor where path packages live, so: edges are `unknown`, and every
 * package without a `source` is treated as a workspace member.
 */
import { DataError } from '../errors.ts';
import { GraphBuilder, packageId, type DepGraph, type Package } from './model.ts';
import { parseCargoSource } from './sources.ts';
import { parseTomlSubset, type TomlTable } from './toml-subset.ts';
import { pushTo } from './multimap.ts';

export const SUPPORTED_CARGO_LOCK_VERSIONS = [3, 4];

interface LockPackage {
  name: string;
  version: string;
  source: string | undefined;
  checksum: string | undefined;
  dependencies: string[];
}

function readLockPackage(file: string, raw: unknown, index: number): LockPackage {
  // Built only for a message: a string per package is measurable on 100,000 of them.
  const where = (): string => `${file}: [[package]] #${index + 1}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new DataError(`${where()} is not a table`);
  const t = raw as TomlTable;
  const str = (key: string, required: boolean): string | undefined => {
    const v = t[key];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v === '')
      throw new DataError(`${where()}: '${key}' must be a non-empty string`);
    return v;
  };
  const deps = t.dependencies ?? [];
  if (!Array.isArray(deps) || deps.some((d) => typeof d !== 'string'))
    throw new DataError(`${where()}: 'dependencies' must be an array of strings`);
  return {
    name: str('name', true)!,
    version: str('version', true)!,
    source: str('source', false),
    checksum: str('checksum', false),
    dependencies: deps as string[],
  };
}

export function parseCargoLock(text: string, file: string): DepGraph {
  const doc = parseTomlSubset(text, file);
  const version = doc.version;
  if (version === undefined)
    throw new DataError(
      `${file}: no 'version' key: this is a Cargo.lock of format 1 or 2 (accepted: ${SUPPORTED_CARGO_LOCK_VERSIONS.join(', ')}; regenerate it with cargo 1.53 or newer)`,
    );
  if (typeof version !== 'number' || !SUPPORTED_CARGO_LOCK_VERSIONS.includes(version))
    throw new DataError(
      `${file}: unsupported Cargo.lock version ${JSON.stringify(version)} (accepted: ${SUPPORTED_CARGO_LOCK_VERSIONS.join(', ')})`,
    );
  const rawPackages = doc.package;
  if (!Array.isArray(rawPackages) || rawPackages.length === 0)
    throw new DataError(`${file}: no [[package]] entries (empty or truncated lockfile?)`);

  const lockPackages = rawPackages.map((p, i) => readLockPackage(file, p, i));
  const builder = new GraphBuilder();
  const byName = new Map<string, Package[]>();
  const inOrder: Package[] = [];
  for (const lp of lockPackages) {
    const source =
      lp.source === undefined
        ? ({ kind: 'path', path: null, outsideWorkspace: null } as const)
        : parseCargoSource(lp.source);
    if (!source)
      throw new DataError(`${file}: package ${lp.name} ${lp.version} has an unknown source '${lp.source}'`);
    const pkg: Package = {
      id: packageId(lp.name, lp.version, source),
      name: lp.name,
      version: lp.version,
      source,
      workspaceMember: lp.source === undefined,
      repository: null,
      license: null,
      checksum: lp.checksum ?? null,
    };
    if (builder.packages.has(pkg.id)) throw new DataError(`${file}: package ${pkg.id} is listed twice`);
    builder.addPackage(pkg);
    inOrder.push(pkg);
    pushTo(byName, lp.name, pkg);
  }

  lockPackages.forEach((lp, i) => {
    const from = inOrder[i]!;
    for (const ref of lp.dependencies) {
      builder.addEdge({ from: from.id, to: resolveReference(file, from, ref, byName), kind: 'unknown' });
    }
  });
  return builder.build({ ecosystem: 'cargo', origin: 'cargo-lock', file, edgeKindsKnown: false });
}

/** Whether a reference's `(source)` names the package's source (git: same repository and commit). */
function sameSource(pkg: Package, source: string): boolean {
  const parsed = parseCargoSource(source);
  if (!parsed) return false;
  return packageId(pkg.name, pkg.version, parsed) === pkg.id;
}

/** A dependency reference is `name`, `name version` or `name version (source)`: the shortest unique form. */
function resolveReference(file: string, from: Package, ref: string, byName: Map<string, Package[]>): string {
  const m = /^(\S+)(?: (\S+))?(?: \((.+)\))?$/.exec(ref);
  const candidates = m ? (byName.get(m[1]!) ?? []) : [];
  // The common case, a bare name with one package of that name: nothing to filter.
  if (m && m[2] === undefined && m[3] === undefined && candidates.length === 1) return candidates[0]!.id;
  let matches = candidates.filter(
    (p) => (m?.[2] === undefined || p.version === m[2]) && (m?.[3] === undefined || sameSource(p, m[3])),
  );
  // Cargo omits the source of path packages, so an unqualified reference that
  // still matches several packages means the path one (e.g. cargo's own
  // workspace has cargo-platform both as a member and from crates.io) — when
  // exactly one of them is a path package; otherwise the reference is ambiguous.
  if (matches.length > 1 && m?.[3] === undefined) {
    const paths = matches.filter((p) => p.source.kind === 'path');
    if (paths.length === 1) matches = paths;
  }
  if (matches.length === 0)
    throw new DataError(
      `${file}: dependency '${ref}' of ${from.name} ${from.version} is not a package of the lockfile` +
        (candidates.length > 0
          ? ` (it has ${candidates.map((p) => `${p.name} ${p.version}`).join(', ')})`
          : ''),
    );
  if (matches.length > 1)
    throw new DataError(
      `${file}: dependency '${ref}' of ${from.name} ${from.version} is ambiguous: it matches ${matches.length} packages ` +
        `(${matches.map((p) => p.id).join(', ')}); cargo names the version (and source) of a package whose name has several`,
    );
  return matches[0]!.id;
}
