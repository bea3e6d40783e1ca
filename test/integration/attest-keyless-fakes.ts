/**
 * Everything keyless signing talks to, offline, answering the documented
 * shapes — the way actions/toolkit tests @actions/attest, one step further
 * (here the bundles are then verified):
 *
 *   GitHub (a loopback HTTP server, real HTTP):
 *     GET  <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=sigstore   Authorization: bearer <request token>
 *          → 200 {"count": 1, "value": "<JWT>"}               the runner's OIDC token endpoint
 *     POST /repos/{owner}/{repo}/attestations  {"bundle": …}  → 201 {"id": <n>}
 *          (or the documented 403 {"message": "Resource not accessible by integration", …})
 *     The JWT carries GitHub's documented claims, RS256-signed by this fake issuer.
 *
 *   Sigstore (nock on the hosts @actions/attest hard-codes, answered by
 *   @sigstore/mock's Fulcio, Rekor and TSA):
 *     public-good   https://fulcio.sigstore.dev (CA + CT log), https://rekor.sigstore.dev
 *     github        https://fulcio.githubapp.com (CA, no CT log), https://timestamp.githubapp.com
 *     The fake Fulcio verifies the JWT against the issuer's key and audience
 *     and names the certificate's subject `https://github.com/<job_workflow_ref>`
 *     as the real one does; its GitHub extensions come from the token's claims.
 *
 * trustedRoot(instance) gives the trusted_root.json a verifier needs for each.
 * The Sigstore part can also run inside an action's own process (the bundled
 * action is a child process): see keyless-preload.ts.
 */
import { createHash, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, UnsecuredJWT, jwtVerify, exportJWK } from 'jose';
import nock from 'nock';
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
  type HandlerFn,
} from '@sigstore/mock';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** GitHub's documented OIDC claims for a run described by GITHUB_* variables. */
export function githubClaims(
  env: NodeJS.ProcessEnv,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const repository = env.GITHUB_REPOSITORY!;
  const ref = env.GITHUB_REF!;
  return {
    jti: randomUUID(),
    sub: `repo:${repository}:ref:${ref}`,
    ref,
    sha: env.GITHUB_SHA,
    repository,
    repository_owner: repository.split('/')[0],
    repository_owner_id: env.GITHUB_REPOSITORY_OWNER_ID,
    repository_id: env.GITHUB_REPOSITORY_ID,
    repository_visibility: 'public',
    run_id: env.GITHUB_RUN_ID,
    run_number: '7',
    run_attempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    runner_environment: env.RUNNER_ENVIRONMENT ?? 'github-hosted',
    actor: 'octocat',
    actor_id: '583231',
    workflow: 'release',
    workflow_ref: env.GITHUB_WORKFLOW_REF,
    workflow_sha: env.GITHUB_SHA,
    job_workflow_ref: env.GITHUB_WORKFLOW_REF,
    job_workflow_sha: env.GITHUB_SHA,
    event_name: env.GITHUB_EVENT_NAME,
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    ref_protected: 'true',
    ...overrides,
  };
}

export interface StoredAttestation {
  repository: string;
  authorization: string | undefined;
  bundle: { mediaType?: string; dsseEnvelope?: { payload: string } };
}

export interface GitHubFakes {
  /** ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN, GITHUB_API_URL, GITHUB_TOKEN. */
  env: NodeJS.ProcessEnv;
  /** The issuer's public key (the fake Fulcio checks tokens with it). */
  issuerKey: KeyObject;
  /** Claims of the next tokens. */
  claims: Record<string, unknown>;
  /** Status the attestations API answers (201 by default). */
  apiStatus: number;
  /** Status the token endpoint answers (200 by default). */
  tokenStatus: number;
  tokenRequests: { audience: string | null }[];
  stored: StoredAttestation[];
  close(): Promise<void>;
}

