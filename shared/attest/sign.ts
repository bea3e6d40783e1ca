/**
 * Signing a statement, in either mode, behind one interface the pipeline
 * uses: every statement is signed in memory first, then `publish` runs (the
 * keyless signer stores its bundles through the repository's attestations
 * API), and only then is anything written.
 *
 * Key mode (here): the statement's bytes become a DSSE envelope signed by
 * the key, packaged by @sigstore/sign's DSSEBundleBuilder as a Sigstore
 * bundle v0.3 with the public key's hint as verification material and no
 * witnesses (no Rekor or TSA: key mode is for offline and self-hosted use).
 * Keyless mode: keyless.ts.
 *
 * @sigstore/sign is loaded when the first statement is signed, not with
 * this module: it brings its whole network stack (Fulcio, Rekor, TUF
 * clients), which attest otherwise compiles before the secret gate can start
 * reading the images. preloadSigning starts that load early, to run while
 * the gate's child processes do.
 */
import type { SerializedBundle } from '@sigstore/bundle';
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

let signingStack: Promise<[typeof import('@sigstore/sign'), typeof import('@sigstore/bundle')]> | undefined;

/** Starts loading the signing stack (no-op once started); a failure is the first signature's to report. */
export function preloadSigning(): void {
  if (signingStack) return;
  signingStack = Promise.all([import('@sigstore/sign'), import('@sigstore/bundle')]);
  signingStack.catch(() => {});
}

export async function signStatementWithKey(payload: Buffer, key: SigningKey): Promise<SerializedBundle> {
  preloadSigning();
  const [{ DSSEBundleBuilder }, { bundleToJSON }] = await signingStack!;
  const builder = new DSSEBundleBuilder({
    witnesses: [],
    signer: {
      sign: async (data: Buffer) => ({
        signature: signBytes(key, data),
        key: { $case: 'publicKey', publicKey: key.publicKeyPem, hint: key.hint },
      }),
    },
  });
  const bundle = await builder.create({ data: payload, type: IN_TOTO_PAYLOAD_TYPE });
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
