/**
 * The one place the run's facts are read: @actions/github's context (event
 * name and payload, sha, ref, run id and attempt, job, actor, server and API
 * URLs) plus the few variables it does not expose (repository ids, workflow
 * ref, runner environment, the OIDC token request, SOURCE_DATE_EPOCH). Each
 * action's main builds the RunContext once and hands it to shared/ as a plain
 * value.
 *
 * The Context is constructed when the context is built, not when this module
 * loads: its constructor reads and parses the event payload, and a broken
 * payload must fail inside runAction (a step error naming it), not while the
 * bundle is still loading. The class comes from @actions/github's context
 * module, reached by path: the package's entry also loads Octokit and an HTTP
 * client (undici) for its getOctokit, which reading the run's facts does not
 * need, at every step's start (workflow-commands.ts says what that costs).
 */
import { Context } from '../node_modules/@actions/github/lib/context.js';
import type { RunContext } from '../shared/run-context.ts';

/** What this module reads of @actions/github's Context: tests hand runContextFrom a plain object of this shape. */
export interface GitHubContext {
  payload: { repository?: unknown; [key: string]: unknown };
  eventName: string | undefined;
  sha: string | undefined;
  ref: string | undefined;
  actor: string | undefined;
  runId: number;
  runAttempt: number;
  job: string | undefined;
  serverUrl: string;
  apiUrl: string;
}

function text(v: unknown): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t ? t : null;
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

/**
 * The RunContext of a @actions/github context and the job's environment.
 * Pure: everything it knows comes from its two arguments. The environment is
 * read first where it and the payload both know a value (the runner sets
 * both from the same run), the payload is the fallback.
 */
export function runContextFrom(github: GitHubContext, env: NodeJS.ProcessEnv): RunContext {
  const repo = record(github.payload.repository);
  const owner = record(repo.owner);
  const url = text(env.ACTIONS_ID_TOKEN_REQUEST_URL);
  const token = text(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  const repository = text(env.GITHUB_REPOSITORY) ?? text(repo.full_name);
  return {
    serverUrl: (text(github.serverUrl) ?? 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (text(github.apiUrl) ?? 'https://api.github.com').replace(/\/+$/, ''),
    repository,
    repositoryOwner:
      text(env.GITHUB_REPOSITORY_OWNER) ?? text(owner.login) ?? repository?.split('/')[0] ?? null,
    repositoryId: text(env.GITHUB_REPOSITORY_ID) ?? text(repo.id),
    repositoryOwnerId: text(env.GITHUB_REPOSITORY_OWNER_ID) ?? text(owner.id),
    sha: text(github.sha),
    ref: text(github.ref),
    eventName: text(github.eventName),
    runId: text(github.runId),
    runAttempt: text(github.runAttempt),
    job: text(github.job),
    workflowRef: text(env.GITHUB_WORKFLOW_REF),
    runnerEnvironment: text(env.RUNNER_ENVIRONMENT),
    actor: text(github.actor),
    repositoryVisibility: text(repo.visibility),
    oidcTokenRequest: url && token ? { url, token } : null,
    sourceDateEpoch: text(env.SOURCE_DATE_EPOCH),
  };
}

let built: RunContext | undefined;

/** The step's RunContext, from @actions/github's context and process.env; built on the first call. */
export async function readRunContext(): Promise<RunContext> {
  if (built) return built;
  built = runContextFrom(new Context(), process.env);
  return built;
}

/**
 * The RunContext a step would get in the environment `env`: a fresh
 * @actions/github Context constructed while process.env is `env`. For
 * scripts, benchmarks and tests that describe a run other than their own.
 */
export async function runContextForEnv(env: NodeJS.ProcessEnv): Promise<RunContext> {
  const saved = process.env;
  // The constructor reads process.env synchronously; nothing else runs before it is put back.
  process.env = { ...env };
  let fresh: GitHubContext;
  try {
    fresh = new Context();
  } finally {
    process.env = saved;
  }
  return runContextFrom(fresh, env);
}
