import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import {
  DEFAULT_EXPECT,
  DEFAULT_FAIL_ON,
  parseVerifyInputs,
  type RawVerifyInputs,
} from '../../shared/vm/verify-inputs.ts';
import { failureAnnotations, renderSummary } from '../../shared/vm/summary.ts';
import type { VerifyRun } from '../../shared/vm/verify.ts';
import { MAX_TIMEOUT_SECONDS, parseTimeoutSeconds } from '../../shared/inputs.ts';
import { kernelHead } from '../support/boot-verify-action.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vm-inputs-'));
  for (const f of ['a.qcow2', 'b.qcow2']) await writeFile(join(dir, f), 'x');
  await writeFile(join(dir, 'vmlinuz'), kernelHead('arm64'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

function raw(overrides: Partial<RawVerifyInputs> = {}): RawVerifyInputs {
  return {
    images: 'a.qcow2',
    arch: 'x86_64',
    boot: '',
    kernel: '',
    initrd: '',
    append: '',
    expect: '',
    'fail-on': '',
    timeout: '',
    memory: '',
    cpus: '',
    accel: '',
    checks: '',
    'base-sha256': '',
    parallel: '',
    'output-dir': '',
    network: '',
    'backing-roots': '',
    ...overrides,
  };
}

describe('parseVerifyInputs', () => {
  it('applies the documented defaults', async () => {
    const o = await parseVerifyInputs(raw(), dir);
    assert.equal(o.boot, 'uefi');
    assert.equal(o.accel, 'auto');
    assert.equal(o.timeoutMs, 300_000);
    assert.equal(o.memoryMiB, 1024);
    assert.equal(o.outputDir, join(dir, 'output'));
    assert.equal(o.failOn.length, DEFAULT_FAIL_ON.length);
    assert.deepEqual(o.images, [join(dir, 'a.qcow2')]);
  });

  it('the default expect accepts the test marker, a login prompt and cloud-init finishing', () => {
    const re = new RegExp(DEFAULT_EXPECT);
    assert.ok(re.test('BdsDxe: starting INFRASIM-TEST-IMAGE: BOOT OK'));
    assert.ok(re.test('debian login:'));
    assert.ok(re.test('[   12.3] cloud-init[512]: Cloud-init v. 22.4.2 finished at Mon, 01 Jan 2025'));
    assert.ok(!re.test('Last login: yesterday on ttyS0 and more text'));
  });

  it('the default fail-on lines catch panics, emergency mode and cloud-init errors', () => {
    const res = DEFAULT_FAIL_ON.map((p) => new RegExp(p));
    for (const line of [
      '[    2.9] Kernel panic - not syncing: VFS: Unable to mount root fs',
      'You are in emergency mode. After logging in, type "journalctl -xb"',
      'cloud-init[600]: 2025-01-01 ERROR Failed to run module scripts-user',
    ]) {
      assert.ok(
        res.some((r) => r.test(line)),
        line,
      );
    }
    assert.ok(!res.some((r) => r.test('[  OK  ] Started cloud-init.service')));
  });

  it('expands globs, sorted; kernel boot defaults its append to the build-base command line', async () => {
    const o = await parseVerifyInputs(
      raw({ images: '*.qcow2', boot: 'kernel', kernel: 'vmlinuz', arch: 'aarch64' }),
      dir,
    );
    assert.deepEqual(o.images, [join(dir, 'a.qcow2'), join(dir, 'b.qcow2')]);
    assert.equal(o.append, 'console=ttyAMA0 root=/dev/nvme0n1p2 rw panic=-1');
  });

  it('rejects bad values naming the input', async () => {
    const bad: [Partial<RawVerifyInputs>, RegExp][] = [
      [{ images: '' }, /input 'images': is required/],
      [{ images: 'missing.qcow2' }, /input 'images': .*no such file/],
      [{ arch: 'mips' }, /input 'arch': unknown value 'mips'/],
      [{ expect: '(' }, /input 'expect'/],
      [{ timeout: 'soon' }, /input 'timeout'/],
      [{ memory: '1.5' }, /input 'memory': '1.5' is not a whole number/],
      [{ cpus: '0' }, /input 'cpus'/],
      [{ network: 'maybe' }, /input 'network'/],
      [{ append: 'quiet' }, /input 'append': applies to boot: kernel only/],
      [{ boot: 'kernel', kernel: 'nope' }, /input 'kernel'/],
      [
        { timeout: '999999999' },
        /input 'timeout': 999999999 seconds is more than the maximum of 2147483 seconds/,
      ],
      [{ expect: String.raw`(BOOT)\1` }, /input 'expect': .* cannot be matched in linear time/],
      [{ 'fail-on': 'fine\n(?=x)' }, /input 'fail-on': '\(\?=x\)' cannot be matched in linear time/],
      [{ 'output-dir': 'a.qcow2' }, /input 'output-dir': '.*a\.qcow2' exists and is not a directory/],
      [
        { 'output-dir': 'a.qcow2/out' },
        /input 'output-dir': '.*out' cannot be created: '.*a\.qcow2' is not a directory/,
      ],
      [
        { 'backing-roots': 'nowhere' },
        /input 'backing-roots': '.*nowhere' cannot be read \(no such file or directory\)/,
      ],
      [{ 'backing-roots': 'a.qcow2' }, /input 'backing-roots': '.*a\.qcow2' is not a directory/],
      [{ images: '/dev/zero' }, /input 'images': '\/dev\/zero' is a character device/],
      [{ kernel: 'a.qcow2' }, /input 'kernel': '.*a\.qcow2' has no Linux boot header/],
      [{ kernel: 'vmlinuz', arch: 'x86_64' }, /input 'kernel': .* is a kernel for aarch64/],
      [
        { boot: 'kernel', kernel: 'vmlinuz', arch: 'aarch64', initrd: '/dev/zero' },
        /input 'initrd': '\/dev\/zero' is a character device/,
      ],
    ];
    for (const [overrides, message] of bad) {
      await assert.rejects(parseVerifyInputs(raw(overrides), dir), message);
    }
  });
});

describe('parseTimeoutSeconds', () => {
  it("accepts up to Node's timer limit and refuses beyond it, naming the input and the maximum", () => {
    assert.equal(MAX_TIMEOUT_SECONDS, 2147483);
    assert.equal(parseTimeoutSeconds('timeout', '', 300), 300);
    assert.equal(parseTimeoutSeconds('timeout', '2147483', 300), 2147483);
    assert.ok(parseTimeoutSeconds('timeout', '2147483', 300) * 1000 <= 2 ** 31 - 1);
    assert.throws(
      () => parseTimeoutSeconds('timeout', '2147484'),
      /^InputError: input 'timeout': 2147484 seconds is more than the maximum of 2147483 seconds .*\(accepted: a number of seconds from 0\.001 to 2147483\)$/,
    );
    assert.throws(() => parseTimeoutSeconds('timeout', '1e300'), /more than the maximum/);
    assert.throws(() => parseTimeoutSeconds('timeout', '0.0000001'), /less than a millisecond/);
    assert.throws(() => parseTimeoutSeconds('timeout', 'Infinity'), /is not a positive number/);
  });
});

describe('summary', () => {
  const run: VerifyRun = {
    status: 'failure',
    results: [
      {
        image: 'out/base.qcow2',
        reportPath: 'r.json',
        report: {
          reportVersion: 1,
          image: { path: 'out/base.qcow2' },
          chain: [],
          arch: 'x86_64',
          boot: 'kernel',
          verdict: 'failure',
          reason: 'console line matched fail-on /Kernel panic/',
          refused: false,
          matchedLine: 'Kernel panic - not syncing | bad',
          accel: 'tcg',
          command: [],
          exitCode: 0,
          timings: { launchMs: 10, firstByteMs: 500, verdictMs: 2500, exitMs: 2510 },
          checks: [],
          consoleLog: 'out/meta/boot/base.console.log',
          consoleTail: ['```', 'Kernel panic - not syncing | bad'],
          startedAt: '2025-01-01T00:00:00Z',
        },
      },
    ],
  };

  it('renders the verdict table, escapes cells and fences the console safely', () => {
    const md = renderSummary(run);
    assert.match(
      md,
      /\| out\/base.qcow2 \| ❌ failure \| tcg \| 0.5 s \| 2.5 s \| 2.5 s \| Kernel panic - not syncing \\\| bad \|/,
    );
    assert.match(md, /````text\n```\nKernel panic/);
    assert.match(md, /<details><summary>console: last lines<\/summary>/);
  });

  it('keeps the summary small when the guest printed 64 KiB lines', () => {
    const long = 'z'.repeat(64 * 1024);
    const [result] = run.results;
    const md = renderSummary({
      ...run,
      results: [
        {
          ...result!,
          report: { ...result!.report, matchedLine: long, consoleTail: Array<string>(40).fill(long) },
        },
      ],
    });
    assert.ok(md.length < 32 * 1024, `${md.length} characters`);
    assert.match(md, /z{500}… \(65536 characters\)/);
  });

  it('annotates a failure with the console line that decided it', () => {
    const [a] = failureAnnotations(run);
    assert.equal(a!.title, 'boot-verify: failure of out/base.qcow2');
    assert.match(a!.message, /console: Kernel panic - not syncing \| bad$/);
  });
});
