/**
 * boot-verify end to end from source (actions/boot-verify/main.ts as a child
 * process), with real QEMU under TCG and the test image built by build-base
 * (x86_64). Most boots are direct kernel boots; the firmware boots are in
 * boot-verify-uefi.test.ts.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { readBootReport } from '../../shared/vm/report-schema.ts';
import { run as runTool } from '../../shared/exec.ts';
import { sha256File } from '../../shared/hash.ts';
import {
  runBootVerify,
  runPost,
  startBootVerify,
  type BootVerifyRun,
} from '../support/boot-verify-action.ts';
import { exists, qemuPidsMentioning, waitFor, waitForQemu } from '../support/processes.ts';
import { cachedTestBase } from '../support/base-image.ts';
import { needTools } from '../support/tools.ts';
import type { BaseResult } from '../../shared/image/base.ts';

const MARKER = 'INFRASIM-TEST-IMAGE: BOOT OK';
let base: BaseResult;
const dirs: string[] = [];

function kernelInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    images: base.image,
    arch: 'x86_64',
    boot: 'kernel',
    kernel: base.kernel!,
    accel: 'tcg',
    timeout: '120',
    ...extra,
  };
}

async function run(inputs: Record<string, string>): Promise<BootVerifyRun> {
  const r = await runBootVerify(inputs);
  dirs.push(r.cwd);
  return r;
}

function explain(r: BootVerifyRun): string {
  return `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}

beforeAll(async () => {
  await needTools('qemu-system-x86_64', 'qemu-img', 'mkfs.vfat', 'mcopy', 'mkfs.ext4');
  base = await cachedTestBase('x86_64', 'kernel');
  assert.ok(base.kernel, 'build-base exports the kernel for boot=kernel');
});
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** A directory of this test's own, removed with the others at the end. */
async function scratchDir(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `boot-verify-${name}-`));
  dirs.push(dir);
  return dir;
}

/** An overlay on `dir`/base.qcow2 with a relative backing path and a pinned format, as build-variant makes them. */
async function overlayOnBase(dir: string, name: string): Promise<void> {
  await runTool('qemu-img', [
    'create',
    '-q',
    '-f',
    'qcow2',
    '-b',
    'base.qcow2',
    '-F',
    'qcow2',
    join(dir, name),
  ]);
}

