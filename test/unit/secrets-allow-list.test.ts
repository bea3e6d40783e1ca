/** The secret allow-list: parsing with errors naming the input and entry, matching by glob/fingerprint/kind, allowed ≠ dropped. */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { InputError } from '../../shared/errors.ts';
import { applyAllowList, globToRegExp, parseSecretAllowList } from '../../shared/secrets/allow-list.ts';
import { readSecretAllowListInput } from '../../shared/secrets/allow-list-input.ts';
import { KNOWN_PUBLIC_KEYS } from '../../shared/secrets/known-public.ts';
import type { SecretFinding } from '../../shared/secrets/scan-file.ts';

const FP = 'a'.repeat(64);
const finding = (
  path: string,
  fingerprint = FP,
  kind: SecretFinding['kind'] = 'pem-private-key',
): SecretFinding => ({
  path,
  kind,
  line: 1,
  fingerprint,
});

describe('secret allow-list', () => {
  it('globs: * and ? within a segment, ** across segments, the rest literal', () => {
    const cases: [string, string, boolean][] = [
      ['/usr/share/doc/**', '/usr/share/doc/a/b/c.txt', true],
      ['/usr/share/doc/*', '/usr/share/doc/a/b.txt', false],
      ['/usr/share/doc/*/README', '/usr/share/doc/app/README', true],
      ['/usr/lib/**/libgnutls.so.*', '/usr/lib/libgnutls.so.30', true],
      ['/usr/lib/**/libgnutls.so.*', '/usr/lib/x86_64-linux-gnu/libgnutls.so.30.34.3', true],
      ['/etc/ssl/private/test-?.key', '/etc/ssl/private/test-1.key', true],
      ['/etc/ssl/private/test-?.key', '/etc/ssl/private/test-10.key', false],
      ['/srv/a.b(c)+[d]', '/srv/a.b(c)+[d]', true],
      ['/srv/a.b', '/srv/aXb', false],
    ];
    for (const [glob, path, expected] of cases)
      assert.equal(globToRegExp(glob).test(path), expected, `${glob} ~ ${path}`);
  });

  it('allows by fingerprint, by path, by both, and by kind; an allowed finding is kept with its reason', async () => {
    const list = await parseSecretAllowList(
      [
        `- fingerprint: sha256:${FP.toUpperCase()}`,
        '  reason: the test CA key, public in the repository',
        '- path: /usr/share/doc/**',
        '  kind: pem-private-key',
        '  reason: upstream documentation examples',
        `- path: /etc/app/*.key`,
        `  fingerprint: ${'b'.repeat(64)}`,
        '  reason: this key in this place only',
      ].join('\n'),
      'secret-allow-list',
    );
    const findings = [
      finding('/anywhere/ca.key'),
      finding('/usr/share/doc/x/example.pem', 'c'.repeat(64)),
      finding('/usr/share/doc/x/.env', 'c'.repeat(64), 'env-credential'),
      finding('/etc/app/server.key', 'b'.repeat(64)),
      finding('/etc/other/server.key', 'b'.repeat(64)),
    ];
    const r = applyAllowList(findings, list);
    assert.deepEqual(
      r.allowed.map((f) => [f.path, f.reason]),
      [
        ['/anywhere/ca.key', 'the test CA key, public in the repository'],
        ['/usr/share/doc/x/example.pem', 'upstream documentation examples'],
        ['/etc/app/server.key', 'this key in this place only'],
      ],
    );
    assert.deepEqual(
      r.findings.map((f) => f.path),
      ['/usr/share/doc/x/.env', '/etc/other/server.key'],
    );
    assert.deepEqual(applyAllowList(findings, await parseSecretAllowList('', 'x')).findings, findings);
  });

  it('refuses bad input naming the input, the entry and what is accepted', async () => {
    const bad: [string, RegExp][] = [
      ['- path: [', /input 'secret-allow-list': is not valid YAML/],
      ['path: /x\nreason: y', /is not a list/],
      ['- just a string', /entry 1 is not a mapping/],
      ['- path: /x', /entry 1 has no reason/],
      ['- reason: everything', /entry 1 names neither a path nor a fingerprint/],
      [
        '- path: /x\n  reason: y\n- fingerprint: abc\n  reason: z',
        /entry 2: fingerprint 'abc' is not a sha256/,
      ],
      ['- path: /x\n  reason: y\n  kind: password', /entry 1: kind 'password' is not a secret kind/],
      ['- path: /x\n  reason: y\n  expires: 2030-01-01', /entry 1: unknown key 'expires'/],
      ['- path: "**"\n  reason: y', /matches every file/],
      ['- path: /x\n  reason: ""', /'reason' is not a non-empty string/],
    ];
    for (const [text, message] of bad) {
      await assert.rejects(
        parseSecretAllowList(text, 'secret-allow-list'),
        (e: Error) => e instanceof InputError && message.test(e.message) && /accepted:/.test(e.message),
        text,
      );
    }
  });

  it('reads the list inline or from a file the input names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'allow-list-'));
    await writeFile(join(dir, 'allow.yml'), `- fingerprint: ${FP}\n  reason: file entry\n`);
    assert.equal(
      (await readSecretAllowListInput('secret-allow-list', 'allow.yml', dir)).entries[0]!.reason,
      'file entry',
    );
    assert.equal(
      (await readSecretAllowListInput('secret-allow-list', `- fingerprint: ${FP}\n  reason: inline\n`, dir))
        .entries[0]!.reason,
      'inline',
    );
    assert.equal((await readSecretAllowListInput('secret-allow-list', '  ', dir)).entries.length, 0);
    // A fingerprint of digits only stays a string (YAML would read it as a number).
    const digits = '1'.repeat(64);
    assert.equal(
      (await parseSecretAllowList(`- fingerprint: ${digits}\n  reason: r\n`, 'x')).entries[0]!.fingerprint,
      digits,
    );
    await assert.rejects(
      readSecretAllowListInput('secret-allow-list', 'missing.yml', dir),
      /input 'secret-allow-list'/,
    );
    await writeFile(join(dir, 'bad.yml'), '- path: /x\n');
    await assert.rejects(
      readSecretAllowListInput('secret-allow-list', 'bad.yml', dir),
      /input 'secret-allow-list': .*bad\.yml: entry 1 has no reason/,
    );
  });

  it('ships its built-in entries bound to both a path and a fingerprint', () => {
    assert.ok(KNOWN_PUBLIC_KEYS.entries.length > 0);
    for (const e of KNOWN_PUBLIC_KEYS.entries) {
      assert.ok(e.path && e.fingerprint && e.reason, JSON.stringify(e));
      // The same key elsewhere is still a finding.
      assert.equal(
        applyAllowList([finding('/root/stolen.pem', e.fingerprint!)], KNOWN_PUBLIC_KEYS).findings.length,
        1,
      );
    }
  });
});
