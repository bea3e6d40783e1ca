/**
 * The snapshot tag against real git: temp repositories with `release-*`
 * tags, `v1.2.3`, no tags, a shallow clone and a detached HEAD, each pushing
 * to a local bare remote. The name never depends on the repository's other
 * tags (seed 000's implementation cut `git describe` and produced
 * `image-alpine-20251228-release--08587a35`).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, test } from '@jest/globals';
import { DataError } from '../../shared/errors.ts';
import { gitCommitTime } from '../../shared/git.ts';
import {
  ACTIONS_BOT,
  createGitTag,
  gitAuthEnv,
  resolveCommit,
  tagState,
} from '../../shared/snapshot/git-tag.ts';
import {
  OCI_TAG,
  parseTagName,
  sanitizeField,
  snapshotTagName,
  tagNameProblem,
} from '../../shared/snapshot/tag-name.ts';
import { releaseBodyWithRecord, tagRecordDifference } from '../../shared/snapshot/plan.ts';
import { needTools } from '../support/tools.ts';

const scratch: string[] = [];
afterAll(async () => {
  for (const d of scratch) await rm(d, { recursive: true, force: true });
});

const IMAGE = 'c3d4e5f6'.padEnd(64, '0');
const EPOCH = 1735689600; // 2025-01-01T00:00:00Z

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_AUTHOR_DATE: `@${EPOCH} +0000`,
      GIT_COMMITTER_DATE: `@${EPOCH} +0000`,
    },
  }).trim();
}

function checkRefFormat(name: string): boolean {
  try {
    execFileSync('git', ['check-ref-format', `refs/tags/${name}`]);
    return true;
  } catch {
    return false;
  }
}

/** A bare remote and a clone with two commits, shaped by `setup`. */
async function repo(setup: (work: string, bare: string) => string): Promise<{ work: string; bare: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'snapshot-git-'));
  scratch.push(dir);
  const bare = join(dir, 'remote.git');
  const seed = join(dir, 'seed');
  git(dir, 'init', '-q', '--bare', '-b', 'main', bare);
  git(dir, 'init', '-q', '-b', 'main', seed);
  git(seed, 'commit', '-q', '--allow-empty', '-m', 'first');
  git(seed, 'commit', '-q', '--allow-empty', '-m', 'second');
  git(seed, 'remote', 'add', 'origin', bare);
  git(seed, 'push', '-q', 'origin', 'main');
  return { work: setup(seed, bare), bare };
}

const REPOS: { name: string; setup: (work: string, bare: string) => string }[] = [
  {
    name: 'release-* tags',
    setup: (w) => {
      git(w, 'tag', '-a', '-m', 'r', 'release-2024.12', 'HEAD~1');
      git(w, 'tag', 'release-candidate');
      git(w, 'push', '-q', 'origin', '--tags');
      return w;
    },
  },
  {
    name: 'v1.2.3',
    setup: (w) => {
      git(w, 'tag', '-a', '-m', 'v', 'v1.2.3');
      git(w, 'push', '-q', 'origin', 'v1.2.3');
      return w;
    },
  },
  { name: 'no tags', setup: (w) => w },
  {
    name: 'shallow clone',
    setup: (w, bare) => {
      const shallow = join(w, '..', 'shallow');
      git(join(w, '..'), 'clone', '-q', '--depth', '1', `file://${bare}`, shallow);
      assert.equal(git(shallow, 'rev-parse', '--is-shallow-repository'), 'true');
      return shallow;
    },
  },
  {
    name: 'detached HEAD',
    setup: (w) => {
      git(w, 'checkout', '-q', '--detach', 'HEAD');
      assert.throws(() => git(w, 'symbolic-ref', 'HEAD'));
      return w;
    },
  },
];

