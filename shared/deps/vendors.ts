/**
 * Vendor concentration: the share of the graph's third-party packages that
 * come from one publisher. The publisher is what the input actually states —
 * never guessed from name prefixes:
 *   - git sources: the host and organisation (`github.com/tokio-rs`);
 *   - a registry other than the default: that registry;
 *   - path dependencies outside the workspace: `local paths`;
 *   - default-registry packages: the `repository` organisation (cargo
 *     metadata) or the npm scope (`@types`); otherwise `unattributed`, which is
 *     counted in the total but never flagged (it is not one publisher).
 * Workspace members are the builder's own code and are left out.
 */
import { finding, type Finding } from './findings.ts';
import type { DepGraph, Package } from './model.ts';
import { ownerOfRepositoryUrl } from './sources.ts';
import { pushTo } from './multimap.ts';

export const UNATTRIBUTED = 'unattributed';

export interface VendorOptions {
  /** Flag a publisher whose share of third-party packages is above this (0–1). */
  threshold: number;
  /** Below this many third-party packages, shares say nothing; no findings. */
  minimumPackages: number;
}

export const DEFAULT_VENDOR_OPTIONS: VendorOptions = { threshold: 0.3, minimumPackages: 10 };

export function publisherOf(pkg: Package): string {
  switch (pkg.source.kind) {
    case 'git':
      return ownerOfRepositoryUrl(pkg.source.url) ?? pkg.source.url;
    case 'path':
      return 'local paths';
    case 'registry':
      if (!pkg.source.isDefault) return `registry ${pkg.source.url}`;
  }
  if (pkg.repository) {
    const owner = ownerOfRepositoryUrl(pkg.repository);
    if (owner) return owner;
  }
  if (pkg.name.startsWith('@')) return `npm ${pkg.name.split('/')[0]}`;
  return UNATTRIBUTED;
}

export interface VendorShare {
  publisher: string;
  packages: number;
  share: number;
}

export function vendorShares(graph: DepGraph): { total: number; shares: VendorShare[] } {
  const counts = new Map<string, string[]>();
  let total = 0;
  for (const p of graph.packages) {
    if (p.workspaceMember) continue;
    total++;
    const publisher = publisherOf(p);
    pushTo(counts, publisher, p.id);
  }
  const shares = [...counts.entries()]
    .map(([publisher, ids]) => ({ publisher, packages: ids.length, share: total ? ids.length / total : 0 }))
    .sort((a, b) => b.packages - a.packages || (a.publisher < b.publisher ? -1 : 1));
  return { total, shares };
}

export function findVendorConcentration(
  graph: DepGraph,
  options: VendorOptions = DEFAULT_VENDOR_OPTIONS,
): Finding[] {
  const { total, shares } = vendorShares(graph);
  if (total < options.minimumPackages) return [];
  const out: Finding[] = [];
  for (const s of shares) {
    if (s.publisher === UNATTRIBUTED || s.share <= options.threshold) continue;
    const ids = graph.packages
      .filter((p) => !p.workspaceMember && publisherOf(p) === s.publisher)
      .map((p) => p.id);
    out.push(
      finding(
        'vendor-concentration',
        s.publisher,
        `${s.publisher} publishes ${s.packages} of ${total} third-party packages (${(s.share * 100).toFixed(1)}%, threshold ${(options.threshold * 100).toFixed(0)}%)`,
        ids.sort(),
        [],
        { share: Number(s.share.toFixed(4)), packages: s.packages, total, threshold: options.threshold },
      ),
    );
  }
  return out;
}
