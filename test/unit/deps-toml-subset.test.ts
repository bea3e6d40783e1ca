import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { DataError } from '../../shared/errors.ts';
import { parseTomlSubset } from '../../shared/deps/toml-subset.ts';

test('parses the Cargo.lock subset: tables, arrays of tables, multi-line arrays, escapes, comments', () => {
  const doc = parseTomlSubset(
    [
      '# generated',
      'version = 4',
      '',
      '[[package]]',
      'name = "a\\u0041" # trailing comment',
      'dependencies = [',
      ' "b",',
      ' "c 1.0 (registry+x)",',
      ']',
      '',
      '[[package]]',
      "name = 'lit'",
      'flag = true',
      '',
      '[metadata]',
      '"checksum a 1.0" = "abc"',
      '[patch.unused]',
      'n = -3',
    ].join('\n'),
    'Cargo.lock',
  );
  assert.deepEqual(doc, {
    version: 4,
    package: [
      { name: 'aA', dependencies: ['b', 'c 1.0 (registry+x)'] },
      { name: 'lit', flag: true },
    ],
    metadata: { 'checksum a 1.0': 'abc' },
    patch: { unused: { n: -3 } },
  });
});

const bad: [string, string, RegExp][] = [
  ['unterminated string', 'name = "abc\n', /Cargo\.lock:1: unterminated string/],
  ['truncated array', 'version = 3\ndependencies = [\n "a",\n', /Cargo\.lock:4: unterminated array/],
  ['duplicate key', 'a = 1\na = 2\n', /Cargo\.lock:2: duplicate key 'a'/],
  ['garbage after value', 'a = "x" y\n', /Cargo\.lock:1: unexpected 'y'/],
  ['unsupported value', 'a = 1979-05-27\n', /Cargo\.lock:1: unsupported value/],
  ['missing equals', 'a 1\n', /Cargo\.lock:1: expected '='/],
  ['bad header', '[[package]\n', /Cargo\.lock:1: malformed table header/],
  ['bad escape', 'a = "\\q"\n', /unknown escape/],
];
for (const [what, text, message] of bad) {
  test(`rejects ${what} with the file and line`, () => {
    assert.throws(
      () => parseTomlSubset(text, 'Cargo.lock'),
      (e: unknown) => e instanceof DataError && message.test(e.message),
    );
  });
}
