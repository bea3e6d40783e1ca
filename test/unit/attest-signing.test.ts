import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@jest/globals';
import { bundleToJSON } from '@sigstore/bundle';
import { DSSEBundleBuilder } from '@sigstore/sign';
import { preAuthEncoding, signStatementWithKey } from '../../shared/attest/sign.ts';
import {
  keyHint,
  parseSigningKey,
  parseTrustedKey,
  parseTrustedKeys,
} from '../../shared/attest/signing-key.ts';
import { IN_TOTO_PAYLOAD_TYPE } from '../../shared/attest/statement.ts';
import { InputError } from '../../shared/errors.ts';

const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pkcs8 = p256.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const sec1 = p256.privateKey.export({ type: 'sec1', format: 'pem' }) as string;
const encrypted = p256.privateKey.export({
  type: 'pkcs8',
  format: 'pem',
  cipher: 'aes-256-cbc',
  passphrase: 'hunter2',
}) as string;
const spki = p256.publicKey.export({ type: 'spki', format: 'pem' }) as string;

test('PAE is DSSEv1 SP len(type) SP type SP len(body) SP body (the DSSE spec example)', () => {
  // https://github.com/secure-systems-lab/dsse/blob/master/protocol.md: "DSSEv1 29 http://example.com/HelloWorld 11 hello world"
  assert.equal(
    preAuthEncoding('http://example.com/HelloWorld', Buffer.from('hello world')).toString(),
    'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
  );
  // Lengths are in bytes, not characters.
  assert.equal(preAuthEncoding('t', Buffer.from('é')).toString(), 'DSSEv1 1 t 2 é');
});

const KEYS: { name: string; pem: string; passphrase?: string; ok: boolean; error?: RegExp }[] = [
  { name: 'PKCS#8 P-256', pem: pkcs8, ok: true },
  { name: 'SEC1 P-256 (openssl ecparam -genkey)', pem: sec1, ok: true },
  { name: 'encrypted P-256 with its passphrase', pem: encrypted, passphrase: 'hunter2', ok: true },
  {
    name: 'encrypted P-256 without a passphrase',
    pem: encrypted,
    ok: false,
    error: /is encrypted and the passphrase is missing or wrong/,
  },
  {
    name: 'encrypted P-256 with a wrong passphrase',
    pem: encrypted,
    passphrase: 'nope',
    ok: false,
    error: /passphrase is missing or wrong/,
  },
  { name: 'empty', pem: '  \n', ok: false, error: /input 'private-key': is empty/ },
  { name: 'a public key', pem: spki, ok: false, error: /is not a PEM private key/ },
  {
    name: 'a truncated PEM',
    pem: pkcs8.slice(0, 80) + '\n-----END PRIVATE KEY-----\n',
    ok: false,
    error: /cannot be parsed as a private key/,
  },
  {
    name: 'P-384',
    pem: generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string,
    ok: false,
    error: /is an EC key on secp384r1/,
  },
  {
    name: 'Ed25519',
    pem: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    ok: false,
    error: /is a ed25519 key/,
  },
];

for (const k of KEYS) {
  test(`private key: ${k.name} → ${k.ok ? 'accepted' : 'refused'}`, () => {
    if (k.ok) {
      const parsed = parseSigningKey(k.pem, k.passphrase);
      assert.equal(parsed.hint, keyHint(p256.publicKey));
      assert.equal(parsed.publicKeyPem, spki);
      return;
    }
    assert.throws(
      () => parseSigningKey(k.pem, k.passphrase),
      (e: Error) => {
        assert.ok(e instanceof InputError);
        assert.match(e.message, k.error!);
        // The error never quotes the key.
        for (const line of k.pem.split('\n').filter((l) => l.trim() && !l.startsWith('-----')))
          assert.ok(!e.message.includes(line));
        return true;
      },
    );
  });
}

