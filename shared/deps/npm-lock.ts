/**
 * npm package-lock.json (lockfileVersion 2 and 3) → DepGraph.
 *
 * The `packages` map is keyed by install path (`node_modules/a/node_modules/b`);
 * a dependency is found the way Node finds it at run time: the nearest
 * `node_modules/<name>` walking up from the dependent's folder. Copies of the
 * same name@version at several paths are one package in the graph.
 *
 * Keys are paths, and a hand-edited lockfile can make them point anywhere:
 * `node_modules/../../evil`, `../../x` that no link points at, a dependency
 * named `../x`. npm never writes these; they are left out of the graph (and
 * so out of the SBOM) and recorded as path escapes, which analysis reports.
 */
import { posix } from 'node:path';
import { z } from 'zod';
import { DataError } from '../errors.ts';
import {
  GraphBuilder,
  packageId,
  type DepGraph,
  type EdgeKind,
  type Package,
  type PackageSource,
} from './model.ts';
import { parseNpmResolved } from './sources.ts';

export const SUPPORTED_NPM_LOCK_VERSIONS = [2, 3];

const specMap = z.record(z.string(), z.string()).optional();
const entrySchema = z.object({
  name: z.string().optional(),
  version: z.string().optional(),
  resolved: z.string().optional(),
  integrity: z.string().optional(),
  license: z.unknown().optional(),
  link: z.boolean().optional(),
  dependencies: specMap,
  optionalDependencies: specMap,
  peerDependencies: specMap,
  devDependencies: specMap,
});
type Entry = z.infer<typeof entrySchema>;

const lockSchema = z.object({
  lockfileVersion: z.number(),
  packages: z.record(z.string(), entrySchema),
});

