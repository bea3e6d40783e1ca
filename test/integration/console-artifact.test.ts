/**
 * upload-console end to end: the bundled boot-verify and build-variant
 * (dist/, as a workflow runs them) with real QEMU under TCG on the test
 * image, uploading through the real @actions/artifact to the local fake of
 * the runner's results service (test/support/actions-results-service.ts),
 * which runs in this process while each action runs as a child.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { BaseResult } from '../../shared/image/base.ts';
import { artifactSite, consoleArtifactName, uploadConsoleLogs } from '../../shared/console-artifact.ts';
import { run as runTool } from '../../shared/exec.ts';
import { localRunContext } from '../../shared/run-context.ts';
import {
  runtimeToken,
  startResultsService,
  type ArtifactView,
  type ResultsService,
} from '../support/actions-results-service.ts';
import { cachedTestBase } from '../support/base-image.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import { needTools } from '../support/tools.ts';
import { variantOutputTree } from '../support/variant-tree.ts';

let base: BaseResult;
let svc: ResultsService;
let root: string;

/** What a runner sets beside the results service: the job, the run and its attempt, the repository. */
const RUN = {
  GITHUB_JOB: 'verify',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_REPOSITORY: 'acme/images',
};

function explain(r: ActionRun): string {
  return `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}

/** Runs the bundled action in a fresh directory under root, asynchronously (the fake answers from this process). */
async function action(
  name: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
): Promise<ActionRun> {
  const cwd = await mkdtemp(join(root, `${name}-`));
  return runActionMain(name, inputs, { bundle: true, cwd, env: { RUNNER_TEMP: cwd, ...env } });
}

function bootInputs(extra: Record<string, string> = {}): Record<string, string> {
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

/** A kernel that cannot find its root disk panics within seconds: the cheapest failing boot. */
const PANIC = { append: 'console=ttyS0 root=/dev/nvme9n9 rw panic=-1' };

/** The env a job step gets on GitHub-hosted runners, the results service being the fake. */
const onActions = (): Record<string, string> => ({ ...svc.env, ...RUN });

/** Unzips an artifact's stored bytes: file name → content. */
async function unzipArtifact(a: ArtifactView): Promise<Map<string, Buffer>> {
  assert.ok(a.bytes, `artifact ${a.name} has its bytes`);
  const dir = await mkdtemp(join(root, 'unzip-'));
  const zip = join(dir, 'a.zip');
  await writeFile(zip, a.bytes);
  const names = (await runTool('unzip', ['-Z1', zip])).stdout.trim().split('\n');
  await runTool('unzip', ['-q', '-o', '-d', join(dir, 'x'), zip]);
  const out = new Map<string, Buffer>();
  for (const n of names) out.set(n, await readFile(join(dir, 'x', n)));
  return out;
}

const artifactCalls = (from: number): string[] =>
  svc.requests
    .slice(from)
    .filter((r) => r.service === 'twirp' && r.op.startsWith('ArtifactService/'))
    .map((r) => `${r.op} ${r.status}`);

beforeAll(async () => {
  await needTools('qemu-system-x86_64', 'qemu-img', 'mkfs.vfat', 'mcopy', 'unzip');
  // Built (or found) before the fake starts: nothing blocks this process while it must answer.
  base = await cachedTestBase('x86_64', 'kernel');
  assert.ok(base.kernel, 'build-base exports the kernel for boot=kernel');
  root = await mkdtemp(join(tmpdir(), 'console-artifact-test-'));
  svc = await startResultsService();
});
afterAll(async () => {
  await svc?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('boot-verify upload-console', () => {
  /** boot-verify's report name of the image: its file name without the disk extension. */
  const imageName = (): string => basename(base.image).replace(/\.(qcow2|raw|img)$/i, '');

  it('a failed boot uploads its console log (default on-failure); the step still fails with the boot error', async () => {
    const name = `boot-verify-console-${imageName()}-verify-attempt2`;
    const from = svc.requests.length;
    const r = await action('boot-verify', bootInputs(PANIC), onActions());
    assert.equal(r.code, 1, explain(r));
    assert.equal(r.outputs.status, 'failure');
    assert.match(r.stdout, /::error title=Error::boot-verify: failure: .*Kernel panic/);

    const artifact = svc.artifacts().find((a) => a.name === name);
    assert.ok(
      artifact,
      `artifact ${name} among ${svc
        .artifacts()
        .map((a) => a.name)
        .join(', ')}`,
    );
    assert.equal(artifact.finalized, true);
    assert.equal(artifact.workflowJobRunBackendId, svc.workflowJobRunBackendId);
    const files = await unzipArtifact(artifact);
    const log = r.outputs['console-log']!;
    assert.deepEqual([...files.keys()], [basename(log)]);
    const onDisk = await readFile(log);
    assert.ok(files.get(basename(log))!.equals(onDisk), 'the zip holds the console log byte for byte');
    assert.match(onDisk.toString(), /Kernel panic - not syncing/);

    // The step log and the summary name the artifact, with its id and its page.
    const url = `https://github.com/acme/images/actions/runs/4242/artifacts/${artifact.id}`;
    assert.match(
      r.stdout,
      new RegExp(`console log uploaded as artifact ${name} \\(id ${artifact.id}\\): ${url}`),
    );
    assert.ok(r.summary.includes(`[\`${name}\`](${url})`), r.summary);
    assert.deepEqual(artifactCalls(from), [
      'ArtifactService/ListArtifacts 200',
      'ArtifactService/CreateArtifact 200',
      'ArtifactService/FinalizeArtifact 200',
    ]);
    assert.doesNotMatch(r.stdout, /::warning/);
  });

  it('a name the run already holds (a matrix, a second step) gets a number, without a refused upload', async () => {
    const before = svc.artifacts().length;
    const from = svc.requests.length;
    const r = await action('boot-verify', bootInputs(PANIC), onActions());
    assert.equal(r.code, 1, explain(r));
    const added = svc.artifacts().slice(before);
    assert.equal(added.length, 1, explain(r));
    const taken = `boot-verify-console-${imageName()}-verify-attempt2`;
    assert.equal(added[0]!.name, `${taken}-2`);
    assert.equal(added[0]!.finalized, true);
    assert.match(r.stdout, new RegExp(`the run already has an artifact ${taken}; uploading as ${taken}-2`));
    assert.deepEqual(artifactCalls(from), [
      'ArtifactService/ListArtifacts 200',
      'ArtifactService/CreateArtifact 200',
      'ArtifactService/FinalizeArtifact 200',
    ]);
    assert.doesNotMatch(r.stdout, /::warning/);
    const files = await unzipArtifact(added[0]!);
    assert.ok([...files.values()][0]!.equals(await readFile(r.outputs['console-log']!)));
  });

  it('never uploads nothing', async () => {
    const from = svc.requests.length;
    const count = svc.artifacts().length;
    const r = await action('boot-verify', bootInputs({ ...PANIC, 'upload-console': 'never' }), onActions());
    assert.equal(r.code, 1, explain(r));
    assert.equal(r.outputs.status, 'failure');
    assert.equal(svc.artifacts().length, count);
    assert.deepEqual(artifactCalls(from), []);
    assert.doesNotMatch(r.stdout, /artifact/i);
  });

  it('always uploads the console of a successful boot too', async () => {
    const env = { ...onActions(), GITHUB_JOB: 'always-job' };
    const r = await action('boot-verify', bootInputs({ 'upload-console': 'always' }), env);
    assert.equal(r.code, 0, explain(r));
    assert.equal(r.outputs.status, 'success');
    const name = `boot-verify-console-${imageName()}-always-job-attempt2`;
    const artifact = svc.artifacts().find((a) => a.name === name);
    assert.ok(artifact, explain(r));
    const files = await unzipArtifact(artifact);
    const onDisk = await readFile(r.outputs['console-log']!);
    assert.ok([...files.values()][0]!.equals(onDisk));
    assert.match(onDisk.toString(), /INFRASIM-TEST-IMAGE: BOOT OK/);
  });

  it('on-failure uploads nothing after a successful boot', async () => {
    const from = svc.requests.length;
    const r = await action('boot-verify', bootInputs(), { ...onActions(), GITHUB_JOB: 'quiet-job' });
    assert.equal(r.code, 0, explain(r));
    assert.deepEqual(artifactCalls(from), []);
    assert.equal(
      svc.artifacts().some((a) => a.name.includes('quiet-job')),
      false,
    );
  });

  it('off Actions (no results service) nothing is attempted and nothing is said about it', async () => {
    const from = svc.requests.length;
    const r = await action('boot-verify', bootInputs({ ...PANIC, 'upload-console': 'always' }), RUN);
    assert.equal(r.code, 1, explain(r));
    assert.equal(r.outputs.status, 'failure');
    assert.deepEqual(svc.requests.slice(from), []);
    assert.doesNotMatch(r.stdout, /artifact|upload-console|::warning/i);
    assert.doesNotMatch(r.summary, /Console logs/);
    assert.match(await readFile(r.outputs['console-log']!, 'utf8'), /Kernel panic/);
  });

  it('an upload the service refuses is a warning; the boot failure still fails the step', async () => {
    const forged = runtimeToken('not-the-secret', svc.workflowRunBackendId, svc.workflowJobRunBackendId);
    const count = svc.artifacts().length;
    const r = await action('boot-verify', bootInputs(PANIC), {
      ...onActions(),
      GITHUB_JOB: 'forged',
      ACTIONS_RUNTIME_TOKEN: forged,
    });
    assert.equal(r.code, 1, explain(r));
    assert.match(r.stdout, /::error title=Error::boot-verify: failure: .*Kernel panic/);
    assert.match(
      r.stdout,
      /::warning::upload-console: the console log of \S+ was not uploaded as artifact boot-verify-console-\S+-forged-attempt2: .*401.*It stays at \S+\.console\.log on the runner/,
    );
    assert.equal(svc.artifacts().length, count);
    assert.match(r.summary, /not uploaded: .*401/);
  });

  it('a bad upload-console value is refused before any boot, naming the input and the accepted values', async () => {
    const from = svc.requests.length;
    const r = await action('boot-verify', bootInputs({ 'upload-console': 'sometimes' }), onActions());
    assert.equal(r.code, 1, explain(r));
    assert.match(
      r.stdout,
      /::error title=Invalid input::input 'upload-console': unknown value 'sometimes' \(accepted: on-failure \| always \| never\)/,
    );
    assert.equal(
      await stat(join(r.cwd, 'output')).catch(() => null),
      null,
      'nothing booted, nothing written',
    );
    assert.deepEqual(svc.requests.slice(from), []);
  });
});

