/**
 * Runs an action's entry (main or post, from source or from its dist bundle)
 * as the runner does: inputs as INPUT_<NAME> variables, outputs, state and the
 * job summary through files. Every action test goes through here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from './test-image.ts';

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** What the step saved with core.saveState (the post step gets it back). */
  state: Record<string, string>;
  summary: string;
  /** The working directory the step ran in. */
  cwd: string;
}

export interface ActionRunOptions {
  /** main (default) or post. */
  entry?: 'main' | 'post';
  /** Run the committed bundle dist/<name>/… instead of the TypeScript source. */
  bundle?: boolean;
  /** Working directory; default: a new temporary directory. */
  cwd?: string;
  /** Run as this user and group (the test runner must be root). */
  uid?: number;
  gid?: number;
  env?: NodeJS.ProcessEnv;
  /** State saved by the main step, for a post step (STATE_<name>). */
  state?: Record<string, string>;
}

export interface StartedAction {
  child: ChildProcess;
  cwd: string;
  /** The runner's files, readable while the step runs. */
  files: { output: string; state: string; summary: string };
  done: Promise<ActionRun>;
}

/** Parses the `name<<delimiter` / `name=value` records @actions/core writes. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      out[heredoc[1]!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const [k, ...v] = lines[i]!.split('=');
      out[k!] = v.join('=');
    }
  }
  return out;
}

function entryPath(name: string, entry: 'main' | 'post', bundle: boolean): string {
  if (!bundle) return join(repoRoot, 'actions', name, `${entry}.ts`);
  return join(repoRoot, 'dist', name, entry === 'main' ? 'index.js' : 'post.js');
}

interface ActionManifest {
  inputs?: Record<string, { default?: unknown }>;
}

/**
 * The runner sets every input the action declares: the step's value, else the
 * action.yml default, else ''. Expressions in defaults (`${{ github.token }}`)
 * are evaluated from the environment the test gives the step.
 */
async function runnerInputs(
  name: string,
  stepInputs: Record<string, string>,
  env: NodeJS.ProcessEnv,
): Promise<Record<string, string>> {
  const manifest = parseYaml(
    await readFile(join(repoRoot, 'actions', name, 'action.yml'), 'utf8'),
  ) as ActionManifest;
  const inputs: Record<string, string> = {};
  for (const [input, spec] of Object.entries(manifest.inputs ?? {})) {
    const fallback = spec.default === undefined || spec.default === null ? '' : String(spec.default);
    inputs[input] = fallback.replace(/\$\{\{\s*github\.token\s*\}\}/g, env.GITHUB_TOKEN ?? '');
  }
  return { ...inputs, ...stepInputs };
}

/** Starts the step; `done` resolves once it exited. */
export async function startAction(
  name: string,
  inputs: Record<string, string>,
  options: ActionRunOptions = {},
): Promise<StartedAction> {
  const io = await mkdtemp(join(tmpdir(), `action-${name}-io-`));
  const cwd = options.cwd ?? (await mkdtemp(join(tmpdir(), `action-${name}-`)));
  const files = { output: join(io, 'output'), state: join(io, 'state'), summary: join(io, 'summary.md') };
  for (const f of Object.values(files)) await writeFile(f, '');
  if (options.uid !== undefined) {
    // The step runs as another user: it must be able to write the runner's files and its working directory.
    for (const f of Object.values(files)) await chmod(f, 0o666);
    await chmod(io, 0o777);
    if (!options.cwd) await chmod(cwd, 0o777);
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: io,
    ...options.env,
  };
  // The runner keeps hyphens and upper-cases the name: INPUT_FAIL-ON, INPUT_SOURCE-DATE-EPOCH.
  for (const [k, v] of Object.entries(await runnerInputs(name, inputs, env)))
    env[`INPUT_${k.toUpperCase()}`] = v;
  for (const [k, v] of Object.entries(options.state ?? {})) env[`STATE_${k}`] = v;
  const child = spawn(process.execPath, [entryPath(name, options.entry ?? 'main', options.bundle ?? false)], {
    cwd,
    env,
    uid: options.uid,
    gid: options.gid,
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
  return { child, cwd, files, done };
}

export async function runActionMain(
  name: string,
  inputs: Record<string, string>,
  options: ActionRunOptions = {},
): Promise<ActionRun> {
  return (await startAction(name, inputs, options)).done;
}
