/**
 * The GitHub REST client for tags and releases: @actions/github's Octokit
 * with the throttling and retry plugins (secondary rate limits and 5xx are
 * waited out, a bounded number of times), pointed at the run's API URL so
 * GitHub Enterprise Server works.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { GitHubClient } from '../../shared/snapshot/github-api.ts';

export function githubClient(token: string, apiUrl: string, retries = 3): GitHubClient {
  return getOctokit(
    token,
    {
      baseUrl: apiUrl.replace(/\/+$/, ''),
      retry: { retries },
      throttle: {
        // Retry a rate-limited request twice, then fail with GitHub's answer.
        onRateLimit: (_after: number, _options: object, _octokit: unknown, count: number) => count < 2,
        onSecondaryRateLimit: (_after: number, _options: object, _octokit: unknown, count: number) =>
          count < 2,
      },
    },
    retry,
    throttling,
  );
}
