/**
 * Runs external programs with argument arrays: never a shell, so no input can
 * become shell code. Programs are looked up the way shared/tools.ts checks for
 * them (PATH, then the sbin directories), and missing ones are reported with
 * the Debian package that provides them.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { MissingToolError, ToolError } from './errors.ts';
import { debianPackage, findTool, pathWithSbin } from './tools.ts';

export { TOOL_PACKAGES } from './tools.ts';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Bytes written to the program's standard input. */
  input?: string | Buffer;
  /** Accept these exit codes besides 0. */
  okCodes?: number[];
  /** Added to the error message when the program fails. */
  hint?: string;
  signal?: AbortSignal;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `command args…` and resolves with its output; rejects with ToolError on a non-accepted exit. */
export async function run(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const env = options.env ?? process.env;
  // Resolved here rather than by spawn, which searches PATH only: an sbin tool the
  // up-front check found must also be the one that runs.
  const path = command.includes('/') ? command : await findTool(command, { path: env.PATH });
  if (!path) throw new MissingToolError(command, debianPackage(command));
  return new Promise((resolve, reject) => {
    const spawnOptions: SpawnOptions = {
      cwd: options.cwd,
      // The tool's own children (mkfs helpers, mmdebstrap's hooks) find sbin tools too.
      env: { ...env, PATH: pathWithSbin(env.PATH) },
      stdio: ['pipe', 'pipe', 'pipe'],
      signal: options.signal,
    };
    const child = spawn(path, args, { ...spawnOptions, argv0: command });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') reject(new MissingToolError(command, debianPackage(command)));
      else reject(e);
    });
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0 || (code !== null && options.okCodes?.includes(code))) {
        resolve({ code, stdout, stderr });
      } else {
        reject(new ToolError([command, ...args], code, stderr || stdout, options.hint));
      }
    });
    child.stdin?.on('error', () => {
      /* the program may exit before reading all input; its exit code tells */
    });
    child.stdin?.end(options.input);
  });
}

/** Resolves the absolute path of a program (PATH, then the sbin directories), or fails naming its Debian package. */
export async function requireTool(tool: string): Promise<string> {
  const path = await findTool(tool);
  if (!path) throw new MissingToolError(tool, debianPackage(tool));
  return path;
}

/** The first line a tool prints for `--version` (or the given flag), for provenance records. */
export async function toolVersion(tool: string, flag = '--version'): Promise<string> {
  const r = await run(tool, [flag], { okCodes: [1] });
  return (r.stdout || r.stderr).split('\n')[0]?.trim() ?? '';
}
