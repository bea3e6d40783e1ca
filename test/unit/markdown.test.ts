/** A code fence that nothing in the fenced text can close early. */
import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { codeFence } from '../../shared/markdown.ts';

test('a code fence is longer than every run of backticks in the text, and at least three', () => {
  assert.equal(codeFence('plain text'), '```');
  assert.equal(codeFence('a ` b `` c'), '```');
  assert.equal(codeFence('```'), '````');
  // The longest run counts, wherever it stands on a line, not the first one.
  assert.equal(codeFence('x ` then `````'), '``````');
  assert.equal(codeFence('one\n``\nthree ````\n'), '`````');
});