const API_TOKEN = 'ghs_fakeInstallationToken0123456789';

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The runner's OIDC token endpoint and the REST API's attestations endpoint, on 127.0.0.1. */
export async function startGitHubFakes(claims: Record<string, unknown>): Promise<GitHubFakes> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const requestToken = `runtime-${randomUUID()}`;
  let nextId = 1;
  const fakes: GitHubFakes = {
    env: {},
    issuerKey: publicKey,
    claims,
    apiStatus: 201,
    tokenStatus: 200,
    tokenRequests: [],
    stored: [],
    close: () => new Promise((r) => server.close(() => r())),
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'GET' && url.pathname === '/_apis/oidc/token') {
        if (req.headers.authorization?.toLowerCase() !== `bearer ${requestToken}`)
          return send(res, 401, { message: 'Bad credentials' });
        const audience = url.searchParams.get('audience');
        fakes.tokenRequests.push({ audience });
        if (fakes.tokenStatus !== 200)
          return send(res, fakes.tokenStatus, {
            message: 'Can not issue ID token: missing permission id-token: write',
          });
        const now = Math.floor(Date.now() / 1000);
        const jwt = await new SignJWT({ ...fakes.claims })
          .setProtectedHeader({ alg: 'RS256', kid: 'fake-issuer-key', typ: 'JWT' })
          .setIssuer(GITHUB_ISSUER)
          .setAudience(audience ?? GITHUB_ISSUER.replace('token.actions.githubusercontent.com', 'github.com'))
          .setIssuedAt(now)
          .setNotBefore(now - 5)
          .setExpirationTime(now + 300)
          .sign(privateKey);
        return send(res, 200, { count: jwt.length, value: jwt });
      }
      const m = /^\/repos\/([^/]+)\/([^/]+)\/attestations$/.exec(url.pathname);
      if (req.method === 'POST' && m) {
        const text = await body(req);
        if (
          req.headers.authorization !== `token ${API_TOKEN}` &&
          req.headers.authorization !== `Bearer ${API_TOKEN}`
        )
          return send(res, 401, {
            message: 'Bad credentials',
            documentation_url: 'https://docs.github.com/rest',
          });
        if (fakes.apiStatus === 403)
          return send(res, 403, {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/repos/attestations#create-an-attestation',
            status: '403',
          });
        const parsed = JSON.parse(text) as { bundle?: StoredAttestation['bundle'] };
        if (!parsed.bundle?.mediaType?.startsWith('application/vnd.dev.sigstore.bundle'))
          return send(res, 422, {
            message: 'Invalid request.',
            documentation_url: 'https://docs.github.com/rest',
          });
        fakes.stored.push({
          repository: `${m[1]}/${m[2]}`,
          authorization: req.headers.authorization,
          bundle: parsed.bundle,
        });
        return send(res, 201, { id: nextId++ });
      }
      send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    })().catch((e: Error) => send(res, 500, { message: e.message }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fakes.env = {
    ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/_apis/oidc/token?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
    GITHUB_API_URL: base,
    GITHUB_TOKEN: API_TOKEN,
  };
  return fakes;
}

export type Instance = 'public-good' | 'github';

export const SIGSTORE_HOSTS = {
  'public-good': { fulcio: 'https://fulcio.sigstore.dev', rekor: 'https://rekor.sigstore.dev' },
  github: { fulcio: 'https://fulcio.githubapp.com', tsa: 'https://timestamp.githubapp.com' },
} as const;

export interface SigstoreFakes {
  trustedRoot(instance: Instance): Record<string, unknown>;
  requests: { fulcio: number; rekor: number; tsa: number };
  /** Fulcio refuses a token that fails these (signature, issuer, audience). */
  close(): void;
}

const b64 = (b: ArrayBufferView | Buffer) =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
const ecKeys = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

/**
 * Rekor stores a DSSE entry in its canonical form — hashes of the envelope
 * and payload, and each signature with its verifier — not as proposed; the
 * mock logs what it is sent, so do Rekor's part here (verifiers compare the
 * bundle's signature and payload digest with the logged body).
 */
function canonicalDsseEntry(text: string): string {
  const proposed = JSON.parse(text) as {
    apiVersion: string;
    kind: string;
    spec: { proposedContent?: { envelope: string; verifiers: string[] } };
  };
  const content = proposed.spec.proposedContent;
  if (proposed.kind !== 'dsse' || !content) return text;
  const envelope = JSON.parse(content.envelope) as { payload: string; signatures: { sig: string }[] };
  const sha = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');
  return JSON.stringify({
    apiVersion: proposed.apiVersion,
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha(content.envelope) },
      payloadHash: { algorithm: 'sha256', value: sha(Buffer.from(envelope.payload, 'base64')) },
      signatures: envelope.signatures.map((x, i) => ({ signature: x.sig, verifier: content.verifiers[i] })),
    },
  });
}

/**
 * Registers a persistent nock interceptor answering with an @sigstore/mock
 * handler (the mock's own mockFulcio/mockRekor register single-use ones in
 * nock's older reply style, which nock 15 no longer calls with a body).
 */
function intercept(base: string, path: string, fn: HandlerFn, count: () => void): void {
  nock(base)
    .persist()
    .post(path)
    // nock 15 hands a reply function the Fetch API Request (one parameter; two would mean a callback).
    .reply(async (request: Request) => {
      count();
      const r = await fn(await request.text());
      return [r.statusCode, r.response, { 'Content-Type': r.contentType ?? 'text/plain' }];
    });
}

/**
 * Starts the fake Sigstore instances in this process. Only 127.0.0.1 stays
 * reachable: anything else is refused, so no test can reach the real ones.
 */