const KIND_OF_FIELD = [
  ['dependencies', 'normal'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
  ['devDependencies', 'dev'],
] as const satisfies ReadonlyArray<readonly [keyof Entry, EdgeKind]>;

function nameFromPath(path: string): string {
  const at = path.lastIndexOf('node_modules/');
  return at === -1 ? path.split('/').pop() || 'root' : path.slice(at + 'node_modules/'.length);
}

/** `name` or `@scope/name`, without `.`/`..`/empty parts: a dependency name that stays one folder. */
export function isPackageName(name: string): boolean {
  const parts = name.split('/');
  if (parts.length > 2 || (parts.length === 2 && !parts[0]!.startsWith('@'))) return false;
  return parts.every((p) => p !== '' && p !== '.' && p !== '..' && p !== '@');
}

/** Whether a folder path leaves the project's directory (absolute, or `..` after normalising). */
function leavesProject(path: string): boolean {
  const normal = posix.normalize(path);
  return posix.isAbsolute(path) || normal === '..' || normal.startsWith('../');
}

/**
 * Why a key of `packages` is not a place npm installs to, or null. Install
 * paths (with a node_modules part) must be plain: no `..`, `.` or empty parts,
 * ending in node_modules/<package name>. Folders outside the project appear
 * only as the target of a `link` entry (a `file:../x` dependency).
 */
export function keyEscape(key: string, linkTargets: ReadonlySet<string>): string | null {
  if (key === '') return null;
  const parts = key.split('/');
  if (parts.includes('node_modules')) {
    if (posix.isAbsolute(key) || parts.includes('..')) return 'climbs out of node_modules';
    if (parts.some((p) => p === '' || p === '.')) return "is not a plain install path (an empty or '.' part)";
    if (!isPackageName(nameFromPath(key))) return 'does not end in node_modules/<package name>';
    return null;
  }
  if (leavesProject(key) && !linkTargets.has(key))
    return 'is a folder outside the project that no link entry points at';
  return null;
}

export function parseNpmLock(text: string, file: string): DepGraph {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DataError(`${file}: not valid JSON (truncated?): ${(e as Error).message}`);
  }
  const version = (json as { lockfileVersion?: unknown } | null)?.lockfileVersion;
  if (typeof version !== 'number' || !SUPPORTED_NPM_LOCK_VERSIONS.includes(version))
    throw new DataError(
      `${file}: unsupported package-lock lockfileVersion ${JSON.stringify(version)} (accepted: ${SUPPORTED_NPM_LOCK_VERSIONS.join(', ')}; npm 7 or newer writes them)`,
    );
  const parsed = lockSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DataError(`${file}: malformed package-lock: ${issue.path.join('.')}: ${issue.message}`);
  }
  const entries = parsed.data.packages;
  if (!entries['']) throw new DataError(`${file}: 'packages' has no root entry ("")`);

  const builder = new GraphBuilder();
  const packageAt = new Map<string, Package>();
  const linkTargets = new Set(
    Object.entries(entries)
      .filter(([key, e]) => e.link && e.resolved !== undefined && keyEscape(key, new Set()) === null)
      .map(([, e]) => e.resolved!),
  );
  for (const [path, entry] of Object.entries(entries)) {
    const escape = keyEscape(path, linkTargets);
    if (escape) {
      const claimed =
        entry.version === undefined ? null : `${entry.name ?? nameFromPath(path)}@${entry.version}`;
      builder.pathEscapes.push({ path, reason: escape, dependent: null, claimed });
      continue;
    }
    if (entry.link) continue; // resolved below to the folder it points at
    const name = entry.name ?? nameFromPath(path);
    const inNodeModules = path.startsWith('node_modules/') || path.includes('/node_modules/');
    let source: PackageSource;
    let member = false;
    if (!inNodeModules) {
      const outside = leavesProject(path);
      source = { kind: 'path', path: path || '.', outsideWorkspace: outside };
      member = !outside;
    } else {
      if (entry.version === undefined) throw new DataError(`${file}: packages["${path}"] has no version`);
      source = parseNpmResolved(entry.resolved);
    }
    const version = entry.version ?? '0.0.0';
    const pkg: Package = {
      id: packageId(name, version, source),
      name,
      version,
      source,
      workspaceMember: member,
      repository: null,
      license: typeof entry.license === 'string' ? entry.license : null,
      checksum: entry.integrity ?? null,
    };
    builder.addPackage(pkg);
    packageAt.set(path, builder.packages.get(pkg.id)!);
  }

  const resolvePath = (fromPath: string, dep: string): Package | undefined => {
    const parts = fromPath ? fromPath.split('/') : [];
    for (let i = parts.length; i >= 0; i--) {
      const prefix = parts.slice(0, i).join('/');
      const candidate = `${prefix ? prefix + '/' : ''}node_modules/${dep}`;
      const entry = entries[candidate];
      if (!entry) continue;
      if (entry.link) return entry.resolved === undefined ? undefined : packageAt.get(entry.resolved);
      return packageAt.get(candidate);
    }
    return undefined;
  };

  for (const [path, entry] of Object.entries(entries)) {
    const from = packageAt.get(path);
    if (!from) continue;
    for (const [field, kind] of KIND_OF_FIELD) {
      // Only the root's and workspaces' devDependencies are installed.
      if (kind === 'dev' && !from.workspaceMember) continue;
      for (const [dep, spec] of Object.entries(entry[field] ?? {})) {
        if (!isPackageName(dep)) {
          // Looked up as node_modules/<dep>, such a name would reach outside node_modules.
          builder.pathEscapes.push({
            path: dep,
            reason: 'is a dependency name that is not a package name and would resolve outside node_modules',
            dependent: from.id,
            claimed: null,
          });
          continue;
        }
        builder.declarations.push({ from: from.id, name: dep, requirement: spec, kind });
        const target = resolvePath(path, dep);
        if (!target) {
          // Optional dependencies are skipped on platforms they do not support; peers are the host's to provide.
          if (kind === 'optional' || kind === 'peer') continue;
          throw new DataError(
            `${file}: ${path || 'the root package'} depends on '${dep}' (${spec}), which is not in the lockfile (incomplete lockfile: run npm install)`,
          );
        }
        builder.addEdge({ from: from.id, to: target.id, kind });
      }
    }
  }
  return builder.build({ ecosystem: 'npm', origin: 'npm-lock', file, edgeKindsKnown: true });
}
