/**
 * The CycloneDX 1.6 JSON of a dependency graph, written directly: the very
 * document that buildSbom + serializeSbom (./sbom.ts, through
 * @cyclonedx/cyclonedx-library's models and normalizer) produce, byte for
 * byte (test/unit/deps-sbom-writer.test.ts compares them on the fixture
 * lockfiles), without building a model object, a sortable set and a
 * normalised copy per package: on 100,000 packages those were seconds of
 * allocation and garbage collection.
 *
 * What the library does, and this module does the same way:
 *   - keys in the normaliser's order, absent values left out;
 *   - components sorted by bom-ref with `localeCompare` (ties: purl, then
 *     group/name/version), dependencies by ref, each dependsOn list by ref;
 *   - a component's dependsOn is its distinct targets minus itself;
 *   - a hash whose value is not one the spec accepts is dropped (the list stays);
 *   - metadata.component lists the workspace members it depends on.
 * Bom-refs that are empty or repeated (the library would invent new ones)
 * cannot come from a graph, whose ids are unique; they are refused here and
 * the caller keeps the library's path for them.
 */
import { graphIndex } from './graph-index.ts';
import type { DepGraph, Package } from './model.ts';
import { hashOf, licenseOf, purlOf, serialNumber, type SbomOptions } from './sbom-parts.ts';

/** The hash values CycloneDX accepts (the library's Spec hashValuePattern). */
const HASH_VALUE =
  /^([a-fA-F0-9]{32})$|^([a-fA-F0-9]{40})$|^([a-fA-F0-9]{64})$|^([a-fA-F0-9]{96})$|^([a-fA-F0-9]{128})$/;

/** `localeCompare` without locales or options is this collator's compare (ECMA-402), without a lookup per call. */
const collator = new Intl.Collator();
const compareText = (a: string, b: string): number => collator.compare(a, b);

interface ComponentJson {
  type: 'application' | 'library';
  name: string;
  version?: string;
  'bom-ref': string;
  hashes?: { alg: string; content: string }[];
  licenses?: ({ expression: string } | { license: { name: string } })[];
  purl?: string;
}