describe('build-variant upload-console', () => {
  it('a failed provisioning uploads the variant console; the step fails with the provisioning error', async () => {
    const out = await variantOutputTree(base, root, 'failing');
    const def = join(root, 'failing', 'broken.yaml');
    await writeFile(
      def,
      ['name: broken', 'description: a command that fails', 'commands:', '  - ls /does/not/exist', ''].join(
        '\n',
      ),
    );
    const r = await action(
      'build-variant',
      { base: join(out, 'base.qcow2'), variants: def, accel: 'tcg', timeout: '180' },
      { ...onActions(), GITHUB_JOB: 'variants' },
    );
    assert.equal(r.code, 1, explain(r));
    assert.match(
      r.stdout.replaceAll('%0A', '\n'),
      /provisioning variant broken failed: [^]*ERROR step \d+ \(command: ls \/does\/not\/exist\)/,
    );
    const name = 'build-variant-console-broken-variants-attempt2';
    const artifact = svc.artifacts().find((a) => a.name === name);
    assert.ok(artifact, explain(r));
    const log = join(out, 'meta', 'variant-broken-provision.console.log');
    const files = await unzipArtifact(artifact);
    assert.deepEqual([...files.keys()], ['variant-broken-provision.console.log']);
    assert.ok(files.get('variant-broken-provision.console.log')!.equals(await readFile(log)));
    assert.match(
      r.stdout,
      new RegExp(`broken: console log uploaded as artifact ${name} \\(id ${artifact.id}\\)`),
    );
    assert.ok(r.summary.includes(name), r.summary);
  });

  it('several failed variants in one call each upload their own console', async () => {
    const out = await variantOutputTree(base, root, 'two-failing');
    const defs = ['first', 'second'].map((v) => join(root, 'two-failing', `${v}.yaml`));
    for (const [i, def] of defs.entries())
      await writeFile(def, `name: bad-${i}\ndescription: fails\ncommands:\n  - exit ${i + 3}\n`);
    const r = await action(
      'build-variant',
      {
        base: join(out, 'base.qcow2'),
        variants: defs.join('\n'),
        parallel: '2',
        accel: 'tcg',
        timeout: '180',
      },
      { ...onActions(), GITHUB_JOB: 'pair' },
    );
    assert.equal(r.code, 1, explain(r));
    assert.match(r.stdout, /provisioning variant bad-0 failed/);
    assert.match(r.stdout, /provisioning variant bad-1 failed/);
    for (const v of ['bad-0', 'bad-1']) {
      const artifact = svc.artifacts().find((a) => a.name === `build-variant-console-${v}-pair-attempt2`);
      assert.ok(artifact, `${v}: ${explain(r)}`);
      const log = join(out, 'meta', `variant-${v}-provision.console.log`);
      assert.deepEqual(
        [...(await unzipArtifact(artifact)).entries()],
        [[basename(log), await readFile(log)]],
      );
    }
  });

  it('a bad upload-console value is refused before any work', async () => {
    const out = await variantOutputTree(base, root, 'bad-upload');
    const from = svc.requests.length;
    const r = await action(
      'build-variant',
      { base: join(out, 'base.qcow2'), variants: 'no-vpn', 'upload-console': 'ALWAYS!' },
      onActions(),
    );
    assert.equal(r.code, 1, explain(r));
    assert.match(
      r.stdout,
      /input 'upload-console': unknown value 'ALWAYS!' \(accepted: on-failure \| always \| never\)/,
    );
    assert.equal(await stat(join(out, 'variants')).catch(() => null), null);
    assert.deepEqual(svc.requests.slice(from), []);
  });
});

