/**
 * The run the attestation describes, read from the runner's environment in
 * this one place (as docker/metadata-action builds one context at the edge):
 * every other module of shared/attest gets it as a value, so the trigger
 * policy, the statement and the image provenance are pure functions of it.
 * A value the environment does not give is null, never invented.
 */
import { readFileSync } from 'node:fs';

export interface RunContext {
  /** e.g. https://github.com */
  serverUrl: string;
  /** owner/name */
  repository: string | null;
  repositoryId: string | null;
  repositoryOwnerId: string | null;
  sha: string | null;
  /** refs/heads/main, refs/tags/v1.2.3, refs/pull/7/merge */
  ref: string | null;
  eventName: string | null;
  runId: string | null;
  runAttempt: string | null;
  /** owner/name/.github/workflows/x.yml@refs/heads/main */
  workflowRef: string | null;
  /** github-hosted | self-hosted */
  runnerEnvironment: string | null;
  /** public | private | internal, from the event payload (GITHUB_EVENT_PATH); picks keyless signing's Sigstore instance. */
  repositoryVisibility?: string | null;
  /** The runner's OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, set only with `id-token: write`). */
  oidcTokenRequest?: { url: string; token: string } | null;
}

function oidcTokenRequest(env: NodeJS.ProcessEnv): RunContext['oidcTokenRequest'] {
  const url = value(env, 'ACTIONS_ID_TOKEN_REQUEST_URL');
  const token = value(env, 'ACTIONS_ID_TOKEN_REQUEST_TOKEN');
  return url && token ? { url, token } : null;
}

/** repository.visibility of the event payload, when the runner gave one. */
function eventVisibility(path: string | null): string | null {
  if (!path) return null;
  try {
    const event = JSON.parse(readFileSync(path, 'utf8')) as { repository?: { visibility?: unknown } };
    return typeof event.repository?.visibility === 'string' ? event.repository.visibility : null;
  } catch {
    return null;
  }
}

function value(env: NodeJS.ProcessEnv, name: string): string | null {
  const v = env[name]?.trim();
  return v ? v : null;
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  return {
    serverUrl: (value(env, 'GITHUB_SERVER_URL') ?? 'https://github.com').replace(/\/+$/, ''),
    repository: value(env, 'GITHUB_REPOSITORY'),
    repositoryId: value(env, 'GITHUB_REPOSITORY_ID'),
    repositoryOwnerId: value(env, 'GITHUB_REPOSITORY_OWNER_ID'),
    sha: value(env, 'GITHUB_SHA'),
    ref: value(env, 'GITHUB_REF'),
    eventName: value(env, 'GITHUB_EVENT_NAME'),
    runId: value(env, 'GITHUB_RUN_ID'),
    runAttempt: value(env, 'GITHUB_RUN_ATTEMPT'),
    workflowRef: value(env, 'GITHUB_WORKFLOW_REF'),
    runnerEnvironment: value(env, 'RUNNER_ENVIRONMENT'),
    repositoryVisibility: eventVisibility(value(env, 'GITHUB_EVENT_PATH')),
    oidcTokenRequest: oidcTokenRequest(env),
  };
}

/** The workflow file's path inside the repository, from GITHUB_WORKFLOW_REF (`owner/name/<path>@<ref>`). */
export function workflowPath(ctx: RunContext): string | null {
  if (!ctx.workflowRef || !ctx.repository) return null;
  const prefix = `${ctx.repository}/`;
  const at = ctx.workflowRef.lastIndexOf('@');
  const withoutRef = at > 0 ? ctx.workflowRef.slice(0, at) : ctx.workflowRef;
  return withoutRef.startsWith(prefix) ? withoutRef.slice(prefix.length) : null;
}

/** The builder id GitHub's own attestations use: `<server>/<owner>/<name>/<workflow path>@<ref>`. */
export function defaultBuilderId(ctx: RunContext): string | null {
  return ctx.workflowRef ? `${ctx.serverUrl}/${ctx.workflowRef}` : null;
}

/** The run's URL, per attempt (SLSA runDetails.metadata.invocationId). */
export function invocationId(ctx: RunContext): string | null {
  if (!ctx.repository || !ctx.runId) return null;
  return `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}/attempts/${ctx.runAttempt ?? '1'}`;
}
