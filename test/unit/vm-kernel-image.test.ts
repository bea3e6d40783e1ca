/**
 * The kernel input is recognised by its Linux boot header: the real Debian
 * kernels of the test image pass, anything else is refused naming the input.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { checkInitrdFile, checkKernelFile } from '../../shared/vm/input-files.ts';
import { identifyKernel } from '../../shared/vm/kernel-image.ts';
import { kernelHead } from '../support/boot-verify-action.ts';
import { ensureTestImage } from '../support/test-image.ts';

let dir: string;
let x86: string;
let arm64: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vm-kernel-'));
  x86 = (await ensureTestImage('x86_64')).kernel;
  arm64 = (await ensureTestImage('aarch64')).kernel;
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function head(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const b = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(b, 0, b.length, 0);
    return b.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

describe('identifyKernel', () => {
  it("recognises the test image's real Debian kernels (x86 bzImage, arm64 Image)", async () => {
    assert.deepEqual(identifyKernel(await head(x86)), { arch: 'x86_64', format: 'x86 bzImage' });
    assert.deepEqual(identifyKernel(await head(arm64)), { arch: 'aarch64', format: 'arm64 Image' });
  });

  it('recognises a gzip-compressed arm64 Image and an arm64 EFI zboot image', async () => {
    const gz = gzipSync(await head(arm64));
    assert.deepEqual(identifyKernel(gz), { arch: 'aarch64', format: 'gzip-compressed arm64 Image' });
    assert.deepEqual(identifyKernel(kernelHead('zboot-arm64')), {
      arch: 'aarch64',
      format: 'arm64 EFI zboot image',
    });
  });

  it('refuses what is no kernel, saying what it is', async () => {
    const cases: [Buffer, RegExp][] = [
      [Buffer.alloc(0), /is empty \(0 bytes\)/],
      [Buffer.from('#!/bin/sh\necho hello\n'), /has no Linux boot header/],
      [await head('/bin/true'), /is an ELF file/],
      [gzipSync(Buffer.from('just text')), /gzip-compressed but holds no Linux kernel image/],
      [
        Buffer.concat([Buffer.from('MZ'), Buffer.alloc(1000)]),
        /PE\/EFI executable without a Linux boot header/,
      ],
      [kernelHead('zboot-riscv'), /EFI zboot image for PE machine 0x5064, not arm64/],
      // "HdrS" elsewhere than 0x202 is not the marker.
      [
        Buffer.concat([Buffer.alloc(0x100), Buffer.from('HdrS'), Buffer.alloc(0x200)]),
        /no Linux boot header/,
      ],
    ];
    for (const [bytes, problem] of cases) {
      const got = identifyKernel(bytes);
      assert.ok('problem' in got, JSON.stringify(got));
      assert.match(got.problem, problem);
    }
  });
});

describe('checkKernelFile / checkInitrdFile', () => {
  it('accepts the real kernel for its architecture', async () => {
    await checkKernelFile(x86, 'x86_64');
    await checkKernelFile(arm64, 'aarch64');
  });

  it("refuses another architecture's kernel, naming both", async () => {
    await assert.rejects(
      checkKernelFile(arm64, 'x86_64'),
      /input 'kernel': '.*vmlinuz' is a kernel for aarch64 \(arm64 Image\), but the guest architecture \(input 'arch'\) is x86_64/,
    );
  });

  it('refuses files that are not kernels, devices, directories and missing paths, naming the input', async () => {
    const text = join(dir, 'text');
    await writeFile(text, 'not a kernel\n');
    const empty = join(dir, 'empty');
    await writeFile(empty, '');
    const elf = join(dir, 'elf');
    await copyFile('/bin/true', elf);
    const cases: [string, RegExp][] = [
      [
        text,
        /input 'kernel': '.*text' has no Linux boot header \(accepted: a Linux kernel image: an x86 bzImage/,
      ],
      [empty, /input 'kernel': '.*empty' is empty \(0 bytes\)/],
      [elf, /input 'kernel': '.*elf' is an ELF file/],
      ['/dev/zero', /input 'kernel': '\/dev\/zero' is a character device \(accepted: a regular file\)/],
      [dir, /input 'kernel': '.*' is a directory/],
      [join(dir, 'missing'), /input 'kernel': '.*missing' cannot be read \(no such file or directory\)/],
      [
        '/etc/passwd/vmlinuz',
        /input 'kernel': '\/etc\/passwd\/vmlinuz' cannot be read \(a path component is not a directory\)/,
      ],
    ];
    for (const [path, message] of cases) await assert.rejects(checkKernelFile(path, 'x86_64'), message);
    await assert.rejects(checkInitrdFile('/dev/zero'), /input 'initrd': '\/dev\/zero' is a character device/);
  });
});
