/** The GitHub REST client's type, the repository reference and error status for tags and releases. */
import type { Octokit } from '@octokit/core';
import type { PaginateInterface } from '@octokit/plugin-paginate-rest';
import type { Api } from '@octokit/plugin-rest-endpoint-methods';
import { InputError } from '../errors.ts';

/**
 * What tag-snapshot needs of a client: @actions/github's Octokit (REST
 * methods and pagination). It is made in the action (actions/tag-snapshot/
 * github-client.ts: only the adapters touch the runner toolkit) and handed in.
 */
export type GitHubClient = Octokit & Api & { paginate: PaginateInterface };

export interface RepoRef {
  owner: string;
  repo: string;
}

export function parseRepository(input: string, raw: string): RepoRef {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(raw.trim());
  if (!m)
    throw new InputError(
      input,
      `'${raw}' is not a repository`,
      'owner/name, e.g. acme/images (GITHUB_REPOSITORY)',
    );
  return { owner: m[1]!, repo: m[2]! };
}

/** The HTTP status of an Octokit RequestError, or null. */
export function httpStatus(e: unknown): number | null {
  const status = (e as { status?: unknown }).status;
  return typeof status === 'number' ? status : null;
}
