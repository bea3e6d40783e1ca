/** The allow-list's `*` globs: the same answers as the regular expression they replace, in bounded time. */
import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { parseAllowList } from '../../shared/deps/allow-list.ts';
import { compileGlob } from '../../shared/deps/glob.ts';

const cases: [pattern: string, text: string, matches: boolean][] = [
  ['duplicate:serde', 'duplicate:serde', true],
  ['duplicate:serde', 'duplicate:serde_json', false],
  ['duplicate:windows-*', 'duplicate:windows-sys', true],
  ['duplicate:windows-*', 'duplicate:windows-', true],
  ['duplicate:windows-*', 'duplicate:windows', false],
  ['*:serde', 'typosquat:serde', true],
  ['dev-cycle:*', 'dev-cycle:a+b', true],
  ['cycle:*+*', 'cycle:a+b', true],
  ['cycle:*+*', 'cycle:ab', false],
  ['typosquat:a*a', 'typosquat:a', false], // prefix and suffix may not share the one `a`
  ['typosquat:a*a', 'typosquat:aa', true],
  ['typosquat:*ab*ab*', 'typosquat:xabyab', true],
  ['typosquat:*ab*ab*', 'typosquat:xaby', false],
  ['typosquat:*aba*aba', 'typosquat:abababa', true], // middle piece found early leaves room for the suffix
  ['typosquat:**', 'typosquat:', true],
  ['typosquat:.*', 'typosquat:ab', false], // regex characters are literal
  ['typosquat:(a|b)', 'typosquat:(a|b)', true],
];

test('globs match exactly what the old regular expressions matched', () => {
  for (const [pattern, text, expected] of cases) {
    const regex = new RegExp(
      `^${pattern
        .split('*')
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    assert.equal(regex.test(text), expected, `the reference regex: ${pattern} ~ ${text}`);
    assert.equal(compileGlob(pattern).matches(text), expected, `${pattern} ~ ${text}`);
  }
});

test('many stars against a long near-miss finish at once (the regex took minutes)', () => {
  const allow = parseAllowList('allow', [
    'duplicate:*a*a*a*a*a*a*a*a*a*a*a*b',
    'duplicate:*a*a*a*a*a*a*a*a*a*a*a*',
  ]);
  const id = `duplicate:${'a'.repeat(5000)}`;
  const started = performance.now();
  const miss = compileGlob('duplicate:*a*a*a*a*a*a*a*a*a*a*a*b');
  for (let i = 0; i < 100; i++) assert.equal(miss.matches(id), false);
  assert.equal(allow.matches(id), true, 'the second pattern matches');
  assert.equal(allow.matches(`${id}b`), true);
  const ms = performance.now() - started;
  assert.ok(ms < 500, `took ${ms.toFixed(0)} ms`);
});

test('globs agree with the regular expression on every small pattern and text over {a, b, *}', () => {
  const words = (alphabet: string, max: number): string[] => {
    const out = [''];
    for (let len = 1, layer = ['']; len <= max; len++) {
      layer = layer.flatMap((w) => [...alphabet].map((c) => w + c));
      out.push(...layer);
    }
    return out;
  };
  const texts = words('ab', 6);
  let compared = 0;
  for (const pattern of words('ab*', 5)) {
    const regex = new RegExp(`^${pattern.replaceAll('*', '.*')}$`);
    const glob = compileGlob(pattern);
    for (const text of texts) {
      assert.equal(glob.matches(text), regex.test(text), `${pattern} ~ ${text}`);
      compared++;
    }
  }
  assert.equal(compared, 364 * 127);
});
