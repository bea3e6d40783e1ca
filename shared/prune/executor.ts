/**
 * Carries out a Plan exactly: the deletions it lists, in its order, within a
 * deletes-per-minute budget, nothing else. A deletion whose prerequisites
 * (the manifests listed in `after`: the index, subject or fallback tag that
 * refers to it) did not all go is skipped, so a failure or a refusal never
 * leaves a manifest that stays referring to one deleted from under it; what is
 * left over is unreferenced, and the next run picks up where this one stopped.
 * 404 counts as done; a refusal (GHCR's 400/403/422) is reported and not
 * retried; a rate limit that outlasted the client's retries stops the run
 * (StopDeleting): every deletion after it would meet the same limit.
 */
import { type DeletionResult, type Plan, type PruneTarget, StopDeleting } from './types.ts';

/**
 * Spaces deletions evenly: at most `perMinute` in any minute, one every
 * 60/perMinute seconds (GitHub asks for at least a second between mutating
 * requests; a burst-then-wait window would hit its per-minute limits in bursts).
 */
export class DeleteBudget {
  private readonly intervalMs: number;
  private nextAt = 0;
  readonly times: number[] = [];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    perMinute: number,
    now: () => number = () => Date.now(),
    sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.intervalMs = 60_000 / perMinute;
    this.now = now;
    this.sleep = sleep;
  }

  async take(): Promise<void> {
    const wait = this.nextAt - this.now();
    if (wait > 0) await this.sleep(wait);
    const at = this.now();
    this.times.push(at);
    this.nextAt = at + this.intervalMs;
  }

  /** The most deletions that started within any 60 s window. */
  busiestMinute(): number {
    let best = 0;
    for (let i = 0, j = 0; j < this.times.length; j++) {
      while (this.times[j]! - this.times[i]! >= 60_000) i++;
      best = Math.max(best, j - i + 1);
    }
    return best;
  }
}

export interface ExecuteOptions {
  budget: DeleteBudget;
  log: (line: string) => void;
}

export async function executePlan(
  plan: Plan,
  target: PruneTarget,
  o: ExecuteOptions,
): Promise<DeletionResult[]> {
  const results: DeletionResult[] = [];
  if (plan.blocked.length > 0) return results;
  const gone = new Set<string>();
  let stopped: string | null = null;
  let notAttempted = 0;
  for (const d of plan.delete) {
    const base = { id: d.id, digest: d.digest, tags: d.tags };
    if (stopped) {
      results.push({ ...base, outcome: 'skipped', message: `not attempted: ${stopped}`, stoppedBy: stopped });
      notAttempted++;
      continue;
    }
    const pending = (d.after ?? []).filter((x) => !gone.has(x));
    if (pending.length > 0) {
      const r: DeletionResult = {
        ...base,
        outcome: 'skipped',
        message: `${pending.join(', ')} still there, referring to it: deleting it would break ${pending.length === 1 ? 'that manifest' : 'those manifests'}`,
      };
      results.push(r);
      o.log(`skipped ${d.digest}: ${r.message}`);
      continue;
    }
    await o.budget.take();
    try {
      const r = await target.deleteVersion({ id: d.id, digest: d.digest });
      results.push({ ...base, outcome: r.outcome, ...(r.message ? { message: r.message } : {}) });
      if (r.outcome !== 'refused') gone.add(d.digest);
      o.log(
        `${r.outcome === 'deleted' ? 'deleted' : r.outcome === 'already-gone' ? 'already gone' : 'REFUSED'} ` +
          `${d.digest}${d.tags.length ? ` [${d.tags.join(', ')}]` : ''} (${d.kind}: ${d.reason})${r.message ? ` — ${r.message}` : ''}`,
      );
    } catch (e) {
      const message = (e as Error).message;
      results.push({ ...base, outcome: 'failed', message });
      o.log(`FAILED ${d.digest}: ${message}`);
      if (e instanceof StopDeleting) {
        stopped = message;
        o.log(`stopped: ${message}`);
      }
    }
  }
  if (notAttempted)
    o.log(`${notAttempted} deletion(s) not attempted after the stop; a rerun continues from here`);
  return results;
}
