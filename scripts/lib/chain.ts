/**
 * The whole chain of the suite's actions, run locally and offline on the test
 * image as one workflow job would run it: build-base → build-variant →
 * boot-verify (base and overlays) → analyze-deps (this repository's
 * package-lock.json) → attest (key mode, a throwaway ECDSA P-256 key) →
 * tag-snapshot (annotated tag pushed to a bare remote made for the run, OCI
 * push to a registry started for the run) → verify (attest's verify mode) →
 * prune-packages (dry run against that registry), then the post steps, then
 * seed 000's verification commands on the bundle.
 *
 * Each step is the bundled action (dist/<name>/index.js) started through
 * job.ts / action-runner.ts exactly as the runner starts it; steps pass
 * values to later steps only as a workflow does (`steps.<id>.outputs.*`).
 * npm run pipeline (scripts/pipeline.ts) and test/e2e/pipeline.test.ts both
 * run this code.
 *
 * Run directory:
 *   <dir>/workspace/          a clone of this repository's HEAD (GITHUB_WORKSPACE); output/ is the output tree
 *   <dir>/remote.git/         the bare remote the clone's `origin` points at (the snapshot tag goes there)
 *   <dir>/runner-temp/        RUNNER_TEMP
 *   <dir>/logs/               one masked log per step, steps.tsv
 *   <dir>/attest.pub.pem      the public half of the throwaway key (the private half never touches disk)
 *   <dir>/bundle-check/       the bundle extracted for seed 000's commands
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { run } from '../../shared/exec.ts';
import { startRegistry, type TestRegistry } from '../../test/support/registry.ts';
import { ensureTestImage, type TestArch } from '../../test/support/test-image.ts';
import { repoRoot } from './action-runner.ts';
import { Job, type StepRun } from './job.ts';
import { builderId, workflowEnv, type WorkflowContext } from './workflow-context.ts';

export const STEPS = [
  'build-base',
  'build-variant',
  'boot-verify',
  'analyze-deps',
  'attest',
  'tag-snapshot',
  'verify',
  'prune-packages',
] as const;
export type StepId = (typeof STEPS)[number];

/** The repository the run pretends to be (it names the OCI repository and the builder id). */
export const RUN_REPOSITORY = 'local/infrasim-images';
/** Retention the dry run plans with: the newest sha-<commit> image, and any younger than a week. */
export const PRUNE_RULES = "- tags: 'sha-*'\n  keep: 1\n  younger-than: 7d";
/** Marks a directory this module made, so a rerun may empty it. */
const RUN_MARKER = '.infrasim-pipeline-run';

export interface ChainOptions {
  /** The run directory (emptied first when an earlier run made it; refused when it holds anything else). */
  dir: string;
  arch?: TestArch;
  /** uefi: the images boot through their own boot loader on OVMF/AAVMF; kernel: direct kernel boot. */
  boot?: 'uefi' | 'kernel';
  accel?: 'auto' | 'kvm' | 'tcg';
  variants?: string[];
  /** Called as the chain progresses, one line at a time. */
  log?: (line: string) => void;
  /** Called before a main step starts (tests seed the registry here). */
  beforeStep?: (id: StepId, run: ChainRun) => Promise<void>;
  /**
   * Called after a main step passed, with every step so far (the benchmark measures each step's floor
   * here, right beside the step); the time it takes counts in no step's.
   */
  afterStep?: (step: StepRun, run: ChainRun, steps: readonly StepRun[]) => Promise<void>;
}

/** What a run made and where, filled in as the steps go. */
export interface ChainRun {
  dir: string;
  workspace: string;
  output: string;
  remote: string;
  commit: string;
  publicKey: string;
  logs: string;
  /** Host:port of the run's registry (stopped when the run ends). */
  registry?: string;
  ociRepository: string;
}

export interface SeedCheck {
  ok: boolean;
  /** The commands, as a maintainer types them, each with the directory it ran in and what it printed. */
  commands: { command: string; cwd: string; output: string; ok: boolean }[];
}

export interface ChainResult {
  ok: boolean;
  run: ChainRun;
  /** Main steps in order, then the post steps that ran. */
  steps: StepRun[];
  /** The first step that failed, or the failure before any step. */
  failure?: string;
  seedCheck?: SeedCheck;
}

const git = (cwd: string, ...args: string[]) => run('git', args, { cwd }).then((r) => r.stdout.trim());

