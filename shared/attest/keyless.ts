/**
 * Keyless signing, the default on GitHub: no key to keep. @actions/attest
 * asks the runner for the job's OIDC token (audience `sigstore`), gets a
 * short-lived certificate for it from Fulcio that names the repository,
 * workflow and ref, signs the statement's DSSE envelope with the matching
 * ephemeral key and has the signature witnessed — Rekor for Sigstore's
 * public-good instance (public repositories), GitHub's timestamp authority
 * for GitHub's own instance (private and internal ones). The result is the
 * same Sigstore bundle v0.3 key mode writes, with a certificate where key
 * mode has a key hint.
 *
 * Signing happens with `skipWrite` and the bundles are stored through the
 * repository's attestations API only after every statement is signed (the
 * `publish` step), so a signing failure half-way stores nothing: a
 * repository never holds attestations of a run that did not finish signing.
 *
 * Pushing the bundles to a registry as OCI referrers belongs to
 * tag-snapshot, which pushes the images they describe.
 *
 * The runner toolkit (@actions/attest, @actions/github's Octokit) is handed
 * in by the action (actions/attest/keyless-toolkit.ts): only the action
 * adapters touch @actions/*.
 */
import { isDeepStrictEqual } from 'node:util';
import type { SerializedBundle } from '@sigstore/bundle';
import { DataError, InputError } from '../errors.ts';
import type { PublishedAttestation, SignedStatement, StatementSigner } from './sign.ts';

export type SigstoreInstance = 'public-good' | 'github';

/** What keyless signing needs from the runner toolkit. */
export interface KeylessToolkit {
  /** @actions/attest's attest(): builds the statement from these, signs it, returns the bundle. */
  attest(o: {
    subjects: { name: string; digest: Record<string, string> }[];
    predicateType: string;
    predicate: object;
    sigstore: SigstoreInstance;
    token: string;
    skipWrite: true;
  }): Promise<{ bundle: SerializedBundle }>;
  /** POST /repos/{owner}/{repo}/attestations {bundle} (GitHub's REST API, with retries). */
  createAttestation(
    token: string,
    owner: string,
    repo: string,
    bundle: SerializedBundle,
  ): Promise<{ data: unknown }>;
}
export type SigstoreChoice = 'auto' | SigstoreInstance;

export interface OidcTokenRequest {
  url: string;
  token: string;
}

export interface KeylessOptions {
  oidc: OidcTokenRequest;
  instance: SigstoreInstance;
  /** Why this instance (for the summary). */
  instanceReason: string;
  /** owner/name: where the attestations API stores the bundles. */
  repository: string;
  /** Token for the attestations API; null: do not store (store-attestations: false). */
  token: string | null;
}

/**
 * The instance @actions/attest would pick, decided here so the summary can
 * say which and why: public repositories sign on Sigstore's public-good
 * instance (its transparency log is public), everything else on GitHub's.
 */
export function chooseSigstoreInstance(
  choice: SigstoreChoice,
  visibility: string | null | undefined,
): { instance: SigstoreInstance; reason: string } {
  if (choice !== 'auto') return { instance: choice, reason: `sigstore: ${choice}` };
  if (visibility === 'public')
    return {
      instance: 'public-good',
      reason: "the repository is public (the event payload's repository.visibility)",
    };
  return {
    instance: 'github',
    reason: visibility
      ? `the repository is ${visibility} (the event payload's repository.visibility)`
      : 'the event payload does not say the repository is public',
  };
}

const OIDC_ACCEPTED =
  'permissions: { id-token: write, attestations: write } on the job (keyless), or an ECDSA P-256 private-key (key mode)';

/**
 * Keyless signing needs the runner's OIDC token request URL and token, which
 * the runner sets only when the job has `id-token: write`: checked with the
 * other inputs, before anything is hashed.
 */
export function requireOidcToken(
  request: OidcTokenRequest | null | undefined,
  reason: string,
): OidcTokenRequest {
  if (!request)
    throw new InputError(
      'private-key',
      `is empty, so the run (${reason}) signs keyless, but GitHub's OIDC token cannot be requested ` +
        '(ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN not set): the job needs the permission `id-token: write`',
      OIDC_ACCEPTED,
    );
  return request;
}

/**
 * Asks for a token once before the first signature, so a refusal is named
 * (@sigstore/sign passes on an empty token and Fulcio's answer then says
 * nothing about the permission). The token itself is not kept.
 */
