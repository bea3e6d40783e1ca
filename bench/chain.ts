/**
 * Benchmark (a script, not a test): the whole local chain (`npm run pipeline`,
 * scripts/lib/chain.ts: every step the bundled action started as the runner
 * starts it) step by step, each beside its floor — the tools doing the same
 * work by hand — measured in the same run on the chain's own outputs:
 *
 *   build-base      the same disk by hand: tar -x of the rootfs, sfdisk (GPT: a 64 MiB ESP, the root),
 *                   mkfs.fat -F 32 and mkfs.ext4 -d in place, e2fsck -fn, qemu-img convert -c
 *                   (qcow2, zstd: as build-base compresses it), openssl dgst -sha256
 *   build-variant   one plain QEMU boot of the base per variant with its provisioning seed
 *                   (the same user-data build-variant writes, made with mkfs.vfat and mcopy),
 *                   until the guest powers off;
 *                   the secret scan by hand over the base (beside the boots, as the step
 *                   scans it) and then each overlay (as attest's below)
 *   boot-verify     one plain QEMU boot to the marker per image (base and overlays)
 *                   (both: as many boots at once as cores, as the steps' `parallel` default does)
 *   analyze-deps    npm sbom of the same lockfile (the package manager's own CycloneDX SBOM: the
 *                   reference tool for the step's SBOM); node reading and parsing the lockfile alone
 *                   is printed beside it
 *   attest          openssl dgst -sha256 over every artifact, and per image (base and overlays,
 *                   as many at once as cores) what its SBOM and secret gate must read: qemu-img
 *                   convert to raw, every filesystem checked (e2fsck) and extracted (debugfs rdump,
 *                   mcopy), grep -r for the secret patterns over the tree; openssl dgst -sign of each
 *                   statement the step signed (P-256, as the chain's key)
 *   verify          openssl dgst -sha256 over every artifact, openssl dgst -verify of each signature
 *   tag-snapshot    tar --sort=name -czf of the output tree (the bundle) and its sha256sum, git push of a tag, and the
 *                   disks pushed with curl to a registry of the same kind (a blob each, sha256sum for
 *                   its digest, one manifest each)
 *   prune-packages  none (a dry run reads a registry: nothing to do by hand but the reads)
 *
 * The floors leave out work the steps do and the tools do not (the image SBOMs,
 * the documents' validation, the OCI index, referrers and channels), so each
 * overhead shown is an upper bound. Goal: the suite's overhead over the floors under 10 % for
 * the chain as a whole. Direct kernel boot under TCG, so the QEMU floors
 * are the same boots.
 *
 * Each round runs the chain with each step's floor right after the step (the
 * machine's speed drifts over minutes: a step and its floor move alike); every
 * step and every floor is reported at its best over the rounds (TCG boots vary
 * by a second between runs).
 *
 *   node bench/chain.ts [--variants no-vpn,wireguard] [--runs 3]     (npm run bench -- chain; run npm run bundle first)
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { run } from '../shared/exec.ts';
import { loadDefinition, planVariant } from '../shared/variant/plan.ts';
import { doneMarker } from '../shared/variant/provision-console.ts';
import { renderProvisionScript } from '../shared/variant/provision-script.ts';
import type { Target } from '../shared/variant/definition.ts';
import { createSeed, newNonce } from '../shared/vm/nocloud.ts';
import { runChain, type ChainRun, type StepId } from '../scripts/lib/chain.ts';
import type { StepRun } from '../scripts/lib/job.ts';
import { startRegistry } from '../test/support/registry.ts';
import { ensureTestImage } from '../test/support/test-image.ts';
import { plainQemu } from './lib/plain-qemu.ts';

const { values: args } = parseArgs({
  options: {
    variants: { type: 'string', default: 'no-vpn,wireguard' },
    runs: { type: 'string', default: '3' },
  },
});
const variants = args.variants.split(',').filter(Boolean);
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: '${args.runs}' is not a whole number ≥ 1`);

/** Both QEMU steps boot as many images at once as the runner has cores (their `parallel` default): so do the floors. */
const cores = availableParallelism();

