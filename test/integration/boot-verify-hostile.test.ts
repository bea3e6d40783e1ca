/**
 * Hostile inputs against the bundled boot-verify action (dist/boot-verify,
 * as the runner runs it): backing chains that name host files or devices,
 * kernels that are no kernels, devices as inputs, timeouts past Node's timer
 * limit, patterns that would freeze a backtracking engine, paths that fail
 * with a raw errno. Each is refused before QEMU starts, naming the input, or
 * gives the exact result; two boots (direct kernel boot, ~3 s under TCG)
 * prove the guarded paths still boot.
 */
import assert from 'node:assert/strict';
import { chmod, copyFile, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { run as runTool } from '../../shared/exec.ts';
import { readBootReport } from '../../shared/vm/report-schema.ts';
import { overlayNaming } from '../support/boot-verify-action.ts';
import { cachedTestBase } from '../support/base-image.ts';
import { qemuPidsMentioning } from '../support/processes.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import { ensureTestImage } from '../support/test-image.ts';
import { needTools } from '../support/tools.ts';
import type { BaseResult } from '../../shared/image/base.ts';

const MARKER = 'INFRASIM-TEST-IMAGE: BOOT OK';
let base: BaseResult;
let armKernel: string;
const dirs: string[] = [];

beforeAll(async () => {
  await needTools('qemu-system-x86_64', 'qemu-img', 'mknod');
  base = await cachedTestBase('x86_64', 'kernel');
  armKernel = (await ensureTestImage('aarch64')).kernel;
});
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function scratch(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `bv-hostile-${name}-`));
  dirs.push(dir);
  return dir;
}

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

/** The bundled action in `cwd` (its workspace: default a new directory). */
async function bundled(
  inputs: Record<string, string>,
  options: { cwd?: string; uid?: number; gid?: number } = {},
): Promise<ActionRun> {
  const cwd = options.cwd ?? (await scratch('ws'));
  if (options.uid !== undefined) await chmod(cwd, 0o777);
  // RUNNER_TEMP in the workspace: every QEMU the step starts mentions it, so none can hide.
  return runActionMain('boot-verify', kernelInputs(inputs), {
    bundle: true,
    ...options,
    cwd,
    env: { RUNNER_TEMP: cwd },
  });
}

