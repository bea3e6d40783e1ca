/**
 * Verification that fails closed: an attestation is accepted only when every
 * check below holds, and the first that does not is named in the error
 * (VerificationFailure.check), with the file it concerns.
 *
 *   attestation     the Sigstore bundle exists and is a v0.3 bundle holding a DSSE envelope
 *   signature       the envelope carries a signature and it verifies against the trusted key
 *                   (@sigstore/verify's Verifier; thresholds 0: key mode has no log or TSA),
 *                   or, keyless, against a Sigstore trusted root (keyless-verify.ts)
 *   identity        keyless: the certificate names the expected issuer, repository, workflow and ref
 *   statement       the signed payload is an in-toto v1 statement, and the .intoto.json beside
 *                   the bundle (what people read) is byte for byte the signed payload
 *   predicate-type  the predicate is SLSA Provenance v1 and valid
 *   builder-id      runDetails.builder.id matches the policy
 *   subjects        every subject names a file under the root whose sha256 is the subject's
 *   byproducts      every file bound as a byproduct (image provenance, SBOMs, secret scan,
 *                   upstream documents) is present with the digest that was signed
 *   risk-score      every bound image provenance has analysis.risk_score ≤ the threshold
 *   boot            every bound image provenance says boot-verify passed
 *   coverage        every artifact file that must be covered is a subject of a verified statement
 *
 * DSSE verification alone never looks at the files: the subject check is
 * what binds the signature to the bytes a consumer is about to run.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { bundleFromJSON, BUNDLE_V03_MEDIA_TYPE, type Bundle } from '@sigstore/bundle';
import { PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { sha256 } from '../hash.ts';
import { readRegularFile } from '../regular-file.ts';
import { insideTree, toRel } from './artifacts.ts';
import { DigestMemo } from '../digest-memo.ts';
import {
  IMAGE_PROVENANCE_MEDIA_TYPE,
  ImageProvenanceSchema,
  type ImageProvenance,
} from './image-provenance.ts';
import type { TrustedKey } from './signing-key.ts';
import {
  KeylessCheckFailure,
  keylessVerifiers,
  verifyKeyless,
  type KeylessPolicy,
} from './keyless-verify.ts';
import {
  IN_TOTO_PAYLOAD_TYPE,
  ProvenanceStatementSchema,
  SLSA_PROVENANCE_V1,
  StatementSchema,
  type ProvenanceStatement,
} from './statement.ts';

export type CheckName =
  | 'attestation'
  | 'signature'
  | 'identity'
  | 'statement'
  | 'predicate-type'
  | 'builder-id'
  | 'subjects'
  | 'byproducts'
  | 'risk-score'
  | 'boot'
  | 'coverage';

export class VerificationFailure extends Error {
  readonly check: CheckName;
  readonly target: string;
  constructor(check: CheckName, target: string, detail: string) {
    super(`verification failed at check '${check}' for ${target}: ${detail}`);
    this.name = 'VerificationFailure';
    this.check = check;
    this.target = target;
  }
}

export interface CheckResult {
  check: CheckName;
  target: string;
  detail: string;
}

export interface VerifyPolicy {
  /**
   * Key mode: the signer's public key, or several (the current one and those it replaced): a bundle is
   * verified with the key its hint names. Exactly one of trustedKeys and keyless is given.
   */
  trustedKeys: readonly TrustedKey[] | null;
  /** Keyless: the trusted roots and the identity the certificate must name. */
  keyless?: KeylessPolicy | null;
  /** Exact builder id, or a prefix when it ends with `*`; null: any (the key is the trust). */
  builderId: string | null;
  /** Largest accepted analysis.risk_score; null: not checked. */
  maxRiskScore: number | null;
  requireBoot: boolean;
}