/** Runs `tasks`, at most `limit` at a time. */
async function atOnce(tasks: (() => Promise<unknown>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** Every qcow2 under `dir` (the artifacts attest hashes). */
async function qcow2Files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.qcow2'))
    .map((e) => join(e.parentPath, e.name));
}

/** What `sfdisk --json` prints of a partition table (sectors of 512 bytes). */
interface SfdiskTable {
  partitiontable: { partitions: { start: number; size: number }[] };
}

/** The signed statements attest wrote (one per artifact and the release's). */
async function attestationFiles(output: string): Promise<string[]> {
  const dir = join(output, 'meta', 'attestations');
  return (await readdir(dir)).filter((f) => f.endsWith('.sigstore.json')).map((f) => join(dir, f));
}

/** Uploads a blob with curl (POST for an upload URL, PUT of the bytes): its descriptor. */
async function pushBlobByHand(registry: string, repository: string, file: string, mediaType: string) {
  const digest = `sha256:${(await run('sha256sum', [file])).stdout.split(' ')[0]}`;
  const post = await run('curl', [
    '-sSf',
    '-X',
    'POST',
    '-D',
    '-',
    '-o',
    '/dev/null',
    `${registry}/v2/${repository}/blobs/uploads/`,
  ]);
  const location = new URL(/^location:\s*(\S+)/im.exec(post.stdout)![1]!, registry);
  location.searchParams.set('digest', digest);
  await run('curl', [
    '-sSf',
    '-X',
    'PUT',
    '-H',
    'Content-Type: application/octet-stream',
    '--data-binary',
    `@${file}`,
    location.href,
  ]);
  return { mediaType, digest, size: (await stat(file)).size };
}

/** tag-snapshot's OCI push by hand: every disk as the layer of an image manifest with an empty config. */
async function pushImagesByHand(registry: string, disks: string[], scratch: string): Promise<void> {
  const repository = 'bench/floor';
  const emptyConfig = join(scratch, 'config.json');
  await writeFile(emptyConfig, '{}');
  const config = await pushBlobByHand(registry, repository, emptyConfig, 'application/vnd.oci.empty.v1+json');
  for (const [i, disk] of disks.entries()) {
    const layer = await pushBlobByHand(registry, repository, disk, 'application/vnd.oci.image.layer.v1.tar');
    const manifest = join(scratch, `manifest-${i}.json`);
    await writeFile(
      manifest,
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config,
        layers: [layer],
      }),
    );
    await run('curl', [
      '-sSf',
      '-X',
      'PUT',
      '-H',
      'Content-Type: application/vnd.oci.image.manifest.v1+json',
      '--data-binary',
      `@${manifest}`,
      `${registry}/v2/${repository}/manifests/disk-${i}`,
    ]);
  }
}

/** Patterns a by-hand secret search would grep for (the gate's detectors look for these and more). */
const SECRET_PATTERNS =
  'PRIVATE KEY|AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|github_pat_|glpat-|xox[abprs]-|AGE-SECRET-KEY-1';

/** attest's reads by hand: the image flattened to raw, each filesystem extracted, the tree grepped. */
async function extractAndGrep(image: string, work: string): Promise<void> {
  await mkdir(work);
  const raw = join(work, 'disk.raw');
  await run('qemu-img', ['convert', '-U', '-O', 'raw', image, raw]);
  const table = JSON.parse((await run('sfdisk', ['--json', raw])).stdout) as SfdiskTable;
  const trees: string[] = [];
  for (const [i, p] of table.partitiontable.partitions.entries()) {
    const tree = join(work, `fs-${i}`);
    await mkdir(tree);
    trees.push(tree);
    const dev = `${raw}?offset=${p.start * 512}`;
    // As the steps do: the filesystem checked (its journal replayed) before it is read; exit 8: not ext.
    await run('e2fsck', ['-fy', dev], { okCodes: [1, 2, 8] });
    const ext = await run('debugfs', ['-R', `rdump / ${tree}`, dev], {
      okCodes: [1],
    });
    if (ext.stderr.includes('Bad magic number'))
      await run('mcopy', ['-s', '-n', '-m', '-i', `${raw}@@${p.start * 512}`, '::/', tree + '/'], {
        okCodes: [1],
      });
  }
  // Exit 1: nothing found, as it should be.
  await run('grep', ['-rIlE', SECRET_PATTERNS, ...trees], { okCodes: [1] });
  await rm(work, { recursive: true, force: true });
}

/**
 * The NoCloud seed of each variant's provisioning, made as build-variant makes it (the same script for
 * the same plan and target; only the nonce differs): the floor's boot does the guest's share of the work.
 */
