/**
 * The key of key-mode signing: an ECDSA P-256 private key in PEM (PKCS#8 or
 * SEC1, optionally encrypted with a passphrase), held only in memory. The
 * public half identifies it the way Sigstore bundles do: the `hint` is the
 * hex SHA-256 of the public key's SPKI DER encoding.
 */
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { InputError } from '../errors.ts';

export interface SigningKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  /** hex sha256 of the SPKI DER: the bundle's key hint and DSSE keyid. */
  hint: string;
}

const ACCEPTED =
  'an ECDSA P-256 private key in PEM (openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt)';

export function isP256(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}

export function keyHint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** Parses the private-key input; the error never quotes the input's value. */
export function parseSigningKey(
  pem: string,
  passphrase: string | undefined,
  input = 'private-key',
): SigningKey {
  if (!pem.trim()) throw new InputError(input, 'is empty', ACCEPTED);
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem))
    throw new InputError(input, 'is not a PEM private key (no BEGIN … PRIVATE KEY line)', ACCEPTED);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem', ...(passphrase ? { passphrase } : {}) });
  } catch {
    const encrypted = /ENCRYPTED PRIVATE KEY|Proc-Type: 4,ENCRYPTED/.test(pem);
    const why = encrypted
      ? 'is encrypted and the passphrase is missing or wrong (input private-key-passphrase)'
      : 'cannot be parsed as a private key';
    throw new InputError(input, why, ACCEPTED);
  }
  if (!isP256(privateKey)) {
    const kind =
      privateKey.asymmetricKeyType === 'ec'
        ? `an EC key on ${privateKey.asymmetricKeyDetails?.namedCurve}`
        : `a ${privateKey.asymmetricKeyType} key`;
    throw new InputError(input, `is ${kind}`, ACCEPTED);
  }
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    hint: keyHint(publicKey),
  };
}

/** ECDSA P-256 over SHA-256, DER-encoded: what DSSE and `openssl dgst -sha256 -sign` produce. */
export function signBytes(key: SigningKey, data: Buffer): Buffer {
  return sign('sha256', data, key.privateKey);
}

export interface TrustedKey {
  key: KeyObject;
  pem: string;
  hint: string;
}

const PUBLIC_KEY_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

/**
 * The keys a verifier trusts (the public-key input): one PEM public key, or several one after another — the
 * current key and those it replaced, so that snapshots signed before a key rotation still verify (a rollback
 * reaches them). Each bundle names its key by hint; a bundle is verified with that key only.
 */
export function parseTrustedKeys(text: string, input = 'public-key'): TrustedKey[] {
  const blocks = text.match(PUBLIC_KEY_BLOCK) ?? [text];
  // A block cut short or of another kind (a certificate) beside the keys would otherwise be dropped unseen.
  const begun = text.match(/-----BEGIN [A-Z0-9 ]+-----/g)?.length ?? 0;
  if (begun > blocks.length)
    throw new InputError(
      input,
      `holds ${begun} PEM blocks, of which ${blocks.length} are complete public keys`,
      'ECDSA P-256 public keys in PEM (openssl ec -pubout), one after another',
    );
  const keys = new Map<string, TrustedKey>();
  for (const block of blocks) {
    const key = parseTrustedKey(block, input);
    keys.set(key.hint, key);
  }
  return [...keys.values()];
}

/** Parses one trusted public key. */
export function parseTrustedKey(pem: string, input = 'public-key'): TrustedKey {
  const accepted = 'an ECDSA P-256 public key in PEM (openssl ec -pubout)';
  if (!/-----BEGIN PUBLIC KEY-----/.test(pem))
    throw new InputError(input, 'is not a PEM public key (no BEGIN PUBLIC KEY line)', accepted);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new InputError(input, 'cannot be parsed as a public key', accepted);
  }
  if (!isP256(key)) throw new InputError(input, `is a ${key.asymmetricKeyType} key, not P-256`, accepted);
  return { key, pem: key.export({ type: 'spki', format: 'pem' }) as string, hint: keyHint(key) };
}
