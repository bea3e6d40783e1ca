/**
 * Duplicates: one name resolved to several packages (versions, or the same
 * version from different sources), each listed with the dependents that pull
 * it in, which is what a maintainer needs to unify them.
 */
import { finding, type Finding } from './findings.ts';
import { graphIndex } from './graph-index.ts';
import type { DepGraph, Edge } from './model.ts';
import { pushIndex } from './multimap.ts';

export function findDuplicates(graph: DepGraph): Finding[] {
  // Package numbers by name: a number for a name seen once (most), a list once it is seen again, so a
  // large graph allocates no list per name. Names keep their first-seen order.
  const byName = new Map<string, number | number[]>();
  graph.packages.forEach((p, i) => pushIndex(byName, p.name, i));
  // Incoming edges of the duplicated packages only, found by number.
  const incoming = new Map<number, Edge[]>();
  byName.forEach((seen) => {
    if (typeof seen !== 'number') for (const i of seen) incoming.set(i, []);
  });
  if (incoming.size === 0) return [];
  const { to } = graphIndex(graph);
  graph.edges.forEach((e, i) => incoming.get(to[i]!)?.push(e));

  const out: Finding[] = [];
  byName.forEach((seen, name) => {
    if (typeof seen === 'number') return;
    const pkgs = seen.map((i) => ({ p: graph.packages[i]!, edges: incoming.get(i)! }));
    pkgs.sort((a, b) => (a.p.id < b.p.id ? -1 : 1));
    const variants = pkgs.map(({ p, edges }) => ({
      package: p.id,
      version: p.version,
      dependents: [...new Set(edges.map((e) => e.from))].sort(),
    }));
    out.push(
      finding(
        'duplicate',
        name,
        `${name} is resolved ${pkgs.length} times: ${pkgs.map(({ p }) => p.id.slice(name.length + 1)).join(', ')}`,
        pkgs.map(({ p }) => p.id),
        pkgs.flatMap(({ edges }) => edges),
        { variants },
      ),
    );
  });
  return out;
}
