/**
 * The run context as an action builds it: the real @actions/github Context
 * constructed under each runner environment (push, tag push, pull request,
 * workflow_dispatch, no runner at all), with a recorded push payload for the
 * repository's visibility and ids.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, test } from '@jest/globals';
import { runContextForEnv, runContextFrom, type GitHubContext } from '../../actions/run-context.ts';
import { localRunContext, versionFromRun } from '../../shared/run-context.ts';

const PUSH_EVENT = new URL('../fixtures/github/push-event.json', import.meta.url).pathname;
const SHA = '0123456789abcdef0123456789abcdef01234567';

const scratch: string[] = [];
afterAll(async () => {
  for (const d of scratch) await rm(d, { recursive: true, force: true });
});
async function payloadFile(payload: object): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'run-context-'));
  scratch.push(d);
  const path = join(d, 'event.json');
  await writeFile(path, JSON.stringify(payload));
  return path;
}

/** What every job's environment carries, whatever the trigger. */
const RUNNER: NodeJS.ProcessEnv = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_REPOSITORY: 'acme/images',
  GITHUB_REPOSITORY_OWNER: 'acme',
  GITHUB_REPOSITORY_ID: '123456',
  GITHUB_REPOSITORY_OWNER_ID: '654321',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_JOB: 'images',
  GITHUB_ACTOR: 'octocat',
  RUNNER_ENVIRONMENT: 'github-hosted',
};

test('a push to main: every field from @actions/github and the environment, visibility from the payload', async () => {
  const ctx = await runContextForEnv({
    ...RUNNER,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: PUSH_EVENT,
    GITHUB_SHA: SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKFLOW_REF: 'acme/images/.github/workflows/image-snapshot.yml@refs/heads/main',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/req',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime-token',
    SOURCE_DATE_EPOCH: '1735689600',
  });
  assert.deepEqual(ctx, {
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    repository: 'acme/images',
    repositoryOwner: 'acme',
    repositoryId: '123456',
    repositoryOwnerId: '654321',
    sha: SHA,
    ref: 'refs/heads/main',
    eventName: 'push',
    runId: '9876543210',
    runAttempt: '2',
    job: 'images',
    workflowRef: 'acme/images/.github/workflows/image-snapshot.yml@refs/heads/main',
    runnerEnvironment: 'github-hosted',
    actor: 'octocat',
    repositoryVisibility: 'private',
    oidcTokenRequest: { url: 'https://token.example/req', token: 'runtime-token' },
    sourceDateEpoch: '1735689600',
  });
});

test('a tag push: the ref is the tag, and the version outside git is the tag name', async () => {
  const ctx = await runContextForEnv({
    ...RUNNER,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SHA: SHA,
    GITHUB_REF: 'refs/tags/v1.2.3',
  });
  assert.equal(ctx.eventName, 'push');
  assert.equal(ctx.ref, 'refs/tags/v1.2.3');
  assert.equal(versionFromRun(ctx), 'v1.2.3');
  assert.equal(ctx.repositoryVisibility, null, 'no payload: visibility unknown, not guessed');
});

test('a pull request: the merge ref and merge commit; the version outside git is the short sha', async () => {
  const merge = 'fedcba9876543210fedcba9876543210fedcba98';
  const ctx = await runContextForEnv({
    ...RUNNER,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: await payloadFile({
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, head: { sha: SHA }, merge_commit_sha: merge },
      repository: { full_name: 'acme/images', visibility: 'public', id: 123456, owner: { id: 654321 } },
    }),
    GITHUB_SHA: merge,
    GITHUB_REF: 'refs/pull/7/merge',
  });
  assert.equal(ctx.eventName, 'pull_request');
  assert.equal(ctx.sha, merge);
  assert.equal(ctx.ref, 'refs/pull/7/merge');
  assert.equal(ctx.repositoryVisibility, 'public');
  assert.equal(versionFromRun(ctx), 'fedcba9');
  assert.equal(ctx.oidcTokenRequest, null, 'no id-token: write, no token request');
});

test('workflow_dispatch on GitHub Enterprise Server: URLs without trailing slashes, ids from the payload when the env lacks them', async () => {
  const ctx = await runContextForEnv({
    GITHUB_SERVER_URL: 'https://ghe.example/',
    GITHUB_API_URL: 'https://ghe.example/api/v3/',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: await payloadFile({
      inputs: { dry_run: 'true' },
      ref: 'refs/heads/main',
      repository: {
        id: 42,
        full_name: 'infra/images',
        owner: { login: 'infra', id: 7 },
        visibility: 'internal',
      },
    }),
    GITHUB_SHA: SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '5',
    GITHUB_RUN_ATTEMPT: '1',
  });
  assert.equal(ctx.serverUrl, 'https://ghe.example');
  assert.equal(ctx.apiUrl, 'https://ghe.example/api/v3');
  assert.equal(ctx.eventName, 'workflow_dispatch');
  assert.equal(ctx.repository, 'infra/images');
  assert.equal(ctx.repositoryOwner, 'infra');
  assert.equal(ctx.repositoryId, '42');
  assert.equal(ctx.repositoryOwnerId, '7');
  assert.equal(ctx.repositoryVisibility, 'internal');
  assert.equal(ctx.runId, '5');
  assert.equal(ctx.runAttempt, '1');
});

test('no runner environment: every run fact is null, the URLs are GitHub.com defaults', async () => {
  const ctx = await runContextForEnv({});
  assert.deepEqual(ctx, localRunContext());
  assert.equal(versionFromRun(ctx), null);
});

test('a missing event file or a half-set OIDC pair gives null, not an error', async () => {
  const ctx = await runContextForEnv({
    GITHUB_EVENT_PATH: join(tmpdir(), 'no-such-event-file.json'),
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/req',
    SOURCE_DATE_EPOCH: '  ',
  });
  assert.equal(ctx.repositoryVisibility, null);
  assert.equal(ctx.oidcTokenRequest, null);
  assert.equal(ctx.sourceDateEpoch, null, 'a blank SOURCE_DATE_EPOCH is unset');
});

test('runContextFrom is a function of its arguments: the environment wins over the payload', () => {
  const github: GitHubContext = {
    payload: { repository: { full_name: 'other/name', id: 1, visibility: 'public' } },
    eventName: 'push',
    sha: SHA,
    ref: 'refs/heads/main',
    actor: undefined,
    runId: Number.NaN,
    runAttempt: Number.NaN,
    job: 'images',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
  };
  const ctx = runContextFrom(github, { GITHUB_REPOSITORY: 'acme/images', GITHUB_REPOSITORY_ID: '123456' });
  assert.equal(ctx.repository, 'acme/images');
  assert.equal(ctx.repositoryOwner, 'acme', 'the owner of owner/name when nothing else names it');
  assert.equal(ctx.repositoryId, '123456');
  assert.equal(ctx.runId, null, "@actions/github's NaN for a missing run id is null");
  assert.equal(ctx.runAttempt, null);
  assert.equal(ctx.actor, null);
  assert.equal(ctx.job, 'images', "the job's id from the context");
});
