/**
 * A client for the OCI distribution API over fetch: auth (basic and the
 * bearer token flow), tag listing with `n`/`last` and Link pagination,
 * manifests by tag or digest (digest verified on read), blob HEAD, streamed
 * monolithic or chunked uploads from disk (a multi-GB disk is never held in
 * memory; its digest is checked while it streams), cross-repository mounts,
 * and referrers through the API or the `sha256-<hex>` fallback tag index of
 * the OCI 1.1 distribution spec.
 *
 * Written against the distribution API directly because `@sigstore/oci`
 * holds blobs in memory and has no tag listing or delete (see DESIGN).
 *
 * Retries: requests that can be repeated safely (GET, HEAD, PUT of a
 * manifest, DELETE, starting an upload) are retried on 429/5xx/timeouts with
 * bounded backoff honouring Retry-After; an interrupted chunked upload asks
 * the registry where it stands and resumes, or starts over (bounded too).
 * Every final error names the registry, repository and reference.
 */
import { createHash, type Hash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { DataError } from '../errors.ts';
import { sha256File } from '../hash.ts';
import { streamRequest } from './stream-request.ts';
import { type Credentials, basicHeader, parseChallenge, tokenFromResponse, tokenUrl } from './auth.ts';
import { type Descriptor, type ImageIndex, MANIFEST_ACCEPT, OCI_INDEX } from './media-types.ts';
import { checkDigest, checkReference, checkRepository, referrersTag, registryBaseUrl } from './reference.ts';
import {
  DEFAULT_RETRY,
  type RetryPolicy,
  backoffMs,
  isRetryableStatus,
  retryAfterMs,
  sleep,
} from './retry.ts';

/** A registry request that failed for good; the message says where and why. */
export class RegistryError extends Error {
  readonly registry: string;
  readonly repository: string | undefined;
  readonly reference: string | undefined;
  readonly status: number | undefined;
  /** The distribution error code (MANIFEST_UNKNOWN, DIGEST_INVALID, …) when the registry sent one. */
  readonly code: string | undefined;
  constructor(
    message: string,
    at: { registry: string; repository?: string; reference?: string; status?: number; code?: string },
  ) {
    super(message);
    this.name = 'RegistryError';
    this.registry = at.registry;
    this.repository = at.repository;
    this.reference = at.reference;
    this.status = at.status;
    this.code = at.code;
  }
}

export interface RegistryClientOptions {
  /** `ghcr.io`, `127.0.0.1:5000`, or a URL with an explicit scheme (see reference.ts registryBaseUrl). */
  registry: string;
  /** Username and password/token: sent as Basic auth, or to the token realm in the bearer flow. */
  credentials?: Credentials;
  retry?: Partial<RetryPolicy>;
  /** A request (or a chunk) that makes no progress for this long is aborted and counts as failed. Default 60 s. */
  idleTimeoutMs?: number;
  /** Chunk size of chunked uploads; blobs up to this size go up in one PUT. Default 512 MiB (see bench/oci-push.ts). */
  chunkSize?: number;
  /** Called with every bearer token obtained, so the action can mask it (core.setSecret). */
  onToken?: (token: string) => void;
  /** Called before each wait: the adapter logs retries. */
  onRetry?: (info: { what: string; attempt: number; waitMs: number; reason: string }) => void;
  /** Called as each registry request is sent (retries included; token fetches not): retention reports API calls. */
  onRequest?: (info: { method: string; what: string }) => void;
  userAgent?: string;
}

export interface ManifestResult {
  digest: string;
  mediaType: string;
  bytes: Buffer;
  /** The parsed JSON. */
  manifest: Record<string, unknown>;
}

export interface ManifestHead {
  digest: string;
  mediaType: string;
  size: number;
}

export interface TagsPage {
  tags: string[];
  /** The next page's URL, when the registry's Link header names one (followed as it is: see nextFromLink). */
  next?: URL;
}

/** A blob to upload: a file streamed from disk, or small bytes (configs, JSON documents). */
export type BlobSource =
  { path: string; digest?: string; size?: number } | { bytes: Uint8Array; digest?: string };

export interface UploadResult {
  digest: string;
  size: number;
  /** false when the registry already had the blob (HEAD) or mounted it from another repository. */
  uploaded: boolean;
  mounted: boolean;
}

export interface ReferrersResult {
  descriptors: Descriptor[];
  /** Whether the registry's referrers API answered, or the fallback tag index was read. */
  via: 'api' | 'tag';
}

type Action = 'pull' | 'push' | 'delete';

interface RequestSpec {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** A path under the registry (`/v2/…`) or an absolute upload location. */
  url: string | URL;
  repository?: string;
  reference?: string;
  /** What the request does, for errors and retry logs: "PUT manifest owner/repo:tag". */
  what: string;
  actions: Action[];
  /** Extra repositories to ask pull access for (cross-repo mount). */
  alsoPull?: string;
  headers?: Record<string, string>;
  /** Fresh body per attempt. */
  body?: () => Uint8Array | AsyncIterable<Uint8Array>;
  /** Statuses that are answers, not failures (e.g. 404 on a HEAD). */
  ok: number[];
  /** Retry on 429/5xx/timeouts; false for requests whose repetition is handled by the caller. */
  retry: boolean;
}

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const READ_CHUNK = 4 * 1024 * 1024;

function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The `errors[0]` of a distribution error body, when it has one. */
function errorCode(text: string): { code?: string; message?: string } {
  try {
    const body = JSON.parse(text) as { errors?: { code?: string; message?: string; detail?: unknown }[] };
    const first = body.errors?.[0];
    if (first) return { code: first.code, message: first.message };
  } catch {
    /* not JSON */
  }
  return {};
}

/**
 * The URL a `Link: <…>; rel="next"` header names, resolved against the registry. It is followed as it is:
 * registries continue with `last=<tag>` (distribution) or an opaque token of their own (`next_page=…`), and
 * reading only `last` out of it stopped such a listing after its first page without a word.
 */
export function nextFromLink(link: string | null, base: URL): URL | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]*)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return new URL(m[1]!, base);
  }
  return undefined;
}

