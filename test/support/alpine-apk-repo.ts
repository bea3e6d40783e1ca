/**
 * A stand-in for an Alpine branch's `main/<arch>` repository, built the way
 * abuild builds the real one: an .apk is three gzip members (signature tar,
 * control tar with .PKGINFO and its datahash, data tar), and APKINDEX.tar.gz
 * is a signature member followed by the DESCRIPTION + APKINDEX tar, signed
 * with an RSA key the test generates and then trusts explicitly.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { TrustedKey } from '../../shared/image/apk-static.ts';
import { rawEntry, rawTar, type RawEntry } from './raw-tar.ts';

export interface TestSigner {
  key: TrustedKey;
  privateKey: KeyObject;
}

export function testSigner(name = 'infrasim-test-0001.rsa.pub'): TestSigner {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { key: { name, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }, privateKey };
}

const HASH = { RSA: 'sha1', RSA256: 'sha256', RSA512: 'sha512' } as const;

function signatureMember(payload: Buffer, signer: TestSigner, type: keyof typeof HASH = 'RSA'): Buffer {
  const sig = sign(HASH[type], payload, signer.privateKey);
  // No end-of-archive blocks: the tar stream continues in the next member, as abuild-sign writes it.
  return gzipSync(rawEntry({ name: `.SIGN.${type}.${signer.key.name}`, mode: 0o644 }, sig));
}

export interface BuiltApk {
  file: Buffer;
  /** The index `C:` value: Q1 + base64 SHA-1 of the control member. */
  checksum: string;
}

/** An .apk holding `entries` as its data, with .PKGINFO naming the data member's sha256. */
export function buildApk(
  entries: RawEntry[],
  signer: TestSigner,
  opts: { version?: string; datahash?: string } = {},
): BuiltApk {
  const data = gzipSync(rawTar(entries));
  const pkginfo = [
    'pkgname = apk-tools-static',
    `pkgver = ${opts.version ?? '2.14.4-r0'}`,
    'arch = x86_64',
    `datahash = ${opts.datahash ?? createHash('sha256').update(data).digest('hex')}`,
    '',
  ].join('\n');
  const control = gzipSync(rawEntry({ name: '.PKGINFO' }, Buffer.from(pkginfo)));
  return {
    file: Buffer.concat([signatureMember(control, signer), control, data]),
    checksum: `Q1${createHash('sha1').update(control).digest('base64')}`,
  };
}

/** APKINDEX text with one record per package. */
export function indexText(packages: { name: string; version: string; checksum: string }[]): string {
  return packages
    .map((p) => `C:${p.checksum}\nP:${p.name}\nV:${p.version}\nA:x86_64\nS:1000\nI:4000\nT:test\n`)
    .join('\n');
}

/** APKINDEX.tar.gz: the signature member, then DESCRIPTION + APKINDEX. */
export function buildIndex(text: string, signer: TestSigner, type: keyof typeof HASH = 'RSA'): Buffer {
  const body = gzipSync(
    rawTar([
      { name: 'DESCRIPTION', data: Buffer.from('v3.20.3-test') },
      { name: 'APKINDEX', data: Buffer.from(text) },
    ]),
  );
  return Buffer.concat([signatureMember(body, signer, type), body]);
}

/** A static binary's stand-in: an ELF magic and some bytes, the name the package carries it under. */
export function apkStaticEntries(binary: Buffer): RawEntry[] {
  return [
    { name: 'sbin/', type: '5', mode: 0o755 },
    { name: 'sbin/apk.static', mode: 0o755, data: binary },
    {
      name: 'sbin/apk.static.SIGN.RSA.sha256.alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub',
      data: Buffer.from('sig'),
    },
  ];
}
