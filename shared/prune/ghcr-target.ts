/**
 * GHCR as a retention target. Versions are listed and deleted through
 * GitHub's Packages REST API (the registry's own manifest DELETE answers 405
 * on ghcr.io); manifests are read through the registry API at ghcr.io with the
 * same token, to find index children and referrers.
 *
 * The REST client (PackagesApi) is @actions/github's Octokit with the
 * throttling and retry plugins, built by the action (actions/prune-packages/
 * github-client.ts). Every page of the version list is read through the Link
 * header, so a package with thousands of versions is seen whole before
 * anything is planned.
 */
import { InputError } from '../errors.ts';
import type { ManifestSource } from './inventory.ts';
import { readInventory } from './inventory.ts';
import { type Inventory, type PackageVersion, type PruneTarget, StopDeleting } from './types.ts';

/** What the GHCR target needs of a GitHub REST client (Octokit's request and paginate.iterator). */
export interface PackagesApi {
  request(route: string, params?: Record<string, unknown>): Promise<{ data: unknown }>;
  /** Every page of a list, following the Link header. */
  pages(route: string, params?: Record<string, unknown>): AsyncIterable<{ data: unknown }>;
  /** Requests sent so far (retries included). */
  requests(): number;
}

export interface GhcrTargetOptions {
  api: PackagesApi;
  owner: string;
  /** The package name as GitHub shows it (may contain '/'). */
  package: string;
  ownerType: 'auto' | 'org' | 'user';
  /** Reads manifests at ghcr.io (the registry client is built by the caller with the same token). */
  manifests: ManifestSource;
  /** The registry requests the manifest source has made. */
  manifestRequests: () => number;
  log: (message: string) => void;
}

interface VersionJson {
  id: number;
  name: string;
  created_at?: string;
  updated_at?: string;
  metadata?: { package_type?: string; container?: { tags?: string[] } };
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
}

/** GitHub's error body `{ message }`, for the report. */
function apiMessage(e: unknown): string {
  const err = e as RequestErrorLike;
  const data = err.response?.data as { message?: unknown } | undefined;
  return typeof data?.message === 'string' ? data.message : (err.message ?? String(e));
}

/**
 * GitHub's rate limits answer 403 as often as 429: a primary limit with x-ratelimit-remaining 0, a
 * secondary one saying so in its message. Only those that outlasted the client's retries get here.
 */
function rateLimit(e: unknown): string | null {
  const err = e as RequestErrorLike;
  if (err.status !== 403 && err.status !== 429) return null;
  const headers = err.response?.headers ?? {};
  const message = apiMessage(e);
  if (headers['x-ratelimit-remaining'] !== '0' && !/rate limit/i.test(message)) return null;
  const reset = Number(headers['x-ratelimit-reset']);
  const until =
    Number.isFinite(reset) && reset > 0 ? `, resets at ${new Date(reset * 1000).toISOString()}` : '';
  return `GitHub's API rate limit held after the client's retries (${err.status}: ${message}${until}); a rerun continues`;
}

/** Readings of the version list, at most, before the package counts as changing under the run. */
const LISTINGS = 4;

/**
 * Versions pushed within this long before a listing began may be compared loosely (a clock on a runner and
 * GitHub's differ by seconds, not minutes); they are well inside the default untagged-grace anyway.
 */
const RECENT_MS = 5 * 60_000;

/**
 * A listing as comparable text: every version that existed before `since` with its digest and tags, in id
 * order. A version pushed while the list was read is no sign of a miss (a push only moves older versions
 * onto later pages, where they are read twice), so it does not count.
 */
function listingKey(versions: PackageVersion[], since: number): string {
  return versions
    .filter((v) => !v.createdAt || Date.parse(v.createdAt) < since - RECENT_MS)
    .map((v) => `${v.id} ${v.digest} ${[...v.tags].sort().join(',')}`)
    .sort()
    .join('\n');
}

export class GhcrTarget implements PruneTarget {
  readonly kind = 'ghcr' as const;
  readonly refusesLastTaggedVersion = true;
  private scope: 'orgs' | 'users' | undefined;
  private readonly o: GhcrTargetOptions;

  constructor(o: GhcrTargetOptions) {
    this.o = o;
  }

  requestCount(): number {
    return this.o.api.requests() + this.o.manifestRequests();
  }

  private async resolveScope(): Promise<'orgs' | 'users'> {
    if (this.scope) return this.scope;
    if (this.o.ownerType !== 'auto') return (this.scope = this.o.ownerType === 'org' ? 'orgs' : 'users');
    try {
      const { data } = await this.o.api.request('GET /users/{username}', { username: this.o.owner });
      this.scope = (data as { type?: string }).type === 'Organization' ? 'orgs' : 'users';
    } catch (e) {
      const status = (e as RequestErrorLike).status;
      if (status === 404) throw new InputError('owner', `no GitHub user or organization '${this.o.owner}'`);
      throw this.permissionError(e, 'owner');
    }
    return this.scope;
  }

