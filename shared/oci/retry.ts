/**
 * When to retry a registry request and how long to wait: bounded attempts,
 * exponential backoff with jitter, and the server's `Retry-After` (seconds
 * or an HTTP date) honoured on 429 and 5xx up to a ceiling — a registry that
 * asks for an hour's pause gets a clear error instead of a stuck job.
 */

export interface RetryPolicy {
  /** Attempts in total, the first included (1 = no retry). */
  attempts: number;
  /** First backoff; doubled per attempt. */
  baseMs: number;
  /** Largest computed backoff. */
  maxMs: number;
  /** The longest `Retry-After` that is waited for; a longer one ends the retries. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseMs: 500,
  maxMs: 15_000,
  maxRetryAfterMs: 120_000,
};

/** Statuses that say "try again later" rather than "this request is wrong". */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

/** Milliseconds a `Retry-After` header asks for, or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait before attempt `attempt + 1` (attempt counts from 0). Jitter keeps parallel uploads apart. */
export function backoffMs(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.round(exp / 2 + (exp / 2) * random());
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