test('the trusted key must be a P-256 public key in PEM', () => {
  assert.equal(parseTrustedKey(spki).hint, keyHint(p256.publicKey));
  assert.throws(() => parseTrustedKey(pkcs8), /input 'public-key': is not a PEM public key/);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
    type: 'spki',
    format: 'pem',
  }) as string;
  assert.throws(() => parseTrustedKey(rsa), /is a rsa key, not P-256/);
});

test('several trusted keys: one PEM after another, each checked, the same key once', () => {
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
  const otherPem = other.export({ type: 'spki', format: 'pem' }) as string;
  const keys = parseTrustedKeys(`${otherPem}\n${spki}${otherPem}`);
  assert.deepEqual(
    keys.map((k) => k.hint),
    [keyHint(other), keyHint(p256.publicKey)],
  );
  assert.deepEqual(
    parseTrustedKeys(spki).map((k) => k.hint),
    [keyHint(p256.publicKey)],
  );
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
    type: 'spki',
    format: 'pem',
  }) as string;
  assert.throws(() => parseTrustedKeys(spki + rsa, '--public-key'), /input '--public-key': is a rsa key/);
  assert.throws(() => parseTrustedKeys('not a key'), /is not a PEM public key/);
  // A second key cut short, or a certificate beside the key: refused, not dropped.
  assert.throws(
    () => parseTrustedKeys(spki + otherPem.slice(0, 80)),
    /input 'public-key': holds 2 PEM blocks, of which 1 are complete public keys/,
  );
  assert.throws(
    () => parseTrustedKeys(`${spki}-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n`),
    /holds 2 PEM blocks/,
  );
});

test('a signed bundle is v0.3 with the key hint, and openssl verifies its signature over the PAE', async () => {
  const key = parseSigningKey(pkcs8, undefined);
  const payload = Buffer.from('{"_type":"https://in-toto.io/Statement/v1"}');
  const bundle = await signStatementWithKey(payload, key);
  assert.equal(bundle.mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json');
  assert.deepEqual(bundle.verificationMaterial.publicKey, { hint: key.hint });
  assert.equal(bundle.verificationMaterial.tlogEntries?.length ?? 0, 0);
  const env = bundle.dsseEnvelope!;
  assert.equal(Buffer.from(env.payload, 'base64').toString(), payload.toString());
  assert.equal(env.signatures[0]!.keyid, key.hint);
  const dir = await mkdtemp(join(tmpdir(), 'attest-unit-'));
  try {
    await writeFile(join(dir, 'pub.pem'), key.publicKeyPem);
    await writeFile(join(dir, 'pae.bin'), preAuthEncoding(env.payloadType, payload));
    await writeFile(join(dir, 'sig.der'), Buffer.from(env.signatures[0]!.sig, 'base64'));
    const out = execFileSync(
      'openssl',
      ['dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'sig.der', 'pae.bin'],
      { cwd: dir, encoding: 'utf8' },
    );
    assert.equal(out.trim(), 'Verified OK');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("the bundle is the one @sigstore/sign's DSSEBundleBuilder makes of the same signature", async () => {
  const key = parseSigningKey(pkcs8, undefined);
  const payload = Buffer.from('{"_type":"https://in-toto.io/Statement/v1","subject":[]}');
  const ours = await signStatementWithKey(payload, key);
  // ECDSA signatures differ each time: the builder's signer hands back the one in our bundle.
  const signature = Buffer.from(ours.dsseEnvelope!.signatures[0]!.sig, 'base64');
  const signed: Buffer[] = [];
  const builder = new DSSEBundleBuilder({
    witnesses: [],
    signer: {
      sign: async (data: Buffer) => {
        signed.push(data);
        return { signature, key: { $case: 'publicKey', publicKey: key.publicKeyPem, hint: key.hint } };
      },
    },
  });
  const theirs = bundleToJSON(await builder.create({ data: payload, type: IN_TOTO_PAYLOAD_TYPE }));
  assert.deepEqual(ours, theirs);
  // ...and the bytes our key signed are the ones the builder asks its signer to sign.
  assert.deepEqual(signed, [preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload)]);
});
