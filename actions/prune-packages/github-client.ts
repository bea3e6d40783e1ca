/**
 * The GitHub REST client for prune-packages: @actions/github's Octokit with
 * the throttling plugin (a 403/429 naming the secondary rate limit, or a
 * primary-limit 403, is retried after what GitHub asks, at most 3 times) and
 * the retry plugin (5xx retried with backoff; 400/401/403/404/410/422/451
 * never). Built here because only the action adapters touch the toolkit.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { PackagesApi } from '../../shared/prune/ghcr-target.ts';

export function packagesApi(
  token: string,
  apiUrl: string,
  log: (line: string) => void,
  /** Multiplies GitHub's Retry-After seconds (1000 in production; tests shorten it). */
  retryAfterBaseMs = 1000,
): PackagesApi {
  let requests = 0;
  const onLimit =
    (what: string) =>
    (after: number, options: { method: string; url: string }, _octokit: unknown, count: number) => {
      log(`${what} on ${options.method} ${options.url}; retrying in ${after} s (retry ${count + 1})`);
      return count < 3;
    };
  const octokit = getOctokit(
    token,
    {
      baseUrl: apiUrl,
      throttle: {
        retryAfterBaseValue: retryAfterBaseMs,
        onRateLimit: onLimit('rate limit reached'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
      },
      retry: { retryAfterBaseValue: retryAfterBaseMs },
    },
    throttling,
    retry,
  );
  octokit.hook.before('request', () => {
    requests++;
  });
  return {
    request: (route, params) => octokit.request(route, params),
    pages: (route, params) => octokit.paginate.iterator(route, params),
    requests: () => requests,
  };
}
