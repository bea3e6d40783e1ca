/**
 * build-base download cache benchmark: a Debian base built by the bundled
 * action twice against the local fake of the Actions results service — cold
 * (empty cache: every .deb from the mirror, the entry saved) and warm (on a
 * fresh runner, RUNNER_TEMP emptied: every .deb through the cache proxy from
 * the restored entry). Prints both times, the ratio (goal: warm at least 2×
 * faster) and whether the two images are byte-identical. Needs mmdebstrap and
 * the network (BENCH_DEBIAN_MIRROR overrides the mirror; it must be http://).
 * Run: npm run bench -- build-base-cache   (or: node bench/build-base-cache.ts)
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startResultsService } from '../test/support/actions-results-service.ts';
import { runActionMain, type ActionRun } from '../test/support/run-action.ts';

const mirror = process.env.BENCH_DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';
const svc = await startResultsService();
const workspace = svc.env.GITHUB_WORKSPACE!;
const temp = svc.env.RUNNER_TEMP!;

async function build(name: string): Promise<{ r: ActionRun; seconds: number }> {
  const t0 = performance.now();
  const r = await runActionMain(
    'build-base',
    {
      distro: 'debian',
      version: 'bookworm',
      arch: 'x86_64',
      mirror,
      boot: 'kernel',
      'source-date-epoch': '1735689600',
      output: join(workspace, name, 'base.qcow2'),
    },
    { bundle: true, cwd: workspace, env: svc.env },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.code !== 0)
    throw new Error(`${name} build failed (exit ${r.code}):\n${r.stdout.slice(-4000)}\n${r.stderr}`);
  return { r, seconds };
}

// The cache lines, apt's download totals ("Fetched … in …s") and build-base's own step times.
const cacheLines = (r: ActionRun) =>
  r.stdout
    .split('\n')
    .filter((l) => /cache (debian-debs|systemd-boot)|::warning|Fetched [\d.]+ [kM]?B in|^rootfs: /.test(l))
    .map((l) => `    ${l.trim()}`)
    .join('\n');
const steps = (r: ActionRun) =>
  r.summary
    .split('\n')
    .filter((l) => /^\| [a-z][\w -]* \| .* \| [\d.]+ s \|$/.test(l))
    .map((l) => `    ${l}`)
    .join('\n');

try {
  console.log(`## build-base: Debian bookworm base, cold vs warm download cache (${mirror})\n`);
  const cold = await build('cold');
  // A fresh runner: only the cache service remembers the first build.
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  const warm = await build('warm');
  const entry = svc.caches().find((c) => c.key.includes('-debian-debs-'));
  console.log('| run | seconds | cache |');
  console.log('|---|---|---|');
  console.log(
    `| cold | ${cold.seconds.toFixed(1)} | miss, saved ${((entry?.sizeBytes ?? 0) / 1048576).toFixed(1)} MiB |`,
  );
  console.log(
    `| warm | ${warm.seconds.toFixed(1)} | ${/exact hit/.test(warm.r.stdout) ? 'exact hit' : 'not an exact hit'} |`,
  );
  const ratio = cold.seconds / warm.seconds;
  console.log(`\nwarm is ${ratio.toFixed(2)}× faster than cold (goal: at least 2×)`);
  console.log(
    `images ${warm.r.outputs.sha256 === cold.r.outputs.sha256 ? 'byte-identical' : 'DIFFER'}: ${cold.r.outputs.sha256} / ${warm.r.outputs.sha256}`,
  );
  console.log(`\ncold log:\n${cacheLines(cold.r)}\nwarm log:\n${cacheLines(warm.r)}`);
  console.log(`\ncold steps:\n${steps(cold.r)}\nwarm steps:\n${steps(warm.r)}`);
  if (warm.r.outputs.sha256 !== cold.r.outputs.sha256) process.exitCode = 1;
} finally {
  await svc.close();
}
