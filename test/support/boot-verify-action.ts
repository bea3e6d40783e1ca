/**
 * Runs actions/boot-verify/main.ts (and post.ts) from source as the runner
 * would, with a temporary working directory, and finds QEMU processes by
 * what their command line mentions, so tests can prove none is left.
 */
import { mkdtemp } from 'node:fs/promises';
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
