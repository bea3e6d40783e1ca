/**
 * A local fake of the GitHub Actions results service — the Twirp JSON API
 * behind ACTIONS_RESULTS_URL that the real @actions/cache (cache service v2)
 * and @actions/artifact (v2+ toolkit) talk to — plus the Azure-style blob
 * store its signed URLs point at (./azure-blob-fake.ts).
 *
 *   const svc = await startResultsService();
 *   spawn(node, [...], { env: { PATH, HOME, ...svc.env } });
 *   svc.caches(); svc.artifacts(); svc.requests; await svc.close();
 *
 * What it enforces, because the libraries or GitHub do:
 * - every Twirp call needs `Authorization: Bearer <the issued runtime token>`
 *   (the token is a real HS256 JWT; any other token, or a forged one with the
 *   right claims, gets Twirp `unauthenticated` / 401);
 * - artifact calls must carry the workflow run / job backend ids from the
 *   token's `scp` claim (`Actions.Results:<runId>:<jobId>`), else 400/403;
 * - caches: a key+version can be reserved once (a second CreateCacheEntry is
 *   Twirp `already_exists` / 409, which the library turns into
 *   ReserveCacheError); lookups match the exact key first, then each restore
 *   key in order (exact, else the newest entry whose key starts with it),
 *   only among finalized entries of the same version;
 * - artifacts: one name per run; finalize checks the committed blob's size
 *   and sha256 against what the client reports.
 * Not modelled: cache scopes per branch, eviction, retention expiry.
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBlobStore, type BlobLogEntry, type BlobStore } from './azure-blob-fake.ts';

const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';
const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';
const CACHE_CONTAINER = 'actions-cache';
const ARTIFACT_CONTAINER = 'actions-results';

export interface TwirpLogEntry {
  service: 'twirp';
  /** e.g. CacheService/CreateCacheEntry */
  op: string;
  method: string;
  path: string;
  status: number;
  /** Twirp error code when status is not 200. */
  code?: string;
}

export type ServiceLogEntry = TwirpLogEntry | BlobLogEntry;

export interface CacheEntryView {
  id: number;
  key: string;
  version: string;
  /** Size the client reported at finalize (0 until then). */
  sizeBytes: number;
  finalized: boolean;
  createdAt: Date;
  /** The uploaded archive (tar, zstd/gzip as the library chose), once committed to the blob store. */
  archive: Buffer | undefined;
}

export interface ArtifactView {
  id: number;
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  /** Size the client reported at finalize (0 until then). */
  size: number;
  finalized: boolean;
  mimeType: string;
  /** `sha256:<hex>` as the client sent it at finalize, when it did. */
  digest: string | undefined;
  createdAt: Date;
  /** The uploaded bytes (a zip unless the client used skipArchive). */
  bytes: Buffer | undefined;
}

export interface ResultsServiceOptions {
  /** Backend ids placed in the token's scp claim; random UUIDs by default. */
  workflowRunBackendId?: string;
  workflowJobRunBackendId?: string;
  /** Directory for blobs and the env's RUNNER_TEMP / GITHUB_WORKSPACE; a fresh temp dir by default (removed by close()). */
  dir?: string;
}

export interface ResultsService {
  /** Base URL of the Twirp API, with a trailing slash as the runner sets it. */
  url: string;
  /** Origin of the blob store the signed URLs point at. */
  blobOrigin: string;
  /** The issued runtime token (also env.ACTIONS_RUNTIME_TOKEN). */
  token: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  /**
   * Env a runner sets for these libraries: ACTIONS_RESULTS_URL,
   * ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_SERVICE_V2=true,
   * GITHUB_SERVER_URL=https://github.com (any other host makes both libraries
   * assume GHES and refuse v2), GITHUB_WORKSPACE, RUNNER_TEMP.
   */
  env: Record<string, string>;
  /** Every Twirp and blob request, in arrival order. */
  requests: ServiceLogEntry[];
  caches(): CacheEntryView[];
  artifacts(): ArtifactView[];
  close(): Promise<void>;
}

// ---- runtime token ---------------------------------------------------------

/**
 * An HS256 JWT shaped like the runner's ACTIONS_RUNTIME_TOKEN: the artifact
 * client reads the backend ids from its `scp` claim without verifying it,
 * the fake verifies the signature.
 */