export class RegistryClient {
  readonly base: URL;
  /** host[:port], for messages and image references. */
  readonly registry: string;
  private readonly credentials: Credentials | undefined;
  private readonly policy: RetryPolicy;
  private readonly idleTimeoutMs: number;
  readonly chunkSize: number;
  private readonly options: RegistryClientOptions;
  /** Authorization per scope key; the registry's last challenge tells how to get more. */
  private readonly auth = new Map<string, string>();
  private challenge: ReturnType<typeof parseChallenge>;

  constructor(options: RegistryClientOptions) {
    this.options = options;
    this.base = registryBaseUrl(options.registry);
    this.registry = this.base.host;
    this.credentials = options.credentials;
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
    this.idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    // 512 MiB: few requests for a multi-GB disk (each PATCH costs the registry a resume), a bounded re-send on failure.
    this.chunkSize = options.chunkSize ?? 512 * 1024 * 1024;
    if (!(this.chunkSize >= 1 && Number.isInteger(this.chunkSize)))
      throw new DataError(`chunkSize must be a positive integer, got ${this.chunkSize}`);
  }

  // ---------------------------------------------------------------- plumbing

  private error(
    spec: Pick<RequestSpec, 'repository' | 'reference' | 'what'>,
    problem: string,
    status?: number,
    code?: string,
  ): RegistryError {
    return new RegistryError(`registry ${this.registry}: ${spec.what} failed: ${problem}`, {
      registry: this.registry,
      repository: spec.repository,
      reference: spec.reference,
      status,
      code,
    });
  }

  private scopes(spec: RequestSpec): string[] {
    const scopes: string[] = [];
    if (spec.repository) scopes.push(`repository:${spec.repository}:${spec.actions.join(',')}`);
    if (spec.alsoPull) scopes.push(`repository:${spec.alsoPull}:pull`);
    return scopes;
  }

