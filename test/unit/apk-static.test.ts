import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { describe, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import {
  alpineReleaseKeys,
  gzipMembers,
  indexEntries,
  tarItems,
  verifyApkIndex,
  verifyApkPackage,
} from '../../shared/image/apk-static.ts';
import { apkStaticEntries, buildApk, buildIndex, indexText, testSigner } from '../support/alpine-apk-repo.ts';
import { rawTar } from '../support/raw-tar.ts';

const signer = testSigner();
const binary = Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(3000, 7)]);

describe('apk-static: Alpine release keys shipped in the repository', () => {
  it('x86_64 trusts 4a6a0840, 5261cecb, 6165ee59; aarch64 616ae350; each a parseable RSA key', () => {
    const x86 = alpineReleaseKeys('x86_64').map((k) => k.name);
    assert.deepEqual(x86, [
      'alpine-devel@lists.alpinelinux.org-4a6a0840.rsa.pub',
      'alpine-devel@lists.alpinelinux.org-5261cecb.rsa.pub',
      'alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub',
    ]);
    assert.deepEqual(
      alpineReleaseKeys('aarch64').map((k) => k.name),
      ['alpine-devel@lists.alpinelinux.org-616ae350.rsa.pub'],
    );
    for (const k of [...alpineReleaseKeys('x86_64'), ...alpineReleaseKeys('aarch64')])
      assert.equal(createPublicKey(k.pem).asymmetricKeyType, 'rsa');
  });
});

describe('apk-static: gzip members and tar entries', () => {
  it('splits concatenated gzip streams at their exact byte ranges', () => {
    const a = gzipSync(Buffer.from('first'));
    const b = gzipSync(Buffer.from('second member'));
    const m = gzipMembers(Buffer.concat([a, b]), 'x');
    assert.deepEqual(
      m.map((x) => [x.start, x.end, x.data.toString()]),
      [
        [0, a.length, 'first'],
        [a.length, a.length + b.length, 'second member'],
      ],
    );
  });
  it('refuses a member whose CRC does not match', () => {
    const a = gzipSync(Buffer.from('first'));
    a[a.length - 8]! ^= 1;
    assert.throws(() => gzipMembers(a, 'pkg'), /pkg: gzip member at byte 0 fails its CRC/);
  });
  it('applies pax paths and refuses .. and absolute names', () => {
    const long = `sbin/${'d'.repeat(120)}/apk.static`;
    assert.deepEqual(
      tarItems(rawTar([{ name: 'short', pax: { path: long }, data: Buffer.from('x') }]), 't').map(
        (e) => e.path,
      ),
      [long],
    );
    assert.throws(
      () => tarItems(rawTar([{ name: 'sbin/../../etc/passwd' }]), 'pkg'),
      /'sbin\/..\/..\/etc\/passwd' escapes/,
    );
    assert.throws(() => tarItems(rawTar([{ name: '/sbin/apk.static' }]), 'pkg'), /escapes the package root/);
    // A POSIX ustar name prefix is joined; the same bytes under the old GNU magic are times, not a name.
    const prefixed = (format: 'ustar' | 'gnu') =>
      tarItems(rawTar([{ name: 'apk.static', format, patch: [[345, Buffer.from('..')]] }]), 'pkg');
    assert.throws(() => prefixed('ustar'), /'..\/apk.static' escapes/);
    assert.deepEqual(
      prefixed('gnu').map((e) => e.path),
      ['apk.static'],
    );
  });
});

describe('apk-static: the signed index', () => {
  const pkg = buildApk(apkStaticEntries(binary), signer);
  const text = indexText([{ name: 'apk-tools-static', version: '2.14.4-r0', checksum: pkg.checksum }]);

  for (const type of ['RSA', 'RSA256', 'RSA512'] as const) {
    it(`verifies a .SIGN.${type} signature over the index member and reads apk-tools-static`, () => {
      const v = verifyApkIndex(buildIndex(text, signer, type), [signer.key], 'idx');
      assert.equal(v.keyName, signer.key.name);
      assert.equal(v.signature, type);
      assert.deepEqual(indexEntries(v.text, 'apk-tools-static'), [
        { name: 'apk-tools-static', version: '2.14.4-r0', arch: 'x86_64', checksum: pkg.checksum },
      ]);
    });
  }
  it('refuses an index whose signed bytes were changed', () => {
    const idx = buildIndex(text, signer);
    const members = gzipMembers(idx, 'idx');
    // Re-compress the same tar at another level: same content, different signed bytes.
    const altered = Buffer.concat([
      idx.subarray(0, members[1]!.start),
      gzipSync(members[1]!.data, { level: 1 }),
    ]);
    assert.throws(
      () => verifyApkIndex(altered, [signer.key], 'idx'),
      /does not verify; the index was altered/,
    );
  });
  it('refuses an index signed by a key that is not trusted, naming both', () => {
    const other = testSigner('someone-else.rsa.pub');
    assert.throws(
      () => verifyApkIndex(buildIndex(text, other), [signer.key], 'idx'),
      /signed by RSA\.someone-else\.rsa\.pub, none of them a trusted Alpine key \(infrasim-test-0001\.rsa\.pub\)/,
    );
  });
  it('refuses an unsigned index', () => {
    assert.throws(
      () =>
        verifyApkIndex(
          gzipSync(rawTar([{ name: 'APKINDEX', data: Buffer.from(text) }])),
          [signer.key],
          'idx',
        ),
      /idx is not signed/,
    );
  });
});

describe('apk-static: the package against its index checksum', () => {
  it('accepts the package and returns the data entries', () => {
    const pkg = buildApk(apkStaticEntries(binary), signer);
    const items = verifyApkPackage(pkg.file, pkg.checksum, 'pkg');
    assert.deepEqual(items.find((e) => e.path === 'sbin/apk.static')?.data, binary);
  });
  it('refuses a control member that does not hash to the index C: field', () => {
    const pkg = buildApk(apkStaticEntries(binary), signer);
    const other = buildApk(apkStaticEntries(binary), signer, { version: '2.14.4-r1' });
    assert.throws(() => verifyApkPackage(pkg.file, other.checksum, 'pkg'), /does not match the signed index/);
  });
  it('refuses data that does not match .PKGINFO datahash', () => {
    const pkg = buildApk(apkStaticEntries(binary), signer, { datahash: 'a'.repeat(64) });
    assert.throws(
      () => verifyApkPackage(pkg.file, pkg.checksum, 'pkg'),
      /does not match \.PKGINFO datahash a{64}/,
    );
  });
  it('refuses a checksum that is not Q1', () => {
    const pkg = buildApk(apkStaticEntries(binary), signer);
    assert.throws(() => verifyApkPackage(pkg.file, 'deadbeef', 'pkg'), /'deadbeef' is not Q1\+base64 SHA-1/);
  });
});
