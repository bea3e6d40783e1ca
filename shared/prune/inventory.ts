/**
 * Reads every manifest of a package and everything they reach (index
 * children, the referrers a fallback-tag index lists, referrers found by the
 * referrers API) into an Inventory. Used by both targets: GHCR lists its
 * versions through the Packages API and reads manifests at ghcr.io; a plain
 * registry lists tags and reads manifests by digest.
 *
 * A manifest that cannot be fetched (after the client's retries) or parsed is
 * recorded as unreadable, and the planner then deletes nothing in the package.
 * A manifest the registry answers 404 for is recorded as missing: the parent
 * that names it is already broken, which is reported, not a reason to stop.
 */
import { mapBounded } from '../concurrency.ts';
import { configCreated, parseManifestFacts } from './manifest-facts.ts';
import { fallbackSubject } from './planner.ts';
import type { Inventory, ManifestFacts, PackageVersion, UnreadableManifest } from './types.ts';

/** The registry reads the inventory needs; each target adapts its client to this. */
export interface ManifestSource {
  /** The manifest bytes and media type, or 'missing' on 404. Throws on any other failure. */
  manifest(digest: string): Promise<{ bytes: Uint8Array; mediaType?: string } | 'missing'>;
  /** A config blob (for its `created`). */
  blob(digest: string): Promise<Uint8Array>;
  /** Referrers of a digest through the referrers API, or undefined when the registry has none. */
  referrers?(digest: string): Promise<string[] | undefined>;
}

export interface InventoryOptions {
  package: string;
  versions: PackageVersion[];
  source: ManifestSource;
  /** Add versions (id = digest, no tags) for manifests reached but not listed: a registry lists only tags. */
  addReached: boolean;
  /** Parallel manifest reads. */
  parallel?: number;
  requests: () => number;
}

export async function readInventory(o: InventoryOptions): Promise<Inventory> {
  const manifests = new Map<string, ManifestFacts>();
  const configs = new Map<string, string>(); // manifest → config digest
  const unreadable: UnreadableManifest[] = [];
  const missing: { digest: string; via: string }[] = [];
  const versions = [...o.versions];
  const known = new Set(versions.map((v) => v.digest));
  const via = new Map<string, string>();
  for (const v of versions) via.set(v.digest, v.tags.length ? `tag ${v.tags.join(', ')}` : `version ${v.id}`);

  let frontier = versions.map((v) => v.digest);
  const seen = new Set(frontier);
  while (frontier.length > 0) {
    const next: string[] = [];
    await mapBounded(frontier, o.parallel ?? 8, async (digest) => {
      let got;
      try {
        got = await o.source.manifest(digest);
      } catch (e) {
        unreadable.push({ digest, via: via.get(digest)!, reason: (e as Error).message });
        return;
      }
      if (got === 'missing') {
        const parent = via.get(digest)!;
        // Reached from a parent: that parent is already broken (reported). Listed as a version but
        // not served: the listing and the registry disagree, and that is no state to delete in.
        if (parent.startsWith('sha256:')) missing.push({ digest, via: parent });
        else
          unreadable.push({ digest, via: parent, reason: 'listed, but the registry has no such manifest' });
        return;
      }
      let parsed;
      try {
        parsed = parseManifestFacts(digest, got.bytes, got.mediaType);
      } catch (e) {
        unreadable.push({ digest, via: via.get(digest)!, reason: (e as Error).message });
        return;
      }
      manifests.set(digest, parsed.facts);
      if (parsed.config) configs.set(digest, parsed.config.digest);
      const reached = [...parsed.facts.children];
      if (o.source.referrers) {
        try {
          const refs = await o.source.referrers(digest);
          if (refs) reached.push(...refs);
        } catch (e) {
          unreadable.push({ digest, via: `referrers of ${digest}`, reason: (e as Error).message });
        }
      }
      for (const child of reached) {
        if (seen.has(child)) continue;
        seen.add(child);
        via.set(child, digest);
        if (!known.has(child) && o.addReached) {
          known.add(child);
          versions.push({ id: child, digest: child, tags: [] });
        }
        next.push(child);
      }
    });
    frontier = next;
  }

  // Creation time of tagged images without the annotation: the config's `created`
  // (for an index, the first child's). Only tagged images are ordered by time.
  const needTime = versions.filter(
    (v) =>
      v.tags.some((t) => !fallbackSubject(t)) && manifests.get(v.digest) && !manifests.get(v.digest)!.created,
  );
  await mapBounded(needTime, o.parallel ?? 8, async (v) => {
    const facts = manifests.get(v.digest)!;
    const image = facts.children.length ? facts.children.find((c) => configs.has(c)) : v.digest;
    if (image && manifests.get(image)?.created) {
      facts.created = manifests.get(image)!.created;
      return;
    }
    const config = image ? configs.get(image) : undefined;
    if (!config) return;
    // A config that cannot be read leaves the time unknown, which the planner treats as newest
    // (kept): nothing is deleted on a guess, and the package is not blocked for a missing date.
    try {
      const created = configCreated(await o.source.blob(config));
      if (created) facts.created = created;
    } catch {
      /* time unknown */
    }
  });

  return { package: o.package, versions, manifests, unreadable, missing, requests: o.requests() };
}
