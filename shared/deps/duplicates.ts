/**
 * Duplicates: one name resolved to several packages (versions, or the same
 * version from different sources), each listed with the dependents that pull
 * it in, which is what a maintainer needs to unify them.
 */
import { finding, type Finding } from './findings.ts';
import type { DepGraph, Edge, Package } from './model.ts';
import { pushTo } from './multimap.ts';

export function findDuplicates(graph: DepGraph): Finding[] {
  // The first package of each name, and lists for the names seen again only: a list per name of a large
  // graph is mostly garbage. Names keep their first-seen order.
  const first = new Map<string, Package>();
  const again = new Map<string, Package[]>();
  for (const p of graph.packages) {
    const f = first.get(p.name);
    if (f === undefined) first.set(p.name, p);
    else pushTo(again, p.name, p);
  }
  const byName = new Map<string, Package[]>();
  for (const [name, p] of first) {
    const more = again.get(name);
    if (more) byName.set(name, [p, ...more]);
  }
  // Incoming edges of the duplicated packages only.
  const duplicated = new Set<string>();
  for (const pkgs of byName.values()) for (const p of pkgs) duplicated.add(p.id);
  const incoming = new Map<string, Edge[]>();
  for (const e of graph.edges) {
    if (!duplicated.has(e.to)) continue;
    let list = incoming.get(e.to);
    if (!list) incoming.set(e.to, (list = []));
    list.push(e);
  }
  const dependentsOf = (id: string): string[] =>
    [...new Set((incoming.get(id) ?? []).map((e) => e.from))].sort();
  const out: Finding[] = [];
  for (const [name, pkgs] of byName) {
    if (pkgs.length < 2) continue;
    pkgs.sort((a, b) => (a.id < b.id ? -1 : 1));
    const variants = pkgs.map((p) => ({ package: p.id, version: p.version, dependents: dependentsOf(p.id) }));
    out.push(
      finding(
        'duplicate',
        name,
        `${name} is resolved ${pkgs.length} times: ${pkgs.map((p) => p.id.slice(name.length + 1)).join(', ')}`,
        pkgs.map((p) => p.id),
        pkgs.flatMap((p) => incoming.get(p.id) ?? []),
        { variants },
      ),
    );
  }
  return out;
}