describe('snapshot tag on real repositories', () => {
  for (const r of REPOS) {
    test(r.name, async () => {
      await needTools('git');
      const { work, bare } = await repo(r.setup);
      const commit = await resolveCommit(work, null);
      assert.equal(commit, git(work, 'rev-parse', 'HEAD'));
      const epoch = await gitCommitTime(work, commit);
      assert.equal(epoch, EPOCH);
      const name = snapshotTagName({
        type: 'alpine',
        epoch,
        infrasimVersion: 'v0.1.0-dev-a1b2c3d',
        imageSha256: IMAGE,
      });
      assert.equal(name, 'image-alpine-20250101-v0.1.0-dev-a1b2c3d-c3d4e5f6');
      assert.ok(checkRefFormat(name) && OCI_TAG.test(name) && !name.includes('--'));

      const request = {
        cwd: work,
        name,
        commit,
        message: `${name}\n\nimages listed here\n`,
        tagger: { ...ACTIONS_BOT, epoch },
        remote: 'origin',
        auth: null,
      };
      assert.deepEqual(await createGitTag(request), { action: 'created', pushed: true });
      // Annotated, on the commit, on the remote.
      assert.equal(git(bare, 'cat-file', '-t', `refs/tags/${name}`), 'tag');
      assert.equal(git(bare, 'rev-parse', `refs/tags/${name}^{commit}`), commit);
      assert.match(git(bare, 'cat-file', '-p', `refs/tags/${name}`), /images listed here/);
      // A rerun on the same commit is success and changes nothing.
      const tagObject = git(bare, 'rev-parse', `refs/tags/${name}`);
      assert.equal((await createGitTag(request)).action, 'reused');
      assert.equal(git(bare, 'rev-parse', `refs/tags/${name}`), tagObject);
    });
  }

  test('a tag of the same name on another commit is refused, locally and on the remote', async () => {
    await needTools('git');
    const { work, bare } = await repo((w) => w);
    const head = git(work, 'rev-parse', 'HEAD');
    const parent = git(work, 'rev-parse', 'HEAD~1');
    const name = 'image-alpine-20250101-v0.1.0-c3d4e5f6';
    git(work, 'tag', '-a', '-m', 'old', name, parent);
    git(work, 'push', '-q', 'origin', name);
    const req = {
      cwd: work,
      name,
      commit: head,
      message: 'm\n',
      tagger: { ...ACTIONS_BOT, epoch: EPOCH },
      remote: 'origin',
      auth: null,
    };
    await assert.rejects(createGitTag(req), (e: Error) => {
      assert.ok(e instanceof DataError);
      assert.match(
        e.message,
        new RegExp(`tag ${name} already exists on remote 'origin' and points at commit ${parent}`),
      );
      return true;
    });
    assert.equal(git(bare, 'rev-parse', `refs/tags/${name}^{commit}`), parent, 'the remote tag did not move');
    // Only in the clone (not pushed): refused too.
    git(work, 'tag', '-a', '-m', 'local', 'image-local-only', parent);
    await assert.rejects(createGitTag({ ...req, name: 'image-local-only' }), /already exists in this clone/);
    assert.deepEqual(await tagState(work, 'image-local-only', 'origin', null), {
      local: parent,
      remote: null,
    });
  });

  test('a tag already on the commit must record the same snapshot: checked in the clone and, fetched, on the remote', async () => {
    await needTools('git');
    const { work, bare } = await repo((w) => w);
    const head = git(work, 'rev-parse', 'HEAD');
    const name = 'image-alpine-20250101-v0-c3d4e5f6';
    const record = (bundle: string) =>
      `${name}\n\nImages:\n  ${IMAGE}  base.qcow2\n\nBundle: ${bundle}  b.tar.gz\nRun: https://example/run/1\n`;
    const req = (message: string) => ({
      cwd: work,
      name,
      commit: head,
      message,
      tagger: { ...ACTIONS_BOT, epoch: EPOCH },
      remote: 'origin',
      auth: null,
      recordDifference: (existing: string | null) => tagRecordDifference(existing, message),
    });
    assert.equal((await createGitTag(req(record('a'.repeat(64))))).action, 'created');
    const tagObject = git(bare, 'rev-parse', `refs/tags/${name}`);
    // Another run of the same commit (another run URL) with the same bytes: reused.
    assert.equal(
      (await createGitTag(req(record('a'.repeat(64)).replace('run/1', 'run/2')))).action,
      'reused',
    );
    // Another bundle: refused, nothing moves.
    await assert.rejects(createGitTag(req(record('b'.repeat(64)))), (e: Error) => {
      assert.ok(e instanceof DataError);
      assert.match(
        e.message,
        new RegExp(
          `tag ${name} is already on commit ${head} but records another snapshot \\(it records 'Bundle: a{64}  b.tar.gz' where this run has 'Bundle: b{64}  b.tar.gz'\\)`,
        ),
      );
      return true;
    });
    // Only on the remote (a fresh clone on another runner): its message is fetched and compared.
    git(work, 'tag', '--delete', name);
    await assert.rejects(createGitTag(req(record('b'.repeat(64)))), /records another snapshot/);
    assert.equal(git(work, 'tag', '--list', name), '', 'the remote tag was read, not copied into the clone');
    assert.equal((await createGitTag(req(record('a'.repeat(64))))).action, 'reused');
    assert.equal(git(bare, 'rev-parse', `refs/tags/${name}`), tagObject);
    assert.equal(
      git(work, 'rev-parse', `refs/tags/${name}`),
      tagObject,
      'the clone now has the remote tag object',
    );
    assert.equal(git(work, 'for-each-ref', 'refs/tag-snapshot/'), '', 'the scratch ref is gone');
    // A lightweight tag of that name records nothing: refused.
    const light = 'image-alpine-20250101-v0-lightweight';
    git(work, 'tag', light, head);
    await assert.rejects(
      createGitTag({ ...req(record('a'.repeat(64))), name: light }),
      /it is a lightweight tag, not an annotated snapshot tag/,
    );
  });

  test('the record comparison: another type or architecture is another tree of the same snapshot', () => {
    const record = (arch: string, image: string) =>
      `tag\n\nSnapshot of alpine 3.20 (${arch}) built by infrasim v1\nImages:\n  ${image}  base.qcow2\nRun: r\n`;
    assert.equal(tagRecordDifference(record('x86_64', 'a'), record('aarch64', 'b')), null);
    assert.match(tagRecordDifference(record('x86_64', 'a'), record('x86_64', 'b'))!, /' {2}a {2}base.qcow2'/);
  });

  test("the release's text: each tree's record once, a rerun's in place of its bundle's earlier record", () => {
    const record = (arch: string, sha: string, run = 'r1') =>
      `tag\n\nSnapshot of alpine 3.20 (${arch}) built by infrasim v1\nBundle: ${sha.repeat(64)}  ${arch}.tar\nRun: ${run}\n`;
    const fence = (r: string) => '```\n' + r + '```\n';
    const first = releaseBodyWithRecord(null, record('x86_64', 'a'))!;
    assert.equal(first, fence(record('x86_64', 'a')));
    assert.equal(
      releaseBodyWithRecord(first, record('x86_64', 'a', 'r2')),
      null,
      'a rerun: nothing to change',
    );
    const both = releaseBodyWithRecord(first, record('aarch64', 'b'))!;
    assert.equal(both, `${fence(record('x86_64', 'a'))}\n${fence(record('aarch64', 'b'))}`);
    // assets replaced by a rerun (replace-assets): that bundle's record is replaced, the other kept.
    assert.equal(
      releaseBodyWithRecord(both, record('x86_64', 'c')),
      `${fence(record('x86_64', 'c'))}\n${fence(record('aarch64', 'b'))}`,
    );
    // A release made by hand keeps its words; an empty one gets the record alone.
    assert.equal(releaseBodyWithRecord('Notes.\n', record('x86_64', 'a')), `Notes.\n\n${first}`);
    assert.equal(releaseBodyWithRecord('', record('x86_64', 'a')), first);
  });

  test("the release's text as people leave it: edited on github.com, other code blocks, a fence left open", () => {
    const record = (arch: string, sha: string, run = 'r1') =>
      `tag\n\nSnapshot of alpine 3.20 (${arch}) built by infrasim v1\nBundle: ${sha.repeat(64)}  ${arch}.tar\nRun: ${run}\n`;
    const fence = (r: string) => '```\n' + r + '```\n';
    const both = `${fence(record('x86_64', 'a'))}\n${fence(record('aarch64', 'b'))}`;
    // Saved from the browser: CRLF line ends. The records are still found: a rerun adds nothing.
    assert.equal(releaseBodyWithRecord(both.replace(/\n/g, '\r\n'), record('aarch64', 'b', 'r2')), null);
    // A maintainer's own code block first, and a record re-fenced with an info string.
    const edited = 'Install:\n```sh\ncurl -O x\n```\n\n' + '```text\n' + record('x86_64', 'a') + '```\n';
    assert.equal(releaseBodyWithRecord(edited, record('x86_64', 'a', 'r2')), null);
    assert.equal(
      releaseBodyWithRecord(edited, record('x86_64', 'c')),
      'Install:\n```sh\ncurl -O x\n```\n\n' + fence(record('x86_64', 'c')),
    );
    // A fence left open is closed before the record, which would otherwise be read as its code.
    assert.equal(
      releaseBodyWithRecord('Notes\n```sh\nmake\n', record('x86_64', 'a')),
      'Notes\n```sh\nmake\n```\n\n' + fence(record('x86_64', 'a')),
    );
    // Backticks in a record (a version string, say) cannot close its fence, and it is found again.
    const ticked = record('x86_64', 'a').replace('3.20', '3.20```x');
    const withTicks = releaseBodyWithRecord(null, ticked)!;
    assert.ok(withTicks.startsWith('````\n') && withTicks.endsWith('````\n'), withTicks);
    assert.equal(releaseBodyWithRecord(withTicks, ticked), null);
    // An image provenance without a version ('Snapshot of rootfs  (x86_64)') is a record all the same.
    const unversioned = record('x86_64', 'a').replace(' 3.20 ', '  ');
    assert.equal(releaseBodyWithRecord(fence(unversioned), unversioned.replace('r1', 'r2')), null);
  });

  test('the record comparison: the Run line never counts, the Bundle line only when both have one', () => {
    const base = 'tag\n\nImages:\n  x  base.qcow2\n';
    assert.equal(
      tagRecordDifference(`${base}Bundle: 1  b\nRun: r1\n`, `${base}Bundle: 1  b\nRun: r2\n`),
      null,
    );
    assert.equal(tagRecordDifference(`${base}Bundle: 1  b\nRun: r1\n`, `${base}Run: r2\n`), null);
    assert.equal(tagRecordDifference(`${base}Run: r1\n`, `${base}Bundle: 1  b\nRun: r2\n`), null);
    assert.equal(
      tagRecordDifference(`${base}\n\n`, base.replaceAll('\n', '  \n')),
      null,
      'whitespace git cleaned',
    );
    assert.match(
      tagRecordDifference(base, base.replace('x', 'y'))!,
      /it records ' {2}x {2}base.qcow2' where this run has ' {2}y {2}base.qcow2'/,
    );
    assert.match(
      tagRecordDifference(base, `${base}  z  extra.qcow2\n`)!,
      /'\(nothing\)' where this run has ' {2}z {2}extra.qcow2'/,
    );
  });

  test('a failed push leaves no tag behind in the clone', async () => {
    await needTools('git');
    const { work } = await repo((w) => w);
    git(work, 'remote', 'add', 'gone', join(work, 'no-such-remote.git'));
    const name = 'image-alpine-20250101-v0-c3d4e5f6';
    await assert.rejects(
      createGitTag({
        cwd: work,
        name,
        commit: git(work, 'rev-parse', 'HEAD'),
        message: 'm\n',
        tagger: { ...ACTIONS_BOT, epoch: EPOCH },
        remote: 'gone',
        auth: null,
      }),
    );
    assert.equal(git(work, 'tag', '--list', name), '');
  });

  test('the token reaches git as an extraheader in its environment, never in argv', () => {
    const env = gitAuthEnv('https://github.com/acme/images.git', { token: 's3cr3t-token' });
    const keys = Object.keys(env).filter((k) => k.startsWith('GIT_CONFIG_'));
    const n = Number(env.GIT_CONFIG_COUNT);
    assert.equal(env[`GIT_CONFIG_KEY_${n - 1}`], 'http.https://github.com/.extraheader');
    assert.equal(env[`GIT_CONFIG_VALUE_${n - 2}`], '', 'a persisted checkout header is cleared first');
    assert.equal(
      env[`GIT_CONFIG_VALUE_${n - 1}`],
      `AUTHORIZATION: basic ${Buffer.from('x-access-token:s3cr3t-token').toString('base64')}`,
    );
    assert.ok(keys.length >= 5);
    assert.equal(
      gitAuthEnv('/srv/git/images.git', { token: 'x' }).GIT_CONFIG_COUNT,
      process.env.GIT_CONFIG_COUNT,
    );
  });
});

