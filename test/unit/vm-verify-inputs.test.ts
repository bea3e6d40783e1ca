import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DEFAULT_EXPECT,
  DEFAULT_FAIL_ON,
  parseVerifyInputs,
  type RawVerifyInputs,
} from '../../shared/vm/verify-inputs.ts';
import { failureAnnotations, renderSummary } from '../../shared/vm/summary.ts';
import type { VerifyRun } from '../../shared/vm/verify.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vm-inputs-'));
  for (const f of ['a.qcow2', 'b.qcow2', 'vmlinuz']) await writeFile(join(dir, f), 'x');
});
after(async () => rm(dir, { recursive: true, force: true }));

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
    ];
    for (const [overrides, message] of bad) {
      await assert.rejects(parseVerifyInputs(raw(overrides), dir), message);
    }
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

  it('annotates a failure with the console line that decided it', () => {
    const [a] = failureAnnotations(run);
    assert.equal(a!.title, 'boot-verify: failure of out/base.qcow2');
    assert.match(a!.message, /console: Kernel panic - not syncing \| bad$/);
  });
});
