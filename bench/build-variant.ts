/**
 * Benchmark (a script, not a test): provisioning time per built-in variant
 * and each overlay's actual size against its base's, on the test image's
 * boot=kernel base (generic target) under TCG, one variant at a time so the
 * times do not share the CPU. Also the time of the whole set with
 * parallel=2, as a 2-core runner would build it in one call.
 *
 *   node bench/build-variant.ts [arch] [--debian]      (default: x86_64)
 *
 * --debian also provisions test/fixtures/variants/debian-hello.yaml (apt
 * installs `hello` from Debian's mirror) on the Debian + cloud-init base the
 * Debian integration test caches, when that base is there.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildVariant, buildVariants, type VariantBuildOptions } from '../shared/variant/build.ts';
import { BUILTIN_NAMES } from '../shared/variant/builtins.ts';
import { provisioningAppend } from '../shared/variant/options.ts';
import { loadDefinition, planVariant } from '../shared/variant/plan.ts';
import type { Arch } from '../shared/vm/types.ts';
import { cachedTestBase } from '../test/support/base-image.ts';
import { cacheRoot, repoRoot } from '../test/support/test-image.ts';
import { readBuildProvenance } from '../shared/provenance/build-provenance.ts';

const args = process.argv.slice(2);
const withDebian = args.includes('--debian');
const arch = (args.find((a) => !a.startsWith('--')) ?? 'x86_64') as Arch;
const base = await cachedTestBase(arch, 'kernel');
const work = await mkdtemp(join(tmpdir(), 'bench-build-variant-'));

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

async function tree(name: string): Promise<VariantBuildOptions> {
  const out = join(work, name);
  await mkdir(out, { recursive: true });
  await copyFile(base.image, join(out, 'base.qcow2'));
  return {
    base: join(out, 'base.qcow2'),
    expectedBaseSha256: base.sha256,
    baseDistro: 'rootfs',
    arch,
    boot: 'kernel',
    kernel: base.kernel,
    append: provisioningAppend(base.cmdline),
    outputDir: out,
    flatten: false,
    compression: 'zstd',
    timeoutMs: 300_000,
    memoryMiB: 512,
    cpus: 1,
    accel: 'tcg',
    network: false,
    tailscaleRepository: 'https://pkgs.tailscale.com/stable',
    parallel: 1,
    source: { gitSha: null, buildDate: new Date().toISOString() },
  };
}

try {
  const plans = [];
  for (const name of BUILTIN_NAMES) plans.push(await planVariant(await loadDefinition(name), 'generic'));
  const serial = await tree('serial');
  console.log(
    `base: ${base.image} (${arch}, boot=kernel), actual size ${mib(base.actualSize)}, virtual ${mib(base.virtualSize)}`,
  );
  console.log('');
  console.log(
    '| variant | provisioning boot | build total (incl. key scan, hashes) | overlay actual | base actual | overlay / base |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const plan of plans) {
    const t0 = performance.now();
    const r = await buildVariant(plan, serial);
    const total = (performance.now() - t0) / 1000;
    console.log(
      `| ${plan.name} | ${r.provisionSeconds.toFixed(1)} s | ${total.toFixed(1)} s | ${mib(r.overlayActualSize)} | ${mib(r.baseActualSize)} | ${((100 * r.overlayActualSize) / r.baseActualSize).toFixed(1)} % |`,
    );
  }
  const parallel = { ...(await tree('parallel')), parallel: 2 };
  const t0 = performance.now();
  await buildVariants(plans, parallel);
  console.log('');
  console.log(`all four in one call, parallel=2: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (withDebian) await debianRow();
} finally {
  await rm(work, { recursive: true, force: true });
}

async function debianRow(): Promise<void> {
  const dir = join(cacheRoot, 'base-images', 'debian-cloud-init-x86_64-kernel');
  const provenance = await readBuildProvenance(join(dir, 'meta', 'build-provenance.json')).catch(() => null);
  if (!provenance) {
    console.log('\n(no cached Debian base: run test/integration/build-variant-debian-readme.test.ts once)');
    return;
  }
  const out = join(work, 'debian');
  await mkdir(out, { recursive: true });
  for (const f of ['base.qcow2', 'base.vmlinuz', 'base.initrd']) await copyFile(join(dir, f), join(out, f));
  const plan = await planVariant(
    await loadDefinition(join(repoRoot, 'test/fixtures/variants/debian-hello.yaml')),
    'debian',
  );
  const r = await buildVariant(plan, {
    ...(await tree('unused')),
    base: join(out, 'base.qcow2'),
    expectedBaseSha256: provenance.output.sha256,
    baseDistro: 'debian',
    kernel: join(out, 'base.vmlinuz'),
    initrd: join(out, 'base.initrd'),
    append: provisioningAppend(provenance.boot.cmdline),
    outputDir: out,
    timeoutMs: 1_200_000,
    memoryMiB: 1024,
    network: true,
  });
  console.log('');
  console.log(
    `debian-hello on Debian bookworm + cloud-init (apt from the mirror, systemd, TCG): provisioning ${r.provisionSeconds.toFixed(1)} s, ` +
      `overlay ${mib(r.overlayActualSize)} vs base ${mib(r.baseActualSize)} (${((100 * r.overlayActualSize) / r.baseActualSize).toFixed(1)} %)`,
  );
}