describe('tag name rules', () => {
  const TABLE: { type: string; version: string; expect: string | RegExp }[] = [
    {
      type: 'alpine',
      version: 'v0.1.0-dev-a1b2c3d',
      expect: 'image-alpine-20250101-v0.1.0-dev-a1b2c3d-c3d4e5f6',
    },
    // `git describe` leftovers and separators at the ends never make an empty field or `--`.
    { type: 'alpine', version: 'release-', expect: 'image-alpine-20250101-release-c3d4e5f6' },
    {
      type: 'Debian GNU/Linux',
      version: 'v1.2.3+build.7',
      expect: 'image-Debian-GNU-Linux-20250101-v1.2.3-build.7-c3d4e5f6',
    },
    { type: 'ubuntu', version: '..hidden..x.lock', expect: 'image-ubuntu-20250101-hidden.x.lock-c3d4e5f6' },
    {
      type: 'alpine',
      version: 'a@{b}~c^d:e?f*g[h]\\i j',
      expect: 'image-alpine-20250101-a-b-c-d-e-f-g-h-i-j-c3d4e5f6',
    },
    { type: 'alpine', version: 'x'.repeat(300), expect: /^image-alpine-20250101-x+-c3d4e5f6$/ },
    { type: 'alpine', version: '---', expect: /field infrasim_short is empty after sanitising '---'/ },
    { type: '', version: 'v1', expect: /field type is empty/ },
  ];
  for (const row of TABLE) {
    test(`${JSON.stringify(row.type)} + ${JSON.stringify(row.version.slice(0, 24))}`, () => {
      const make = () =>
        snapshotTagName({ type: row.type, epoch: EPOCH, infrasimVersion: row.version, imageSha256: IMAGE });
      if (typeof row.expect === 'string' || !row.expect.source.startsWith('field')) {
        const name = make();
        if (typeof row.expect === 'string') assert.equal(name, row.expect);
        else assert.match(name, row.expect);
        assert.ok(name.length <= 128, `${name.length} characters`);
        assert.ok(OCI_TAG.test(name), `${name} is an OCI tag`);
        assert.ok(checkRefFormat(name), `${name} is a git ref`);
        assert.ok(!name.includes('--'));
        assert.equal(make(), name, 'deterministic');
      } else assert.throws(make, row.expect);
    });
  }

  test('the date is UTC from the epoch, not the wall clock', () => {
    const name = (epoch: number) =>
      snapshotTagName({ type: 'a', epoch, infrasimVersion: 'v', imageSha256: IMAGE });
    assert.equal(name(1735689599), 'image-a-20241231-v-c3d4e5f6');
    assert.equal(name(1735689600), 'image-a-20250101-v-c3d4e5f6');
  });

  test('sanitizeField and tagNameProblem', () => {
    assert.equal(sanitizeField('f', 'a--b..c-.d', 'x'), 'a-b.c.d');
    assert.equal(tagNameProblem('image-ok'), null);
    assert.match(tagNameProblem('bad..name')!, /'\.\.'/);
    assert.match(tagNameProblem('-x')!, /OCI/);
    assert.throws(
      () => parseTagName('tag', 'refs/tags/x'),
      /input 'tag': 'refs\/tags\/x' not a valid OCI tag/,
    );
    assert.throws(() => parseTagName('tag', 'x.lock'), /input 'tag'.*\.lock/);
    assert.throws(
      () => parseTagName('tag', 'HEAD'),
      /input 'tag': 'HEAD' is one of git's own revision names/,
    );
    assert.throws(() => parseTagName('tag', 'a'.repeat(40)), /input 'tag': .* reads as an object id/);
    assert.equal(parseTagName('tag', 'a'.repeat(39)), 'a'.repeat(39));
  });
});