function explain(r: ActionRun): string {
  return `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}

/** Refused at input validation: exit 1, one "Invalid input" error with `message`, nothing written, no QEMU. */
async function assertRefused(r: ActionRun, message: RegExp): Promise<void> {
  assert.equal(r.code, 1, explain(r));
  assert.match(r.stdout, /::error title=Invalid input::/, explain(r));
  assert.match(r.stdout, message);
  assert.doesNotMatch(r.stdout + r.stderr, /\b(EACCES|ENOTDIR|ENOENT|EISDIR):/);
  assert.equal(
    await stat(join(r.cwd, 'output')).then(
      () => 'written',
      () => 'nothing',
    ),
    'nothing',
  );
  assert.deepEqual(await qemuPidsMentioning(r.cwd), []);
}

describe('boot-verify refuses backing files outside the workspace (issue 14, item 2)', () => {
  // Each case: a workspace holding one overlay whose header names `backing`.
  const cases: [string, (ws: string) => Promise<string>, RegExp][] = [
    [
      'a host file by absolute path (/etc/shadow)',
      (ws) => overlayNaming(join(ws, 'shadow.qcow2'), '/etc/shadow'),
      /input 'images': the backing file '\/etc\/shadow' of '.*\/shadow\.qcow2' lies outside the directories backing files may come from \(.*\): refused before anything was opened or hashed; list the directory in the input 'backing-roots'/,
    ],
    [
      'a device (/dev/zero: hashing it never ended)',
      (ws) => overlayNaming(join(ws, 'zero.qcow2'), '/dev/zero'),
      /input 'images': the backing file '\/dev\/zero' of '.*zero\.qcow2' lies outside/,
    ],
    [
      'a block device path (/dev/sda)',
      (ws) => overlayNaming(join(ws, 'sda.qcow2'), '/dev/sda'),
      /input 'images': the backing file '\/dev\/sda' of '.*sda\.qcow2' lies outside/,
    ],
    [
      'a symlink in the workspace pointing at /etc/shadow',
      async (ws) => {
        await symlink('/etc/shadow', join(ws, 'base.raw'));
        return overlayNaming(join(ws, 'linked.qcow2'), 'base.raw');
      },
      /input 'images': the backing file 'base\.raw' of '.*linked\.qcow2' \(really '\/etc\/shadow'\) lies outside/,
    ],
    [
      'a relative path climbing out of the workspace',
      async (ws) => {
        const beside = await scratch('beside');
        await writeFile(join(beside, 'secret.raw'), 'secret');
        return overlayNaming(join(ws, 'climb.qcow2'), `../${beside.split('/').pop()}/secret.raw`);
      },
      /input 'images': the backing file '\.\.\/bv-hostile-beside-.*\/secret\.raw' .* lies outside/,
    ],
    [
      'a json: pseudo-path naming /etc/shadow',
      (ws) => overlayNaming(join(ws, 'json.qcow2'), 'json:{"driver":"file","filename":"/etc/shadow"}', 'raw'),
      /input 'images': '.*json\.qcow2' names the backing file 'json:\{.*\}', a protocol or json: pseudo-path, not a file: refused/,
    ],
    [
      'a character device inside the workspace (mknod c 1 5)',
      async (ws) => {
        await runTool('mknod', [join(ws, 'zero-node'), 'c', '1', '5']);
        return overlayNaming(join(ws, 'node.qcow2'), 'zero-node');
      },
      /input 'images': the backing file 'zero-node' of '.*node\.qcow2': '.*zero-node' is a character device \(accepted: a regular file\)/,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(`refuses ${name} before opening it`, async () => {
      const ws = await scratch('ws');
      const image = await make(ws);
      const r = await bundled({ images: image }, { cwd: ws });
      await assertRefused(r, message);
    });
  }

  it('boots a backing file outside the workspace only when backing-roots lists its directory', async () => {
    const ws = await scratch('ws');
    const store = await scratch('store');
    await copyFile(base.image, join(store, 'base.qcow2'));
    const overlay = await overlayNaming(
      join(ws, 'overlay.qcow2'),
      join(store, 'base.qcow2'),
      'qcow2',
      '256M',
    );

    const refused = await bundled({ images: overlay }, { cwd: ws });
    await assertRefused(refused, /the backing file '.*\/base\.qcow2' of '.*overlay\.qcow2' lies outside/);

    const r = await bundled({ images: overlay, 'backing-roots': store }, { cwd: ws });
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs.status, 'success');
    assert.equal(r.outputs['matched-line'], MARKER);
    const report = await readBootReport(r.outputs.report!);
    assert.deepEqual(
      report.chain.map((l) => [l.path, l.format]),
      [
        [overlay, 'qcow2'],
        [join(store, 'base.qcow2'), 'qcow2'],
      ],
    );
    assert.equal(report.chain[1]!.sha256, base.sha256);
  });
});

describe('boot-verify refuses file inputs that are not what they claim (items 5, 8, 10)', () => {
  const cases: [string, (dir: string) => Promise<Record<string, string>>, RegExp][] = [
    [
      'images: /dev/zero (was read forever)',
      async () => ({ images: '/dev/zero' }),
      /input 'images': '\/dev\/zero' is a character device \(accepted: a regular file\)/,
    ],
    [
      'kernel: a text file',
      async (dir) => {
        await writeFile(join(dir, 'vmlinuz'), 'this is not a kernel\n');
        return { kernel: join(dir, 'vmlinuz') };
      },
      /input 'kernel': '.*vmlinuz' has no Linux boot header \(accepted: a Linux kernel image: an x86 bzImage \("HdrS" at 0x202\) or an arm64 Image/,
    ],
    [
      'kernel: an empty file',
      async (dir) => {
        await writeFile(join(dir, 'empty'), '');
        return { kernel: join(dir, 'empty') };
      },
      /input 'kernel': '.*empty' is empty \(0 bytes\)/,
    ],
    [
      'kernel: an ELF program',
      async () => ({ kernel: '/bin/true' }),
      /input 'kernel': '\/bin\/true' is an ELF file \(a program or an uncompressed vmlinux\), not a bootable kernel image/,
    ],
    [
      'kernel: /dev/zero',
      async () => ({ kernel: '/dev/zero' }),
      /input 'kernel': '\/dev\/zero' is a character device \(accepted: a regular file\)/,
    ],
    [
      "kernel: another architecture's kernel",
      async () => ({ kernel: armKernel }),
      /input 'kernel': '.*vmlinuz' is a kernel for aarch64 \(arm64 Image\), but the guest architecture \(input 'arch'\) is x86_64/,
    ],
    [
      'initrd: /dev/zero',
      async () => ({ initrd: '/dev/zero' }),
      /input 'initrd': '\/dev\/zero' is a character device \(accepted: a regular file\)/,
    ],
    [
      'kernel: a path through a file (was a raw ENOTDIR)',
      async () => ({ kernel: '/etc/passwd/vmlinuz' }),
      /input 'kernel': '\/etc\/passwd\/vmlinuz' cannot be read \(a path component is not a directory\)/,
    ],
    [
      'output-dir: below a file (was a raw "ENOTDIR: not a directory, mkdir")',
      async () => ({ 'output-dir': '/etc/passwd/out' }),
      /input 'output-dir': '\/etc\/passwd\/out' cannot be created: '\/etc\/passwd' is not a directory/,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(`refuses ${name}, naming the input, before QEMU starts`, async () => {
      const dir = await scratch('files');
      const r = await bundled(await make(dir));
      await assertRefused(r, message);
    });
  }

  it('names a permission problem in words (was a raw EACCES), run as an unprivileged user', async () => {
    assert.equal(process.getuid?.(), 0, 'this test runs the action as nobody and must run as root');
    const dir = await scratch('locked');
    await chmod(dir, 0o755);
    const kernel = join(dir, 'vmlinuz');
    await copyFile(base.kernel!, kernel);
    await chmod(kernel, 0o600);
    const image = join(dir, 'base.qcow2');
    await copyFile(base.image, image);
    await chmod(image, 0o644);
    const r = await bundled({ images: image, kernel }, { uid: 65534, gid: 65534 });
    await assertRefused(r, /input 'kernel': '.*vmlinuz' cannot be read \(permission denied\)/);
  });
});

describe('boot-verify bounds time (items 5 and 6)', () => {
  it('refuses a timeout past Node’s timer limit, naming the input and the maximum (it fired at once)', async () => {
    const r = await bundled({ timeout: '999999999' });
    await assertRefused(
      r,
      /input 'timeout': 999999999 seconds is more than the maximum of 2147483 seconds \(about 24 days; a longer timer would fire at once\) \(accepted: a number of seconds from 0\.001 to 2147483\)/,
    );
  });

  it('refuses patterns the linear-time engine cannot run (backreference, lookahead)', async () => {
    await assertRefused(
      await bundled({ expect: String.raw`(BOOT)\1` }),
      /input 'expect': '\(BOOT\)\\1' cannot be matched in linear time \(accepted: a JavaScript regular expression without backreferences/,
    );
    await assertRefused(
      await bundled({ 'fail-on': 'Kernel panic\n(?=a)a' }),
      /input 'fail-on': '\(\?=a\)a' cannot be matched in linear time/,
    );
  });

  it('a catastrophic fail-on pattern against a long console line neither freezes the step nor fires', async () => {
    // The kernel prints its command line: "… aaaa…a!" (200 a's). A backtracking engine needs
    // about 2^200 steps for (a+)+\x01 on it (26 a's already take 2 s): the step froze, its
    // timeout never fired, SIGINT went unhandled and QEMU outlived it. On the linear engine the
    // pattern fails at once (control characters never survive cleanLine), and the marker decides.
    const line = `${'a'.repeat(200)}!`;
    const started = Date.now();
    const r = await bundled({
      append: `console=ttyS0 root=/dev/nvme0n1p2 rw panic=-1 ${line}`,
      'fail-on': String.raw`(a+)+\x01` + '\nKernel panic - not syncing',
      timeout: '60',
    });
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs.status, 'success');
    assert.equal(r.outputs['matched-line'], MARKER);
    assert.ok(Date.now() - started < 60_000, `${Date.now() - started} ms`);
    // The hostile line reached the watcher (the serial console may drop a byte under load: no exact match).
    const log = await readFile(r.outputs['console-log']!, 'utf8');
    assert.match(log, /command line: console=ttyS0 .* a{100,}/i);
    assert.deepEqual(await qemuPidsMentioning(r.cwd), []);
  });
});
