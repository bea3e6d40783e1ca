/**
 * SOURCE_DATE_EPOCH resolved one way for every action, against real git:
 * the input, then SOURCE_DATE_EPOCH, then the commit's committer time, then
 * the caller's choice (an error naming what to set, or the wall clock
 * reported as such) — never the clock unasked.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { InputError } from '../../shared/errors.ts';
import { gitCommit, gitCommitTime, gitDescribe, gitSymbolicRef, sourceFacts } from '../../shared/git.ts';
import { localRunContext } from '../../shared/run-context.ts';
import {
  ENVIRONMENT_NAME,
  givenSourceDate,
  parseSourceDateEpoch,
  resolveSourceDate,
} from '../../shared/source-date.ts';
import { needTools } from '../support/tools.ts';

const FIRST = 1704067200; // 2024-01-01T00:00:00Z
const SECOND = 1735689600; // 2025-01-01T00:00:00Z
const INPUT = { name: 'source-date-epoch', value: '' };
const NO_ENV = localRunContext();
const WITH_ENV = localRunContext({ sourceDateEpoch: '1600000000' });

const scratch: string[] = [];
afterAll(async () => {
  for (const d of scratch) await rm(d, { recursive: true, force: true });
});
async function dir(prefix: string): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), prefix));
  scratch.push(d);
  return d;
}

function commitAt(cwd: string, epoch: number, message: string): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
    GIT_AUTHOR_DATE: `@${epoch} +0000`,
    GIT_COMMITTER_DATE: `@${epoch} +0000`,
  };
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd, env });
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
}

let repo: string;
let first: string;
let second: string;
/** A temporary directory outside any checkout (tmpdir is not in one). */
let plain: string;
beforeAll(async () => {
  await needTools('git');
  repo = await dir('source-date-git-');
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  first = commitAt(repo, FIRST, 'first');
  second = commitAt(repo, SECOND, 'second');
  plain = await dir('source-date-plain-');
  await writeFile(join(plain, 'README'), 'not a checkout');
});

describe('precedence', () => {
  test('the input wins over SOURCE_DATE_EPOCH and the commit', async () => {
    const d = await resolveSourceDate({
      ctx: WITH_ENV,
      input: { ...INPUT, value: ' 1500000000 ' },
      checkout: repo,
      otherwise: 'error',
    });
    assert.deepEqual(d, { epoch: 1500000000, origin: 'input', description: "input 'source-date-epoch'" });
  });

  test('SOURCE_DATE_EPOCH from the run context wins over the commit', async () => {
    const d = await resolveSourceDate({ ctx: WITH_ENV, input: INPUT, checkout: repo, otherwise: 'error' });
    assert.equal(d.epoch, 1600000000);
    assert.equal(d.origin, 'SOURCE_DATE_EPOCH');
  });

  test("then HEAD's committer time", async () => {
    const d = await resolveSourceDate({ ctx: NO_ENV, input: INPUT, checkout: repo, otherwise: 'error' });
    assert.equal(d.epoch, SECOND);
    assert.equal(d.origin, 'commit time');
    assert.match(d.description, /committer time of HEAD in .*source-date-git-/);
  });

  test('a named commit dates the build by its own time, not HEAD', async () => {
    const d = await resolveSourceDate({ ctx: NO_ENV, checkout: repo, commit: first, otherwise: 'error' });
    assert.equal(d.epoch, FIRST);
    assert.match(d.description, new RegExp(`committer time of ${first.slice(0, 12)} in`));
  });
});

describe('malformed values are errors that name their source', () => {
  for (const bad of ['yesterday', '-1', '1.5', '1e9', '0x10', '253402300800'])
    test(`SOURCE_DATE_EPOCH=${bad}`, async () => {
      await assert.rejects(
        resolveSourceDate({
          ctx: localRunContext({ sourceDateEpoch: bad }),
          checkout: repo,
          otherwise: 'error',
        }),
        (e: unknown) =>
          e instanceof InputError &&
          e.input === ENVIRONMENT_NAME &&
          e.message.includes(`'${bad}' is not a Unix time`),
      );
    });

  test('a malformed input is named even when SOURCE_DATE_EPOCH is fine', () => {
    assert.throws(
      () => givenSourceDate(WITH_ENV, { name: 'source-date-epoch', value: 'now' }),
      /input 'source-date-epoch': 'now' is not a Unix time/,
    );
  });

  test('the bounds: 0 and 9999-12-31T23:59:59Z are accepted', () => {
    assert.equal(parseSourceDateEpoch('x', '0'), 0);
    assert.equal(parseSourceDateEpoch('x', '253402300799'), 253402300799);
  });
});

describe('nothing gives a time', () => {
  test("'error': an InputError naming the input and what to set", async () => {
    await assert.rejects(
      resolveSourceDate({ ctx: NO_ENV, input: INPUT, checkout: plain, otherwise: 'error' }),
      /input 'source-date-epoch': is not set and there is no git commit in .*source-date-plain-.* to take the date from/,
    );
  });

  test("'error' without an input names SOURCE_DATE_EPOCH", async () => {
    await assert.rejects(
      resolveSourceDate({ ctx: NO_ENV, checkout: null, otherwise: 'error' }),
      (e: unknown) =>
        e instanceof InputError && e.input === 'SOURCE_DATE_EPOCH' && /no checkout/.test(e.message),
    );
  });

  test("'wall clock': the current second, reported as the wall clock", async () => {
    const d = await resolveSourceDate({
      ctx: NO_ENV,
      checkout: plain,
      otherwise: 'wall clock',
      now: () => 1767225600_999,
    });
    assert.equal(d.epoch, 1767225600);
    assert.equal(d.origin, 'wall clock');
    assert.match(d.description, /wall clock: SOURCE_DATE_EPOCH is not set .* not reproducible/);
  });

  test('a repository without commits is no commit', async () => {
    const empty = await dir('source-date-empty-');
    execFileSync('git', ['init', '-q', empty]);
    assert.equal(await gitCommitTime(empty), null);
    await assert.rejects(resolveSourceDate({ ctx: NO_ENV, checkout: empty, otherwise: 'error' }), InputError);
  });
});

describe('git facts, read in one module', () => {
  test('git gives the commit, branch, describe and time; outside a checkout each is null', async () => {
    assert.equal(await gitCommit(repo), second);
    assert.equal(await gitSymbolicRef(repo), 'refs/heads/main');
    assert.equal(await gitDescribe(repo), second.slice(0, 7));
    assert.equal(await gitCommitTime(repo, first), FIRST);
    for (const f of [gitCommit, gitSymbolicRef, gitDescribe, gitCommitTime])
      assert.equal(await f(plain), null);
  });

  test("sourceFacts prefers the run's sha and ref, and falls back to git", async () => {
    const run = localRunContext({ sha: first, ref: 'refs/tags/v1', repository: 'acme/images' });
    assert.deepEqual(await sourceFacts(repo, run), {
      sha: first,
      ref: 'refs/tags/v1',
      repository: 'acme/images',
    });
    assert.deepEqual(await sourceFacts(repo, localRunContext()), {
      sha: second,
      ref: 'refs/heads/main',
      repository: null,
    });
    assert.deepEqual(await sourceFacts(plain, localRunContext()), { sha: null, ref: null, repository: null });
  });
});