/**
 * git's smart HTTP on 127.0.0.1 (git http-backend as CGI) behind a check of
 * the Authorization header GitHub expects from a job token: the push succeeds
 * with the token and fails without it, and the token is nowhere in the
 * arguments of the git processes (their /proc/<pid>/cmdline, read while the
 * push runs).
 */
async function smartHttpRemote(token: string) {
  const { createServer } = await import('node:http');
  const { spawn } = await import('node:child_process');
  const root = await mkdtemp(join(tmpdir(), 'snapshot-http-'));
  scratch.push(root);
  git(root, 'init', '-q', '--bare', 'images.git');
  git(join(root, 'images.git'), 'config', 'http.receivepack', 'true');
  const expected = `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers.authorization ?? '');
    if (req.headers.authorization?.toLowerCase() !== expected.toLowerCase()) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="test"' });
      return res.end();
    }
    const u = new URL(req.url!, 'http://127.0.0.1');
    const cgi = spawn('git', ['http-backend'], {
      env: {
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: u.pathname,
        QUERY_STRING: u.search.slice(1),
        REQUEST_METHOD: req.method,
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        REMOTE_USER: 'x-access-token',
        PATH: process.env.PATH,
      },
    });
    req.pipe(cgi.stdin);
    const out: Buffer[] = [];
    cgi.stdout.on('data', (b: Buffer) => out.push(b));
    cgi.on('close', () => {
      const all = Buffer.concat(out);
      const split = all.indexOf('\r\n\r\n');
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of all.subarray(0, split).toString().split('\r\n')) {
        const [k, ...v] = line.split(':');
        if (k!.toLowerCase() === 'status') status = Number(v.join(':').trim().split(' ')[0]);
        else headers[k!] = v.join(':').trim();
      }
      res.writeHead(status, headers);
      res.end(all.subarray(split + 4));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/images.git`;
  return {
    url,
    bare: join(root, 'images.git'),
    seen,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

test('the tag is pushed over HTTP with the job token as an extraheader, not in argv', async () => {
  await needTools('git');
  const token = 'ghs_pushToken_0123456789abcdef';
  const remote = await smartHttpRemote(token);
  try {
    const { work } = await repo((w) => w);
    git(work, 'remote', 'add', 'github', remote.url);
    const commit = git(work, 'rev-parse', 'HEAD');
    const name = 'image-alpine-20250101-v1-c3d4e5f6';
    const req = {
      cwd: work,
      name,
      commit,
      message: 'm\n',
      tagger: { ...ACTIONS_BOT, epoch: EPOCH },
      remote: 'github',
    };
    // Without the token: refused by the server, and the clone keeps no half-made tag.
    await assert.rejects(createGitTag({ ...req, auth: null }));
    assert.equal(git(work, 'tag', '--list', name), '');
    // While the push runs, no process on the host has the token in its arguments.
    const { readdir, readFile } = await import('node:fs/promises');
    let leaked = false;
    const watch = setInterval(() => {
      void (async () => {
        for (const pid of await readdir('/proc').catch(() => [] as string[])) {
          if (!/^\d+$/.test(pid)) continue;
          const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
          if (cmd.includes(token) || cmd.includes(Buffer.from(`x-access-token:${token}`).toString('base64')))
            leaked = true;
        }
      })();
    }, 5);
    try {
      assert.deepEqual(await createGitTag({ ...req, auth: { token } }), { action: 'created', pushed: true });
    } finally {
      clearInterval(watch);
    }
    assert.equal(leaked, false);
    assert.equal(git(remote.bare, 'rev-parse', `refs/tags/${name}^{commit}`), commit);
    assert.ok(remote.seen.some((h) => h.startsWith('basic ') || h.startsWith('Basic ')));
    // Nothing persisted in the clone's config.
    assert.doesNotMatch(git(work, 'config', '--list', '--local'), /extraheader|x-access-token/i);
    // A rerun asks the remote over HTTP with the token and reuses the tag.
    assert.equal((await createGitTag({ ...req, auth: { token } })).action, 'reused');
  } finally {
    await remote.close();
  }
});
