/**
 * Quick start: the main job on this machine. Builds the test image's rootfs
 * (Debian cloud kernel + busybox), turns it into a base image with build-base
 * (UEFI: GPT + ESP + ext4), boots it in QEMU to its marker and prints where
 * the image and its provenance are.
 *   npm run pipeline [-- --arch aarch64] [-- --output DIR]
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { boot } from '../shared/vm/index.ts';
import { buildTestBase } from '../test/support/base-image.ts';
import { BOOT_MARKER, ensureTestImage } from '../test/support/test-image.ts';

const { values } = parseArgs({
  options: { arch: { type: 'string', default: 'x86_64' }, output: { type: 'string', default: 'output' } },
});
const arch = values.arch === 'aarch64' ? 'aarch64' : 'x86_64';
const out = resolve(values.output!);
await mkdir(out, { recursive: true });

console.log(`1/3 test image rootfs (${arch})`);
const testImage = await ensureTestImage(arch);
console.log(`    ${testImage.rootfsTar}`);
console.log('2/3 build-base (uefi, zstd)');
const t0 = performance.now();
const base = await buildTestBase(arch, 'uefi', out);
console.log(`    built in ${((performance.now() - t0) / 1000).toFixed(1)} s, sha256 ${base.sha256}`);
console.log('3/3 boot in QEMU (firmware boot, TCG unless KVM works)');
const consoleLog = join(out, 'meta', 'boot', 'base.console.log');
await mkdir(join(out, 'meta', 'boot'), { recursive: true });
const r = await boot({
  image: base.image,
  arch,
  boot: 'uefi',
  expect: new RegExp(BOOT_MARKER),
  failOn: [/Kernel panic/],
  timeoutMs: 180_000,
  consoleLog,
});
console.log(`    ${r.verdict}: ${r.reason} (accel ${r.accel}, ${(r.timings.verdictMs / 1000).toFixed(1)} s)`);
console.log('\nimage:      ' + base.image);
console.log('provenance: ' + base.provenance);
console.log('console:    ' + consoleLog);
process.exit(r.verdict === 'success' ? 0 : 1);
