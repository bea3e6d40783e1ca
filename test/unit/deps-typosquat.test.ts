import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { osaDistance } from '../../shared/deps/edit-distance.ts';
import { buildPopularIndex, popularIndex, resemblance, skeleton } from '../../shared/deps/typosquat.ts';

test('optimal string alignment distance counts a swap of neighbours as one edit', () => {
  assert.equal(osaDistance('serde', 'sered'), 1);
  assert.equal(osaDistance('tokio', 'tokoi'), 1);
  assert.equal(osaDistance('tokio', 'tokyo'), 1);
  assert.equal(osaDistance('kitten', 'sitting'), 3);
  assert.equal(osaDistance('abc', 'abcdef', 1), 2, 'early exit above the limit');
});

test('skeleton folds homoglyphs, including Cyrillic letters and rn/m, and drops invisible characters', () => {
  assert.equal(skeleton('l0dash'), skeleton('lodash'));
  for (const c of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u202e'])
    assert.equal(skeleton(`lo${c}dash`), skeleton('lodash'), c.codePointAt(0)!.toString(16));
  assert.equal(skeleton('\u0430xios'), skeleton('axios'));
  assert.equal(skeleton('rnemchr'), skeleton('memchr'));
});

const crates = popularIndex('cargo');
const npm = popularIndex('npm');
const cases: [string, ReturnType<typeof popularIndex>, string, string][] = [
  ['serde-json', crates, 'serde_json', 'separator-or-case'],
  ['Tokio', crates, 'tokio', 'separator-or-case'],
  ['rnemchr', crates, 'memchr', 'homoglyph'],
  ['l0dash', npm, 'lodash', 'homoglyph'],
  ['tokio-rs', crates, 'tokio', 'affix'],
  ['node-axios', npm, 'axios', 'affix'],
  ['express-js', npm, 'express', 'affix'],
  ['reqwset', crates, 'reqwest', 'edit-distance'],
  ['serdee', crates, 'serde', 'edit-distance'],
  ['expres', npm, 'express', 'edit-distance'],
  ['crossenv', npm, 'cross-env', 'edit-distance'],
  // Invisible characters print as nothing: each is a look-alike trick, also on short names.
  ['lo\u200bdash', npm, 'lodash', 'homoglyph'],
  ['l\u200co\u200ddash', npm, 'lodash', 'homoglyph'],
  ['m\u2060s', npm, 'ms', 'homoglyph'],
  ['\ufeffreact', npm, 'react', 'homoglyph'],
  ['ex\u00adpress', npm, 'express', 'homoglyph'],
  ['ser\u200bde', crates, 'serde', 'homoglyph'],
  ['tokio\u200b', crates, 'tokio', 'homoglyph'],
];
for (const [name, index, popular, technique] of cases) {
  test(`${name} is a suspect: ${technique} of ${popular}`, () => {
    assert.deepEqual(resemblance(name, index), { popular, technique });
  });
}

test('popular names, unrelated names and short names one edit apart are not suspects', () => {
  for (const name of [
    'serde',
    'serde_json',
    'tokio-util',
    'windows_i686_gnullvm',
    'proc-macro-error2',
    'infrasimd',
  ])
    assert.equal(resemblance(name, crates), null, name);
  assert.equal(resemblance('lig', crates), null, 'log/lig: too short for edit distance');
  assert.equal(resemblance('reacts', buildPopularIndex(['react', 'reacts'])), null, 'both popular');
});