async function checkOidcToken(request: OidcTokenRequest): Promise<void> {
  const url = new URL(request.url);
  url.searchParams.set('audience', 'sigstore');
  let problem: string | null = null;
  try {
    const response = await fetch(url, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${request.token}` },
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) problem = `the token endpoint answered HTTP ${response.status}`;
    else if (typeof ((await response.json()) as { value?: unknown }).value !== 'string')
      problem = 'the token endpoint answered without a token';
  } catch (e) {
    problem = `the token endpoint cannot be reached (${message(e)})`;
  }
  if (problem)
    throw new DataError(
      `keyless signing could not get GitHub's OIDC token (${problem}): the job needs the permission \`id-token: write\` ` +
        `(${OIDC_ACCEPTED})`,
    );
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Turns the libraries' terse failures into errors that say what to change. */
function keylessError(e: unknown, instance: SigstoreInstance): Error {
  const m = message(e);
  if (/no tokens available|ID token|id-token/i.test(m))
    return new DataError(
      `keyless signing could not get GitHub's OIDC token (${m}): the job needs the permission \`id-token: write\` ` +
        `(${OIDC_ACCEPTED})`,
    );
  return new DataError(`keyless signing on Sigstore's ${instance} instance failed: ${m}`);
}

function apiError(e: unknown, repository: string): Error {
  const status = (e as { status?: number }).status;
  const m = message(e);
  if (status === 401 || status === 403)
    return new DataError(
      `storing the attestations in ${repository} was refused (HTTP ${status}: ${m}): the job needs the permission ` +
        '`attestations: write` and the github-token input a token that has it (set store-attestations: false to keep them only as files)',
    );
  if (status === 404)
    return new DataError(
      `storing the attestations in ${repository} failed (HTTP 404: ${m}): the repository does not exist for this ` +
        'token, or its plan has no artifact attestations (set store-attestations: false to keep them only as files)',
    );
  return new DataError(`storing the attestations in ${repository} failed: ${m}`);
}

/** POST /repos/{owner}/{repo}/attestations {bundle} → 201 {id}: GitHub's documented contract. */
async function storeBundle(
  toolkit: KeylessToolkit,
  token: string,
  repository: string,
  bundle: SerializedBundle,
): Promise<string> {
  const [owner, repo] = repository.split('/') as [string, string];
  const response = await toolkit.createAttestation(token, owner, repo, bundle);
  const data = (typeof response.data === 'string' ? JSON.parse(response.data) : response.data) as {
    id?: unknown;
  };
  if (typeof data?.id !== 'number' && typeof data?.id !== 'string')
    throw new DataError(`the attestations API of ${repository} answered without an id`);
  return String(data.id);
}

export function keylessSigner(o: KeylessOptions, toolkit: KeylessToolkit): StatementSigner {
  const signed: { name: string; bundle: SerializedBundle }[] = [];
  let tokenChecked: Promise<void> | null = null;
  return {
    mode: 'keyless',
    description: `a GitHub OIDC certificate (keyless, Sigstore ${o.instance === 'github' ? "GitHub's instance" : 'public-good'}: ${o.instanceReason})`,
    async sign(name: string, payload: Buffer): Promise<SignedStatement> {
      const statement = JSON.parse(payload.toString('utf8')) as {
        subject: { name: string; digest: Record<string, string> }[];
        predicateType: string;
        predicate: object;
      };
      await (tokenChecked ??= checkOidcToken(o.oidc));
      let bundle: SerializedBundle;
      try {
        ({ bundle } = await toolkit.attest({
          subjects: statement.subject,
          predicateType: statement.predicateType,
          predicate: statement.predicate,
          sigstore: o.instance,
          token: o.token ?? '',
          skipWrite: true,
        }));
      } catch (e) {
        throw keylessError(e, o.instance);
      }
      // @actions/attest serialises the statement itself; keep the bytes it signed, after checking they say the same.
      const envelope = bundle.dsseEnvelope;
      if (!envelope)
        throw new DataError(`keyless signing of ${name} returned a bundle without a DSSE envelope`);
      const signedPayload = Buffer.from(envelope.payload, 'base64');
      if (
        !signedPayload.equals(payload) &&
        !isDeepStrictEqual(JSON.parse(signedPayload.toString('utf8')), statement)
      )
        throw new DataError(`keyless signing of ${name} signed a statement other than the one built`);
      signed.push({ name, bundle });
      return { payload: signedPayload, bundle };
    },
    async publish(): Promise<PublishedAttestation[]> {
      if (o.token === null) return [];
      const out: PublishedAttestation[] = [];
      for (const s of signed) {
        try {
          out.push({ name: s.name, id: await storeBundle(toolkit, o.token, o.repository, s.bundle) });
        } catch (e) {
          throw e instanceof DataError ? e : apiError(e, o.repository);
        }
      }
      return out;
    },
  };
}
