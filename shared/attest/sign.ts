/**
 * Key-mode signing: the statement's bytes become a DSSE envelope signed by
 * the key, packaged by @sigstore/sign's DSSEBundleBuilder as a Sigstore
 * bundle v0.3 with the public key's hint as verification material and no
 * witnesses (no Rekor or TSA: key mode is for offline and self-hosted use).
 */
import { DSSEBundleBuilder } from '@sigstore/sign';
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { IN_TOTO_PAYLOAD_TYPE } from './statement.ts';
import { signBytes, type SigningKey } from './signing-key.ts';

export async function signStatementWithKey(payload: Buffer, key: SigningKey): Promise<SerializedBundle> {
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
