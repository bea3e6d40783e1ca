/**
 * Console patterns run in linear time: catastrophic patterns finish at once
 * on the longest console line, patterns the linear engine cannot run are
 * refused at input validation, and the watcher's own work per chunk is
 * bounded.
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from '@jest/globals';
import { ConsoleWatcher } from '../../shared/vm/console.ts';
import { isLinear, linearRegExp, parseConsolePattern } from '../../shared/vm/console-pattern.ts';
import { DEFAULT_EXPECT, DEFAULT_FAIL_ON } from '../../shared/vm/verify-inputs.ts';

const LONG = 64 * 1024;

describe('parseConsolePattern', () => {
  it('compiles the defaults and ordinary markers for the linear engine', () => {
    for (const p of [
      DEFAULT_EXPECT,
      ...DEFAULT_FAIL_ON,
      String.raw`\S login: *$`,
      '(a+)+$',
      '(?<!x)BOOT OK',
    ]) {
      assert.ok(isLinear(parseConsolePattern('expect', p)), p);
    }
  });

  it('refuses what cannot run in linear time, saying what to write instead', () => {
    for (const p of [String.raw`(a)\1`, String.raw`(?<n>a)\k<n>`, '(?=BOOT)', 'x(?!y)', '.{0,200}']) {
      assert.throws(
        () => parseConsolePattern('fail-on', p),
        new RegExp(
          String.raw`^InputError: input 'fail-on': '.*' cannot be matched in linear time \(accepted: a JavaScript regular expression without backreferences`,
        ),
        p,
      );
    }
    assert.throws(
      () => parseConsolePattern('expect', 'BOOT (OK'),
      /^InputError: input 'expect': 'BOOT \(OK' is not a valid regular expression: Unterminated group$/,
    );
  });

  it('matches (a+)+$ against a 64 KiB line of a…a! at once (a backtracking engine would not finish)', () => {
    const line = 'a'.repeat(LONG) + '!';
    const started = performance.now();
    assert.equal(linearRegExp('(a+)+$').test(line), false);
    assert.equal(linearRegExp('(a|aa)+c').test(line), false);
    assert.ok(performance.now() - started < 2000, `${performance.now() - started} ms`);
  });
});

describe('ConsoleWatcher under a hostile guest', () => {
  it('a 64 KiB line fed one byte at a time costs linear time', () => {
    const w = new ConsoleWatcher({
      expect: linearRegExp('BOOT OK'),
      failOn: [linearRegExp('(a+)+$'), linearRegExp('(x+x+)+y')],
    });
    const started = performance.now();
    for (let i = 0; i < LONG; i++) assert.equal(w.push('a'), undefined);
    w.push('!\nBOOT OK\n');
    assert.equal(w.decision?.verdict, 'success');
    assert.ok(performance.now() - started < 5000, `${performance.now() - started} ms`);
  });

  it('fail-on judges complete lines only: (a+)+$ does not fire on a line cut mid-stream', () => {
    const w = new ConsoleWatcher({ expect: /BOOT OK/, failOn: [linearRegExp('(a+)+$')] });
    assert.equal(w.push('Linux version 6.1 Debia'), undefined);
    assert.equal(w.push('n\n'), undefined);
    assert.equal(w.push('aaaa'), undefined);
    assert.equal(w.push('\n')?.verdict, 'failure');
  });

  it('cuts a line without newline at 64 KiB, so no match ever sees more', () => {
    const seen: number[] = [];
    const w = new ConsoleWatcher({ expect: /never/, failOn: [] }, (line) => seen.push(line.length));
    w.push('b'.repeat(3 * LONG + 10));
    assert.deepEqual(seen, [LONG, LONG, LONG]);
    assert.equal(w.tail.at(-1)!.length, 10);
  });
});
