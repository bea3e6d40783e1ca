/**
 * `cargo metadata --format-version 1` JSON → DepGraph. The schema below is
 * the part of cargo's documented output this action reads; anything else in
 * the document is ignored, anything missing is a DataError naming the file.
 */
import { isAbsolute, relative, sep, dirname } from 'node:path';
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
import { parseCargoSource } from './sources.ts';

const depKindSchema = z.enum(['dev', 'build']).nullable();

export const cargoMetadataSchema = z.object({
  version: z.literal(1, { message: 'format version must be 1 (run cargo metadata --format-version 1)' }),
  workspace_root: z.string(),
  workspace_members: z.array(z.string()),
  packages: z.array(
    z.object({
      name: z.string().min(1),
      version: z.string().min(1),
      id: z.string().min(1),
      source: z.string().nullable(),
      license: z.string().nullable().optional(),
      repository: z.string().nullable().optional(),
      manifest_path: z.string(),
      dependencies: z.array(
        z.object({
          name: z.string(),
          source: z.string().nullable().optional(),
          req: z.string(),
          kind: depKindSchema.optional(),
          path: z.string().optional(),
        }),
      ),
    }),
  ),
  resolve: z
    .object({
      root: z.string().nullable().optional(),
      nodes: z.array(
        z.object({
          id: z.string(),
          dependencies: z.array(z.string()),
          deps: z
            .array(
              z.object({
                pkg: z.string(),
                dep_kinds: z.array(z.object({ kind: depKindSchema })).optional(),
              }),
            )
            .optional(),
        }),
      ),
    })
    .nullable(),
});

export type CargoMetadata = z.infer<typeof cargoMetadataSchema>;

/** Parses and validates the JSON text; errors name the file and the first schema problem. */
export function readCargoMetadata(text: string, file: string): CargoMetadata {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DataError(`${file}: not valid JSON (truncated?): ${(e as Error).message}`);
  }
  const parsed = cargoMetadataSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DataError(
      `${file}: not cargo metadata format 1: ${issue.path.join('.') || '(document)'}: ${issue.message}`,
    );
  }
  return parsed.data;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function parseCargoMetadata(text: string, file: string): DepGraph {
  const meta = readCargoMetadata(text, file);
  if (!meta.resolve)
    throw new DataError(
      `${file}: 'resolve' is null: the metadata was produced with --no-deps; run without it`,
    );
  const members = new Set(meta.workspace_members);
  const builder = new GraphBuilder();
  const idOf = new Map<string, string>();

  for (const p of meta.packages) {
    let source: PackageSource | null;
    if (p.source === null) {
      const dir = dirname(p.manifest_path);
      // Relative to the workspace root, so the canonical form is the same on every machine.
      const rel = relative(meta.workspace_root, dir).split(sep).join('/') || '.';
      source = { kind: 'path', path: rel, outsideWorkspace: !isInside(meta.workspace_root, dir) };
    } else source = parseCargoSource(p.source);
    if (!source)
      throw new DataError(`${file}: package ${p.name} ${p.version} has an unknown source '${p.source}'`);
    const pkg: Package = {
      id: packageId(p.name, p.version, source),
      name: p.name,
      version: p.version,
      source,
      workspaceMember: members.has(p.id),
      repository: p.repository ?? null,
      license: p.license ?? null,
      checksum: null,
    };
    idOf.set(p.id, pkg.id);
    builder.addPackage(pkg);
    for (const d of p.dependencies) {
      builder.declarations.push({ from: pkg.id, name: d.name, requirement: d.req, kind: d.kind ?? 'normal' });
    }
  }
  for (const m of members) {
    if (!idOf.has(m)) throw new DataError(`${file}: workspace member '${m}' is not in 'packages'`);
  }

  const lookup = (id: string, context: string): string => {
    const canonical = idOf.get(id);
    if (!canonical) throw new DataError(`${file}: ${context} refers to '${id}', which is not in 'packages'`);
    return canonical;
  };
  for (const node of meta.resolve.nodes) {
    const from = lookup(node.id, 'a resolve node');
    if (node.deps) {
      for (const dep of node.deps) {
        const to = lookup(dep.pkg, `a dependency of ${from}`);
        const kinds: EdgeKind[] = dep.dep_kinds?.length
          ? dep.dep_kinds.map((k) => k.kind ?? 'normal')
          : ['unknown'];
        for (const kind of new Set(kinds)) builder.addEdge({ from, to, kind });
      }
    } else {
      // cargo before 1.41 wrote only `dependencies` (no kinds).
      for (const dep of node.dependencies)
        builder.addEdge({ from, to: lookup(dep, `a dependency of ${from}`), kind: 'unknown' });
    }
  }
  const edgeKindsKnown = meta.resolve.nodes.every((n) => n.deps !== undefined);
  return builder.build({ ecosystem: 'cargo', origin: 'cargo-metadata', file, edgeKindsKnown });
}
