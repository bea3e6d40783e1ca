/**
 * A build's private work directory must be gone however the build ends:
 * success, failure, or cancellation. The runner cancels a step with SIGINT
 * and then SIGTERM, and Node's default for both is to exit at once, skipping
 * every `finally`: without a handler a cancelled build leaves its staged
 * rootfs and raw disk (gigabytes) beside the output.
 */
import { rmSync } from 'node:fs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Until the returned function is called, a SIGINT, SIGTERM or SIGHUP removes
 * `dir` and then ends the process by that same signal.
 */
export function removeOnSignal(dir: string): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    // Synchronous, so nothing else runs first; the retries cover a file that a tool
    // (or a write already under way) creates while the tree is being removed.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    dispose();
    // End as the default handler would have, so the runner sees a cancellation, not a failure.
    process.kill(process.pid, signal);
  };
  const dispose = () => {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  return dispose;
}