describe('boot-verify (x86_64, direct kernel boot)', () => {
  it('passes on the marker, runs in-guest checks and writes the report, summary and outputs', async () => {
    // A `#` inside a line is data (a comment only starts a line), as the runner passes it.
    const r = await run(kernelInputs({ checks: "# comment line\nuname -m\n[3] echo three '#3'; exit 3" }));
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs.status, 'success');
    assert.equal(r.outputs['matched-line'], MARKER);
    assert.equal(r.outputs.accel, 'tcg');
    assert.ok(Number(r.outputs['boot-seconds']) > 0);
    const report = await readBootReport(r.outputs.report!);
    assert.equal(report.verdict, 'success');
    assert.equal(report.image.sha256, base.sha256);
    assert.equal(report.chain.length, 1);
    assert.match(report.qemuVersion!, /QEMU emulator version/);
    assert.equal(report.command[0], 'qemu-system-x86_64');
    assert.ok(report.command.includes('-kernel'));
    // The image is only read: the guest's writes go to QEMU's temporary snapshot.
    const drive = report.command.find((a) => a.includes(`file=${base.image},`));
    assert.match(drive ?? '', /,snapshot=on(,|$)/, 'the image is opened with snapshot=on');
    assert.equal(await sha256File(base.image), base.sha256, 'the image is unchanged');
    const t = report.timings!;
    assert.ok(t.firstByteMs! <= t.verdictMs && t.verdictMs <= t.exitMs!, JSON.stringify(t));
    assert.deepEqual(
      report.checks.map((c) => [c.command, c.status, c.passed, c.output]),
      [
        ['uname -m', 0, true, ['x86_64']],
        ["echo three '#3'; exit 3", 3, true, ['three #3']],
      ],
    );
    const log = await readFile(r.outputs['console-log']!, 'utf8');
    assert.ok(log.includes(MARKER));
    assert.match(r.summary, /boot-verify: ✅ success/);
    assert.match(r.summary, /<details><summary>console: last lines<\/summary>/);
    assert.match(r.summary, /`uname -m` \| 0 \| 0 ✅ \| x86_64/);
  });

  it('fails on a failing in-guest check, naming the check and its output', async () => {
    const r = await run(kernelInputs({ checks: 'true\ncat /etc/no-such-file' }));
    assert.equal(r.code, 1, explain(r));
    assert.equal(r.outputs.status, 'failure');
    const report = await readBootReport(r.outputs.report!);
    assert.match(
      report.reason,
      /check 2 `cat \/etc\/no-such-file` exited 1, expected 0; output: .*No such file/,
    );
    assert.match(r.stdout, /::error title=boot-verify%3A failure.*check 2 `cat \/etc\/no-such-file`/);
    assert.match(r.summary, /`cat \/etc\/no-such-file` \| 0 \| 1 ❌/);
  });

  it('fails within 2 s of a kernel panic, not at the timeout', async () => {
    const r = await run(
      kernelInputs({ append: 'console=ttyS0 root=/dev/nvme9n9 rw panic=-1', timeout: '300' }),
    );
    assert.equal(r.code, 1, explain(r));
    assert.equal(r.outputs.status, 'failure');
    assert.match(r.outputs['matched-line']!, /Kernel panic - not syncing/);
    const report = await readBootReport(r.outputs.report!);
    // The kernel stamps the panic line with its uptime; the kernel starts after QEMU's first
    // console byte, so the verdict must come within 2 s of (first byte + panic uptime).
    const t = report.timings!;
    const uptime = Number(/\[\s*([\d.]+)\]/.exec(r.outputs['matched-line']!)![1]);
    assert.ok(
      t.verdictMs - t.firstByteMs! - uptime * 1000 < 2000,
      `panic at ${uptime} s, ${JSON.stringify(t)}`,
    );
    const log = await readFile(r.outputs['console-log']!, 'utf8');
    assert.match(log, /Kernel panic - not syncing/);
    assert.match(r.stdout, /::error title=boot-verify%3A failure.*%0Aconsole: .*Kernel panic/);
  });

  it('times out on an image that never prints the marker, keeping the console log', async () => {
    // init=/bin/sh: a shell waits on the console forever and prints no marker.
    const r = await run(
      kernelInputs({ append: 'console=ttyS0 root=/dev/nvme0n1p2 rw panic=-1 init=/bin/sh', timeout: '12' }),
    );
    assert.equal(r.code, 1, explain(r));
    assert.equal(r.outputs.status, 'timeout');
    const report = await readBootReport(r.outputs.report!);
    assert.equal(report.verdict, 'timeout');
    assert.equal(report.reason, 'no marker within 12 s');
    assert.ok(report.timings!.verdictMs >= 12_000);
    const log = await readFile(r.outputs['console-log']!, 'utf8');
    assert.match(log, /Linux version/);
    assert.equal((await qemuPidsMentioning(r.cwd)).length, 0);
  });

  it('refuses an overlay whose base was rebuilt, before booting, naming both hashes', async () => {
    const dir = await scratchDir('rebuilt');
    const baseCopy = join(dir, 'base.qcow2');
    await copyFile(base.image, baseCopy);
    await overlayOnBase(dir, 'overlay.qcow2');
    const recorded = await sha256File(baseCopy);
    // "Rebuild" the base: same name and format, other bytes.
    await copyFile((await cachedTestBase('x86_64', 'uefi')).image, baseCopy);
    const rebuilt = await sha256File(baseCopy);
    const r = await run(kernelInputs({ images: join(dir, 'overlay.qcow2'), 'base-sha256': recorded }));
    assert.equal(r.code, 1, explain(r));
    assert.equal(r.outputs.status, 'failure');
    const report = await readBootReport(r.outputs.report!);
    assert.equal(report.refused, true);
    assert.deepEqual(report.command, [], 'nothing was booted');
    assert.ok(report.reason.includes(recorded) && report.reason.includes(rebuilt), report.reason);
    assert.equal(report.chain.length, 2);
    assert.equal(report.chain[1]!.sha256, rebuilt);
  });

  it('boots several images (a glob) in parallel, one verdict each and an overall result', async () => {
    const dir = await scratchDir('many');
    await copyFile(base.image, join(dir, 'base.qcow2'));
    for (const v of ['a', 'b']) {
      await overlayOnBase(dir, `overlay-${v}.qcow2`);
    }
    const r = await run(
      kernelInputs({ images: join(dir, 'overlay-*.qcow2'), parallel: '2', 'base-sha256': base.sha256 }),
    );
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs.status, 'success');
    const reports = r.outputs.report!.split('\n');
    assert.deepEqual(
      reports.map((p) => p.replace(/.*\//, '')),
      ['overlay-a.json', 'overlay-b.json'],
    );
    for (const p of reports) {
      const report = await readBootReport(p);
      assert.equal(report.verdict, 'success');
      assert.equal(report.chain[1]!.sha256, base.sha256);
    }
    // The `json` output: one object per image, in the order of the newline-joined outputs.
    const perImage = JSON.parse(r.outputs.json!) as Record<string, unknown>[];
    assert.deepEqual(
      perImage.map((o) => [o.status, o.report, o.accel]),
      reports.map((p) => ['success', p, 'tcg']),
    );
    assert.ok(perImage.every((o) => typeof o['boot-seconds'] === 'number' && o['boot-seconds'] > 0));
    assert.deepEqual(
      perImage.map((o) => o['console-log']),
      r.outputs['console-log']!.split('\n'),
    );
    // The overlays under test were not written: still empty apart from their header.
    assert.ok((await stat(join(dir, 'overlay-a.qcow2'))).size < 1024 * 1024);
  });

  it('accel auto probes KVM (bounded) and records what it used and why', async () => {
    const r = await run(kernelInputs({ accel: 'auto' }));
    assert.equal(r.code, 0, explain(r));
    const report = await readBootReport(r.outputs.report!);
    assert.ok(['kvm', 'tcg'].includes(report.accel!));
    assert.match(report.accelReason!, /KVM|kvm|host/);
  });
});

