/**
 * Benchmark (a script, not a test): wall time from launch to verdict of the
 * launcher against a plain `qemu-system-*` invocation of the same image to
 * the same marker, interleaved in the same run. Target: overhead ≤ 10 %.
 *
 *   node bench/boot-verify.ts [rounds] [arch…]      (default: 5 rounds, x86_64)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { boot } from '../shared/vm/launch.ts';
import { defaultAppend } from '../shared/vm/qemu-command.ts';
import type { Arch } from '../shared/vm/types.ts';
import { cachedTestBase } from '../test/support/base-image.ts';
import { BOOT_MARKER } from '../test/support/test-image.ts';
import { plainQemu } from './lib/plain-qemu.ts';

const rounds = Number(process.argv[2] ?? 5);
const arches = (process.argv.slice(3).length ? process.argv.slice(3) : ['x86_64']) as Arch[];

interface LauncherRound {
  markerMs: number;
  /** The launcher's own setup before QEMU starts (chain read, overlay). */
  setupMs: number;
  /** From the marker line to boot() returning with QEMU gone. */
  settleMs: number;
}

async function launcher(arch: Arch, image: string, kernel: string, dir: string): Promise<LauncherRound> {
  const start = performance.now();
  let at = 0;
  const r = await boot({
    image,
    arch,
    boot: 'kernel',
    kernel,
    append: defaultAppend(arch),
    expect: new RegExp(BOOT_MARKER),
    failOn: [/Kernel panic - not syncing/],
    timeoutMs: 120_000,
    accel: 'tcg',
    consoleLog: join(dir, 'console.log'),
    onLine: (l) => {
      if (!at && l.includes(BOOT_MARKER)) at = performance.now() - start;
    },
  });
  if (r.verdict !== 'success') throw new Error(`launcher: ${r.verdict}: ${r.reason}`);
  return { markerMs: at, setupMs: r.timings.launchMs, settleMs: performance.now() - start - at };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

const dir = await mkdtemp(join(tmpdir(), 'bench-boot-verify-'));
try {
  for (const arch of arches) {
    const base = await cachedTestBase(arch, 'kernel');
    // Warm-up: page cache, QEMU version cache.
    await plainQemu(arch, base.image, base.kernel!);
    await launcher(arch, base.image, base.kernel!, dir);
    const plain: number[] = [];
    const runs: LauncherRound[] = [];
    for (let i = 0; i < rounds; i++) {
      plain.push(await plainQemu(arch, base.image, base.kernel!));
      runs.push(await launcher(arch, base.image, base.kernel!, dir));
    }
    const ours = runs.map((r) => r.markerMs);
    const overhead = (median(ours) / median(plain) - 1) * 100;
    const overheadMin = (Math.min(...ours) / Math.min(...plain) - 1) * 100;
    console.log(`${arch}, direct kernel boot under TCG, ${rounds} interleaved rounds (launch → marker):`);
    console.log(`  plain qemu-system-${arch}: median ${fmt(median(plain))}  [${plain.map(fmt).join(', ')}]`);
    console.log(`  boot() launcher:        median ${fmt(median(ours))}  [${ours.map(fmt).join(', ')}]`);
    console.log(
      `  overhead: ${overhead.toFixed(1)} % by median, ${overheadMin.toFixed(1)} % by best run (target ≤ 10 %)`,
    );
    console.log(
      `  launcher's own cost: setup ${median(runs.map((r) => r.setupMs)).toFixed(0)} ms before QEMU starts, ` +
        `marker → boot() returned (verdict + kill + exit) ${median(runs.map((r) => r.settleMs)).toFixed(0)} ms (medians)`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
