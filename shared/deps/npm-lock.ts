/**
 * npm package-lock.json (lockfileVersion 2 and 3) → DepGraph.
 *
 * The `packages` map is keyed by install path (`node_modules/a/node_modules/b`);
 * a dependency is found the way Node finds it at run time: the nearest
 * `node_modules/<name>` walking up from the dependent's folder. Copies of the
 * same name@version at several paths are one package in the graph.
 */
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
  for (const [path, entry] of Object.entries(entries)) {
    if (entry.link) continue; // resolved below to the folder it points at
    const name = entry.name ?? nameFromPath(path);
    const inNodeModules = path.startsWith('node_modules/') || path.includes('/node_modules/');
    let source: PackageSource;
    let member = false;
    if (!inNodeModules) {
      const outside = path.startsWith('../') || path.startsWith('/');
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