describe('boot-verify cancellation', () => {
  it('SIGTERM to the action kills QEMU and removes its temporary files', async () => {
    const started = await startBootVerify(
      kernelInputs({ append: 'console=ttyS0 root=/dev/nvme0n1p2 rw panic=-1 init=/bin/sh', timeout: '300' }),
    );
    dirs.push(started.cwd);
    const qemu = await waitForQemu(started.cwd);
    started.child.kill('SIGTERM');
    const r = await started.done;
    assert.notEqual(r.code, 0);
    assert.equal(await exists(`/proc/${qemu}`), false);
    assert.deepEqual(await qemuPidsMentioning(started.cwd), []);
    assert.ok(r.state['state-dir']);
    assert.equal(await exists(r.state['state-dir']!), false);
  });

  it('the post step kills a QEMU left behind by a hard-killed main step', async () => {
    const started = await startBootVerify(
      kernelInputs({ append: 'console=ttyS0 root=/dev/nvme0n1p2 rw panic=-1 init=/bin/sh', timeout: '300' }),
    );
    dirs.push(started.cwd);
    const qemu = await waitForQemu(started.cwd);
    // The pid is recorded right after the spawn; give the append a moment.
    await waitFor('the pid to be recorded', async () => {
      const state = await readFile(started.files.state, 'utf8');
      const dir = /state-dir<<(\S+)\n(.*)\n/.exec(state)?.[2];
      const pids = dir ? await readFile(join(dir, 'qemu.pids'), 'utf8').catch(() => '') : '';
      return pids.includes(String(qemu)) ? true : undefined;
    });
    started.child.kill('SIGKILL'); // no handler runs: QEMU is orphaned
    const r = await started.done;
    assert.deepEqual(await qemuPidsMentioning(started.cwd), [qemu]);
    const post = await runPost(started.cwd, r.state);
    assert.equal(post.code, 0, explain(post));
    assert.match(post.stdout, new RegExp(`killed leftover QEMU process\\(es\\) ${qemu}`));
    await waitFor(
      'QEMU to die',
      async () => ((await qemuPidsMentioning(started.cwd)).length ? undefined : true),
      5000,
    );
    assert.equal(await exists(r.state['state-dir']!), false);
  });
});

describe('boot-verify input validation (before any work)', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'missing image',
      { images: '/nonexistent/base.qcow2' },
      /input 'images': '\/nonexistent\/base.qcow2' cannot be read/,
    ],
    ['glob matching nothing', { images: '/nonexistent/*.qcow2' }, /input 'images': the glob/],
    [
      'unknown arch',
      { arch: 'riscv64' },
      /input 'arch': unknown value 'riscv64' \(accepted: x86_64 \| aarch64\)/,
    ],
    [
      'invalid expect regex',
      { expect: 'BOOT (OK' },
      /input 'expect': 'BOOT \(OK' is not a valid regular expression/,
    ],
    [
      'invalid fail-on regex',
      { 'fail-on': 'fine\n[unclosed' },
      /input 'fail-on': '\[unclosed' is not a valid regular expression/,
    ],
    ['zero timeout', { timeout: '0' }, /input 'timeout': '0' is not a positive number/],
    ['negative timeout', { timeout: '-5' }, /input 'timeout': '-5' is not a positive number/],
    ['unknown accel', { accel: 'hvf' }, /input 'accel': unknown value 'hvf'/],
    ['bad base-sha256', { 'base-sha256': 'abc' }, /input 'base-sha256': 'abc' is not a SHA-256 digest/],
    ['kernel boot without kernel', { kernel: '' }, /input 'kernel': is required when boot is kernel/],
  ];
  for (const [name, override, message] of cases) {
    it(`${name} → a clear error naming the input, exit 1, nothing written`, async () => {
      const r = await run(kernelInputs(override));
      assert.equal(r.code, 1, explain(r));
      assert.match(r.stdout, message);
      assert.match(r.stdout, /::error title=Invalid input::/);
      assert.equal(
        await stat(join(r.cwd, 'output')).then(
          () => 'written',
          () => 'none',
        ),
        'none',
      );
    });
  }
});
