import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { parseCheckLine, parseCheckResults, renderCheckScript } from '../../shared/vm/nocloud.ts';
import { mapBounded } from '../../shared/concurrency.ts';
import { baseMismatch, checksFailure, overallStatus, reportNames } from '../../shared/vm/verify.ts';

describe('checks', () => {
  it('parses `command` and `[N] command`', () => {
    assert.deepEqual(parseCheckLine('uname -r'), { command: 'uname -r', expectStatus: 0 });
    assert.deepEqual(parseCheckLine('[3] test -e /x'), { command: 'test -e /x', expectStatus: 3 });
  });

  it('carries commands base64-encoded, so quotes cannot break the script', () => {
    const script = renderCheckScript([{ command: `echo "it's" '$HOME'`, expectStatus: 0 }], 'n0');
    assert.ok(script.startsWith('#!/bin/sh\n'));
    assert.ok(!script.includes(`it's`));
    assert.match(script, /run_check 1 ZWNobyAiaXQncyIgJyRIT01FJwo=/);
    assert.match(script, /INFRASIM-CHECK n0 DONE/);
  });

  it('reads results back from console lines and ignores other nonces', () => {
    const checks = [
      { command: 'true', expectStatus: 0 },
      { command: 'false', expectStatus: 0 },
      { command: 'never', expectStatus: 0 },
    ];
    const results = parseCheckResults(
      [
        'INFRASIM-CHECK n0 1 BEGIN',
        'INFRASIM-CHECK n0 1 END 0',
        'INFRASIM-CHECK n0 2 OUT oops',
        'INFRASIM-CHECK n0 2 END 1',
        'INFRASIM-CHECK other 3 END 0',
      ],
      checks,
      'n0',
    );
    assert.deepEqual(
      results.map((r) => [r.status, r.passed, r.output]),
      [
        [0, true, []],
        [1, false, ['oops']],
        [null, false, []],
      ],
    );
    const why = checksFailure(results)!;
    assert.match(why, /check 2 `false` exited 1, expected 0; output: oops/);
    assert.match(why, /check 3 `never` never reported back/);
  });
});

describe('verify helpers', () => {
  it('names reports after the image, uniquely', () => {
    assert.deepEqual(reportNames(['/a/base.qcow2', '/b/base.qcow2', '/c/x.raw']), ['base', 'base-2', 'x']);
  });
  it('the worst verdict wins', () => {
    assert.equal(overallStatus(['success', 'timeout']), 'timeout');
    assert.equal(overallStatus(['timeout', 'failure', 'success']), 'failure');
    assert.equal(overallStatus(['success']), 'success');
  });
  it('refuses a chain whose base differs, naming both hashes', () => {
    const link = { path: '/o/base.qcow2', format: 'qcow2' as const, virtualSize: 1, sha256: 'a'.repeat(64) };
    assert.equal(baseMismatch([link], 'a'.repeat(64)), undefined);
    const why = baseMismatch([link], 'b'.repeat(64))!;
    assert.ok(why.includes('a'.repeat(64)) && why.includes('b'.repeat(64)));
  });
  it('mapBounded keeps order and never exceeds the limit', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded([5, 1, 3, 2], 2, async (n) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 2;
    });
    assert.deepEqual(out, [10, 2, 6, 4]);
    assert.equal(peak, 2);
  });
});
