/**
 * The GitHub Actions cache (@actions/cache), used only to save downloads:
 * nothing restored is trusted (callers verify every restored byte as they
 * would a download), and nothing about the cache can fail a step. Without a
 * cache service (no ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL: a local run, a
 * runner without one) the library is never loaded and nothing is logged.
 */

export interface CacheLog {
  info(message: string): void;
  warning(message: string): void;
}

const quiet: CacheLog = { info: () => undefined, warning: () => undefined };

/**
 * Whether the runner's results service (cache v2 and artifacts) can be
 * reached: the runner gives every job its URL and a token for it. The one
 * test of this for both @actions/cache and @actions/artifact users.
 */
export function resultsServiceAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN?.trim() && env.ACTIONS_RESULTS_URL?.trim());
}

/**
 * Whether a cache service is there to talk to: the results service, or the
 * older cache service some GitHub Enterprise Server runners still give
 * (ACTIONS_CACHE_URL); the library itself decides which protocol (v1/v2).
 */
export function actionsCacheAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    resultsServiceAvailable(env) ||
    Boolean(env.ACTIONS_RUNTIME_TOKEN?.trim() && env.ACTIONS_CACHE_URL?.trim())
  );
}

// Loaded on first use: a step without a cache service never pays for (or trips over) the library.
async function library(): Promise<typeof import('@actions/cache') | undefined> {
  return actionsCacheAvailable() ? import('@actions/cache') : undefined;
}

/**
 * Restores `paths` from the entry `key`, else the newest entry whose key starts
 * with one of `restoreKeys`. Returns the key that matched, or undefined for a
 * miss, no service, or a failure (logged as a warning).
 */
export async function restoreActionsCache(
  paths: string[],
  key: string,
  restoreKeys: string[] = [],
  log: CacheLog = quiet,
): Promise<string | undefined> {
  const cache = await library();
  if (!cache) return undefined;
  try {
    return (await cache.restoreCache(paths, key, restoreKeys)) ?? undefined;
  } catch (e) {
    log.warning(`cache restore of ${key} failed (continuing without it): ${(e as Error).message}`);
    return undefined;
  }
}

/**
 * Saves `paths` under `key`. True when the entry was stored; false with no
 * service, when another job stored the key first, or on a failure (logged as
 * a warning).
 */
export async function saveActionsCache(
  paths: string[],
  key: string,
  log: CacheLog = quiet,
): Promise<boolean> {
  const cache = await library();
  if (!cache) return false;
  try {
    // The library returns -1 when it logged why it did not save (e.g. the key is taken).
    return (await cache.saveCache(paths, key)) !== -1;
  } catch (e) {
    if ((e as Error).name === 'ReserveCacheError') {
      log.info(`cache ${key} was saved by another job`);
      return false;
    }
    log.warning(`cache save of ${key} failed (the build is unaffected): ${(e as Error).message}`);
    return false;
  }
}
