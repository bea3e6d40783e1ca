import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { runContextForEnv } from '../../actions/run-context.ts';
import { decideSigning, type SignOverride } from '../../shared/attest/trigger-policy.ts';

/** Seed 001's table and seed 000's triggers, one row per event. */
const TABLE: {
  event: string | null;
  ref: string | null;
  override?: SignOverride;
  sign: boolean;
  reason: RegExp;
}[] = [
  {
    event: 'pull_request',
    ref: 'refs/pull/7/merge',
    sign: false,
    reason: /pull_request builds are never signed/,
  },
  // A fork's pull request runs as pull_request too (GITHUB_REF refs/pull/N/merge): never signed.
  { event: 'pull_request', ref: 'refs/pull/8/merge', sign: false, reason: /never signed or pushed/ },
  // pull_request_target runs a contributor's code with the base repository's secrets.
  { event: 'pull_request_target', ref: 'refs/heads/main', sign: false, reason: /pull_request_target/ },
  { event: 'push', ref: 'refs/heads/main', sign: true, reason: /push to main/ },
  {
    event: 'push',
    ref: 'refs/heads/feature-x',
    sign: false,
    reason: /only main, v\*\.\*\.\* and image-\* tags/,
  },
  { event: 'push', ref: 'refs/tags/v1.2.3', sign: true, reason: /release tag v1\.2\.3/ },
  { event: 'push', ref: 'refs/tags/v1.2.3-rc.1', sign: true, reason: /release tag/ },
  { event: 'push', ref: 'refs/tags/v1.2', sign: false, reason: /not signed/ },
  { event: 'push', ref: 'refs/tags/version-1', sign: false, reason: /not signed/ },
  {
    event: 'push',
    ref: 'refs/tags/image-alpine-20241219-dev-a1b2-c3d4e5f6',
    sign: true,
    reason: /image tag/,
  },
  { event: 'push', ref: 'refs/tags/image-', sign: false, reason: /not signed/ },
  { event: 'schedule', ref: 'refs/heads/main', sign: true, reason: /scheduled/ },
  { event: 'workflow_dispatch', ref: 'refs/heads/feature-x', sign: true, reason: /manual dispatch/ },
  { event: 'release', ref: 'refs/tags/v1.0.0', sign: false, reason: /does not sign by policy/ },
  { event: 'issue_comment', ref: 'refs/heads/main', sign: false, reason: /does not sign by policy/ },
  { event: null, ref: null, sign: false, reason: /not running in Actions/ },
  // The input overrides the policy both ways (self-hosted use).
  { event: 'pull_request', ref: 'refs/pull/7/merge', override: 'always', sign: true, reason: /forced/ },
  { event: null, ref: null, override: 'always', sign: true, reason: /forced/ },
  { event: 'push', ref: 'refs/heads/main', override: 'never', sign: false, reason: /turned off/ },
];

for (const row of TABLE) {
  test(`${row.event ?? '(no event)'} ${row.ref ?? ''}${row.override ? ` sign: ${row.override}` : ''} → ${row.sign ? 'signs' : 'does not sign'}`, () => {
    const d = decideSigning({ eventName: row.event, ref: row.ref, defaultBranch: 'main' }, row.override);
    assert.equal(d.sign, row.sign);
    assert.match(d.reason, row.reason);
  });
}

test('the default branch is a parameter: a push to trunk signs when trunk is the default branch', () => {
  assert.equal(
    decideSigning({ eventName: 'push', ref: 'refs/heads/trunk', defaultBranch: 'trunk' }).sign,
    true,
  );
  assert.equal(
    decideSigning({ eventName: 'push', ref: 'refs/heads/main', defaultBranch: 'trunk' }).sign,
    false,
  );
});

test('the event and ref come from the runner environment in one place', async () => {
  const ctx = await runContextForEnv({
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/tags/v2.0.0',
    GITHUB_SERVER_URL: 'https://ghe.example/',
  });
  assert.equal(ctx.serverUrl, 'https://ghe.example');
  assert.equal(decideSigning({ eventName: ctx.eventName, ref: ctx.ref, defaultBranch: 'main' }).sign, true);
  assert.equal((await runContextForEnv({})).eventName, null);
});
