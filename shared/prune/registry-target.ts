/**
 * Any OCI registry as a retention target, through the distribution API:
 * every tag (n/last pagination), each tag's manifest by digest, everything
 * those reach (index children, the referrers API or the `sha256-<hex>`
 * fallback tag index), and DELETE by digest (which removes every tag on it).
 *
 * The distribution API cannot list manifests no tag reaches: such leftovers
 * are invisible here (docs/prune-packages.md says what to do about them).
 * Also the source of manifests for the GHCR target, which reads ghcr.io.
 */
import { InputError } from '../errors.ts';
import { RegistryError, type RegistryClient } from '../oci/registry-client.ts';
import { readInventory, type ManifestSource } from './inventory.ts';
import type { Inventory, PackageVersion, PruneTarget } from './types.ts';

/** Reads manifests, configs and referrers of one repository through the shared registry client. */
export function registryManifestSource(
  client: RegistryClient,
  repository: string,
  /** Manifests already read (by tag), so none is fetched twice. */
  cache = new Map<string, { bytes: Uint8Array; mediaType: string }>(),
): ManifestSource {
  let referrersApi: boolean | undefined;
  return {
    async manifest(digest) {
      const cached = cache.get(digest);
      if (cached) return cached;
      const m = await client.getManifest(repository, digest);
      return m ? { bytes: m.bytes, mediaType: m.mediaType } : 'missing';
    },
    async blob(digest) {
      return client.getBlob(repository, digest, 4 * 1024 * 1024);
    },
    async referrers(digest) {
      // The fallback tag index is a version of its own (listed with its tag); only the API adds
      // anything new. One probe tells whether the registry has the API: without it (docker-registry,
      // GHCR) asking again per manifest would double the requests for nothing.
      if (referrersApi === false) return undefined;
      const r = await client.referrers(repository, digest);
      referrersApi = r.via === 'api';
      return referrersApi ? r.descriptors.map((d) => d.digest) : undefined;
    },
  };
}

export interface RegistryTargetOptions {
  client: RegistryClient;
  repository: string;
  requests: () => number;
  log: (message: string) => void;
}

export class RegistryTarget implements PruneTarget {
  readonly kind = 'registry' as const;
  readonly refusesLastTaggedVersion = false;
  private readonly o: RegistryTargetOptions;

  constructor(o: RegistryTargetOptions) {
    this.o = o;
  }

  requestCount(): number {
    return this.o.requests();
  }

  async inventory(): Promise<Inventory> {
    const { client, repository } = this.o;
    const tags = await client.listTags(repository);
    if (tags.length === 0)
      throw new InputError(
        'package',
        `${client.registry} has no repository '${repository}' (no tags to start from)`,
      );
    // Each tag's manifest is read once (GET by tag, digest computed from the bytes and checked by
    // the client); versions are digests with all their tags.
    const byDigest = new Map<string, PackageVersion>();
    const cache = new Map<string, { bytes: Uint8Array; mediaType: string }>();
    const unreadable: Inventory['unreadable'] = [];
    let relisted: Set<string> | null = null;
    for (const tag of tags) {
      let m;
      try {
        m = await client.getManifest(repository, tag);
      } catch (e) {
        unreadable.push({ digest: `tag ${tag}`, via: `tag ${tag}`, reason: (e as Error).message });
        continue;
      }
      if (!m) {
        // Listed but not served: deleted since the listing (then a new listing no longer has it: fine), or a
        // registry that disagrees with itself. Then its digest is unknown, and that digest may carry other
        // tags a rule would let go (deleting it would take this tag with it, a `prod` too): no state to
        // delete in.
        relisted ??= new Set(await client.listTags(repository));
        if (!relisted.has(tag)) continue;
        unreadable.push({
          digest: `tag ${tag}`,
          via: `tag ${tag}`,
          reason: 'listed, but the registry answers 404 for it',
        });
        continue;
      }
      cache.set(m.digest, { bytes: m.bytes, mediaType: m.mediaType });
      const v = byDigest.get(m.digest) ?? { id: m.digest, digest: m.digest, tags: [] };
      v.tags.push(tag);
      byDigest.set(m.digest, v);
    }
    this.o.log(
      `listed ${tags.length} tags on ${byDigest.size} manifests of ${client.registry}/${repository}`,
    );
    const inv = await readInventory({
      package: `${client.registry}/${repository}`,
      versions: [...byDigest.values()],
      source: registryManifestSource(client, repository, cache),
      addReached: true,
      requests: () => this.requestCount(),
    });
    inv.unreadable.push(...unreadable);
    return inv;
  }

  async deleteVersion(version: { id: string; digest: string }) {
    try {
      const existed = await this.o.client.deleteManifest(this.o.repository, version.digest);
      return { outcome: existed ? ('deleted' as const) : ('already-gone' as const) };
    } catch (e) {
      // 405: deletes are disabled on this registry (or it is GHCR, whose manifests go through the Packages API).
      if (e instanceof RegistryError && (e.status === 405 || e.status === 403))
        return { outcome: 'refused' as const, message: e.message };
      throw e;
    }
  }
}
