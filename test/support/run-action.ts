/**
 * Runs an action's main.ts (or its dist bundle) as the runner would: inputs as
 * INPUT_<NAME> variables, outputs through a GITHUB_OUTPUT file. Returns the
 * exit code, the logs and the parsed outputs.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './test-image.ts';

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionRunOptions {
  cwd?: string;
  /** Run the committed bundle dist/<name>/index.js instead of the TypeScript source. */
  bundle?: boolean;
  /** Run as this user and group (the test runner must be root). */
  uid?: number;
  gid?: number;
  env?: NodeJS.ProcessEnv;
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

export async function runActionMain(
  name: string,
  inputs: Record<string, string>,
  options: ActionRunOptions = {},
): Promise<ActionRun> {
  const io = await mkdtemp(join(tmpdir(), `action-${name}-`));
  const outputFile = join(io, 'output');
  const summaryFile = join(io, 'summary.md');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  if (options.uid !== undefined) {
    await chmod(io, 0o777);
    await chmod(outputFile, 0o666);
    await chmod(summaryFile, 0o666);
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: io,
    ...options.env,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const entry = options.bundle
    ? join(repoRoot, 'dist', name, 'index.js')
    : join(repoRoot, 'actions', name, 'main.ts');
  const child = spawn(process.execPath, [entry], {
    cwd: options.cwd ?? io,
    env,
    uid: options.uid,
    gid: options.gid,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
  };
}
