/**
 * Keyless verification: a bundle signed with a Fulcio certificate verifies
 * only when
 *
 *   signature  @sigstore/verify accepts it against a trusted root — the
 *              certificate chains to the root's Fulcio CA at the signing
 *              time, that time is witnessed (Rekor entry or RFC 3161
 *              timestamp), the CT log's SCT is present when the root has CT
 *              logs, and the DSSE signature is the certificate's key's;
 *   identity   the certificate says the expected thing about who signed:
 *              the OIDC issuer, the source repository, the workflow file
 *              that ran (Build Config URI) and the ref it ran on.
 *
 * A certificate proves nothing on its own about *which* workflow signed:
 * anyone can get one for their own repository from the same Fulcio. The
 * identity check is what makes the signature mean "built by our release
 * workflow", so verify refuses to run keyless without an expected repository.
 *
 * Witness thresholds follow the root, as `gh attestation verify` does:
 * Sigstore public-good (Rekor and CT logs in its root) needs a transparency
 * log entry and an SCT; GitHub's instance (no logs, a timestamp authority)
 * needs a signed timestamp. Either way at least one verified timestamp.
 */
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, Verifier, type SignedEntity, type Signer } from '@sigstore/verify';
import { DataError } from '../errors.ts';
import { PUBLIC_GOOD_TRUSTED_ROOT } from './trust/public-good-root.ts';

/** Fulcio's certificate extensions (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md). */
export const FULCIO_OID = {
  issuerV1: '1.3.6.1.4.1.57264.1.1',
  issuer: '1.3.6.1.4.1.57264.1.8',
  buildSignerUri: '1.3.6.1.4.1.57264.1.9',
  sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryDigest: '1.3.6.1.4.1.57264.1.13',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
  buildConfigUri: '1.3.6.1.4.1.57264.1.18',
  buildTrigger: '1.3.6.1.4.1.57264.1.20',
  runInvocationUri: '1.3.6.1.4.1.57264.1.21',
} as const;

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

export interface KeylessIdentity {
  /** e.g. https://github.com */
  serverUrl: string;
  /** owner/name */
  repository: string;
  /** The workflow file inside the repository (.github/workflows/release.yml); null: any. */
  workflow: string | null;
  /** The ref it ran on: exact, or a pattern where `*` matches anything (refs/tags/v*); null: any. */
  ref: string | null;
  issuer: string;
}

export interface NamedTrustedRoot {
  /** Where it came from, for messages. */
  source: string;
  root: TrustedRoot;
}

export interface KeylessPolicy {
  identity: KeylessIdentity;
  trustedRoots: NamedTrustedRoot[];
}

/** What the certificate says, decoded. */
export interface CertificateIdentity {
  subjectAlternativeName: string | null;
  issuer: string | null;
  sourceRepositoryUri: string | null;
  sourceRepositoryRef: string | null;
  sourceRepositoryDigest: string | null;
  buildConfigUri: string | null;
  buildSignerUri: string | null;
  runInvocationUri: string | null;
}

export class KeylessCheckFailure extends Error {
  readonly check: 'signature' | 'identity';
  constructor(check: 'signature' | 'identity', detail: string) {
    super(detail);
    this.check = check;
  }
}

/** The default: Sigstore public-good's root shipped with the suite. */
export function defaultTrustedRoots(): NamedTrustedRoot[] {
  return [{ source: 'Sigstore public-good (shipped)', root: TrustedRoot.fromJSON(PUBLIC_GOOD_TRUSTED_ROOT) }];
}

/**
 * A trusted_root.json, or the JSON Lines `gh attestation trusted-root`
 * prints (one root per line: public-good and GitHub's instance).
 */
export function parseTrustedRoots(text: string, source: string): NamedTrustedRoot[] {
  const trimmed = text.trim();
  let docs: unknown[];
  try {
    docs = [JSON.parse(trimmed)];
  } catch {
    try {
      docs = trimmed
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l));
    } catch (e) {
      throw new DataError(
        `${source}: neither a trusted_root.json nor JSON Lines of them (${(e as Error).message})`,
      );
    }
  }
  if (docs.length === 0) throw new DataError(`${source}: no trusted root in it`);
  return docs.map((doc, i) => {
    const d = doc as { mediaType?: unknown; certificateAuthorities?: unknown };
    if (
      typeof d?.mediaType !== 'string' ||
      !d.mediaType.startsWith('application/vnd.dev.sigstore.trustedroot')
    )
      throw new DataError(
        `${source}${docs.length > 1 ? ` line ${i + 1}` : ''}: not a Sigstore trusted root (mediaType ${JSON.stringify(d?.mediaType)})`,
      );
    let root: TrustedRoot;
    try {
      root = TrustedRoot.fromJSON(doc);
    } catch (e) {
      throw new DataError(`${source}: not a valid Sigstore trusted root (${(e as Error).message})`);
    }
    if (root.certificateAuthorities.length === 0)
      throw new DataError(
        `${source}: the trusted root has no certificate authority, so no keyless signature can verify`,
      );
    return { source: docs.length > 1 ? `${source} (root ${i + 1})` : source, root };
  });
}