export async function startSigstoreFakes(issuerKey: KeyObject): Promise<SigstoreFakes> {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  const requests = { fulcio: 0, rekor: 0, tsa: 0 };
  // One fixed signing time for every fake: certificates live 10 minutes from it, and the
  // timestamps and log entries made at it fall inside however long the tests take. Its
  // milliseconds are not a multiple of 10: the mock TSA writes 12:00:00.49Z for .490, which
  // @sigstore/core's time parser (exactly three digits) refuses. The mocks read the Date they
  // are given at each use, so it is set once their root certificates exist: a root is valid
  // from the second it was made, and the chain must be valid at the signing time.
  const clock = new Date();
  const validFor = { start: new Date(Date.now() - 24 * 3600 * 1000).toISOString() };

  // Fulcio checks the token as the real one does, then certifies the workflow as the subject.
  const fulcio = (ca: Awaited<ReturnType<typeof initializeCA>>): HandlerFn => {
    const mock = fulcioHandler(ca, { subjectClaim: 'fulcio_subject' }).fn;
    return async (text) => {
      const req = JSON.parse(text) as { credentials: { oidcIdentityToken: string } };
      let claims;
      try {
        ({ payload: claims } = await jwtVerify(req.credentials.oidcIdentityToken, issuerKey, {
          issuer: GITHUB_ISSUER,
          audience: 'sigstore',
        }));
      } catch (e) {
        return { statusCode: 401, response: `invalid identity token: ${(e as Error).message}` };
      }
      const subject = `https://github.com/${claims.job_workflow_ref as string}`;
      req.credentials.oidcIdentityToken = new UnsecuredJWT({ ...claims, fulcio_subject: subject }).encode();
      return mock(JSON.stringify(req));
    };
  };

  // public-good: Fulcio with a CT log, Rekor.
  const pgCtKeys = ecKeys();
  const pgCtLog = await initializeCTLog(pgCtKeys, clock);
  const pgCa = await initializeCA(ecKeys(), pgCtLog, clock);
  const tlog = await initializeTLog(SIGSTORE_HOSTS['public-good'].rekor, ecKeys(), clock);
  intercept(
    SIGSTORE_HOSTS['public-good'].fulcio,
    '/api/v2/signingCert',
    fulcio(pgCa),
    () => requests.fulcio++,
  );
  const rekor = rekorHandler(tlog);
  intercept(
    SIGSTORE_HOSTS['public-good'].rekor,
    rekor.path,
    (text) => rekor.fn(canonicalDsseEntry(text)),
    () => requests.rekor++,
  );

  // GitHub's instance: Fulcio without CT, a timestamp authority, no transparency log.
  const ghCa = await initializeCA(ecKeys(), undefined, clock);
  const tsa = await initializeTSA(ecKeys(), clock);
  intercept(SIGSTORE_HOSTS.github.fulcio, '/api/v2/signingCert', fulcio(ghCa), () => requests.fulcio++);
  const ts = tsaHandler(tsa);
  intercept(SIGSTORE_HOSTS.github.tsa, ts.path, ts.fn, () => requests.tsa++);

  clock.setTime(Math.floor(Date.now() / 1000) * 1000 + 123);

  const ca = (c: typeof pgCa, uri: string) => ({
    subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
    uri,
    certChain: { certificates: [{ rawBytes: b64(c.rootCertificate) }] },
    validFor,
  });
  const logKey = (publicKey: Buffer, keyId: ArrayBufferView, baseUrl: string) => ({
    baseUrl,
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: b64(publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor },
    logId: { keyId: b64(keyId) },
  });
  const MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1';
  const roots: Record<Instance, Record<string, unknown>> = {
    'public-good': {
      mediaType: MEDIA_TYPE,
      tlogs: [
        logKey(
          tlog.publicKey,
          createHash('sha256').update(tlog.publicKey).digest(),
          SIGSTORE_HOSTS['public-good'].rekor,
        ),
      ],
      certificateAuthorities: [ca(pgCa, SIGSTORE_HOSTS['public-good'].fulcio)],
      ctlogs: [logKey(pgCtLog.publicKey, pgCtLog.logID, 'https://ctfe.sigstore.dev')],
      timestampAuthorities: [],
    },
    github: {
      mediaType: MEDIA_TYPE,
      tlogs: [],
      certificateAuthorities: [ca(ghCa, SIGSTORE_HOSTS.github.fulcio)],
      ctlogs: [],
      timestampAuthorities: [
        {
          subject: { organization: 'sigstore.mock', commonName: 'tsa' },
          uri: SIGSTORE_HOSTS.github.tsa,
          certChain: {
            certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }],
          },
          validFor,
        },
      ],
    },
  };
  return {
    trustedRoot: (instance) => roots[instance],
    requests,
    close: () => {
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}

/** The issuer's public key as a JWK, for handing to another process. */
export async function issuerJwk(key: KeyObject): Promise<string> {
  return JSON.stringify(await exportJWK(key));
}
