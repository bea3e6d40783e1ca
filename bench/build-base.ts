/**
 * build-base benchmark: prints figures, asserts nothing.
 *  1. Time to build the test image's base (rootfs tarball → ext4 + ESP → raw → qcow2), per compression.
 *  2. SHA-256 throughput of the suite's image hashing (shared/hash.ts) against `openssl dgst -sha256`
 *     on the same 2 GiB file in the same run (target: at least 0.9× openssl).
 * Run: npm run bench -- build-base   (or: node bench/build-base.ts)
 */
import { open, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomFillSync } from 'node:crypto';
import { run } from '../shared/exec.ts';
import { sha256File } from '../shared/hash.ts';
import { buildDisk } from '../shared/image/build.ts';
import { cacheRoot, ensureTestImage, TEST_IMAGE_EPOCH } from '../test/support/test-image.ts';

const ms = (t0: number) => performance.now() - t0;
const dir = await mkdtemp(join(tmpdir(), 'bench-build-base-'));
try {
  const { rootfsTar } = await ensureTestImage('x86_64');
  console.log('## build-base: test image base (x86_64, 256 MiB, uefi)\n');
  console.log('| compression | build (ms) | qcow2 size (MiB) |');
  console.log('|---|---|---|');
  for (const compression of ['none', 'zlib', 'zstd'] as const) {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < 3; i++) {
      const workDir = await mkdtemp(join(dir, 'w-'));
      const t0 = performance.now();
      const r = await buildDisk({
        arch: 'x86_64',
        rootfs: rootfsTar,
        sizeBytes: 256 * 1024 * 1024,
        boot: 'uefi',
        compression,
        sourceDateEpoch: TEST_IMAGE_EPOCH,
        identity: 'bench',
        title: 'bench',
        workDir,
        cacheDir: cacheRoot,
      });
      times.push(ms(t0));
      size = r.actualSize;
      await rm(workDir, { recursive: true, force: true });
    }
    times.sort((a, b) => a - b);
    console.log(
      `| ${compression} | ${times[1]!.toFixed(0)} (median of 3) | ${(size / 1048576).toFixed(1)} |`,
    );
  }

  console.log('\n## SHA-256 of a 2 GiB file (warm page cache, best of 3)\n');
  const file = join(dir, 'blob');
  const handle = await open(file, 'w');
  const chunk = Buffer.alloc(64 * 1024 * 1024);
  for (let i = 0; i < 32; i++) {
    randomFillSync(chunk);
    await handle.write(chunk);
  }
  await handle.close();
  const best = async (f: () => Promise<unknown>) => {
    let b = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await f();
      b = Math.min(b, ms(t0));
    }
    return b;
  };
  const gib = 2;
  await sha256File(file); // warm the page cache
  const suite = await best(() => sha256File(file));
  const openssl = await best(() => run('openssl', ['dgst', '-sha256', file]));
  console.log('| hasher | seconds | GiB/s |');
  console.log('|---|---|---|');
  console.log(
    `| shared/hash.ts sha256File | ${(suite / 1000).toFixed(2)} | ${(gib / (suite / 1000)).toFixed(2)} |`,
  );
  console.log(
    `| openssl dgst -sha256 | ${(openssl / 1000).toFixed(2)} | ${(gib / (openssl / 1000)).toFixed(2)} |`,
  );
  console.log(`\nratio suite/openssl throughput: ${(openssl / suite).toFixed(2)}× (target ≥ 0.90×)`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