interface RootVerifier {
  source: string;
  verifier: Verifier;
}

export function keylessVerifiers(roots: NamedTrustedRoot[]): RootVerifier[] {
  return roots.map(({ source, root }) => ({
    source,
    verifier: new Verifier(toTrustMaterial(root), {
      tlogThreshold: root.tlogs.length > 0 ? 1 : 0,
      ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
      timestampThreshold: 1,
    }),
  }));
}

/** A Fulcio v2 extension's value is a DER UTF8String; v1 ones (1.1–1.6) are the raw bytes. */
export function extensionText(value: Buffer): string {
  if (value.length >= 2 && value[0] === 0x0c) {
    let len = value[1]!;
    let at = 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + value[2 + i]!;
      at = 2 + n;
    }
    if (at + len === value.length) return value.subarray(at).toString('utf8');
  }
  return value.toString('utf8');
}

export function certificateIdentity(signer: Signer): CertificateIdentity {
  const oids = new Map(
    (signer.identity?.oids ?? []).map((o) => [o.oid?.id.join('.') ?? '', Buffer.from(o.value)] as const),
  );
  const get = (oid: string) => {
    const v = oids.get(oid);
    return v ? extensionText(v) : null;
  };
  return {
    subjectAlternativeName: signer.identity?.subjectAlternativeName ?? null,
    issuer: get(FULCIO_OID.issuer) ?? get(FULCIO_OID.issuerV1),
    sourceRepositoryUri: get(FULCIO_OID.sourceRepositoryUri),
    sourceRepositoryRef: get(FULCIO_OID.sourceRepositoryRef),
    sourceRepositoryDigest: get(FULCIO_OID.sourceRepositoryDigest),
    buildConfigUri: get(FULCIO_OID.buildConfigUri),
    buildSignerUri: get(FULCIO_OID.buildSignerUri),
    runInvocationUri: get(FULCIO_OID.runInvocationUri),
  };
}

/** `*` matches any run of characters (slashes too); everything else is literal. */
export function refMatches(ref: string, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(ref);
}

/** The first way the certificate differs from the expected identity, or null. */
export function identityMismatch(got: CertificateIdentity, want: KeylessIdentity): string | null {
  const server = want.serverUrl.replace(/\/+$/, '');
  if (got.issuer !== want.issuer)
    return `issuer: the certificate was issued for a token from ${got.issuer ?? '(none)'}, expected ${want.issuer}`;
  const repoUri = `${server}/${want.repository}`;
  if (got.sourceRepositoryUri?.toLowerCase() !== repoUri.toLowerCase())
    return `repository: the certificate names ${got.sourceRepositoryUri ?? '(no source repository)'}, expected ${repoUri}`;
  const config = got.buildConfigUri ?? got.subjectAlternativeName;
  if (want.workflow !== null) {
    const path = `${want.workflow.replace(/^\/+/, '')}@`;
    // The repository's name is case-insensitive on GitHub; a workflow's path in it is not.
    const inRepository =
      config !== null &&
      config.toLowerCase().startsWith(`${repoUri.toLowerCase()}/`) &&
      config.slice(repoUri.length + 1).startsWith(path);
    if (!inRepository)
      return `workflow: the certificate says the workflow ${config ?? '(none)'} ran, expected ${repoUri}/${path}<ref>`;
  }
  if (want.ref !== null) {
    const ref = got.sourceRepositoryRef;
    if (!ref || !refMatches(ref, want.ref))
      return `ref: the certificate says it ran on ${ref ?? '(no ref)'}, expected ${want.ref}`;
  }
  return null;
}

/**
 * Verifies the signature against each trusted root until one accepts it,
 * then the identity. Throws KeylessCheckFailure naming the check.
 */
export function verifyKeyless(
  entity: SignedEntity,
  verifiers: RootVerifier[],
  want: KeylessIdentity,
): { identity: CertificateIdentity; root: string } {
  if (entity.key.$case !== 'certificate')
    throw new KeylessCheckFailure(
      'signature',
      'the bundle is signed with a key, not a Fulcio certificate: verify it with public-key instead',
    );
  const failures: string[] = [];
  for (const { source, verifier } of verifiers) {
    let signer: Signer;
    try {
      signer = verifier.verify(entity);
    } catch (e) {
      const code = (e as { code?: string }).code;
      failures.push(`${source}: ${(e as Error).message}${code ? ` (${code})` : ''}`);
      continue;
    }
    const identity = certificateIdentity(signer);
    const mismatch = identityMismatch(identity, want);
    if (mismatch) throw new KeylessCheckFailure('identity', mismatch);
    return { identity, root: source };
  }
  throw new KeylessCheckFailure(
    'signature',
    `no trusted root accepts the signature — ${failures.join('; ')}`,
  );
}
