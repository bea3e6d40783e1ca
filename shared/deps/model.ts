/**
 * The one dependency-graph model every parser produces and every analysis
 * reads: packages identified by a canonical id that does not depend on the
 * machine (no absolute paths) or on the input format's own id syntax.
 */

export type Ecosystem = 'cargo' | 'npm';
export type GraphOrigin = 'cargo-metadata' | 'cargo-lock' | 'npm-lock';

/**
 * How a dependency is used. `unknown` comes from lockfiles that do not record
 * it (Cargo.lock lists dev-dependencies alongside normal ones).
 */
export type EdgeKind = 'normal' | 'build' | 'dev' | 'optional' | 'peer' | 'unknown';

export type PackageSource =
  /** A package registry; `isDefault` for crates.io / registry.npmjs.org. */
  | { kind: 'registry'; url: string; isDefault: boolean }
  /** A git repository; `reference` is what the manifest asked for, `commit` what was resolved. */
  | {
      kind: 'git';
      url: string;
      reference: { type: 'rev' | 'branch' | 'tag' | 'default'; value: string };
      commit: string | null;
    }
  /** A local directory. `path` is relative to the workspace root when known. */
  | { kind: 'path'; path: string | null; outsideWorkspace: boolean | null };

export interface Package {
  /** Canonical id: `name@version`, plus ` (source)` unless it comes from the default registry. */
  id: string;
  name: string;
  version: string;
  source: PackageSource;
  /** Part of the workspace being analysed (the builder's own code). */
  workspaceMember: boolean;
  /** The repository URL the package declares, when the input carries it (cargo metadata). */
  repository: string | null;
  license: string | null;
  /** Registry checksum (Cargo.lock `checksum`, npm `integrity`). */
  checksum: string | null;
}

export interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
}

/** A dependency as a manifest declares it, for pin analysis (requirements are not in the resolved graph). */
export interface Declaration {
  from: string;
  name: string;
  /** The version requirement or npm spec, e.g. `=1.2.3`, `^1`, `github:o/r#main`. */
  requirement: string;
  kind: EdgeKind;
}

/**
 * An entry of the input that names a place outside where packages live (a
 * package-lock key `node_modules/../../evil`, a dependency named `../x`): it
 * is left out of the graph and reported as a `lockfile-path-escape` finding.
 */
export interface PathEscape {
  /** The key or dependency name as the input wrote it. */
  path: string;
  /** Why it is refused, e.g. "climbs out of node_modules". */
  reason: string;
  /** The package whose entry names it (a dependency name); null for a key. */
  dependent: string | null;
  /** name@version the entry claimed, when it had one. */
  claimed: string | null;
}

export interface DepGraph {
  ecosystem: Ecosystem;
  origin: GraphOrigin;
  /** The file the graph was read from, for messages. */
  file: string;
  packages: Package[];
  edges: Edge[];
  declarations: Declaration[];
  /** Whether edge kinds were recorded by the input (false for Cargo.lock). */
  edgeKindsKnown: boolean;
  /** Entries left out because they point outside where packages live (npm only). */
  pathEscapes?: PathEscape[];
}

export const DEFAULT_CARGO_REGISTRIES = new Set([
  'registry+https://github.com/rust-lang/crates.io-index',
  'sparse+https://index.crates.io/',
]);

/** The canonical id of a package: stable across machines and input formats. */
export function packageId(name: string, version: string, source: PackageSource): string {
  const base = `${name}@${version}`;
  switch (source.kind) {
    case 'registry':
      return source.isDefault ? base : `${base} (registry ${source.url})`;
    case 'git':
      return `${base} (git ${source.url}#${source.commit ?? source.reference.value})`;
    case 'path':
      return `${base} (path)`;
  }
}

/** Collects packages and edges, dropping exact repeats (npm installs one package at several paths). */
export class GraphBuilder {
  readonly packages = new Map<string, Package>();
  /** Each distinct edge once, in the order first added. */
  readonly edges: Edge[] = [];
  /**
   * from → to → the kind seen (a list once there are several): finds a repeat
   * without building a key string, or a list, per edge.
   */
  private readonly seen = new Map<string, Map<string, EdgeKind | EdgeKind[]>>();
  readonly declarations: Declaration[] = [];
  readonly pathEscapes: PathEscape[] = [];

  addPackage(pkg: Package): void {
    const existing = this.packages.get(pkg.id);
    if (existing) {
      existing.workspaceMember ||= pkg.workspaceMember;
      return;
    }
    this.packages.set(pkg.id, pkg);
  }

  addEdge(edge: Edge): void {
    let targets = this.seen.get(edge.from);
    if (!targets) this.seen.set(edge.from, (targets = new Map()));
    const kinds = targets.get(edge.to);
    if (kinds === undefined) targets.set(edge.to, edge.kind);
    else if (typeof kinds === 'string') {
      if (kinds === edge.kind) return;
      targets.set(edge.to, [kinds, edge.kind]);
    } else if (kinds.includes(edge.kind)) return;
    else kinds.push(edge.kind);
    this.edges.push(edge);
  }

  build(meta: Pick<DepGraph, 'ecosystem' | 'origin' | 'file' | 'edgeKindsKnown'>): DepGraph {
    return {
      ...meta,
      packages: [...this.packages.values()],
      edges: [...this.edges],
      declarations: this.declarations,
      pathEscapes: this.pathEscapes,
    };
  }
}