  /** Answers a 401: Basic with the credentials, or a token from the bearer realm. */
  private async authenticate(spec: RequestSpec, header: string | null, scopeKey: string): Promise<boolean> {
    const challenge = parseChallenge(header);
    if (!challenge) return false;
    this.challenge = challenge;
    if (challenge.scheme === 'basic') {
      if (!this.credentials) return false;
      this.auth.set(scopeKey, basicHeader(this.credentials));
      return true;
    }
    // The challenge's own scope is what the registry needs; ours adds push/mount access.
    const scopes = mergeScopes([
      ...(challenge.params.scope ? challenge.params.scope.split(' ') : []),
      ...this.scopes(spec),
    ]);
    let url: URL;
    try {
      url = tokenUrl(challenge, scopes);
    } catch {
      throw this.error(spec, `401 with a bearer challenge without realm: ${header}`, 401);
    }
    const headers: Record<string, string> = {};
    if (this.credentials) headers.authorization = basicHeader(this.credentials);
    let response: Response | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        response = await fetch(url, { headers, signal: AbortSignal.timeout(this.idleTimeoutMs) });
        if (!isRetryableStatus(response.status) || attempt + 1 >= this.policy.attempts) break;
        await response.body?.cancel();
      } catch (e) {
        if (attempt + 1 >= this.policy.attempts)
          throw this.error(spec, `token service ${url.origin}${url.pathname} unreachable: ${reason(e)}`);
      }
      await sleep(backoffMs(this.policy, attempt));
    }
    const text = await response!.text();
    if (!response!.ok)
      throw this.error(
        spec,
        `token service ${url.origin}${url.pathname} refused ${scopes.join(' ')} ` +
          `(HTTP ${response!.status}${this.credentials ? '' : ', no credentials given'})`,
        response!.status,
      );
    let token: string | undefined;
    try {
      token = tokenFromResponse(JSON.parse(text));
    } catch {
      /* handled below */
    }
    if (!token) throw this.error(spec, `token service ${url.origin}${url.pathname} answered without a token`);
    this.options.onToken?.(token);
    this.auth.set(scopeKey, `Bearer ${token}`);
    return true;
  }

  private authFor(scopeKey: string): string | undefined {
    const exact = this.auth.get(scopeKey);
    if (exact) return exact;
    // Basic auth is the same for every scope.
    if (this.challenge?.scheme === 'basic' && this.credentials) return basicHeader(this.credentials);
    return undefined;
  }

  /**
   * One logical request: authenticates on 401, retries retryable failures
   * within the policy, aborts when no byte moves for idleTimeoutMs, and
   * returns a response whose status is in `spec.ok` (or a 2xx).
   */
  private async request(spec: RequestSpec): Promise<Response> {
    const url = typeof spec.url === 'string' ? new URL(spec.url, this.base) : spec.url;
    const scopeKey = this.scopes(spec).join(' ');
    let authTries = 0;
    for (let attempt = 0; ;) {
      const headers: Record<string, string> = { ...spec.headers };
      if (this.options.userAgent) headers['user-agent'] = this.options.userAgent;
      const authorization = this.authFor(scopeKey);
      if (authorization) headers.authorization = authorization;
      const controller = new AbortController();
      let timer = setTimeout(() => controller.abort(), this.idleTimeoutMs);
      const touch = () => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), this.idleTimeoutMs);
      };
      let failure: string;
      let status: number | undefined;
      let code: string | undefined;
      let wait: number | undefined;
      try {
        const body = spec.body?.();
        this.options.onRequest?.({ method: spec.method, what: spec.what });
        // A streamed body goes through node:http (backpressure); everything else through fetch.
        const response =
          body && typeof body === 'object' && Symbol.asyncIterator in body
            ? await streamRequest(url, spec.method, headers, progress(body, touch), controller.signal)
            : await fetch(url, {
                method: spec.method,
                headers,
                body: body as RequestInit['body'],
                signal: controller.signal,
                redirect: 'follow',
              });
        touch();
        if (response.status === 401) {
          const header = response.headers.get('www-authenticate');
          await response.body?.cancel();
          this.auth.delete(scopeKey);
          if (authTries++ < 2 && (await this.authenticate(spec, header, scopeKey))) continue;
          throw this.error(
            spec,
            `HTTP 401 unauthorized${this.credentials ? ' with the given credentials' : ': no credentials given'}`,
            401,
            'UNAUTHORIZED',
          );
        }
        if (response.ok || spec.ok.includes(response.status)) {
          // The body timer keeps running while the caller reads; stop it once read.
          clearTimeout(timer);
          return response;
        }
        const text = await response.text().catch(() => '');
        const err = errorCode(text);
        status = response.status;
        code = err.code;
        failure = `HTTP ${response.status}${err.code ? ` ${err.code}` : ''}${err.message ? `: ${err.message}` : ''}`;
        if (!spec.retry || !isRetryableStatus(response.status)) throw this.error(spec, failure, status, code);
        wait = retryAfterMs(response.headers.get('retry-after'));
        if (wait !== undefined && wait > this.policy.maxRetryAfterMs)
          throw this.error(
            spec,
            `${failure}; the registry asks to retry after ${Math.round(wait / 1000)} s, longer than the ${Math.round(this.policy.maxRetryAfterMs / 1000)} s this run waits`,
            status,
            code,
          );
      } catch (e) {
        // Our own errors and programming errors are not the network's: never retried.
        if (e instanceof RegistryError || e instanceof DataError || e instanceof ReferenceError) throw e;
        failure = controller.signal.aborted
          ? `no progress for ${this.idleTimeoutMs} ms (timed out)`
          : reason(e);
        if (!spec.retry) throw this.error(spec, failure);
      } finally {
        clearTimeout(timer);
      }
      attempt++;
      if (attempt >= this.policy.attempts)
        throw this.error(spec, `${failure} (gave up after ${attempt} attempts)`, status, code);
      const waitMs = wait ?? backoffMs(this.policy, attempt - 1);
      this.options.onRetry?.({ what: spec.what, attempt, waitMs, reason: failure });
      await sleep(waitMs);
    }
  }

  // ---------------------------------------------------------------- API

  /** GET /v2/: the registry answers (and the credentials work). */
  async ping(): Promise<void> {
    const r = await this.request({
      method: 'GET',
      url: '/v2/',
      what: 'GET /v2/',
      actions: [],
      ok: [],
      retry: true,
    });
    await r.body?.cancel();
  }

  /**
   * One page of tags. `n` asks for at most n tags; `last` continues after that tag; `next` is the URL of a
   * page a previous one linked to (it must be this repository's tag list on this registry: the request
   * carries the registry's credentials).
   */
  async listTagsPage(
    repository: string,
    page: { n?: number; last?: string; next?: URL } = {},
  ): Promise<TagsPage> {
    checkRepository(repository);
    const list = new URL(`/v2/${repository}/tags/list`, this.base);
    const url = page.next ?? list;
    if (page.next) {
      if (page.next.origin !== list.origin || page.next.pathname !== list.pathname)
        throw new RegistryError(
          `registry ${this.registry}: list tags of ${repository}: its next page is ${page.next.href}, not the tag list of ${repository} on this registry`,
          { registry: this.registry, repository },
        );
    } else {
      if (page.n !== undefined) url.searchParams.set('n', String(page.n));
      if (page.last !== undefined) url.searchParams.set('last', page.last);
    }
    const spec: RequestSpec = {
      method: 'GET',
      url,
      repository,
      what: `list tags of ${repository}`,
      actions: ['pull'],
      ok: [404],
      retry: true,
    };
    const r = await this.request(spec);
    const text = await r.text();
    if (r.status === 404) {
      // A repository nothing was pushed to yet has no tags.
      if (errorCode(text).code === 'NAME_UNKNOWN') return { tags: [] };
      throw this.error(spec, `HTTP 404 ${text.slice(0, 200)}`, 404);
    }
    let body: { tags?: string[] | null };
    try {
      body = JSON.parse(text) as { tags?: string[] | null };
    } catch {
      throw this.error(spec, 'the tag list is not JSON');
    }
    const tags = body.tags ?? [];
    const next = nextFromLink(r.headers.get('link'), this.base);
    return next !== undefined && tags.length ? { tags, next } : { tags };
  }

  /** Every tag, page after page, following the registry's Link header to the next page. */
  async *tags(repository: string, pageSize = 100): AsyncGenerator<string> {
    let next: URL | undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = await this.listTagsPage(repository, next ? { next } : { n: pageSize });
      let fresh = 0;
      for (const tag of page.tags) {
        if (seen.has(tag)) continue;
        seen.add(tag);
        fresh++;
        yield tag;
      }
      if (page.next !== undefined) next = page.next;
      else break;
      if (fresh === 0) break; // a registry repeating a page would loop forever
    }
  }

  async listTags(repository: string, pageSize = 100): Promise<string[]> {
    const all: string[] = [];
    for await (const tag of this.tags(repository, pageSize)) all.push(tag);
    return all;
  }

  /** HEAD of a manifest: its digest, type and size, or undefined when the registry does not have it. */
  async headManifest(repository: string, reference: string): Promise<ManifestHead | undefined> {
    checkRepository(repository);
    checkReference(reference);
    const spec: RequestSpec = {
      method: 'HEAD',
      url: `/v2/${repository}/manifests/${reference}`,
      repository,
      reference,
      what: `HEAD manifest ${repository}:${reference}`,
      actions: ['pull'],
      headers: { accept: MANIFEST_ACCEPT.join(', ') },
      ok: [404],
      retry: true,
    };
    const r = await this.request(spec);
    await r.body?.cancel();
    if (r.status === 404) return undefined;
    const digest =
      r.headers.get('docker-content-digest') ?? (reference.startsWith('sha256:') ? reference : '');
    if (!digest) throw this.error(spec, 'the registry sent no Docker-Content-Digest');
    return {
      digest,
      mediaType: (r.headers.get('content-type') ?? '').split(';')[0]!.trim(),
      size: Number(r.headers.get('content-length') ?? 0),
    };
  }

  /**
   * A manifest by tag or digest. Its bytes are checked against the digest
   * asked for (or the one the registry claims), so a wrong or damaged
   * answer never reaches the caller. Undefined when it does not exist.
   */
  async getManifest(repository: string, reference: string): Promise<ManifestResult | undefined> {
    checkRepository(repository);
    checkReference(reference);
    const spec: RequestSpec = {
      method: 'GET',
      url: `/v2/${repository}/manifests/${reference}`,
      repository,
      reference,
      what: `GET manifest ${repository}:${reference}`,
      actions: ['pull'],
      headers: { accept: MANIFEST_ACCEPT.join(', ') },
      ok: [404],
      retry: true,
    };
    const r = await this.request(spec);
    if (r.status === 404) {
      await r.body?.cancel();
      return undefined;
    }
    const bytes = Buffer.from(
      await readLimited(r, MAX_MANIFEST_BYTES, () => this.error(spec, 'manifest over 4 MiB')),
    );
    const digest = sha256Digest(bytes);
    const expected = reference.startsWith('sha256:') ? reference : r.headers.get('docker-content-digest');
    if (expected && expected !== digest)
      throw this.error(
        spec,
        `content digest mismatch: expected ${expected}, received bytes hash to ${digest}`,
      );
    let manifest: Record<string, unknown>;
    try {
      manifest = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw this.error(spec, 'the manifest is not JSON');
    }
    const mediaType =
      (typeof manifest.mediaType === 'string' ? manifest.mediaType : undefined) ??
      (r.headers.get('content-type') ?? '').split(';')[0]!.trim();
    return { digest, mediaType, bytes, manifest };
  }

  /**
   * Stores a manifest under a tag or its own digest. Returns its digest and
   * whether the registry processed its `subject` (the `OCI-Subject` header of
   * registries with a referrers API).
   */
  async putManifest(
    repository: string,
    reference: string,
    bytes: Uint8Array,
    mediaType: string,
  ): Promise<{ digest: string; subjectProcessed: boolean }> {
    checkRepository(repository);
    checkReference(reference);
    const digest = sha256Digest(bytes);
    if (reference.startsWith('sha256:') && reference !== digest)
      throw new DataError(`manifest for ${repository}@${reference} hashes to ${digest}`);
    const spec: RequestSpec = {
      method: 'PUT',
      url: `/v2/${repository}/manifests/${reference}`,
      repository,
      reference,
      what: `PUT manifest ${repository}:${reference}`,
      actions: ['pull', 'push'],
      headers: { 'content-type': mediaType },
      body: () => Buffer.from(bytes),
      ok: [],
      retry: true,
    };
    const r = await this.request(spec);
    await r.body?.cancel();
    const stored = r.headers.get('docker-content-digest');
    if (stored && stored !== digest)
      throw this.error(spec, `the registry stored digest ${stored}, expected ${digest}`);
    return { digest, subjectProcessed: r.headers.get('oci-subject') !== null };
  }

  /** Deletes a manifest by digest. False when it was already gone. */
  async deleteManifest(repository: string, digest: string): Promise<boolean> {
    checkRepository(repository);
    checkDigest(digest);
    const spec: RequestSpec = {
      method: 'DELETE',
      url: `/v2/${repository}/manifests/${digest}`,
      repository,
      reference: digest,
      what: `DELETE manifest ${repository}@${digest}`,
      actions: ['delete'],
      ok: [404],
      retry: true,
    };
    const r = await this.request(spec);
    await r.body?.cancel();
    return r.status !== 404;
  }

  /** HEAD of a blob: its size, or undefined when the repository does not have it. */
  async headBlob(repository: string, digest: string): Promise<number | undefined> {
    checkRepository(repository);
    checkDigest(digest);
    const r = await this.request({
      method: 'HEAD',
      url: `/v2/${repository}/blobs/${digest}`,
      repository,
      reference: digest,
      what: `HEAD blob ${repository}@${digest}`,
      actions: ['pull'],
      ok: [404],
      retry: true,
    });
    await r.body?.cancel();
    return r.status === 404 ? undefined : Number(r.headers.get('content-length') ?? 0);
  }

  /** A small blob (a config, channels.json), verified against its digest. */
  async getBlob(repository: string, digest: string, maxBytes = 16 * 1024 * 1024): Promise<Buffer> {
    checkRepository(repository);
    checkDigest(digest);
    const spec: RequestSpec = {
      method: 'GET',
      url: `/v2/${repository}/blobs/${digest}`,
      repository,
      reference: digest,
      what: `GET blob ${repository}@${digest}`,
      actions: ['pull'],
      ok: [],
      retry: true,
    };
    const r = await this.request(spec);
    const bytes = Buffer.from(
      await readLimited(r, maxBytes, () => this.error(spec, `blob larger than ${maxBytes} bytes`)),
    );
    const actual = sha256Digest(bytes);
    if (actual !== digest)
      throw this.error(spec, `content digest mismatch: received bytes hash to ${actual}`);
    return bytes;
  }

  /**
   * Uploads a blob unless the repository already has it (HEAD first, so a
   * rerun uploads nothing twice). Files stream from disk: up to `chunkSize`
   * in one PUT, larger ones in PATCH chunks with Content-Range. The digest is
   * computed while streaming and must match the one given; a file that
   * changed under the upload is refused before the upload is committed.
   */
  async uploadBlob(
    repository: string,
    source: BlobSource,
    options: { mountFrom?: string; onProgress?: (bytes: number) => void } = {},
  ): Promise<UploadResult> {
    checkRepository(repository);
    if (options.mountFrom) checkRepository(options.mountFrom, 'mountFrom');
    let digest = source.digest;
    let size: number;
    if ('bytes' in source) {
      size = source.bytes.length;
      const actual = sha256Digest(source.bytes);
      if (digest && digest !== actual)
        throw new DataError(`blob bytes hash to ${actual}, expected ${digest}`);
      digest = actual;
    } else {
      size = (await stat(source.path)).size;
      if (source.size !== undefined && source.size !== size)
        throw new DataError(`${source.path} has ${size} bytes, expected ${source.size}`);
      // The digest is needed before the upload to ask whether the registry has it already.
      digest ??= `sha256:${await sha256File(source.path)}`;
    }
    checkDigest(digest);
    const at = { repository, reference: digest, what: `upload blob ${repository}@${digest}` };

    const existing = await this.headBlob(repository, digest);
    if (existing !== undefined) {
      if (existing !== size && existing !== 0)
        throw this.error(
          at,
          `the registry holds ${existing} bytes under this digest, the source has ${size}`,
        );
      return { digest, size, uploaded: false, mounted: false };
    }

    // An interrupted upload starts over in a new session: bounded like any retry.
    for (let session = 0; ; session++) {
      try {
        let location = await this.startUpload(repository, digest, options.mountFrom);
        if (location === 'mounted') return { digest, size, uploaded: false, mounted: true };
        if ('bytes' in source) {
          const bytes = source.bytes;
          await this.finishUpload(at, location, digest, size, () => Buffer.from(bytes));
        } else if (size <= this.chunkSize) {
          let hash = createHash('sha256');
          // A fresh hash per attempt: a body re-sent after a 401 must not be hashed twice.
          await this.finishUpload(at, location, digest, size, () =>
            fileRange(source.path, 0, size, (hash = createHash('sha256')), options),
          );
          const actual = `sha256:${hash.digest('hex')}`;
          // The registry checked the digest too; this catches a file that changed while read.
          if (actual !== digest) throw new DataError(`${source.path} changed while it was uploaded`);
        } else {
          location = await this.uploadChunks(at, location, source.path, size, digest, options);
          await this.finishUpload(at, location, digest, 0);
        }
        return { digest, size, uploaded: true, mounted: false };
      } catch (e) {
        if (e instanceof DataError) throw e;
        if (e instanceof RegistryError && e.status !== undefined && !isRetryableStatus(e.status)) throw e;
        // A finishing PUT whose answer was lost may have committed the blob.
        if ((await this.headBlob(repository, digest).catch(() => undefined)) === size)
          return { digest, size, uploaded: true, mounted: false };
        if (session + 1 >= this.policy.attempts) {
          if (e instanceof RegistryError) {
            const cause = e.message.replace(/^registry .*? failed: /, '');
            const where = /\((bytes \d+-\d+|commit|status)\)/.exec(e.message)?.[1];
            throw this.error(
              at,
              `${cause} (${where ? `last at ${where}; ` : ''}gave up after ${session + 1} upload sessions)`,
              e.status,
              e.code,
            );
          }
          throw e;
        }
        const waitMs = backoffMs(this.policy, session);
        this.options.onRetry?.({ what: at.what, attempt: session + 1, waitMs, reason: reason(e) });
        await sleep(waitMs);
      }
    }
  }

  /** POST an upload session (or a mount): its Location, or 'mounted'. */
  private async startUpload(
    repository: string,
    digest: string,
    mountFrom?: string,
  ): Promise<URL | 'mounted'> {
    const url = new URL(`/v2/${repository}/blobs/uploads/`, this.base);
    if (mountFrom && mountFrom !== repository) {
      url.searchParams.set('mount', digest);
      url.searchParams.set('from', mountFrom);
    }
    const spec: RequestSpec = {
      method: 'POST',
      url,
      repository,
      reference: digest,
      what: `start upload ${repository}@${digest}`,
      actions: ['pull', 'push'],
      ...(mountFrom && mountFrom !== repository ? { alsoPull: mountFrom } : {}),
      headers: { 'content-length': '0' },
      ok: [],
      retry: true,
    };
    const r = await this.request(spec);
    await r.body?.cancel();
    if (r.status === 201) return 'mounted';
    const location = r.headers.get('location');
    if (r.status !== 202 || !location) throw this.error(spec, `HTTP ${r.status} without an upload location`);
    return new URL(location, this.base);
  }

  /** PUT ?digest= (with the remaining body, if any) that commits the upload. */
  private async finishUpload(
    at: { repository: string; reference: string; what: string },
    location: URL,
    digest: string,
    length: number,
    body?: () => Uint8Array | AsyncIterable<Uint8Array>,
  ): Promise<void> {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    const r = await this.request({
      ...at,
      method: 'PUT',
      url,
      what: `${at.what} (commit)`,
      actions: ['pull', 'push'],
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(length) },
      ...(body ? { body } : {}),
      ok: [],
      // Repeating a commit is not safe (the session is gone once it succeeded): uploadBlob decides.
      retry: false,
    });
    await r.body?.cancel();
    if (r.status !== 201 && r.status !== 204)
      throw this.error(at, `commit answered HTTP ${r.status}, expected 201 Created`, r.status);
  }

  /**
   * PATCH the file in chunks. After a failed chunk the registry is asked
   * how much it holds (GET on the session) and the upload resumes there; the
   * running hash is rewound with it, so the digest check still covers every byte.
   */
  private async uploadChunks(
    at: { repository: string; reference: string; what: string },
    start: URL,
    path: string,
    size: number,
    digest: string,
    options: { onProgress?: (bytes: number) => void },
  ): Promise<URL> {
    let location = start;
    let offset = 0;
    let hash = createHash('sha256');
    let failures = 0;
    while (offset < size) {
      const end = Math.min(size, offset + this.chunkSize);
      const before = hash.copy();
      const sent = { bytes: 0 };
      try {
        const r = await this.request({
          ...at,
          method: 'PATCH',
          url: location,
          what: `${at.what} (bytes ${offset}-${end - 1})`,
          actions: ['pull', 'push'],
          headers: {
            'content-type': 'application/octet-stream',
            'content-range': `${offset}-${end - 1}`,
            'content-length': String(end - offset),
          },
          // Re-sent after a 401: start the chunk's hashing over from the state before it.
          body: () => {
            hash = before.copy();
            sent.bytes = 0;
            return fileRange(path, offset, end, hash, options, sent);
          },
          ok: [],
          retry: false,
        });
        await r.body?.cancel();
        const next = r.headers.get('location');
        if (next) location = new URL(next, this.base);
        const held = rangeEnd(r.headers.get('range'));
        if (held !== undefined && held !== end)
          throw this.error(at, `the registry holds ${held} bytes after a chunk ending at ${end}`);
        offset = end;
      } catch (e) {
        if (e instanceof RegistryError && e.status !== undefined && !isRetryableStatus(e.status)) throw e;
        if (++failures >= this.policy.attempts) throw e;
        const waitMs = backoffMs(this.policy, failures - 1);
        this.options.onRetry?.({
          what: `${at.what} (chunk at ${offset})`,
          attempt: failures,
          waitMs,
          reason: reason(e),
        });
        await sleep(waitMs);
        const status = await this.uploadStatus(at, location);
        // distribution answers `Range: 0-0` for an empty session too.
        if (status.held === 1 && offset === 0) status.held = 0;
        // Resume where the registry stands: before this chunk (rewind the hash) or after it.
        if (status.held === offset) hash = before;
        else if (status.held === end && sent.bytes === end - offset) offset = end;
        else throw this.error(at, `the upload session holds ${status.held} bytes; starting over`, 503);
        location = status.location;
      }
    }
    const actual = `sha256:${hash.digest('hex')}`;
    if (actual !== digest) {
      await this.cancelUpload(at, location);
      throw new DataError(
        `${path} changed while it was uploaded: it now hashes to ${actual}, expected ${digest}`,
      );
    }
    return location;
  }

  private async uploadStatus(
    at: { repository: string; reference: string; what: string },
    location: URL,
  ): Promise<{ held: number; location: URL }> {
    const r = await this.request({
      ...at,
      method: 'GET',
      url: location,
      what: `${at.what} (status)`,
      actions: ['pull', 'push'],
      ok: [],
      retry: true,
    });
    await r.body?.cancel();
    const next = r.headers.get('location');
    return {
      held: rangeEnd(r.headers.get('range')) ?? 0,
      location: next ? new URL(next, this.base) : location,
    };
  }

  private async cancelUpload(at: { repository: string; reference: string; what: string }, location: URL) {
    await this.request({
      ...at,
      method: 'DELETE',
      url: location,
      what: `${at.what} (cancel)`,
      actions: ['pull', 'push'],
      ok: [404],
      retry: false,
    })
      .then((r) => r.body?.cancel())
      .catch(() => undefined);
  }

  /**
   * The manifests that name `digest` as their `subject`: the referrers API
   * when the registry has one, else the `sha256-<hex>` tag index.
   */
  async referrers(repository: string, digest: string, artifactType?: string): Promise<ReferrersResult> {
    checkRepository(repository);
    checkDigest(digest);
    const url = new URL(`/v2/${repository}/referrers/${digest}`, this.base);
    if (artifactType) url.searchParams.set('artifactType', artifactType);
    const spec: RequestSpec = {
      method: 'GET',
      url,
      repository,
      reference: digest,
      what: `referrers of ${repository}@${digest}`,
      actions: ['pull'],
      headers: { accept: OCI_INDEX },
      ok: [404, 400, 405],
      retry: true,
    };
    let r = await this.request(spec);
    const type = (r.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (r.status === 200 && type === OCI_INDEX) {
      const descriptors: Descriptor[] = [];
      for (let page = 0; page < 1000; page++) {
        const index = JSON.parse(await r.text()) as ImageIndex;
        descriptors.push(...(index.manifests ?? []));
        const link = r.headers.get('link');
        const m = link ? /<([^>]*)>\s*;\s*rel="?next"?/.exec(link) : null;
        if (!m) break;
        r = await this.request({ ...spec, url: new URL(m[1]!, this.base) });
      }
      return { descriptors: filterType(descriptors, artifactType), via: 'api' };
    }
    await r.body?.cancel();
    const index = await this.getManifest(repository, referrersTag(digest));
    const manifests = (index?.manifest.manifests as Descriptor[] | undefined) ?? [];
    return { descriptors: filterType(manifests, artifactType), via: 'tag' };
  }

  /**
   * Adds `referrer` to the fallback tag index of `subject` (read, add if
   * missing, write back), for registries that did not process the subject.
   */
  async addToReferrersTag(repository: string, subject: string, referrer: Descriptor): Promise<void> {
    const tag = referrersTag(subject);
    const current = await this.getManifest(repository, tag);
    const manifests = ((current?.manifest.manifests as Descriptor[] | undefined) ?? []).slice();
    if (manifests.some((d) => d.digest === referrer.digest)) return;
    manifests.push(referrer);
    await this.putReferrersTag(repository, subject, manifests);
  }

  /** Removes `digest` from the fallback tag index of `subject` (retention). */
  async removeFromReferrersTag(repository: string, subject: string, digest: string): Promise<void> {
    const tag = referrersTag(subject);
    const current = await this.getManifest(repository, tag);
    if (!current) return;
    const manifests = (current.manifest.manifests as Descriptor[] | undefined) ?? [];
    const kept = manifests.filter((d) => d.digest !== digest);
    if (kept.length !== manifests.length) await this.putReferrersTag(repository, subject, kept);
  }

  private async putReferrersTag(repository: string, subject: string, manifests: Descriptor[]): Promise<void> {
    const index: ImageIndex = { schemaVersion: 2, mediaType: OCI_INDEX, manifests };
    await this.putManifest(repository, referrersTag(subject), Buffer.from(JSON.stringify(index)), OCI_INDEX);
  }
}

