/**
 * Runs external programs with argument arrays: never a shell, so no input can
 * become shell code. Missing programs are reported with the Debian package
 * that provides them.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { MissingToolError, ToolError } from './errors.ts';

/** Which Debian package provides each tool the suite runs. */
export const TOOL_PACKAGES: Record<string, string> = {
  'qemu-img': 'qemu-utils',
  'qemu-system-x86_64': 'qemu-system-x86',
  'qemu-system-aarch64': 'qemu-system-arm',
  'mkfs.ext4': 'e2fsprogs',
  mke2fs: 'e2fsprogs',
  debugfs: 'e2fsprogs',
  dumpe2fs: 'e2fsprogs',
  e2fsck: 'e2fsprogs',
  sfdisk: 'fdisk',
  'mkfs.vfat': 'dosfstools',
  mcopy: 'mtools',
  mmd: 'mtools',
  mdir: 'mtools',
  mmdebstrap: 'mmdebstrap',
  openssl: 'openssl',
  git: 'git',
  cargo: 'cargo',
  objcopy: 'binutils',
  'dpkg-deb': 'dpkg',
  'docker-registry': 'docker-registry',
  skopeo: 'skopeo',
  nft: 'nftables',
};

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
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const spawnOptions: SpawnOptions = {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      signal: options.signal,
    };
    const child = spawn(command, args, spawnOptions);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') reject(new MissingToolError(command, TOOL_PACKAGES[command] ?? command));
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

/** Resolves the absolute path of a program on PATH, or fails naming its Debian package. */
export async function requireTool(tool: string): Promise<string> {
  const { access, constants } = await import('node:fs/promises');
  const { delimiter, join } = await import('node:path');
  for (const dir of (process.env.PATH ?? '').split(delimiter).concat(['/usr/sbin', '/sbin'])) {
    if (!dir) continue;
    const candidate = join(dir, tool);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  throw new MissingToolError(tool, TOOL_PACKAGES[tool] ?? tool);
}

/** The first line a tool prints for `--version` (or the given flag), for provenance records. */
export async function toolVersion(tool: string, flag = '--version'): Promise<string> {
  const r = await run(tool, [flag], { okCodes: [1] });
  return (r.stdout || r.stderr).split('\n')[0]?.trim() ?? '';
}