export function runtimeToken(
  secret: string | Buffer,
  workflowRunBackendId: string,
  workflowJobRunBackendId: string,
): string {
  const b64 = (v: object): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ typ: 'JWT', alg: 'HS256' });
  const body = b64({
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${workflowRunBackendId}:${workflowJobRunBackendId} Actions.UploadArtifacts:00000000-0000-0000-0000-000000000000:${workflowJobRunBackendId}`,
    iss: 'vstoken.actions.githubusercontent.com',
    aud: 'vso:fake-results-service',
    nbf: now - 60,
    iat: now - 60,
    exp: now + 6 * 3600,
  });
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

// ---- Twirp plumbing ---------------------------------------------------------

class TwirpError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number, msg: string) {
    super(msg);
    this.code = code;
    this.status = status;
  }
}
const invalid = (msg: string): TwirpError => new TwirpError('invalid_argument', 400, msg);
const notFound = (msg: string): TwirpError => new TwirpError('not_found', 404, msg);

type Json = Record<string, unknown>;

/** Reads a field by its proto name (what the clients send) or its JSON name. */
function str(body: Json, proto: string, json: string): string {
  const v = body[proto] ?? body[json];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** google.protobuf wrapper values are plain JSON scalars; tolerate `{value}` too. */
function wrapped(body: Json, proto: string, json: string): string | undefined {
  const v = body[proto] ?? body[json];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object') return String((v as { value?: unknown }).value ?? '');
  return String(v);
}

function int64(body: Json, proto: string, json: string): number {
  const s = str(body, proto, json);
  if (s === '') return 0;
  if (!/^\d+$/.test(s)) throw invalid(`${proto} must be a non-negative integer, got ${JSON.stringify(s)}`);
  return Number(s);
}

// ---- the service -------------------------------------------------------------

interface CacheEntry {
  id: number;
  key: string;
  version: string;
  sizeBytes: number;
  finalized: boolean;
  createdAt: Date;
  blob: string;
}

interface Artifact {
  id: number;
  name: string;
  runId: string;
  jobId: string;
  size: number;
  finalized: boolean;
  mimeType: string;
  digest: string | undefined;
  createdAt: Date;
  blob: string;
}

export async function startResultsService(options: ResultsServiceOptions = {}): Promise<ResultsService> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'results-svc-'));
  for (const sub of ['blobs', 'temp', 'workspace']) mkdirSync(join(dir, sub), { recursive: true });
  const runId = options.workflowRunBackendId ?? randomUUID();
  const jobId = options.workflowJobRunBackendId ?? randomUUID();
  const secret = createHash('sha256').update(randomUUID()).digest();
  const token = runtimeToken(secret, runId, jobId);

  const requests: ServiceLogEntry[] = [];
  const blobs: BlobStore = await startBlobStore(join(dir, 'blobs'), (e) => requests.push(e));

  const caches: CacheEntry[] = [];
  const artifacts: Artifact[] = [];
  let nextId = 1;

  function authenticate(req: IncomingMessage): void {
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ')) throw new TwirpError('unauthenticated', 401, 'missing bearer token');
    const got = auth.slice('Bearer '.length).trim();
    const [head, body, sig] = got.split('.');
    if (!head || !body || !sig) throw new TwirpError('unauthenticated', 401, 'token is not a JWT');
    const want = Buffer.from(createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url'));
    const have = Buffer.from(sig);
    if (want.length !== have.length || !timingSafeEqual(want, have))
      throw new TwirpError('unauthenticated', 401, 'token signature is not valid');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { exp?: number };
    if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now())
      throw new TwirpError('unauthenticated', 401, 'token has expired');
  }

  /** Artifact requests name the run and job; they must be the token's. */
  function backendIds(body: Json, requireJob: boolean): { runId: string; jobId: string } {
    const run = str(body, 'workflow_run_backend_id', 'workflowRunBackendId');
    const job = str(body, 'workflow_job_run_backend_id', 'workflowJobRunBackendId');
    if (!run) throw invalid('workflow_run_backend_id is required');
    if (requireJob && !job) throw invalid('workflow_job_run_backend_id is required');
    if (run !== runId)
      throw new TwirpError(
        'permission_denied',
        403,
        `workflow_run_backend_id ${run} is not this token's run`,
      );
    if (job && job !== jobId)
      throw new TwirpError(
        'permission_denied',
        403,
        `workflow_job_run_backend_id ${job} is not this token's job`,
      );
    return { runId: run, jobId: job };
  }

  // -- CacheService --

  function findCache(key: string, restoreKeys: string[], version: string): CacheEntry | undefined {
    const usable = caches.filter((c) => c.finalized && c.version === version);
    const newest = (list: CacheEntry[]): CacheEntry | undefined =>
      list.reduce<CacheEntry | undefined>((a, c) => (!a || c.createdAt >= a.createdAt ? c : a), undefined);
    const exact = newest(usable.filter((c) => c.key === key));
    if (exact) return exact;
    for (const prefix of restoreKeys) {
      const hit =
        newest(usable.filter((c) => c.key === prefix)) ??
        newest(usable.filter((c) => c.key.startsWith(prefix)));
      if (hit) return hit;
    }
    return undefined;
  }

  const cacheMethods: Record<string, (body: Json) => Json> = {
    CreateCacheEntry(body) {
      const key = str(body, 'key', 'key');
      const version = str(body, 'version', 'version');
      if (!key) throw invalid('key is required');
      if (!version) throw invalid('version is required');
      if (caches.some((c) => c.key === key && c.version === version))
        throw new TwirpError(
          'already_exists',
          409,
          'cache entry with the same key, version, and scope already exists',
        );
      const id = nextId++;
      const blob = `${id}/${createHash('sha256').update(`${key}\n${version}`).digest('hex')}`;
      caches.push({ id, key, version, sizeBytes: 0, finalized: false, createdAt: new Date(), blob });
      return { ok: true, signed_upload_url: blobs.signedUrl(CACHE_CONTAINER, blob, 'cw') };
    },
    FinalizeCacheEntryUpload(body) {
      const key = str(body, 'key', 'key');
      const version = str(body, 'version', 'version');
      const size = int64(body, 'size_bytes', 'sizeBytes');
      const entry = caches.find((c) => c.key === key && c.version === version && !c.finalized);
      if (!entry) throw notFound(`no reserved cache entry for key ${key} and version ${version}`);
      const stored = blobs.info(CACHE_CONTAINER, entry.blob);
      if (!stored) throw new TwirpError('failed_precondition', 412, 'cache archive was not uploaded');
      if (stored.size !== size)
        throw invalid(`size_bytes ${size} does not match the uploaded ${stored.size} bytes`);
      entry.sizeBytes = size;
      entry.finalized = true;
      return { ok: true, entry_id: String(entry.id) };
    },
    GetCacheEntryDownloadURL(body) {
      const key = str(body, 'key', 'key');
      const version = str(body, 'version', 'version');
      const restore = (body['restore_keys'] ?? body['restoreKeys'] ?? []) as unknown;
      if (!key) throw invalid('key is required');
      if (!version) throw invalid('version is required');
      if (!Array.isArray(restore) || restore.some((k) => typeof k !== 'string'))
        throw invalid('restore_keys must be strings');
      const hit = findCache(key, restore as string[], version);
      // A miss is ok:false with no error, which the library reports as undefined.
      if (!hit) return { ok: false, signed_download_url: '', matched_key: '' };
      return {
        ok: true,
        signed_download_url: blobs.signedUrl(CACHE_CONTAINER, hit.blob, 'r'),
        matched_key: hit.key,
      };
    },
  };

  // -- ArtifactService --

  const listView = (a: Artifact): Json => ({
    workflow_run_backend_id: a.runId,
    workflow_job_run_backend_id: a.jobId,
    database_id: String(a.id),
    name: a.name,
    size: String(a.size),
    created_at: a.createdAt.toISOString(),
    ...(a.digest ? { digest: a.digest } : {}),
  });

  const artifactMethods: Record<string, (body: Json) => Json> = {
    CreateArtifact(body) {
      const ids = backendIds(body, true);
      const name = str(body, 'name', 'name');
      const version = Number(body['version'] ?? 0);
      if (!name) throw invalid('name is required');
      if (version < 4)
        throw invalid(`artifact version ${version} is not supported by this service (needs 4 or later)`);
      if (artifacts.some((a) => a.runId === ids.runId && a.name === name))
        throw new TwirpError(
          'already_exists',
          409,
          `an artifact with this name already exists on the workflow run: ${name}`,
        );
      const id = nextId++;
      const blob = `${ids.runId}/${ids.jobId}/${name}`;
      artifacts.push({
        id,
        name,
        runId: ids.runId,
        jobId: ids.jobId,
        size: 0,
        finalized: false,
        mimeType: wrapped(body, 'mime_type', 'mimeType') ?? 'application/zip',
        digest: undefined,
        createdAt: new Date(),
        blob,
      });
      return { ok: true, signed_upload_url: blobs.signedUrl(ARTIFACT_CONTAINER, blob, 'cw') };
    },
    FinalizeArtifact(body) {
      const ids = backendIds(body, true);
      const name = str(body, 'name', 'name');
      const size = int64(body, 'size', 'size');
      const hash = wrapped(body, 'hash', 'hash');
      const artifact = artifacts.find(
        (a) => a.runId === ids.runId && a.jobId === ids.jobId && a.name === name,
      );
      if (!artifact) throw notFound(`no artifact named ${name} was created by this job`);
      if (artifact.finalized)
        throw new TwirpError('failed_precondition', 412, `artifact ${name} is already finalized`);
      const data = blobs.read(ARTIFACT_CONTAINER, artifact.blob);
      if (!data) throw new TwirpError('failed_precondition', 412, 'artifact content was not uploaded');
      if (data.length !== size)
        throw invalid(`size ${size} does not match the uploaded ${data.length} bytes`);
      if (hash !== undefined) {
        const actual = `sha256:${createHash('sha256').update(data).digest('hex')}`;
        if (hash !== actual) throw invalid(`hash ${hash} does not match the uploaded content (${actual})`);
      }
      artifact.size = size;
      artifact.digest = hash;
      artifact.finalized = true;
      return { ok: true, artifact_id: String(artifact.id) };
    },
    ListArtifacts(body) {
      // Listing is run-wide on GitHub: a job sees artifacts of every job in its run.
      const ids = backendIds(body, false);
      const nameFilter = wrapped(body, 'name_filter', 'nameFilter');
      const idFilter = wrapped(body, 'id_filter', 'idFilter');
      const found = artifacts.filter(
        (a) =>
          a.finalized &&
          a.runId === ids.runId &&
          (nameFilter === undefined || a.name === nameFilter) &&
          (idFilter === undefined || String(a.id) === idFilter),
      );
      return { artifacts: found.map(listView) };
    },
    GetSignedArtifactURL(body) {
      const ids = backendIds(body, false);
      const name = str(body, 'name', 'name');
      const artifact = artifacts.find((a) => a.finalized && a.runId === ids.runId && a.name === name);
      if (!artifact) throw notFound(`artifact ${name} not found`);
      return { signed_url: blobs.signedUrl(ARTIFACT_CONTAINER, artifact.blob, 'r') };
    },
    DeleteArtifact(body) {
      const ids = backendIds(body, false);
      const name = str(body, 'name', 'name');
      const index = artifacts.findIndex((a) => a.finalized && a.runId === ids.runId && a.name === name);
      if (index < 0) throw notFound(`artifact ${name} not found`);
      const [artifact] = artifacts.splice(index, 1);
      blobs.delete(ARTIFACT_CONTAINER, artifact!.blob);
      return { ok: true, artifact_id: String(artifact!.id) };
    },
  };

  const services: Record<string, Record<string, (body: Json) => Json>> = {
    [CACHE_SERVICE]: cacheMethods,
    [ARTIFACT_SERVICE]: artifactMethods,
  };

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<Json> {
    const m = /^\/twirp\/([\w.]+)\/(\w+)$/.exec(path);
    const impl = m ? services[m[1]!]?.[m[2]!] : undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST')
      throw new TwirpError('bad_route', 404, `${req.method} ${path}: Twirp routes are POST only`);
    if (!impl) throw new TwirpError('bad_route', 404, `no handler for ${path}`);
    authenticate(req);
    const type = String(req.headers['content-type'] ?? '');
    if (!type.startsWith('application/json'))
      throw new TwirpError(
        'bad_route',
        404,
        `unsupported content-type ${type}; only the JSON protocol is implemented`,
      );
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      throw new TwirpError('malformed', 400, 'request body is not JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new TwirpError('malformed', 400, 'request body is not a JSON object');
    return impl(body as Json);
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const op = path
      .split('/')
      .slice(-2)
      .map((s) => s.replace(/^github\.actions\.results\.api\.v1\./, ''))
      .join('/');
    const send = (status: number, payload: Json, code?: string): void => {
      const text = JSON.stringify(payload);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
      requests.push({
        service: 'twirp',
        op,
        method: req.method ?? '',
        path,
        status,
        ...(code ? { code } : {}),
      });
    };
    handle(req, res, path).then(
      (payload) => send(200, payload),
      (err: unknown) => {
        if (err instanceof TwirpError) send(err.status, { code: err.code, msg: err.message }, err.code);
        else send(500, { code: 'internal', msg: String(err) }, 'internal');
      },
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url,
    blobOrigin: blobs.origin,
    token,
    workflowRunBackendId: runId,
    workflowJobRunBackendId: jobId,
    env: {
      ACTIONS_RESULTS_URL: url,
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_CACHE_SERVICE_V2: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: join(dir, 'workspace'),
      RUNNER_TEMP: join(dir, 'temp'),
    },
    requests,
    caches: () =>
      caches.map((c) => ({
        id: c.id,
        key: c.key,
        version: c.version,
        sizeBytes: c.sizeBytes,
        finalized: c.finalized,
        createdAt: c.createdAt,
        archive: blobs.read(CACHE_CONTAINER, c.blob),
      })),
    artifacts: () =>
      artifacts.map((a) => ({
        id: a.id,
        name: a.name,
        workflowRunBackendId: a.runId,
        workflowJobRunBackendId: a.jobId,
        size: a.size,
        finalized: a.finalized,
        mimeType: a.mimeType,
        digest: a.digest,
        createdAt: a.createdAt,
        bytes: blobs.read(ARTIFACT_CONTAINER, a.blob),
      })),
    async close() {
      server.closeAllConnections();
      server.close();
      await Promise.all([once(server, 'close').catch(() => {}), blobs.close()]);
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