/** `repository:a:push,pull` + `repository:a:pull` → one `repository:a:pull,push` (actions merged per resource). */
export function mergeScopes(scopes: string[]): string[] {
  const merged = new Map<string, Set<string>>();
  for (const scope of scopes) {
    const cut = scope.lastIndexOf(':');
    if (cut <= 0) continue;
    const resource = scope.slice(0, cut);
    const actions = merged.get(resource) ?? new Set<string>();
    for (const a of scope.slice(cut + 1).split(',')) if (a) actions.add(a);
    merged.set(resource, actions);
  }
  return [...merged].map(([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`);
}

function filterType(descriptors: Descriptor[], artifactType?: string): Descriptor[] {
  return artifactType ? descriptors.filter((d) => d.artifactType === artifactType) : descriptors;
}

function reason(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  return err.cause?.code ?? err.cause?.message ?? (err as { code?: string }).code ?? err.message ?? String(e);
}

/** `Range: 0-1234` → 1235 bytes held. */
function rangeEnd(header: string | null): number | undefined {
  const m = header ? /^(?:bytes=)?0-(\d+)$/.exec(header.trim()) : null;
  return m ? Number(m[1]) + 1 : undefined;
}

/** Reads a response body up to `max` bytes, failing beyond it (a hostile registry cannot fill memory). */
async function readLimited(r: Response, max: number, tooBig: () => Error): Promise<Uint8Array> {
  const declared = Number(r.headers.get('content-length') ?? 0);
  if (declared > max) {
    await r.body?.cancel();
    throw tooBig();
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  if (r.body) {
    for await (const part of r.body as unknown as AsyncIterable<Uint8Array>) {
      total += part.length;
      if (total > max) throw tooBig();
      parts.push(part);
    }
  }
  return Buffer.concat(parts, total);
}

/** Bytes [start, end) of a file in 4 MiB reads, each hashed as it passes. */
async function* fileRange(
  path: string,
  start: number,
  end: number,
  hash: Hash,
  options: { onProgress?: (bytes: number) => void },
  sent: { bytes: number } = { bytes: 0 },
): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    let position = start;
    while (position < end) {
      const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK, end - position));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) throw new DataError(`${path} ended at ${position} bytes while it was uploaded`);
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      sent.bytes += bytesRead;
      position += bytesRead;
      options.onProgress?.(bytesRead);
      yield chunk;
    }
  } finally {
    await handle.close();
  }
}

/** Passes chunks through, reporting progress so the idle timer only fires when nothing moves. */
async function* progress(source: AsyncIterable<Uint8Array>, touch: () => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    touch();
    yield chunk;
  }
}
