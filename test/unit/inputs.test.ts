import { strict as assert } from 'node:assert';
import { test } from '@jest/globals';
import { parseLines } from '../../shared/inputs.ts';

test('parseLines: a # starts a comment only at the start of a line', () => {
  const raw = [
    '# the boot must reach a prompt',
    'console: login:|# ',
    '  #indented comment',
    'https://example.org/a#fragment',
    '',
    "echo 'a # b' > /etc/motd",
    '\r',
  ].join('\n');
  assert.deepEqual(parseLines(raw), [
    'console: login:|#',
    'https://example.org/a#fragment',
    "echo 'a # b' > /etc/motd",
  ]);
});

test('parseLines: Windows line ends and surrounding blanks are trimmed', () => {
  assert.deepEqual(parseLines(' a \r\nb\r\n\r\n'), ['a', 'b']);
});