  private permissionError(e: unknown, input: string): Error {
    const limited = rateLimit(e);
    if (limited) return new Error(limited);
    const status = (e as RequestErrorLike).status;
    if (status === 401) return new InputError('token', `GitHub rejected the token (401: ${apiMessage(e)})`);
    if (status === 403)
      return new InputError(
        'token',
        `no permission for ${input} '${this.o.owner}/${this.o.package}' (403: ${apiMessage(e)})`,
        'a token with packages: read to plan and delete:packages / packages: write with admin on the package to delete',
      );
    return e as Error;
  }

  private path(suffix: string): string {
    return `/${this.scope}/${encodeURIComponent(this.o.owner)}/packages/container/${encodeURIComponent(this.o.package)}${suffix}`;
  }

  /** Every active version, every page; a version read twice (a push moved it onto the next page) once. */
  async listVersions(): Promise<{ versions: PackageVersion[]; pages: number }> {
    await this.resolveScope();
    const out: PackageVersion[] = [];
    const seen = new Set<string>();
    let pages = 0;
    try {
      for await (const page of this.o.api.pages(`GET ${this.path('/versions')}`, {
        per_page: 100,
        state: 'active',
      })) {
        pages++;
        for (const v of page.data as VersionJson[]) {
          if (!/^sha256:[0-9a-f]{64}$/.test(v.name))
            throw new Error(
              `version ${v.id} is named '${v.name}', not a manifest digest: is this a container package?`,
            );
          if (seen.has(String(v.id))) continue;
          seen.add(String(v.id));
          out.push({
            id: String(v.id),
            digest: v.name,
            tags: v.metadata?.container?.tags ?? [],
            ...(v.created_at ? { createdAt: v.created_at } : {}),
          });
        }
      }
    } catch (e) {
      if ((e as RequestErrorLike).status === 404)
        throw new InputError(
          'package',
          `no container package '${this.o.package}' owned by ${this.scope === 'orgs' ? 'organization' : 'user'} '${this.o.owner}' (or the token cannot see it)`,
        );
      throw this.permissionError(e, 'package');
    }
    this.o.log(`listed ${out.length} versions of ${this.o.owner}/${this.o.package} over ${pages} page(s)`);
    return { versions: out, pages };
  }

  /**
   * GitHub pages the version list by page number, newest first: a deletion while it is read moves a version
   * back onto a page already read (never read), and an index never read leaves its children looking like
   * orphans to delete. So a list of several pages is read again until two readings agree on every version
   * older than the listing (one page is one answer, consistent in itself).
   */
  private async stableListing(): Promise<PackageVersion[]> {
    const since = Date.now();
    let previous = await this.listVersions();
    if (previous.pages <= 1) return previous.versions;
    for (let reading = 2; reading <= LISTINGS; reading++) {
      const next = await this.listVersions();
      if (listingKey(next.versions, since) === listingKey(previous.versions, since)) return next.versions;
      this.o.log('the version list changed while it was read (a deletion meanwhile?): reading it again');
      previous = next;
    }
    throw new Error(
      `the versions of ${this.o.owner}/${this.o.package} kept changing while they were listed (${LISTINGS} readings, no two alike): ` +
        'nothing was planned or deleted. Is another workflow pruning it? Run prune in the same concurrency group as the jobs that publish or prune it',
    );
  }

  async inventory(): Promise<Inventory> {
    const versions = await this.stableListing();
    return readInventory({
      package: `ghcr.io/${this.o.owner.toLowerCase()}/${this.o.package}`,
      versions,
      source: this.o.manifests,
      // Every manifest on GHCR is a version of its own: one reached but not listed is already deleted.
      addReached: false,
      requests: () => this.requestCount(),
    });
  }

  async deleteVersion(version: { id: string; digest: string }) {
    await this.resolveScope();
    try {
      await this.o.api.request(`DELETE ${this.path('/versions/{package_version_id}')}`, {
        package_version_id: Number(version.id),
      });
      return { outcome: 'deleted' as const };
    } catch (e) {
      const status = (e as RequestErrorLike).status;
      if (status === 404) return { outcome: 'already-gone' as const };
      const limited = rateLimit(e);
      if (limited) throw new StopDeleting(limited);
      // GHCR's refusals (the last tagged version, a public version past 5,000 downloads, no admin
      // right on the package) answer 400/403/422 and would answer the same on every retry.
      if (status === 400 || status === 403 || status === 422)
        return { outcome: 'refused' as const, message: `${status}: ${apiMessage(e)}` };
      throw e;
    }
  }
}
