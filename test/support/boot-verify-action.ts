/**
 * Runs actions/boot-verify/main.ts (and post.ts) from source as the runner
 * would, with a temporary working directory, and finds QEMU processes by
 * what their command line mentions, so tests can prove none is left.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runActionMain, startAction, type ActionRun, type StartedAction } from './run-action.ts';

export type BootVerifyRun = ActionRun;

/**
 * Starts the action from source in a new working directory that is also its
 * RUNNER_TEMP, so every QEMU it starts mentions that directory on its command
 * line; `done` resolves when it exited.
 */
export async function startBootVerify(inputs: Record<string, string>): Promise<StartedAction> {
  const cwd = await mkdtemp(join(tmpdir(), 'boot-verify-test-'));
  return startAction('boot-verify', inputs, { cwd, env: { RUNNER_TEMP: cwd } });
}

export async function runBootVerify(inputs: Record<string, string>): Promise<BootVerifyRun> {
  return (await startBootVerify(inputs)).done;
}

/** Runs the post step in the same working directory with the state the main step saved. */
export function runPost(cwd: string, state: Record<string, string>): Promise<BootVerifyRun> {
  return runActionMain('boot-verify', {}, { entry: 'post', cwd, state });
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
