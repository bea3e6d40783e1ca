/**
 * Cargo.lock (format versions 3 and 4) → DepGraph.
 *
 * A lockfile records neither edge kinds (dev-dependencies are listed like
 * normal ones) nor where path packages live, so: edges are `unknown`, and every
 * package without a `source` is treated as a workspace member.
 */
import { DataError } from '../errors.ts';
import {
  GraphBuilder,
  packageId,
  type DepGraph,
  type Edge,
  type Package,
  type PackageSource,
} from './model.ts';
import { parseCargoSource } from './sources.ts';
import { readCanonicalCargoLock } from './cargo-lock-canonical.ts';
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

/** Where a message points: built only for a message (a string per package is measurable on 100,000). */
const entry = (file: string, index: number): string => `${file}: [[package]] #${index + 1}`;

function stringField(
  file: string,
  index: number,
  t: TomlTable,
  key: string,
  required: boolean,
): string | undefined {
  const v = t[key];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || v === '')
    throw new DataError(`${entry(file, index)}: '${key}' must be a non-empty string`);
  return v;
}

function readLockPackage(file: string, raw: unknown, index: number): LockPackage {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new DataError(`${entry(file, index)} is not a table`);
  const t = raw as TomlTable;
  const deps = t.dependencies ?? [];
  if (!Array.isArray(deps) || deps.some((d) => typeof d !== 'string'))
    throw new DataError(`${entry(file, index)}: 'dependencies' must be an array of strings`);
  return {
    name: stringField(file, index, t, 'name', true)!,
    version: stringField(file, index, t, 'version', true)!,
    source: stringField(file, index, t, 'source', false),
    checksum: stringField(file, index, t, 'checksum', false),
    dependencies: deps as string[],
  };
}

export function parseCargoLock(text: string, file: string): DepGraph {
  // Cargo's own output takes the line reader; anything else (and every error) the general parser.
  const doc = readCanonicalCargoLock(text) ?? parseTomlSubset(text, file);
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
  // A lockfile names a handful of sources for thousands of packages: each is parsed once (and never mutated).
  const sources = new Map<string, PackageSource | null>();
  for (const lp of lockPackages) {
    let source: PackageSource | null | undefined;
    if (lp.source === undefined) source = { kind: 'path', path: null, outsideWorkspace: null };
    else if ((source = sources.get(lp.source)) === undefined)
      sources.set(lp.source, (source = parseCargoSource(lp.source)));
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

  // A package's edges all come from its own list (a package is listed once), so a repeated reference
  // is found within that short list: the builder's edge map (a map per package) is not needed.
  const edges: Edge[] = [];
  const targets: string[] = [];
  lockPackages.forEach((lp, i) => {
    const from = inOrder[i]!;
    targets.length = 0;
    for (const ref of lp.dependencies) {
      const to = resolveReference(file, from, ref, byName);
      if (targets.includes(to)) continue;
      targets.push(to);
      edges.push({ from: from.id, to, kind: 'unknown' });
    }
  });
  const graph = builder.build({ ecosystem: 'cargo', origin: 'cargo-lock', file, edgeKindsKnown: false });
  graph.edges = edges;
  return graph;
}

/** Whether a reference's `(source)` names the package's source (git: same repository and commit). */
function sameSource(pkg: Package, source: string): boolean {
  const parsed = parseCargoSource(source);
  if (!parsed) return false;
  return packageId(pkg.name, pkg.version, parsed) === pkg.id;
}

/** `name` or `name version`: no source, no other whitespace (test() allocates nothing, exec() would). */
const SIMPLE_REFERENCE = /^[^\s()]+(?: [^\s()]+)?$/;

/** A dependency reference is `name`, `name version` or `name version (source)`: the shortest unique form. */
function resolveReference(file: string, from: Package, ref: string, byName: Map<string, Package[]>): string {
  // The common forms, `name` and `name version`, one package of that name: no captures, no filtering.
  if (SIMPLE_REFERENCE.test(ref)) {
    const space = ref.indexOf(' ');
    const candidates = byName.get(space === -1 ? ref : ref.slice(0, space));
    if (candidates?.length === 1 && (space === -1 || candidates[0]!.version === ref.slice(space + 1)))
      return candidates[0]!.id;
  }
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