async function provisioningSeeds(output: string, scratch: string): Promise<{ seed: string; done: RegExp }[]> {
  const seeds: { seed: string; done: RegExp }[] = [];
  for (const variant of variants) {
    const provenance = JSON.parse(
      await readFile(join(output, 'meta', `variant-${variant}-provenance.json`), 'utf8'),
    ) as { definition: { target: Target } };
    const plan = await planVariant(await loadDefinition(variant), provenance.definition.target);
    const nonce = newNonce();
    const seed = join(scratch, `seed-${variant}.img`);
    await createSeed(seed, renderProvisionScript(plan, nonce), `floor-${variant}-${nonce}`, null);
    seeds.push({ seed, done: doneMarker(nonce) });
  }
  return seeds;
}

/** What a floor works on: the chain's outputs so far, and what the floors prepared outside their timing. */
interface FloorContext {
  steps: readonly StepRun[];
  run: ChainRun;
  scratch: string;
  testImage: { rootfsTar: string };
  /** A registry of the same kind as the chain's, for tag-snapshot's push by hand. */
  registryUrl: string;
}

const outputsOf = (c: FloorContext, id: StepId) =>
  c.steps.find((s) => s.id === id && s.entry === 'main')!.outputs;
const overlaysOf = (c: FloorContext) =>
  (JSON.parse(outputsOf(c, 'build-variant').results!) as { overlay: string }[]).map((v) => v.overlay);

/**
 * Each step's floor: untimed preparation, then the timed work. A floor runs right after its step (the
 * chain's afterStep), on the step's outputs: a machine whose speed drifts over minutes then moves a step
 * and its floor alike.
 */
const FLOORS: Partial<Record<StepId, (c: FloorContext) => Promise<number>>> = {
  'build-base': async (c) => {
    const root = join(c.scratch, 'rootfs');
    const raw = join(c.scratch, 'root.raw');
    const seconds = await timed(async () => {
      // The same disk: GPT, a 64 MiB FAT32 ESP (empty: kernel boot), the ext4 root from the rootfs filling
      // the rest, checked, then compressed into qcow2 as build-base writes it, and hashed.
      await mkdir(root);
      await run('tar', ['-xf', c.testImage.rootfsTar, '-C', root]);
      await run('truncate', ['-s', '256M', raw]);
      await run('sfdisk', ['-q', raw], { input: 'label: gpt\nstart=2048, size=64MiB, type=U\ntype=L\n' });
      const [esp, rootPart] = (JSON.parse((await run('sfdisk', ['--json', raw])).stdout) as SfdiskTable)
        .partitiontable.partitions;
      await run('mkfs.fat', [
        '-F',
        '32',
        '--offset',
        String(esp!.start),
        raw,
        String((esp!.size * 512) / 1024),
      ]);
      const rootOffset = rootPart!.start * 512;
      await run('mkfs.ext4', [
        '-q',
        '-F',
        '-d',
        root,
        '-E',
        `offset=${rootOffset}`,
        raw,
        `${(rootPart!.size * 512) / 1024}k`,
      ]);
      await run('e2fsck', ['-fn', `${raw}?offset=${rootOffset}`]);
      const qcow2 = join(c.scratch, 'root.qcow2');
      await run('qemu-img', [
        'convert',
        '-f',
        'raw',
        '-O',
        'qcow2',
        '-c',
        '-o',
        'compression_type=zstd',
        raw,
        qcow2,
      ]);
      await run('openssl', ['dgst', '-sha256', qcow2]);
    });
    await rm(root, { recursive: true, force: true });
    await truncate(raw, 0);
    return seconds;
  },
  'build-variant': async (c) => {
    const base = outputsOf(c, 'build-base');
    const overlays = overlaysOf(c);
    return timed(async () => {
      // Each variant's NoCloud seed (mkfs.vfat, mcopy), its boot; the base's scan beside the boots, as the
      // step does it; then the overlays'.
      const seeds = await provisioningSeeds(c.run.output, c.scratch);
      await Promise.all([
        atOnce(
          seeds.map((s) => () => plainQemu('x86_64', base.image!, base.kernel!, s)),
          cores,
        ),
        extractAndGrep(base.image!, join(c.scratch, 'variant-read-base')),
      ]);
      await atOnce(
        overlays.map((image, i) => () => extractAndGrep(image, join(c.scratch, `variant-read-${i}`))),
        cores,
      );
    });
  },
  'boot-verify': (c) => {
    const base = outputsOf(c, 'build-base');
    return timed(() =>
      atOnce(
        [base.image!, ...overlaysOf(c)].map((image) => () => plainQemu('x86_64', image, base.kernel!)),
        cores,
      ),
    );
  },
  // analyze-deps is its own tool: its reference is the package manager's own SBOM of the same lockfile
  // (npm sbom, CycloneDX); reading the lockfile alone is measured beside it (LOCKFILE_READ).
  'analyze-deps': (c) =>
    timed(() =>
      run('npm', ['sbom', '--package-lock-only', '--sbom-format', 'cyclonedx'], { cwd: c.run.workspace }),
    ),
  attest: async (c) => {
    const base = outputsOf(c, 'build-base');
    const artifacts = await qcow2Files(c.run.output);
    const statements = await attestationFiles(c.run.output);
    const { key } = await floorKey(c.scratch);
    return timed(async () => {
      await run('openssl', ['dgst', '-sha256', ...artifacts]);
      await atOnce(
        [base.image!, ...overlaysOf(c)].map(
          (image, i) => () => extractAndGrep(image, join(c.scratch, `read-${i}`)),
        ),
        cores,
      );
      // One signature per statement the step signed (an artifact's, the release's), with a key of the same kind.
      for (const s of statements)
        await run('openssl', ['dgst', '-sha256', '-sign', key, '-out', signature(c, s), s]);
    });
  },
  'tag-snapshot': (c) =>
    timed(async () => {
      // The tree the step bundled: everything but the step's own bundle and its checksum.
      const bundle = join(c.scratch, 'bundle.tar.gz');
      await run('tar', [
        '--sort=name',
        '--exclude=./infrasim-*.tar.gz*',
        '-czf',
        bundle,
        '-C',
        c.run.output,
        '.',
      ]);
      await run('sha256sum', [bundle]);
      await run('git', ['-C', c.run.workspace, 'tag', 'bench-floor']);
      await run('git', ['-C', c.run.workspace, 'push', '-q', 'origin', 'bench-floor']);
      // The images to the registry by hand: each disk a blob, one manifest each.
      await pushImagesByHand(c.registryUrl, [outputsOf(c, 'build-base').image!, ...overlaysOf(c)], c.scratch);
    }),
  verify: async (c) => {
    const artifacts = await qcow2Files(c.run.output);
    const statements = await attestationFiles(c.run.output);
    const { publicKey } = await floorKey(c.scratch);
    return timed(async () => {
      await run('openssl', ['dgst', '-sha256', ...artifacts]);
      for (const s of statements)
        await run('openssl', ['dgst', '-sha256', '-verify', publicKey, '-signature', signature(c, s), s]);
    });
  },
};

