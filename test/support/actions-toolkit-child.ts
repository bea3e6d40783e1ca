/**
 * Runs one call of the real @actions/cache or @actions/artifact in a child
 * node process whose environment is only PATH, HOME and the env given —
 * both libraries read ACTIONS_* / GITHUB_* at call time, so a child keeps
 * the test process's env (and the libraries' module state) out of it.
 *
 *   const r = await runToolkit(svc.env, { op: 'cache.save', paths: ['dir'], key: 'k' }, { cwd });
 *   r.result   // what the call returned (JSON), or r.error { name, message } when it threw
 *   r.stdout   // the libraries' @actions/core output (::warning:: etc.)
 *
 * The same file is the child: run directly, it performs the op in argv[2].
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type ToolkitOp =
  | { op: 'cache.save'; paths: string[]; key: string }
  | { op: 'cache.restore'; paths: string[]; primaryKey: string; restoreKeys?: string[]; lookupOnly?: boolean }
  | { op: 'artifact.upload'; name: string; files: string[]; rootDirectory: string; skipArchive?: boolean }
  | { op: 'artifact.list' }
  | { op: 'artifact.get'; name: string }
  | { op: 'artifact.download'; id: number; path: string }
  | { op: 'artifact.delete'; name: string };

export interface ToolkitRun {
  /** The call's return value, JSON round-tripped (undefined stays undefined). */
  result: unknown;
  /** Set when the call threw. */
  error: { name: string; message: string } | undefined;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

const MARK = '@@toolkit-result@@';
const self = fileURLToPath(import.meta.url);

export function runToolkit(
  env: Record<string, string>,
  op: ToolkitOp,
  { cwd, timeoutMs = 120_000 }: { cwd?: string; timeoutMs?: number } = {},
): Promise<ToolkitRun> {
  // Async spawn on purpose: the fake service usually runs in this process, so
  // a synchronous child would deadlock against it.
  const child = spawn(process.execPath, [self, JSON.stringify(op)], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `toolkit child ${op.op} timed out after ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(MARK));
      if (!line) {
        reject(
          new Error(
            `toolkit child ${op.op} printed no result (exit ${exitCode})\nstdout:\n${stdout}\nstderr:\n${stderr}`,
          ),
        );
        return;
      }
      const parsed = JSON.parse(line.slice(MARK.length)) as { result?: unknown; error?: ToolkitRun['error'] };
      resolve({ result: parsed.result, error: parsed.error, exitCode, stdout, stderr });
    });
  });
}

async function perform(op: ToolkitOp): Promise<unknown> {
  switch (op.op) {
    case 'cache.save': {
      const cache = await import('@actions/cache');
      return cache.saveCache(op.paths, op.key);
    }
    case 'cache.restore': {
      const cache = await import('@actions/cache');
      return cache.restoreCache(op.paths, op.primaryKey, op.restoreKeys, {
        lookupOnly: op.lookupOnly ?? false,
      });
    }
    default: {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const client = new DefaultArtifactClient();
      switch (op.op) {
        case 'artifact.upload':
          return client.uploadArtifact(op.name, op.files, op.rootDirectory, {
            skipArchive: op.skipArchive ?? false,
          });
        case 'artifact.list':
          return client.listArtifacts();
        case 'artifact.get':
          return client.getArtifact(op.name);
        case 'artifact.download':
          return client.downloadArtifact(op.id, { path: op.path });
        case 'artifact.delete':
          return client.deleteArtifact(op.name);
      }
    }
  }
}

if (process.argv[1] === self) {
  const op = JSON.parse(process.argv[2] ?? '{}') as ToolkitOp;
  let out: { result?: unknown; error?: ToolkitRun['error'] };
  try {
    out = { result: await perform(op) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    out = { error: { name: e.name, message: e.message } };
  }
  process.stdout.write(
    `\n${MARK}${JSON.stringify(out, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}\n`,
  );
  // The artifact client can leave sockets and timers open; the result is out, so leave now.
  process.exit(0);
}