export interface VerifyRequest {
  /** Subject names resolve under this directory (the output tree, or the trees' common parent). */
  root: string;
  /** Sigstore bundles; empty: every *.sigstore.json (and every unsigned *.intoto.json) in <root>/meta/attestations. */
  attestations: string[];
  /** Files that must each be a subject of a verified statement; null: every image file under the root. */
  artifacts: string[] | null;
  policy: VerifyPolicy;
  /** The caller's digests, when it hashed some of these files already (tag-snapshot's gates); default: new. */
  digests?: DigestMemo;
}

export interface VerifiedStatement {
  bundle: string;
  statement: ProvenanceStatement;
}

export interface VerifyResult {
  statements: VerifiedStatement[];
  checks: CheckResult[];
  covered: { path: string; sha256: string }[];
  /** Files this verification hashed (each once, however many statements name it; none the caller had hashed). */
  hashed: number;
}

const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** The files verify must find covered when no artifacts are named: images and kernels, whatever the case. */
const ARTIFACT_FILE = /\.(qcow2|vmlinuz|initrd)$/i;

export const BUNDLE_SUFFIX = '.sigstore.json';
export const STATEMENT_SUFFIX = '.intoto.json';

function trustMaterial(key: TrustedKey) {
  const emptyRoot = TrustedRoot.fromJSON({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [],
    certificateAuthorities: [],
    ctlogs: [],
    timestampAuthorities: [],
  });
  const der = key.key.export({ type: 'spki', format: 'der' });
  return toTrustMaterial(emptyRoot, {
    [key.hint]: { rawBytes: der, keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256 },
  });
}

async function findAttestations(root: string): Promise<{ bundles: string[]; unsigned: string[] }> {
  const dir = join(root, 'meta', 'attestations');
  const names = await readdir(dir).catch(() => [] as string[]);
  const bundles = names.filter((n) => n.endsWith(BUNDLE_SUFFIX)).sort();
  const unsigned = names
    .filter((n) => n.endsWith(STATEMENT_SUFFIX))
    .filter((n) => !bundles.includes(n.slice(0, -STATEMENT_SUFFIX.length) + BUNDLE_SUFFIX))
    .sort();
  return { bundles: bundles.map((n) => join(dir, n)), unsigned: unsigned.map((n) => join(dir, n)) };
}

/**
 * Every artifact file of the tree outside its own meta/ (a variant may be called `meta`), hidden or not,
 * and symbolic links by those names (hashed through the link, so what they point at must be signed under
 * their name). A symbolic link to a directory is refused: the images under it would go unchecked.
 */
async function findArtifactFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (dir !== root || e.name !== 'meta') await walk(path);
      } else if (e.isSymbolicLink() && (await stat(path).catch(() => null))?.isDirectory()) {
        throw new VerificationFailure(
          'coverage',
          path,
          'a symbolic link to a directory in the artifact tree: the files under it cannot be checked',
        );
      } else if (ARTIFACT_FILE.test(e.name)) out.push(path);
    }
  };
  await walk(root);
  return out.sort();
}

function builderMatches(id: string, policy: string): boolean {
  return policy.endsWith('*') ? id.startsWith(policy.slice(0, -1)) : id === policy;
}

class Checker {
  readonly checks: CheckResult[] = [];
  readonly target: string;
  constructor(target: string) {
    this.target = target;
  }
  pass(check: CheckName, detail: string): void {
    this.checks.push({ check, target: this.target, detail });
  }
  fail(check: CheckName, detail: string): never {
    throw new VerificationFailure(check, this.target, detail);
  }
}

async function readBundle(c: Checker, path: string): Promise<Bundle> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, { input: 'attestation', maxBytes: MAX_BUNDLE_BYTES });
  } catch (e) {
    c.fail('attestation', `missing attestation: ${(e as Error).message}`);
  }
  return parseBundle(c, bytes);
}