/** Runs fn with this process's stdout muted: the library logs workflow commands there, noise in a test report. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = () => true;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
  }
}

describe('uploadConsoleLogs against the service, in this process', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, svc.env, RUN, { GITHUB_JOB: 'race' });
  });
  afterAll(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });

  it('a name taken between the listing and the upload (409) is retried once under a random suffix', async () => {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const client = new DefaultArtifactClient();
    const dir = await mkdtemp(join(root, 'race-'));
    const log = join(dir, 'img.console.log');
    await writeFile(log, 'console text\n');
    const site = artifactSite(localRunContext({ runAttempt: '2', job: 'race' }), process.env);
    const name = consoleArtifactName('boot-verify', 'img', site);
    // Another job of the run takes the name after this one listed the run's artifacts.
    await quietly(() => client.uploadArtifact(name, [log], dir));
    const infos: string[] = [];
    const warnings: string[] = [];
    const uploads = await quietly(() =>
      uploadConsoleLogs([{ subject: 'img', path: log, failed: true }], {
        action: 'boot-verify',
        mode: 'on-failure',
        site,
        info: (m) => infos.push(m),
        warning: (m) => warnings.push(m),
        store: {
          names: async () => new Set(),
          upload: (n, files, rootDir, options) => client.uploadArtifact(n, files, rootDir, options),
        },
      }),
    );
    assert.deepEqual(warnings, []);
    assert.equal(uploads.uploaded.length, 1);
    const got = uploads.uploaded[0]!;
    assert.match(got.name, new RegExp(`^${name}-[0-9a-f]{6}$`));
    assert.ok(
      infos.some((m) =>
        m.includes(`the artifact name ${name} was taken meanwhile; uploading as ${got.name}`),
      ),
    );
    const stored = svc.artifacts().find((a) => a.name === got.name);
    assert.equal(stored?.id, got.id);
    assert.ok(svc.requests.some((q) => q.op === 'ArtifactService/CreateArtifact' && q.status === 409));
    assert.deepEqual(
      [...(await unzipArtifact(stored!)).entries()],
      [['img.console.log', Buffer.from('console text\n')]],
    );
  });

  it('a log whose file name the library refuses is uploaded under a safe name', async () => {
    const dir = await mkdtemp(join(root, 'unsafe-'));
    const log = join(dir, 'disk:1?.console.log');
    await writeFile(log, 'panic text\n');
    const site = artifactSite(localRunContext({ runAttempt: '2', job: 'race' }), process.env);
    const warnings: string[] = [];
    const uploads = await quietly(() =>
      uploadConsoleLogs([{ subject: 'disk:1?', path: log, failed: true }], {
        action: 'boot-verify',
        mode: 'on-failure',
        site,
        info: () => {},
        warning: (m) => warnings.push(m),
      }),
    );
    assert.deepEqual(warnings, []);
    assert.equal(uploads.uploaded[0]?.name, 'boot-verify-console-disk-1-race-attempt2');
    const stored = svc.artifacts().find((a) => a.name === 'boot-verify-console-disk-1-race-attempt2');
    assert.ok(stored);
    assert.deepEqual(
      [...(await unzipArtifact(stored)).entries()],
      [['disk-1-.console.log', Buffer.from('panic text\n')]],
    );
    assert.deepEqual(await readdir(dir), ['disk:1?.console.log'], 'the staged copy is gone, the log stays');
  });
});
