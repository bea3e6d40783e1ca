/**
 * Signing a statement, in either mode, behind one interface the pipeline
 * uses: every statement is signed in memory first, then `publish` runs (the
 * keyless signer stores its bundles through the repository's attestations
 * API), and only then is anything written.
 *
 * Key mode (here): the statement's bytes become a DSSE envelope signed by
 * the key (its pre-authentication encoding, below), packaged by
 * @sigstore/bundle as a Sigstore bundle v0.3 with the public key's hint as
 * verification material and no witnesses (no Rekor or TSA: key mode is for
 * offline and self-hosted use) — the bundle @sigstore/sign's
 * DSSEBundleBuilder makes of the same signature, without its network stack
 * (Fulcio, Rekor and TUF clients: 1.3 MB of JavaScript that key mode never
 * calls, compiled in the step's busiest second). Keyless mode: keyless.ts.
 */
import { bundleToJSON, toDSSEBundle, type SerializedBundle } from '@sigstore/bundle';
import { IN_TOTO_PAYLOAD_TYPE } from './statement.ts';
import { signBytes, type SigningKey } from './signing-key.ts';

export interface SignedStatement {
  /** The exact bytes the envelope signs: what the .intoto.json beside the bundle must hold. */
  payload: Buffer;
  bundle: SerializedBundle;
}

export interface PublishedAttestation {
  /** The statement's name (meta/attestations/<name>.intoto.json). */
  name: string;
  /** Where it was stored, e.g. the attestations API's id. */
  id: string;
}

export interface StatementSigner {
  /** 'key' or 'keyless'. */
  readonly mode: 'key' | 'keyless';
  /** Who signs, for the log and the job summary. */
  readonly description: string;
  sign(name: string, payload: Buffer): Promise<SignedStatement>;
  /** After every statement is signed and before anything is written. */
  publish(): Promise<PublishedAttestation[]>;
}

export function keySigner(key: SigningKey): StatementSigner {
  return {
    mode: 'key',
    description: `key \`${key.hint}\``,
    sign: async (_name, payload) => ({ payload, bundle: await signStatementWithKey(payload, key) }),
    publish: async () => [],
  };
}

/** The statement signed with the key, as a Sigstore bundle (DSSE envelope, the key's hint, no witnesses). */
export async function signStatementWithKey(payload: Buffer, key: SigningKey): Promise<SerializedBundle> {
  // No certificate: the v0.3 media type, the key's hint as verification material, no tlog or timestamps.
  const bundle = toDSSEBundle({
    artifact: payload,
    artifactType: IN_TOTO_PAYLOAD_TYPE,
    signature: signBytes(key, preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload)),
    keyHint: key.hint,
    certificateChain: false,
  });
  return bundleToJSON(bundle);
}

/** DSSE's pre-authentication encoding: the bytes actually signed (`DSSEv1 <len> <type> <len> <payload>`). */
export function preAuthEncoding(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
    type,
    Buffer.from(` ${payload.length} `, 'utf8'),
    payload,
  ]);
}