/** The floors' P-256 key (made once per round, outside any timing). */
async function floorKey(scratch: string): Promise<{ key: string; publicKey: string }> {
  const key = join(scratch, 'floor-key.pem');
  const publicKey = join(scratch, 'floor-key.pub.pem');
  if (!(await stat(key).catch(() => null))) {
    await run('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
    await run('openssl', ['pkey', '-in', key, '-pubout', '-out', publicKey]);
  }
  return { key, publicKey };
}

const signature = (c: FloorContext, statement: string) => join(c.scratch, `${basename(statement)}.sig`);

/** One round: the chain, each step's floor right after it on the step's own outputs. */
async function round(dir: string, testImage: { rootfsTar: string }, registryUrl: string) {
  const scratch = join(dir, 'floors');
  await mkdir(scratch, { recursive: true });
  const floors: Partial<Record<StepId, number>> = {};
  let lockfileRead = 0;
  let floorsSeconds = 0;
  const t0 = performance.now();
  const result = await runChain({
    dir: join(dir, 'run'),
    boot: 'kernel',
    accel: 'tcg',
    variants,
    afterStep: async (step, chainRun, steps) => {
      const floor = FLOORS[step.id as StepId];
      if (!floor) return;
      const f0 = performance.now();
      const c: FloorContext = { steps, run: chainRun, scratch, testImage, registryUrl };
      // What the step wrote is on disk before its floor starts, and what the floor wrote before the next
      // step: a step's or a floor's writeback must not land in the other's time (build-base writes a 256 MiB
      // disk, and the boots after it were a second slower while the kernel flushed it).
      await run('sync', []);
      floors[step.id as StepId] = await floor(c);
      if (step.id === 'analyze-deps')
        lockfileRead = await timed(() =>
          run(process.execPath, [
            '-e',
            'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))',
            join(chainRun.workspace, 'package-lock.json'),
          ]),
        );
      await run('sync', []);
      floorsSeconds += (performance.now() - f0) / 1000;
    },
  });
  const chainSeconds = (performance.now() - t0) / 1000 - floorsSeconds;
  if (!result.ok) throw new Error(`the chain failed: ${result.failure}`);
  const bundleSize = (await stat(join(scratch, 'bundle.tar.gz'))).size;
  return { steps: result.steps, chainSeconds, floors, bundleSize, lockfileRead };
}

const dir = await mkdtemp(join(tmpdir(), 'bench-chain-'));
try {
  const testImage = await ensureTestImage('x86_64');
  const rounds: Awaited<ReturnType<typeof round>>[] = [];
  const registry = await startRegistry();
  try {
    for (let r = 0; r < runs; r++) {
      rounds.push(await round(join(dir, `round-${r}`), testImage, registry.url));
      await rm(join(dir, `round-${r}`), { recursive: true, force: true });
    }
  } finally {
    await registry.stop();
  }
  // Each step and each floor at its best over the rounds: TCG boots vary by a second from one run to the
  // next, on both sides, and the best is the figure least disturbed by the machine.
  const best = (seconds: number[]) => Math.min(...seconds);
  const key = (s: { id: string; entry: string }) => `${s.id}\0${s.entry}`;
  /** A step's seconds in each round. */
  const roundsOf = (s: { id: string; entry: string }) =>
    rounds.map((r) => r.steps.find((x) => key(x) === key(s))!.seconds);
  const steps = rounds[0]!.steps.map((s) => ({ ...s, seconds: best(roundsOf(s)) }));
  const floors: Partial<Record<StepId, number>> = {};
  /** A floor's seconds in each round. */
  const floorRoundsOf = (id: StepId) => rounds.map((r) => r.floors[id]!);
  for (const id of Object.keys(rounds[0]!.floors) as StepId[]) floors[id] = best(floorRoundsOf(id));
  const chainSeconds = best(rounds.map((r) => r.chainSeconds));

  const rows: string[][] = [['step', 'chain s', 'floor s', 'overhead s', 'overhead %']];
  let stepsTotal = 0;
  let floorTotal = 0;
  let flooredSteps = 0;
  for (const s of steps) {
    const floor = s.entry === 'main' ? floors[s.id as StepId] : undefined;
    stepsTotal += s.seconds;
    if (floor !== undefined) {
      floorTotal += floor;
      flooredSteps += s.seconds;
    }
    const name = s.entry === 'post' ? `post ${s.action}` : s.id;
    rows.push([
      name,
      s.seconds.toFixed(2),
      floor === undefined ? '—' : floor.toFixed(2),
      floor === undefined ? '—' : (s.seconds - floor).toFixed(2),
      floor === undefined ? '—' : `${((s.seconds / floor - 1) * 100).toFixed(1)} %`,
    ]);
  }
  rows.push([
    'steps with a floor',
    flooredSteps.toFixed(2),
    floorTotal.toFixed(2),
    (flooredSteps - floorTotal).toFixed(2),
    `${((flooredSteps / floorTotal - 1) * 100).toFixed(1)} %`,
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log(
    `## The local chain (${variants.join(', ')}; kernel boot, TCG), step by step beside its floor (best of ${runs})\n`,
  );
  for (const r of rows)
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  // Every round's figures, for how far a TCG boot moves between runs on either side.
  console.log(`\nEach round, chain / floor s:`);
  const figures = (seconds: number[]) => seconds.map((x) => x.toFixed(2)).join(' ');
  for (const s of steps) {
    if (s.entry !== 'main' || floors[s.id as StepId] === undefined) continue;
    console.log(
      `  ${s.id.padEnd(widths[0]!)}  ${figures(roundsOf(s))}  /  ${figures(floorRoundsOf(s.id as StepId))}`,
    );
  }
  const bundleSize = rounds[0]!.bundleSize;
  const lockfileRead = best(rounds.map((r) => r.lockfileRead));
  console.log(
    `\nAll steps ${stepsTotal.toFixed(1)} s; the chain with checkout, key, registry and seed 000's commands ${chainSeconds.toFixed(1)} s.`,
  );
  console.log(
    `analyze-deps beside node reading its lockfile alone (the floor before npm sbom): ${steps.find((x) => x.id === 'analyze-deps' && x.entry === 'main')!.seconds.toFixed(2)} vs ${lockfileRead.toFixed(2)} s.`,
  );
  console.log(`Floor bundle (tar -czf of the output tree): ${(bundleSize / 2 ** 20).toFixed(1)} MiB.`);
  console.log('Goal: the steps with a floor within 10 % of it, as a whole.');
} finally {
  await rm(dir, { recursive: true, force: true });
}