export interface SbomDocument {
  $schema: string;
  bomFormat: 'CycloneDX';
  specVersion: '1.6';
  version: 1;
  serialNumber: string;
  metadata: { timestamp: string; component: ComponentJson };
  components: ComponentJson[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

function componentOf(pkg: Package, ecosystem: DepGraph['ecosystem']): ComponentJson {
  // Filled key by key: JSON.stringify writes keys in the order they were added, the normaliser's order.
  const c = { type: pkg.workspaceMember ? 'application' : 'library', name: pkg.name } as ComponentJson;
  if (pkg.version !== '') c.version = pkg.version;
  c['bom-ref'] = pkg.id;
  const hash = hashOf(pkg.checksum);
  if (hash) c.hashes = HASH_VALUE.test(hash[1]) ? [{ alg: hash[0], content: hash[1] }] : [];
  const license = licenseOf(pkg.license);
  if (license)
    c.licenses = [
      license.kind === 'expression' ? { expression: license.value } : { license: { name: license.value } },
    ];
  const purl = purlOf(pkg, ecosystem);
  if (purl !== undefined) c.purl = purl;
  return c;
}

/** The library's Component.compare after equal bom-refs, on the fields these components have. */
function compareComponents(a: ComponentJson, b: ComponentJson): number {
  if (a.purl !== undefined && b.purl !== undefined) return compareText(a.purl, b.purl);
  return compareText(a.name, b.name) || compareText(a.version ?? '', b.version ?? '');
}

type Ordered = Pick<SbomDocument, 'components' | 'dependencies'>;

/**
 * No two refs the collator takes as equal (the usual case): every ref has
 * its own position, so components and dependencies are placed at theirs and
 * each dependsOn list is a numeric sort of positions, deduplicated.
 */
function orderByPosition(
  graph: DepGraph,
  sorted: readonly string[],
  /** The position of the product (at 0) and of package i (at i + 1). */
  positionOf: Int32Array,
): Ordered {
  const placed: (ComponentJson | undefined)[] = new Array<ComponentJson | undefined>(sorted.length);
  graph.packages.forEach((p, i) => (placed[positionOf[i + 1]!] = componentOf(p, graph.ecosystem)));
  const productAt = positionOf[0]!;
  const components = placed.filter((c, i) => i !== productAt) as ComponentJson[];

  // Targets by source position; the product depends on the workspace members.
  const targets: (number[] | undefined)[] = new Array<number[] | undefined>(sorted.length);
  const add = (from: number, to: number): void => {
    if (from !== to) (targets[from] ??= []).push(to);
  };
  graph.packages.forEach((p, i) => {
    if (p.workspaceMember) add(productAt, positionOf[i + 1]!);
  });
  const { from, to } = graphIndex(graph);
  for (let i = 0; i < from.length; i++) add(positionOf[from[i]! + 1]!, positionOf[to[i]! + 1]!);
  const dependencies: SbomDocument['dependencies'] = sorted.map((ref, i) => {
    const to = targets[i];
    if (!to) return { ref };
    const order = Int32Array.from(to).sort();
    const dependsOn: string[] = [];
    for (let k = 0; k < order.length; k++)
      if (k === 0 || order[k] !== order[k - 1]) dependsOn.push(sorted[order[k]!]!);
    return { ref, dependsOn };
  });
  return { components, dependencies };
}

/**
 * Some refs compare equal (canonically equivalent Unicode, ignorable
 * characters): the library's comparator sorts, stable, so equal refs keep
 * the order they came in, and components fall back to purl, name, version.
 */
function orderWithTies(graph: DepGraph, productRef: string, sorted: readonly string[]): Ordered {
  const rank = new Map<string, number>();
  let r = 0;
  sorted.forEach((ref, i) => {
    if (i > 0 && compareText(sorted[i - 1]!, ref) !== 0) r = i;
    rank.set(ref, r);
  });
  const byRank = (a: string, b: string): number => rank.get(a)! - rank.get(b)!;
  // Targets by source, first-seen order, each once (the library's dependency sets).
  const targets = new Map<string, Set<string>>();
  targets.set(productRef, new Set());
  for (const p of graph.packages) {
    targets.set(p.id, new Set());
    if (p.workspaceMember) targets.get(productRef)!.add(p.id);
  }
  for (const e of graph.edges) targets.get(e.from)!.add(e.to);
  const dependencies: SbomDocument['dependencies'] = [];
  for (const [ref, to] of targets) {
    to.delete(ref);
    dependencies.push(to.size > 0 ? { ref, dependsOn: [...to].sort(byRank) } : { ref });
  }
  dependencies.sort((a, b) => byRank(a.ref, b.ref));
  const components = graph.packages
    .map((p) => componentOf(p, graph.ecosystem))
    .sort((a, b) => byRank(a['bom-ref'], b['bom-ref']) || compareComponents(a, b));
  return { components, dependencies };
}

/** The document, or null when a bom-ref is empty or repeated (see the module comment). */
export function sbomDocument(graph: DepGraph, options: SbomOptions): SbomDocument | null {
  const productRef = `product:${options.name}`;
  // Ids numbered once each are unique; the product's ref and the empty ref must not be among them.
  const { indexOf } = graphIndex(graph);
  if (indexOf.size !== graph.packages.length || indexOf.has('') || indexOf.has(productRef)) return null;
  const product = { type: 'application', name: options.name } as ComponentJson;
  if (options.version !== '') product.version = options.version;
  product['bom-ref'] = productRef;

  // Every order below is the collator's order of bom-refs: sort them once (stable: ties keep the product
  // first, then the packages' order), then place by position.
  const refs = [productRef, ...graph.packages.map((p) => p.id)];
  const order = Array.from(refs.keys()).sort((a, b) => compareText(refs[a]!, refs[b]!));
  const sorted = order.map((r) => refs[r]!);
  const positionOf = new Int32Array(refs.length);
  let tied = false;
  order.forEach((r, k) => {
    positionOf[r] = k;
    if (k > 0 && compareText(sorted[k - 1]!, sorted[k]!) === 0) tied = true;
  });
  const { components, dependencies } = tied
    ? orderWithTies(graph, productRef, sorted)
    : orderByPosition(graph, sorted, positionOf);

  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    serialNumber: serialNumber(options.graphSha256),
    metadata: { timestamp: options.timestamp.toISOString(), component: product },
    components,
    dependencies,
  };
}

/** The SBOM text as serializeSbom(buildSbom(graph, options)) writes it, or null as sbomDocument. */
export function writeSbomJson(
  graph: DepGraph,
  options: SbomOptions,
): { json: string; document: SbomDocument } | null {
  const document = sbomDocument(graph, options);
  return document && { json: JSON.stringify(document, null, 2) + '\n', document };
}
