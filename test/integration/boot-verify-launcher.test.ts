/**
 * The launcher (shared/vm) as build-base and build-variant call it: verdict
 * latency, QEMU exiting without the marker, cancellation through an
 * AbortSignal, writable (provisioning) boots of a raw disk.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { boot, AbortError, type BootSpec } from '../../shared/vm/index.ts';
import { sha256File } from '../../shared/hash.ts';
import { exists } from '../support/processes.ts';
import { rawRootfsDisk, type RawRootfsDisk } from '../support/raw-rootfs-disk.ts';
import { needTools } from '../support/tools.ts';

const MARKER = /INFRASIM-TEST-IMAGE: BOOT OK/;
let disk: RawRootfsDisk;
let work: string;

beforeAll(async () => {
  await needTools('qemu-system-x86_64', 'qemu-img', 'mkfs.ext4');
  disk = await rawRootfsDisk('x86_64');
  work = await mkdtemp(join(tmpdir(), 'launcher-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function spec(overrides: Partial<BootSpec>): BootSpec {
  return {
    image: disk.disk,
    arch: 'x86_64',
    boot: 'kernel',
    kernel: disk.kernel,
    append: disk.append,
    expect: MARKER,
    failOn: [/Kernel panic - not syncing/],
    timeoutMs: 120_000,
    accel: 'tcg',
    consoleLog: join(work, `console-${Math.random().toString(16).slice(2)}.log`),
    ...overrides,
  };
}

describe('boot()', () => {
  it('gives the verdict within 200 ms of the marker line, kills QEMU and leaves no temp file', async () => {
    const workDir = await mkdtemp(join(work, 'tmp-'));
    const before = await sha256File(disk.disk);
    let markerAt = 0;
    let pid = 0;
    const result = await boot(
      spec({
        workDir,
        onLine: (l) => {
          if (MARKER.test(l)) markerAt = performance.now();
        },
        onLaunch: (p) => (pid = p),
      }),
    );
    const verdictAt = performance.now();
    assert.equal(result.verdict, 'success');
    assert.ok(markerAt > 0);
    // boot() returns after QEMU exited; the kill itself is part of the 200 ms.
    assert.ok(verdictAt - markerAt < 200, `resolved ${Math.round(verdictAt - markerAt)} ms after the marker`);
    assert.ok(pid > 0);
    assert.equal(await exists(`/proc/${pid}`), false, 'QEMU is gone');
    assert.deepEqual(await readdir(workDir), []);
    // The guest mounted its root read-write: its writes went to QEMU's temporary snapshot, never the image.
    assert.equal(await sha256File(disk.disk), before, 'the image was only read');
    const drive = result.command.find((a) => a.includes(`file=${disk.disk},`));
    assert.match(
      drive ?? '',
      /,snapshot=on/,
      'the recorded command boots the image itself through snapshot=on',
    );
  });

  it('QEMU exiting 0 without the marker is a failure, not a success', async () => {
    const result = await boot(spec({ expect: /NEVER-PRINTED/ }));
    assert.equal(result.verdict, 'failure');
    assert.equal(result.exitCode, 0);
    assert.match(result.reason, /QEMU exited \(status 0\) before the marker appeared/);
  });

  it('an aborted boot rejects with AbortError after QEMU is gone and its files removed', async () => {
    const workDir = await mkdtemp(join(work, 'tmp-'));
    const controller = new AbortController();
    let pid = 0;
    const promise = boot(
      spec({
        workDir,
        append: `${disk.append} init=/bin/sh`,
        signal: controller.signal,
        onLaunch: (p) => (pid = p),
        onLine: (l) => {
          if (/Linux version/.test(l)) controller.abort();
        },
      }),
    );
    await assert.rejects(promise, AbortError);
    assert.ok(pid > 0);
    assert.equal(await exists(`/proc/${pid}`), false, 'QEMU is gone');
    assert.deepEqual(await readdir(workDir), []);
  });

  it('writable: boots a raw image directly (provisioning) and writes to it', async () => {
    const copy = join(work, 'writable.ext4');
    await copyFile(disk.disk, copy);
    const before = await sha256File(copy);
    const result = await boot(spec({ image: copy, writable: true }));
    assert.equal(result.verdict, 'success');
    assert.ok(result.command.some((a) => a.includes(`file=${copy},format=raw`)));
    assert.notEqual(await sha256File(copy), before, 'the guest mounted its root read-write');
  });
});
