/**
 * The workflow run an action step belongs to, as one plain value. The action
 * layer builds it once (actions/run-context.ts, from @actions/github's
 * context), the way docker/metadata-action builds its context at the edge;
 * every module in shared/ takes it as a parameter and never reads the
 * runner's GITHUB_* variables itself, so each is a function of its arguments.
 * A value the runner does not give is null, never invented.
 */

export interface RunContext {
  /** e.g. https://github.com (no trailing slash) */
  serverUrl: string;
  /** e.g. https://api.github.com (no trailing slash) */
  apiUrl: string;
  /** owner/name */
  repository: string | null;
  repositoryOwner: string | null;
  repositoryId: string | null;
  repositoryOwnerId: string | null;
  sha: string | null;
  /** refs/heads/main, refs/tags/v1.2.3, refs/pull/7/merge */
  ref: string | null;
  eventName: string | null;
  runId: string | null;
  runAttempt: string | null;
  /** GITHUB_JOB: the job's id in the workflow (e.g. `build`). */
  job?: string | null;
  /** owner/name/.github/workflows/x.yml@refs/heads/main */
  workflowRef: string | null;
  /** github-hosted | self-hosted */
  runnerEnvironment: string | null;
  actor: string | null;
  /** public | private | internal, from the event payload; picks keyless signing's Sigstore instance. */
  repositoryVisibility?: string | null;
  /** The runner's OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, set only with `id-token: write`). */
  oidcTokenRequest?: { url: string; token: string } | null;
  /** SOURCE_DATE_EPOCH as the job's environment gives it, unparsed (shared/source-date.ts parses it). */
  sourceDateEpoch?: string | null;
}

/** A run with nothing known: a local run outside GitHub Actions, and the default for library callers. */
export function localRunContext(overrides: Partial<RunContext> = {}): RunContext {
  return {
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    repository: null,
    repositoryOwner: null,
    repositoryId: null,
    repositoryOwnerId: null,
    sha: null,
    ref: null,
    eventName: null,
    runId: null,
    runAttempt: null,
    job: null,
    workflowRef: null,
    runnerEnvironment: null,
    actor: null,
    repositoryVisibility: null,
    oidcTokenRequest: null,
    sourceDateEpoch: null,
    ...overrides,
  };
}

/** The workflow file's path inside the repository, from the workflow ref (`owner/name/<path>@<ref>`). */
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

/**
 * The version the runner implies, for a build outside a git checkout (a
 * workflow that downloaded the sources as an artifact, a container job
 * without .git): the tag for a tag push (`refs/tags/v1.2.3` → `v1.2.3`), else
 * the commit abbreviated as `git describe --always` would (7 hex digits).
 * Null when the runner says nothing.
 */
export function versionFromRun(ctx: Pick<RunContext, 'sha' | 'ref'>): string | null {
  const tag = /^refs\/tags\/(\S+)$/.exec(ctx.ref ?? '');
  if (tag) return tag[1]!;
  const sha = ctx.sha ?? '';
  return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha) ? sha.slice(0, 7) : null;
}
