/**
 * Runs one of the suite's actions the way the GitHub runner does, so the
 * local pipeline (scripts/pipeline.ts) and every action test drive the same
 * entry points through the same interface a workflow uses:
 *   - every input the action.yml declares is set as INPUT_<NAME> (hyphens
 *     kept, upper-cased): the step's value, else the declared default, else '';
 *   - the entry is the file action.yml's `runs.main` / `runs.post` names (the
 *     ncc bundle under dist/), or actions/<name>/<entry>.ts from source;
 *   - outputs, state, the job summary, exported variables and PATH additions
 *     travel through the files GITHUB_OUTPUT, GITHUB_STATE,
 *     GITHUB_STEP_SUMMARY, GITHUB_ENV and GITHUB_PATH;
 *   - a post step gets the main step's state back as STATE_<name>.
 * A whole job (steps sharing an environment, post steps at the end in reverse
 * order) is scripts/lib/job.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const repoRoot = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** What the step saved with core.saveState (the post step gets it back). */
  state: Record<string, string>;
  summary: string;
  /** Variables the step exported (core.exportVariable) for the steps after it. */
  exported: Record<string, string>;
  /** Directories the step added to PATH (core.addPath) for the steps after it. */
  path: string[];
  /** The working directory the step ran in. */
  cwd: string;
}

export interface ActionRunOptions {
  /** main (default) or post. */
  entry?: 'main' | 'post';
  /** Run the committed bundle action.yml names (dist/<name>/…) instead of the TypeScript source. */
  bundle?: boolean;
  /** Working directory; default: a new temporary directory. */
  cwd?: string;
  /** Run as this user and group (the caller must be root). */
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
  files: { output: string; state: string; summary: string; env: string; path: string };
  done: Promise<ActionRun>;
}

/** What the runner reads from an action.yml. */
export interface ActionManifest {
  inputs?: Record<string, { default?: unknown; required?: boolean }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

export async function readActionManifest(name: string): Promise<ActionManifest> {
  const file = join(repoRoot, 'actions', name, 'action.yml');
  const manifest = parseYaml(
    await readFile(file, 'utf8').catch((e: Error) => {
      throw new Error(`no action '${name}': cannot read ${file}: ${e.message}`);
    }),
  ) as ActionManifest;
  if (!manifest?.runs?.main) throw new Error(`${file} has no runs.main`);
  return manifest;
}

/**
 * Parses the `name<<delimiter` / `name=value` records @actions/core writes
 * (GITHUB_OUTPUT, GITHUB_STATE and GITHUB_ENV share the format).
 */
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

function entryPath(name: string, manifest: ActionManifest, entry: 'main' | 'post', bundle: boolean): string {
  if (!bundle) return join(repoRoot, 'actions', name, `${entry}.ts`);
  const target = manifest.runs[entry];
  if (!target) throw new Error(`action '${name}' has no runs.${entry} in its action.yml`);
  // action.yml paths are relative to the action's directory, as the runner resolves them.
  return resolve(repoRoot, 'actions', name, target);
}

/**
 * The runner sets every input the action declares: the step's value, else the
 * action.yml default, else ''. Expressions in defaults (`${{ github.token }}`)
 * are evaluated from the environment the caller gives the step.
 */
export function runnerInputs(
  manifest: ActionManifest,
  stepInputs: Record<string, string>,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [input, spec] of Object.entries(manifest.inputs ?? {})) {
    const fallback = spec.default === undefined || spec.default === null ? '' : String(spec.default);
    inputs[input] = fallback.replace(/\$\{\{\s*github\.token\s*\}\}/g, env.GITHUB_TOKEN ?? '');
  }
  return { ...inputs, ...stepInputs };
}

/** Set by the test environment (test/support/jest-environment.ts), which removes it after each test file. */
export const STEP_SCRATCH_ENV = 'ACTION_RUNNER_SCRATCH';

let scratchRoot: string | undefined;

/**
 * The directory every step's runner files and default working directory go under, so none is left
 * behind: the test environment's (removed after the file), else one per process, removed when it exits.
 * Traversable by all (a step may run as another user).
 */
function stepScratch(): string {
  const fromTests = process.env[STEP_SCRATCH_ENV];
  if (fromTests) return fromTests;
  if (!scratchRoot) {
    const root = mkdtempSync(join(tmpdir(), 'action-steps-'));
    chmodSync(root, 0o755);
    process.on('exit', () => {
      try {
        rmSync(root, { recursive: true, force: true });
      } catch (e) {
        // A step killed part-way can leave a read-only tree a non-root user cannot remove: say so.
        console.error(`could not remove the steps' directory ${root}: ${(e as Error).message}`);
      }
    });
    scratchRoot = root;
  }
  return scratchRoot;
}

/** Starts the step; `done` resolves once it exited. */
export async function startAction(
  name: string,
  inputs: Record<string, string>,
  options: ActionRunOptions = {},
): Promise<StartedAction> {
  const manifest = await readActionManifest(name);
  const entry = entryPath(name, manifest, options.entry ?? 'main', options.bundle ?? false);
  const io = await mkdtemp(join(stepScratch(), `${name}-io-`));
  const cwd = options.cwd ?? (await mkdtemp(join(stepScratch(), `${name}-`)));
  const files = {
    output: join(io, 'output'),
    state: join(io, 'state'),
    summary: join(io, 'summary.md'),
    env: join(io, 'env'),
    path: join(io, 'path'),
  };
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
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    RUNNER_TEMP: io,
    ...options.env,
  };
  for (const [k, v] of Object.entries(runnerInputs(manifest, inputs, env)))
    env[`INPUT_${k.toUpperCase()}`] = v;
  for (const [k, v] of Object.entries(options.state ?? {})) env[`STATE_${k}`] = v;
  const child = spawn(process.execPath, [entry], {
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
    exported: parseOutputFile(await readFile(files.env, 'utf8')),
    path: (await readFile(files.path, 'utf8')).split('\n').filter(Boolean),
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
