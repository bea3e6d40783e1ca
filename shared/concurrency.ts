/** Bounded concurrency for work over many items (boots, builds, registry calls). */

/** Runs `task` over `items` with at most `limit` at once, keeping the results in order. */
export async function mapBounded<T, R>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  // Settled, not all: on a failure (e.g. cancellation) every other task still
  // gets to clean up (kill its QEMU, remove its files) before the error propagates.
  await allSettledInOrder(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * Promise.all that waits for every promise to settle before it throws: the
 * first rejection in argument order (not in time) is thrown, so which error
 * a caller reports does not depend on which work finished first, and no
 * work is still running (holding files) when the caller cleans up.
 */
export async function allSettledInOrder<T extends readonly unknown[]>(promises: {
  [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