/** Empties `dir` for a new run, refusing a directory this module did not make. */
async function freshRunDirectory(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => null);
  if (entries && entries.length > 0) {
    if (!entries.includes(RUN_MARKER))
      throw new Error(
        `${dir} is not empty and was not made by the pipeline: choose another --dir (or remove it yourself)`,
      );
    await rm(dir, { recursive: true, force: true });
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, RUN_MARKER), 'made by scripts/lib/chain.ts; emptied by the next run\n');
}

/**
 * The remote and the checkout, as GitHub and actions/checkout give them: the
 * remote has the commit on main; the workspace is a shallow clone of it.
 */
async function checkout(dir: string): Promise<{ workspace: string; remote: string; commit: string }> {
  const commit = await git(repoRoot, 'rev-parse', 'HEAD');
  const remote = join(dir, 'remote.git');
  const workspace = join(dir, 'workspace');
  await git(dir, 'init', '-q', '--bare', '-b', 'main', remote);
  await git(remote, 'fetch', '-q', '--depth', '1', `file://${repoRoot}`, `${commit}:refs/heads/main`);
  await git(dir, 'clone', '-q', '--depth', '1', '--branch', 'main', `file://${remote}`, workspace);
  return { workspace, remote, commit };
}

/** A throwaway ECDSA P-256 key: the private PEM stays in memory (it is an input, as a secret is). */
async function throwawayKey(publicFile: string): Promise<string> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  await writeFile(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}

/**
 * Seed 000's verification commands on the published bundle, as its README
 * gives them:
 *   shasum -a 256 -c <bundle>.sha256
 *   tar -xzf <bundle>
 *   IMAGE_SHA256=$(jq -r '.image.sha256' meta/image-provenance.json)
 *   echo "${IMAGE_SHA256}  disk/base.qcow2" | shasum -a 256 -c
 * run with argument arrays (never a shell), each recorded as typed with the
 * directory it runs in, so a maintainer can repeat them.
 */
export async function seedVerification(bundle: string, checkDir: string): Promise<SeedCheck> {
  const commands: SeedCheck['commands'] = [];
  const step = async (command: string, cwd: string, tool: string, args: string[], input?: string) => {
    try {
      const r = await run(tool, args, { cwd, input });
      commands.push({ command, cwd, output: (r.stdout + r.stderr).trim(), ok: true });
      return r.stdout;
    } catch (e) {
      commands.push({ command, cwd, output: (e as Error).message, ok: false });
      return null;
    }
  };
  const dir = dirname(bundle);
  const name = basename(bundle);
  await mkdir(checkDir, { recursive: true });
  if (
    (await step(`shasum -a 256 -c ${name}.sha256`, dir, 'shasum', ['-a', '256', '-c', `${name}.sha256`])) ===
    null
  )
    return { ok: false, commands };
  if ((await step(`tar -xzf ${bundle}`, checkDir, 'tar', ['-xzf', bundle])) === null)
    return { ok: false, commands };
  const sha = (
    await step("IMAGE_SHA256=$(jq -r '.image.sha256' meta/image-provenance.json)", checkDir, 'jq', [
      '-r',
      '.image.sha256',
      'meta/image-provenance.json',
    ])
  )?.trim();
  if (!sha || !/^[0-9a-f]{64}$/.test(sha)) return { ok: false, commands };
  const checked = await step(
    'echo "${IMAGE_SHA256}  disk/base.qcow2" | shasum -a 256 -c',
    checkDir,
    'shasum',
    ['-a', '256', '-c', '-'],
    `${sha}  disk/base.qcow2\n`,
  );
  return { ok: checked !== null && /^disk\/base\.qcow2: OK$/m.test(checked), commands };
}

