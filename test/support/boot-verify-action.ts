/**
 * Runs actions/boot-verify/main.ts (and post.ts) from source as the runner
 * would, with a temporary working directory, and finds QEMU processes by
 * what their command line mentions, so tests can prove none is left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOutputFile } from './run-action.ts';
import { repoRoot } from './test-image.ts';

export interface BootVerifyRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** The working directory (output/ is inside it) and RUNNER_TEMP. */
  cwd: string;
}

export interface StartedAction {
  child: ChildProcess;
  cwd: string;
  done: Promise<BootVerifyRun>;
}

/** Starts the action; `done` resolves when it exited. */
export async function startBootVerify(
  inputs: Record<string, string>,
  entry = 'main',
): Promise<StartedAction> {
  const cwd = await mkdtemp(join(tmpdir(), 'boot-verify-test-'));
  return startIn(cwd, inputs, entry, {});
}

async function startIn(
  cwd: string,
  inputs: Record<string, string>,
  entry: string,
  extraEnv: NodeJS.ProcessEnv,
): Promise<StartedAction> {
  const files = {
    output: join(cwd, 'gh-output'),
    state: join(cwd, 'gh-state'),
    summary: join(cwd, 'gh-summary'),
  };
  for (const f of Object.values(files)) await writeFile(f, '', { flag: 'a' });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: cwd,
    ...extraEnv,
  };
  // The runner keeps hyphens and upper-cases the name: INPUT_FAIL-ON, INPUT_BASE-SHA256.
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [join(repoRoot, 'actions', 'boot-verify', `${entry}.ts`)], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const done = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  ).then(async ([code, signal]) => ({
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(files.output, 'utf8')),
    state: parseOutputFile(await readFile(files.state, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
    cwd,
  }));
  return { child, cwd, done };
}

export async function runBootVerify(inputs: Record<string, string>): Promise<BootVerifyRun> {
  return (await startBootVerify(inputs)).done;
}

/** Runs the post step in the same working directory with the state the main step saved. */
export async function runPost(cwd: string, state: Record<string, string>): Promise<BootVerifyRun> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
  return (await startIn(cwd, {}, 'post', env)).done;
}

/** Pids of running qemu-system processes whose command line contains `needle`. */
export async function qemuPidsMentioning(needle: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const argv = cmdline.split('\0');
    if (/qemu-system-/.test(argv[0] ?? '') && cmdline.includes(needle)) {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
      if (!/\) Z /.test(stat)) pids.push(Number(entry)); // a zombie is already dead
    }
  }
  return pids;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