function parseBundle(c: Checker, bytes: Buffer): Bundle {
  let json: { dsseEnvelope?: { signatures?: unknown[] }; mediaType?: unknown };
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    c.fail('attestation', `not JSON (${(e as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    c.fail('attestation', 'not a Sigstore bundle: the JSON is not an object');
  if (json.mediaType !== BUNDLE_V03_MEDIA_TYPE)
    c.fail('attestation', `media type ${JSON.stringify(json.mediaType)}, expected ${BUNDLE_V03_MEDIA_TYPE}`);
  if (!json.dsseEnvelope) c.fail('attestation', 'the bundle holds no DSSE envelope');
  if (!Array.isArray(json.dsseEnvelope.signatures) || json.dsseEnvelope.signatures.length === 0)
    c.fail('signature', 'no signature: the DSSE envelope carries no signatures');
  try {
    return bundleFromJSON(json);
  } catch (e) {
    c.fail('attestation', `not a valid Sigstore bundle (${(e as Error).message})`);
  }
}

/**
 * Checks a bundle's signature (and, keyless, its signer's identity); returns what passed and, keyless, the
 * builder its certificate names (the workflow that ran: Fulcio's Build Config URI, else the subject).
 */
type SignatureCheck = (bundle: Bundle) => {
  passed: { check: CheckName; detail: string }[];
  certifiedBuilder: string | null;
};

function signatureCheck(policy: VerifyPolicy): SignatureCheck {
  if (policy.keyless) {
    const verifiers = keylessVerifiers(policy.keyless.trustedRoots);
    const want = policy.keyless.identity;
    return (bundle) => {
      const { identity, root } = verifyKeyless(toSignedEntity(bundle), verifiers, want);
      const workflow = identity.buildConfigUri ?? identity.subjectAlternativeName;
      return {
        passed: [
          { check: 'signature', detail: `Fulcio certificate chained to ${root}, signing time witnessed` },
          { check: 'identity', detail: `${identity.issuer}: ${workflow} on ${identity.sourceRepositoryRef}` },
        ],
        certifiedBuilder: workflow,
      };
    };
  }
  const keys = policy.trustedKeys;
  if (!keys?.length) throw new Error('verify needs a trusted key or a keyless policy');
  const trusted = `the trusted key${keys.length > 1 ? 's' : ''} ${keys.map((k) => k.hint).join(', ')}`;
  const verifiers = new Map(
    keys.map((key) => [
      key.hint,
      new Verifier(trustMaterial(key), { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }),
    ]),
  );
  return (bundle) => {
    const material = bundle.verificationMaterial.content;
    // Key mode trusts a key, never a certificate the bundle brings along.
    if (material.$case !== 'publicKey')
      throw new KeylessCheckFailure(
        'signature',
        `the bundle carries a ${material.$case}, not a key hint: key mode verifies only signatures by ${trusted}`,
      );
    const hint = material.publicKey.hint;
    const verifier = verifiers.get(hint);
    if (!verifier) {
      // The hint is the bundle's word: shown quoted unless it is a key hint's 64 hex (no log commands in it).
      const named = /^[0-9a-f]{64}$/.test(hint) ? hint : JSON.stringify(hint.slice(0, 80));
      throw new KeylessCheckFailure(
        'signature',
        `the bundle was signed by the key ${named}, not by ${trusted}`,
      );
    }
    try {
      verifier.verify(toSignedEntity(bundle));
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new KeylessCheckFailure(
        'signature',
        `${(e as Error).message}${code ? ` (${code})` : ''}; ${trusted}`,
      );
    }
    return {
      passed: [
        {
          check: 'signature',
          detail: `ECDSA P-256 signature by the trusted key ${hint}`,
        },
      ],
      certifiedBuilder: null,
    };
  };
}

/**
 * The statement file beside a bundle is what people read: when it is there it must be the signed payload,
 * byte for byte. Only its absence is allowed (the bundle is the record); a file that cannot be read and
 * compared fails the check like one that differs.
 */
async function checkStatementFile(c: Checker, sibling: string, payload: Buffer): Promise<void> {
  const differs = `${sibling} differs from the statement the bundle signs: the statement was changed after signing`;
  const unreadable = (e: unknown): never =>
    c.fail(
      'statement',
      `${sibling} cannot be compared with the statement the bundle signs: ${(e as Error).message}`,
    );
  let size: number;
  try {
    size = (await stat(sibling)).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    return unreadable(e);
  }
  if (size !== payload.length) c.fail('statement', differs);
  const onDisk = await readRegularFile(sibling, { input: 'attestation', maxBytes: payload.length }).catch(
    unreadable,
  );
  if (!onDisk.equals(payload)) c.fail('statement', differs);
}

/**
 * The checks that need only the bundle (attestation, signature, identity, statement, predicate-type,
 * builder-id); `payloadFile` compares the signed payload with the statement file people read, when there is one.
 */
async function verifySignedStatement(
  c: Checker,
  bundle: Bundle,
  policy: VerifyPolicy,
  checkSignature: SignatureCheck,
  payloadFile: (payload: Buffer) => Promise<void>,
): Promise<ProvenanceStatement> {
  const content = bundle.content;
  if (content.$case !== 'dsseEnvelope') return c.fail('attestation', 'the bundle holds no DSSE envelope');
  const envelope = content.dsseEnvelope;
  c.pass('attestation', `Sigstore bundle v0.3 with a DSSE envelope`);

  let signed: ReturnType<SignatureCheck>;
  try {
    signed = checkSignature(bundle);
  } catch (e) {
    if (e instanceof KeylessCheckFailure) c.fail(e.check, e.message);
    throw e;
  }
  for (const r of signed.passed) c.pass(r.check, r.detail);

  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    c.fail('statement', `payload type ${envelope.payloadType}, expected ${IN_TOTO_PAYLOAD_TYPE}`);
  const payload = Buffer.from(envelope.payload);
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    c.fail('statement', 'the signed payload is not JSON');
  }
  const statement = StatementSchema.safeParse(parsed);
  if (!statement.success)
    c.fail(
      'statement',
      `not an in-toto v1 statement (${statement.error.issues[0]!.message} at '${statement.error.issues[0]!.path.join('.')}')`,
    );
  await payloadFile(payload);
  c.pass('statement', `in-toto v1 statement with ${statement.data.subject.length} subject(s)`);

  if (statement.data.predicateType !== SLSA_PROVENANCE_V1)
    c.fail(
      'predicate-type',
      `predicate type ${statement.data.predicateType}, expected ${SLSA_PROVENANCE_V1}`,
    );
  const provenance = ProvenanceStatementSchema.safeParse(parsed);
  if (!provenance.success)
    c.fail(
      'predicate-type',
      `invalid SLSA v1 predicate at '${provenance.error.issues[0]!.path.join('.')}': ${provenance.error.issues[0]!.message}`,
    );
  c.pass('predicate-type', SLSA_PROVENANCE_V1);

  const builderId = provenance.data.predicate.runDetails.builder.id;
  // Keyless, the builder is not the signer's to claim: it is the workflow the certificate was issued to.
  if (signed.certifiedBuilder !== null && builderId !== signed.certifiedBuilder)
    c.fail(
      'builder-id',
      `the statement claims the builder ${builderId}, but its certificate was issued to the workflow ${signed.certifiedBuilder}`,
    );
  if (policy.builderId !== null && !builderMatches(builderId, policy.builderId))
    c.fail('builder-id', `builder id ${builderId} does not match the policy ${policy.builderId}`);
  c.pass('builder-id', builderId);
  return provenance.data;
}

/**
 * Verifies bundles that are not files in a tree (tag-snapshot reads them back from a registry): every
 * check up to builder-id. What the subjects and byproducts name is the caller's to compare, by digest.
 */
export function bundleVerifier(
  policy: VerifyPolicy,
): (bytes: Buffer, target: string) => Promise<ProvenanceStatement> {
  const checkSignature = signatureCheck(policy);
  return (bytes, target) => {
    const c = new Checker(target);
    return verifySignedStatement(c, parseBundle(c, bytes), policy, checkSignature, async () => undefined);
  };
}

async function verifyOne(
  bundlePath: string,
  req: VerifyRequest,
  checkSignature: SignatureCheck,
  memo: DigestMemo,
  root: string,
  /** Collects the size of each subject file, for the coverage check. */
  signedSizes: Set<number>,
): Promise<{ statement: ProvenanceStatement; checks: CheckResult[] }> {
  const c: Checker = new Checker(bundlePath);
  const sibling = bundlePath.endsWith(BUNDLE_SUFFIX)
    ? bundlePath.slice(0, -BUNDLE_SUFFIX.length) + STATEMENT_SUFFIX
    : null;
  const statement = await verifySignedStatement(
    c,
    await readBundle(c, bundlePath),
    req.policy,
    checkSignature,
    async (payload) => {
      if (sibling) await checkStatementFile(c, sibling, payload);
    },
  );

  for (const subject of statement.subject) {
    let path: string;
    try {
      path = insideTree(root, subject.name, bundlePath);
    } catch (e) {
      c.fail('subjects', (e as Error).message);
    }
    let actual: string;
    try {
      const d = await memo.digest(path, { input: `subject ${subject.name}` });
      signedSizes.add(d.size);
      actual = d.sha256;
    } catch (e) {
      c.fail('subjects', `subject ${subject.name}: ${(e as Error).message}`);
    }
    if (actual !== subject.digest.sha256)
      c.fail(
        'subjects',
        `${path} has sha256 ${actual}, the statement says ${subject.digest.sha256}: the file is not the one that was signed`,
      );
  }
  c.pass('subjects', `${statement.subject.length} file(s) match their signed sha256`);

  const docs = await boundByproducts(c, statement, root, memo);
  if (req.policy.maxRiskScore !== null || req.policy.requireBoot) {
    for (const { name, doc } of docs) {
      if (req.policy.maxRiskScore !== null && doc.analysis.risk_score > req.policy.maxRiskScore)
        c.fail(
          'risk-score',
          `${name}: risk_score ${doc.analysis.risk_score} is above the threshold ${req.policy.maxRiskScore}`,
        );
      if (req.policy.requireBoot && doc.boot.status !== 'success')
        c.fail(
          'boot',
          `${name}: ${doc.image.path} has no passing boot-verify report (status ${doc.boot.status})`,
        );
    }
    if (req.policy.maxRiskScore !== null)
      c.pass('risk-score', `≤ ${req.policy.maxRiskScore} in ${docs.length} image provenance(s)`);
    if (req.policy.requireBoot) c.pass('boot', `boot-verify passed for ${docs.length} image(s)`);
  }
  return { statement, checks: c.checks };
}

/**
 * Every file the statement binds as a byproduct (image provenance, SBOMs, the
 * secret gate's result, the upstream documents) must be present and carry the
 * signed digest; the image provenance documents are also read, for the policy.
 */
async function boundByproducts(
  c: Checker,
  statement: ProvenanceStatement,
  root: string,
  memo: DigestMemo,
): Promise<{ name: string; doc: ImageProvenance }[]> {
  const refs = (statement.predicate.runDetails.byproducts ?? []).filter((b) => b.name);
  if (!refs.some((b) => b.mediaType === IMAGE_PROVENANCE_MEDIA_TYPE))
    c.fail(
      'byproducts',
      'the statement binds no image provenance, which the policy (risk score, boot) reads',
    );
  const out: { name: string; doc: ImageProvenance }[] = [];
  for (const ref of refs) {
    const name = ref.name!;
    const isProvenance = ref.mediaType === IMAGE_PROVENANCE_MEDIA_TYPE;
    let bytes: Buffer | null = null;
    let digest: string;
    try {
      const path = insideTree(root, name, 'statement');
      if (isProvenance) {
        bytes = await readRegularFile(path, { input: name, maxBytes: MAX_DOCUMENT_BYTES });
        digest = sha256(bytes);
      } else digest = (await memo.digest(path, { input: name })).sha256;
    } catch (e) {
      c.fail('byproducts', `${name}: ${(e as Error).message}`);
    }
    if (digest !== ref.digest?.sha256)
      c.fail(
        'byproducts',
        `${name} has sha256 ${digest}, the statement bound ${ref.digest?.sha256}: it was changed after signing`,
      );
    if (!bytes) continue;
    const doc = ImageProvenanceSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    if (!doc.success) c.fail('byproducts', `${name} is not a valid image provenance`);
    out.push({ name, doc: doc.data });
  }
  c.pass(
    'byproducts',
    `${refs.length} bound file(s) match their signed digests, ${out.length} of them image provenance`,
  );
  return out;
}

export async function verifyAttestations(req: VerifyRequest): Promise<VerifyResult> {
  const root = resolve(req.root);
  const memo = req.digests ?? new DigestMemo();
  const hashedBefore = memo.hashed;
  const checkSignature = signatureCheck(req.policy);
  let bundles = req.attestations.map((a) => resolve(a));
  if (bundles.length === 0) {
    const found = await findAttestations(root);
    const [unsigned] = found.unsigned;
    if (unsigned)
      throw new VerificationFailure(
        'signature',
        unsigned,
        `no signature: there is no ${basename(unsigned.slice(0, -STATEMENT_SUFFIX.length))}${BUNDLE_SUFFIX} beside it`,
      );
    bundles = found.bundles;
    if (bundles.length === 0)
      throw new VerificationFailure(
        'attestation',
        join(root, 'meta', 'attestations'),
        `missing attestation: no *${BUNDLE_SUFFIX} found`,
      );
  }
  const statements: VerifiedStatement[] = [];
  const checks: CheckResult[] = [];
  const signedSizes = new Set<number>();
  for (const bundle of bundles) {
    const r = await verifyOne(bundle, req, checkSignature, memo, root, signedSizes);
    statements.push({ bundle, statement: r.statement });
    checks.push(...r.checks);
  }

  const required = req.artifacts?.map((a) => resolve(a)) ?? (await findArtifactFiles(root));
  const covered: { path: string; sha256: string }[] = [];
  for (const path of required) {
    const rel = toRel(root, path);
    // A file no statement names is read only to say whether its bytes were signed under another name, and
    // only when its size is one a signed file has: a large file dropped into the tree fails unread.
    if (!statements.some((s) => s.statement.subject.some((sub) => sub.name === rel))) {
      const size = await stat(path).then(
        (st) => st.size,
        () => -1,
      );
      if (!signedSizes.has(size))
        throw new VerificationFailure(
          'coverage',
          path,
          `missing attestation: no verified statement names ${rel}, and no signed file has its size`,
        );
    }
    let d;
    try {
      d = await memo.digest(path, { input: 'artifact' });
    } catch (e) {
      throw new VerificationFailure('coverage', path, (e as Error).message);
    }
    const hit = statements.some((s) =>
      s.statement.subject.some((sub) => sub.name === rel && sub.digest.sha256 === d.sha256),
    );
    if (!hit) {
      const byDigest = statements.some((s) =>
        s.statement.subject.some((sub) => sub.digest.sha256 === d.sha256),
      );
      throw new VerificationFailure(
        'coverage',
        path,
        byDigest
          ? `missing attestation: its sha256 ${d.sha256} is signed, but under another name than ${rel}`
          : `missing attestation: no verified statement names ${rel} with its sha256 ${d.sha256}`,
      );
    }
    covered.push({ path, sha256: d.sha256 });
  }
  checks.push({ check: 'coverage', target: root, detail: `${covered.length} artifact file(s) covered` });
  return { statements, checks, covered, hashed: memo.hashed - hashedBefore };
}