export async function runChain(o: ChainOptions): Promise<ChainResult> {
  const log = o.log ?? (() => {});
  const arch = o.arch ?? 'x86_64';
  const boot = o.boot ?? 'uefi';
  const accel = o.accel ?? 'auto';
  const variants = o.variants ?? ['no-vpn', 'wireguard'];
  const dir = resolve(o.dir);
  await freshRunDirectory(dir);
  const { workspace, remote, commit } = await checkout(dir);
  const publicKey = join(dir, 'attest.pub.pem');
  const privateKey = await throwawayKey(publicKey);
  const context: WorkflowContext = {
    repository: RUN_REPOSITORY,
    commit,
    workflow: 'pipeline.yml',
    eventPath: join(dir, 'event.json'),
  };
  const runInfo: ChainRun = {
    dir,
    workspace,
    output: join(workspace, 'output'),
    remote,
    commit,
    publicKey,
    logs: join(dir, 'logs'),
    ociRepository: RUN_REPOSITORY.toLowerCase(),
  };
  const job = new Job({
    workspace,
    runnerTemp: join(dir, 'runner-temp'),
    logDir: runInfo.logs,
    env: await workflowEnv(context),
  });
  job.secret(privateKey);
  const steps: StepRun[] = [];
  const rel = (p: string) => relative(workspace, resolve(workspace, p));
  let registry: TestRegistry | undefined;
  let failure: string | undefined;

  const step = async (id: StepId, action: string, inputs: Record<string, string>): Promise<StepRun> => {
    await o.beforeStep?.(id, runInfo);
    log(`${String(STEPS.indexOf(id) + 1)}/${STEPS.length} ${id}`);
    const r = await job.step(id, action, inputs);
    steps.push(r);
    log(`    ${r.ok ? 'ok' : `FAILED (exit ${r.code ?? r.signal})`} in ${r.seconds.toFixed(1)} s`);
    if (!r.ok) {
      failure = `${id} failed (exit ${r.code ?? r.signal}); log: ${r.logFile}`;
      for (const line of r.log.trimEnd().split('\n').slice(-25)) log(`    | ${line}`);
      throw new StepFailed(failure);
    }
    await o.afterStep?.(r, runInfo, steps);
    return r;
  };

  try {
    const testImage = await ensureTestImage(arch);
    const base = await step('build-base', 'build-base', {
      distro: 'rootfs',
      rootfs: testImage.rootfsTar,
      arch,
      boot,
      size: '256M',
    });
    const built = await step('build-variant', 'build-variant', {
      variants: variants.join('\n'),
      base: rel(base.outputs.image!),
      accel,
      // The generic target installs no packages: the provisioning boot needs no network, so the run stays offline.
      network: 'false',
      timeout: '300',
    });
    const overlays = (JSON.parse(built.outputs.results!) as { overlay: string }[]).map((v) => rel(v.overlay));
    await step('boot-verify', 'boot-verify', {
      images: [rel(base.outputs.image!), ...overlays].join('\n'),
      arch,
      boot,
      accel,
      timeout: '300',
      ...(boot === 'kernel' ? { kernel: rel(base.outputs.kernel!), append: base.outputs.cmdline! } : {}),
    });
    await step('analyze-deps', 'analyze-deps', { source: 'package-lock.json' });
    await step('attest', 'attest', { 'private-key': privateKey });

    registry = await startRegistry();
    runInfo.registry = registry.host;
    log(`    registry ${registry.url} (started for this run)`);
    await step('tag-snapshot', 'tag-snapshot', {
      registry: registry.host,
      'public-key': publicKey,
      channels: 'dev',
      'require-gates': 'true',
    });
    await step('verify', 'attest', {
      command: 'verify',
      'public-key': publicKey,
      'builder-id': builderId(context),
      'require-boot': 'true',
    });
    await step('prune-packages', 'prune-packages', {
      target: 'registry',
      registry: registry.host,
      package: runInfo.ociRepository,
      rules: PRUNE_RULES,
      'dry-run': 'true',
    });
  } catch (e) {
    if (!(e instanceof StepFailed)) failure = (e as Error).message;
  } finally {
    // The runner runs the post steps whatever happened (post-if: always()).
    const posts = await job.complete();
    for (const p of posts) {
      log(`post ${p.action}: ${p.ok ? 'ok' : `FAILED (exit ${p.code})`} in ${p.seconds.toFixed(1)} s`);
      if (!p.ok) failure ??= `${p.id} failed (exit ${p.code ?? p.signal}); log: ${p.logFile}`;
    }
    steps.push(...posts);
    await registry?.stop();
    if (registry) log(`    registry ${registry.url} stopped`);
  }

  let seedCheck: SeedCheck | undefined;
  const snapshot = steps.find((s) => s.id === 'tag-snapshot');
  if (!failure && snapshot?.outputs.bundle) {
    seedCheck = await seedVerification(snapshot.outputs.bundle, join(dir, 'bundle-check'));
    if (!seedCheck.ok) failure = "seed 000's verification commands did not pass on the bundle";
  }
  return { ok: !failure, run: runInfo, steps, failure, seedCheck };
}

class StepFailed extends Error {}
