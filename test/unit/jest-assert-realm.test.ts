/**
 * The node:assert wrapper jest runs these tests with (test/support/jest-assert-realm.ts):
 * values made by Node itself compare equal to literals, and real differences still fail.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { describe, it } from '@jest/globals';

class Point {
  x = 1;
}
class DataError extends Error {}

describe('node:assert under jest', () => {
  it("compares Node's own arrays and objects with literals by content", async () => {
    const names = (await readdir(new URL('.', import.meta.url))).filter(
      (n) => n === 'jest-assert-realm.test.ts',
    );
    assert.deepEqual(names, ['jest-assert-realm.test.ts']);
    assert.deepEqual({ names }, { names: ['jest-assert-realm.test.ts'] });
    assert.throws(
      () => assert.notDeepStrictEqual(names, ['jest-assert-realm.test.ts']),
      assert.AssertionError,
    );
  });

  it('still fails on different contents or prototypes', () => {
    assert.throws(() => assert.deepEqual(['a'], ['b']), assert.AssertionError);
    assert.throws(() => assert.deepEqual({ a: [1] }, { a: ['1'] }), assert.AssertionError);
    assert.throws(() => assert.deepEqual(new Point(), { x: 1 }), assert.AssertionError);
  });

  it("matches Node's own errors against the built-in classes, and still tells classes apart", async () => {
    await assert.rejects(readFile('/nonexistent/file'), Error);
    assert.throws(() => assert.throws(() => JSON.parse('{'), TypeError), assert.AssertionError);
    assert.throws(() => {
      throw new DataError('x');
    }, DataError);
    assert.throws(
      () =>
        assert.throws(() => {
          throw new Error('x');
        }, DataError),
      assert.AssertionError,
    );
  });
});
