/**
 * The one place the actions meet the runner: typed input reading, outputs,
 * failures. Each actions/<name>/main.ts is `runAction(async () => …)` around a
 * call into shared/.
 */
import * as core from './workflow-commands.ts';
import { InputError } from '../shared/errors.ts';
import { useToolStreamer } from '../shared/exec-stream.ts';
import { actionsToolStreamer } from './tool-streamer.ts';

/**
 * Reads every input of an action. `names` must list exactly the keys of the
 * generated Inputs interface (the `satisfies` at the call site enforces it).
 */
export function readInputs<T extends object>(names: Record<keyof T, true>): T {
  const out: Record<string, string> = {};
  for (const name of Object.keys(names)) out[name] = core.getInput(name);
  return out as T;
}

export function setOutputs<T extends object>(outputs: Partial<T>): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (value !== undefined) core.setOutput(name, value as string);
  }
}

/** Runs an action body; any error fails the step with its message and a non-zero exit. */
export async function runAction(body: () => Promise<void>): Promise<void> {
  // Long tools (mmdebstrap, apk, qemu-img convert) stream their output into the step log.
  useToolStreamer(actionsToolStreamer);
  try {
    await body();
  } catch (e) {
    const err = e as Error;
    if (process.env.RUNNER_DEBUG === '1' && err.stack) core.debug(err.stack);
    // One annotation per failure; a rejected input says so in its title.
    core.error(err.message, { title: err instanceof InputError ? 'Invalid input' : `${err.name}` });
    process.exitCode = 1;
  }
}

/** Writes a job summary when the runner provides one (GITHUB_STEP_SUMMARY); a no-op elsewhere. */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}

export { core };

/** An AbortSignal that fires when the job is cancelled (the runner sends SIGINT, then SIGTERM). */
export function cancellationSignal(action: string): AbortSignal {
  const cancel = new AbortController();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      core.warning(`${action}: ${signal} received, stopping QEMU`);
      cancel.abort();
    });
  }
  return cancel.signal;
}
