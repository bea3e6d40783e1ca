/**
 * The environment a GitHub runner gives every step of a job, for a local run
 * of the chain: a workflow_dispatch of `.github/workflows/<workflow>.yml` on
 * main of `repository`, at `commit`, with the event payload GITHUB_EVENT_PATH
 * points at (the documented workflow_dispatch shape). No token and no
 * ACTIONS_* service variables: nothing in a local run can reach GitHub, and
 * an action that needed it must say so rather than half-work.
 */
import { writeFile } from 'node:fs/promises';
import { arch as hostArch } from 'node:os';

export interface WorkflowContext {
  /** owner/name */
  repository: string;
  commit: string;
  /** The workflow file's name under .github/workflows/. */
  workflow: string;
  /** Where the event payload is written. */
  eventPath: string;
}

/** runDetails.builder.id attest records for this context (verify checks it). */
export function builderId(c: WorkflowContext): string {
  return `https://github.com/${c.repository}/.github/workflows/${c.workflow}@refs/heads/main`;
}

export async function workflowEnv(c: WorkflowContext): Promise<NodeJS.ProcessEnv> {
  const [owner, name] = c.repository.split('/') as [string, string];
  const event = {
    inputs: {},
    ref: 'refs/heads/main',
    repository: {
      name,
      full_name: c.repository,
      owner: { login: owner, type: 'Organization' },
      private: false,
      visibility: 'public',
      default_branch: 'main',
      html_url: `https://github.com/${c.repository}`,
    },
    sender: { login: owner, type: 'User' },
    workflow: `.github/workflows/${c.workflow}`,
  };
  await writeFile(c.eventPath, JSON.stringify(event, null, 2) + '\n');
  return {
    CI: 'true',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_REPOSITORY: c.repository,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_SHA: c.commit,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: c.eventPath,
    GITHUB_WORKFLOW: c.workflow.replace(/\.ya?ml$/, ''),
    GITHUB_WORKFLOW_REF: `${c.repository}/.github/workflows/${c.workflow}@refs/heads/main`,
    GITHUB_JOB: 'pipeline',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: owner,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: hostArch() === 'arm64' ? 'ARM64' : 'X64',
    RUNNER_ENVIRONMENT: 'self-hosted',
  };
}
