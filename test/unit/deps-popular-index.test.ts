import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, test } from '@jest/globals';
import type { Ecosystem } from '../../shared/deps/model.ts';
import {
  buildPopularIndex,
  builtPopularIndex,
  deserializePopularIndex,
  popularIndex,
  precomputedIndexFile,
  resemblance,
  serializePopularIndex,
  type PopularIndex,
} from '../../shared/deps/typosquat.ts';

// The bundle loads the index scripts/precompile-popular-index.ts wrote; a source run builds it. Both must
// answer every name alike, so the loaded index must be the built one, array for array.

const dir = mkdtempSync(join(tmpdir(), 'popular-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = join(import.meta.dirname, '../../scripts/precompile-popular-index.ts');
const generated = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });

/** The file the bundle would read, as the precompile script wrote it. */
function generatedIndex(ecosystem: Ecosystem): PopularIndex {
  assert.equal(generated.status, 0, generated.stderr);
  return deserializePopularIndex(readFileSync(join(dir, precomputedIndexFile(ecosystem))))!;
}

// Known squats (test/unit/deps-typosquat.test.ts), popular names and names one edit from popular ones.
const NAMES = [
  'serde-json',
  'Tokio',
  'rnemchr',
  'l0dash',
  'tokio-rs',
  'node-axios',
  'express-js',
  'reqwset',
  'serdee',
  'expres',
  'crossenv',
  'lo\u200bdash',
  'l\u200co\u200ddash',
  'm\u2060s',
  '\ufeffreact',
  'ex\u00adpress',
  'ser\u200bde',
  'tokio\u200b',
  '\u0430xios',
  'serde',
  'serde_json',
  'tokio-util',
  'windows_i686_gnullvm',
  'proc-macro-error2',
  'infrasimd',
  'lig',
  'rustdecimal',
  'crate-io',
  'serde-jsn5',
  'lodash',
  'react-dom',
  'cross-env',
];

for (const ecosystem of ['cargo', 'npm'] as const) {
  test(`the generated ${ecosystem} index is the built one and answers alike`, () => {
    const built = builtPopularIndex(ecosystem);
    const loaded = generatedIndex(ecosystem);
    // Every field: the entries map in entry order, the typed arrays, the hash multimaps' own arrays.
    assert.deepEqual(loaded, built);
    assert.deepEqual([...loaded.entries], [...built.entries]);
    // Every popular name, each with one character dropped and its first two swapped, and the names above.
    const names = [...NAMES];
    for (const n of built.names.slice(0, 3000))
      names.push(n, n.slice(1), n.slice(0, -1), n.length > 1 ? n[1]! + n[0]! + n.slice(2) : n);
    const answers = (index: PopularIndex) => names.map((n) => resemblance(n, index));
    const expected = answers(built);
    assert.deepEqual(answers(loaded), expected);
    assert.ok(expected.filter(Boolean).length > 1000, 'the names include many suspects');
  });
}

test('a serialised index round-trips through its bytes, at any alignment', () => {
  const index = buildPopularIndex(
    ['react', 'reacts', 'lodash', 'l0dash-extra', 'tokio_util'],
    ['tokio_util'],
  );
  const bytes = serializePopularIndex(index);
  assert.deepEqual(deserializePopularIndex(bytes), index);
  // The same bytes one past an aligned offset (a slice of a larger buffer) are copied, not misread.
  const shifted = new Uint8Array(bytes.length + 1);
  shifted.set(bytes, 1);
  assert.deepEqual(deserializePopularIndex(shifted.subarray(1)), index);
});

test('a file of the other byte order (its magic reads reversed) is no index; a truncated one is an error', () => {
  const swapped = serializePopularIndex(buildPopularIndex(['react']));
  swapped.subarray(0, 4).reverse();
  assert.equal(deserializePopularIndex(swapped), null);
  assert.throws(
    () => deserializePopularIndex(serializePopularIndex(buildPopularIndex(['react'])).subarray(0, 40)),
    /the popular-names index file is truncated/,
  );
});

test('a source run has no generated index: popularIndex builds it, once', () => {
  assert.deepEqual(popularIndex('npm'), builtPopularIndex('npm'));
  assert.equal(popularIndex('npm'), popularIndex('npm'));
});
