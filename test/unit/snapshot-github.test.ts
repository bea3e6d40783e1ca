/**
 * The GitHub API calls of tag-snapshot against recorded contracts
 * (test/fixtures/github-api/, shapes from GitHub's REST documentation):
 * tag object then ref, reuse and refusal; release created or reused, assets
 * uploaded to uploads.github.com, a rerun skipping equal assets, a different
 * asset refused before any upload unless replace is set.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, test } from '@jest/globals';
import nock from 'nock';
import { sha256 } from '../../shared/hash.ts';
import { createApiTag } from '../../shared/snapshot/api-tag.ts';
import { githubClient } from '../../actions/tag-snapshot/github-client.ts';
import { assetFile, publishRelease } from '../../shared/snapshot/release.ts';
import { repoRoot } from '../support/test-image.ts';

const API = 'https://api.github.com';
const UPLOADS = 'https://uploads.github.com';
const repo = { owner: 'acme', repo: 'images' };
const COMMIT = 'c3d0be41ecbe669545ee3e94d31ed9a4bc91ee3c';
const TAG = 'image-debian-20250101-v0.1.0-a1b2c3d4';
const fixture = async (name: string) =>
  JSON.parse(await readFile(join(repoRoot, 'test/fixtures/github-api', name), 'utf8')) as Record<
    string,
    unknown
  >;
const gh = () => githubClient('ghs_test', API, 0);
const tagger = { name: 'github-actions[bot]', email: 'bot@example.com', epoch: 1735689600 };

let dir: string;
beforeAll(async () => {
  nock.disableNetConnect();
  dir = await mkdtemp(join(tmpdir(), 'snapshot-gh-'));
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  assert.deepEqual(pending, [], 'every recorded call was made');
});
afterAll(async () => {
  nock.enableNetConnect();
  await rm(dir, { recursive: true, force: true });
});

describe('tag through the API', () => {
  test('creates the tag object, then the ref', async () => {
    const tagObject = await fixture('git-tag-object.json');
    const api = nock(API, { reqheaders: { authorization: 'token ghs_test' } })
      .get(`/repos/acme/images/git/ref/tags%2F${TAG}`)
      .reply(404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest/git/refs#get-a-reference',
        status: '404',
      })
      .post('/repos/acme/images/git/tags', (body: Record<string, unknown>) => {
        assert.deepEqual(body, {
          tag: TAG,
          message: 'images\n',
          object: COMMIT,
          type: 'commit',
          tagger: { name: tagger.name, email: tagger.email, date: '2025-01-01T00:00:00.000Z' },
        });
        return true;
      })
      .reply(201, tagObject)
      .post('/repos/acme/images/git/refs', { ref: `refs/tags/${TAG}`, sha: tagObject.sha as string })
      .reply(201, await fixture('git-ref-created.json'));
    assert.equal(
      await createApiTag(gh(), { repo, name: TAG, commit: COMMIT, message: 'images\n', tagger }),
      'created',
    );
    assert.ok(api.isDone());
  });

  test('an annotated tag already on the commit is reused; on another commit it is refused', async () => {
    const ref = await fixture('git-ref.json');
    const tagObject = await fixture('git-tag-object.json');
    nock(API)
      .get(`/repos/acme/images/git/ref/tags%2F${TAG}`)
      .reply(200, ref)
      .get(`/repos/acme/images/git/tags/${(ref.object as { sha: string }).sha}`)
      .reply(200, tagObject);
    assert.equal(
      await createApiTag(gh(), { repo, name: TAG, commit: COMMIT, message: 'm', tagger }),
      'reused',
    );
    nock(API)
      .get(`/repos/acme/images/git/ref/tags%2F${TAG}`)
      .reply(200, ref)
      .get(`/repos/acme/images/git/tags/${(ref.object as { sha: string }).sha}`)
      .reply(200, tagObject);
    // No POST is recorded: nock would fail the request if one were made.
    await assert.rejects(
      createApiTag(gh(), { repo, name: TAG, commit: 'f'.repeat(40), message: 'm', tagger }),
      new RegExp(`tag ${TAG} already exists in acme/images and points at ${COMMIT}`),
    );
  });

  test('a tag already on the commit that records another snapshot is refused; its message is what is compared', async () => {
    const ref = await fixture('git-ref.json');
    const tagObject = await fixture('git-tag-object.json');
    const seen: (string | null)[] = [];
    for (const verdict of [null, 'it records x where this run has y']) {
      nock(API)
        .get(`/repos/acme/images/git/ref/tags%2F${TAG}`)
        .reply(200, ref)
        .get(`/repos/acme/images/git/tags/${(ref.object as { sha: string }).sha}`)
        .reply(200, tagObject);
      const request = createApiTag(gh(), {
        repo,
        name: TAG,
        commit: COMMIT,
        message: 'm',
        tagger,
        recordDifference: (existing) => (seen.push(existing), verdict),
      });
      if (verdict === null) assert.equal(await request, 'reused');
      else
        await assert.rejects(
          request,
          /is already on commit .* but records another snapshot \(it records x where this run has y\)/,
        );
    }
    assert.deepEqual(seen, [tagObject.message, tagObject.message]);
  });
});

describe('release', () => {
  async function files() {
    const bundle = join(dir, 'infrasim-debian-x.tar.gz');
    const sum = join(dir, 'infrasim-debian-x.tar.gz.sha256');
    await writeFile(bundle, 'bundle bytes');
    await writeFile(sum, `${sha256('bundle bytes')}  infrasim-debian-x.tar.gz\n`);
    return [assetFile(bundle), assetFile(sum)];
  }
  const release = async (assets: unknown[] = []) => ({
    ...(await fixture('release.json')),
    tag_name: TAG,
    upload_url: `${UPLOADS}/repos/acme/images/releases/1/assets{?name,label}`,
    assets,
  });
  const asset = async (id: number, name: string, content: string | null) => ({
    ...(await fixture('release-asset.json')),
    id,
    name,
    digest: content === null ? null : `sha256:${sha256(content)}`,
    browser_download_url: `https://github.com/acme/images/releases/download/${TAG}/${name}`,
  });

  /** A new release's text is 'b'; a reused release's text is left as it is. */
  const keepText = (existing: string | null) => (existing === null ? 'b' : null);

  test('created, with each asset streamed to uploads.github.com', async () => {
    const assets = await files();
    nock(API)
      .get(`/repos/acme/images/releases/tags/${TAG}`)
      .reply(404, { message: 'Not Found', status: '404' })
      .post(
        '/repos/acme/images/releases',
        (b: Record<string, unknown>) =>
          b.tag_name === TAG && b.target_commitish === COMMIT && b.draft === false && b.body === 'b',
      )
      .reply(201, await release());
    const uploads = nock(UPLOADS)
      .post('/repos/acme/images/releases/1/assets', 'bundle bytes')
      .query({ name: 'infrasim-debian-x.tar.gz' })
      .matchHeader('content-type', 'application/gzip')
      .reply(201, await asset(10, 'infrasim-debian-x.tar.gz', 'bundle bytes'))
      .post('/repos/acme/images/releases/1/assets')
      .query({ name: 'infrasim-debian-x.tar.gz.sha256' })
      .matchHeader('content-type', 'text/plain')
      .reply(201, await asset(11, 'infrasim-debian-x.tar.gz.sha256', 'x'));
    const r = await publishRelease(gh(), {
      repo,
      tag: TAG,
      commit: COMMIT,
      body: () => 'b',
      assets,
      replace: false,
    });
    assert.equal(r.action, 'created');
    assert.deepEqual(
      r.assets.map((a) => [a.name, a.action]),
      [
        ['infrasim-debian-x.tar.gz', 'uploaded'],
        ['infrasim-debian-x.tar.gz.sha256', 'uploaded'],
      ],
    );
    assert.ok(uploads.isDone());
  });

  test('a rerun skips assets of the same digest (from `digest`, or downloaded and hashed)', async () => {
    const assets = await files();
    const sumText = await readFile(assets[1]!.path, 'utf8');
    nock(API)
      .get(`/repos/acme/images/releases/tags/${TAG}`)
      .reply(200, await release())
      .get('/repos/acme/images/releases/1/assets')
      .query({ per_page: 100 })
      .reply(200, [
        await asset(10, 'infrasim-debian-x.tar.gz', 'bundle bytes'),
        await asset(11, 'infrasim-debian-x.tar.gz.sha256', null),
      ])
      .get('/repos/acme/images/releases/assets/11')
      .matchHeader('accept', 'application/octet-stream')
      .reply(200, sumText, { 'content-type': 'application/octet-stream' })
      // The text read again after the assets: unchanged, so not written.
      .get(`/repos/acme/images/releases/tags/${TAG}`)
      .reply(200, await release());
    const r = await publishRelease(gh(), {
      repo,
      tag: TAG,
      commit: COMMIT,
      body: keepText,
      assets,
      replace: false,
    });
    assert.equal(r.action, 'reused');
    assert.deepEqual(
      r.assets.map((a) => a.action),
      ['skipped', 'skipped'],
    );
  });

  test("a reused release's text is replaced with what body() makes of it as it is after the assets", async () => {
    const assets = await files();
    const seen: (string | null)[] = [];
    const order: string[] = [];
    nock(API)
      .get(`/repos/acme/images/releases/tags/${TAG}`)
      .reply(200, await release())
      .get('/repos/acme/images/releases/1/assets')
      .query({ per_page: 100 })
      .reply(200, [])
      // Read again after the uploads: another tree's run has added its record meanwhile, which is kept.
      .get(`/repos/acme/images/releases/tags/${TAG}`)
      .reply(200, async () => {
        order.push('read');
        return { ...(await release()), body: 'Description + tree 2' };
      })
      .patch('/repos/acme/images/releases/1', (b: Record<string, unknown>) => {
        order.push('text');
        return b.body === 'Description + tree 2 + another tree';
      })
      .reply(200, await release());
    nock(UPLOADS)
      .post('/repos/acme/images/releases/1/assets')
      .query(true)
      .times(2)
      .reply(201, () => {
        order.push('asset');
        return { id: 20, name: 'x', browser_download_url: 'https://github.com/x' };
      });
    const r = await publishRelease(gh(), {
      repo,
      tag: TAG,
      commit: COMMIT,
      body: (existing) => (seen.push(existing), `${existing} + another tree`),
      assets,
      replace: false,
    });
    assert.equal(r.action, 'reused');
    assert.deepEqual(seen, ['Description + tree 2']);
    assert.deepEqual(order, ['asset', 'asset', 'read', 'text']);
  });

  test('an asset with other bytes is refused before anything is uploaded; replace-assets replaces it', async () => {
    const assets = await files();
    const listing = [await asset(10, 'infrasim-debian-x.tar.gz', 'other bytes')];
    nock(API)
      .get(`/repos/acme/images/releases/tags/${TAG}`)
      .reply(200, await release())
      .get('/repos/acme/images/releases/1/assets')
      .query({ per_page: 100 })
      .reply(200, listing);
    await assert.rejects(
      publishRelease(gh(), { repo, tag: TAG, commit: COMMIT, body: keepText, assets, replace: false }),
      /already has an asset infrasim-debian-x.tar.gz with sha256 .* refusing to replace it \(set replace-assets: true/,
    );
    nock(API)
      .get(`/repos/acme/images/releases/tags/${TAG}`)
      .reply(200, await release())
      .get('/repos/acme/images/releases/1/assets')
      .query({ per_page: 100 })
      .reply(200, listing)
      .delete('/repos/acme/images/releases/assets/10')
      .reply(204)
      .get(`/repos/acme/images/releases/tags/${TAG}`)
      .reply(200, await release());
    nock(UPLOADS)
      .post('/repos/acme/images/releases/1/assets', 'bundle bytes')
      .query({ name: 'infrasim-debian-x.tar.gz' })
      .reply(201, await asset(12, 'infrasim-debian-x.tar.gz', 'bundle bytes'))
      .post('/repos/acme/images/releases/1/assets')
      .query({ name: 'infrasim-debian-x.tar.gz.sha256' })
      .reply(201, await asset(13, 'infrasim-debian-x.tar.gz.sha256', 'x'));
    const r = await publishRelease(gh(), {
      repo,
      tag: TAG,
      commit: COMMIT,
      body: keepText,
      assets,
      replace: true,
    });
    assert.deepEqual(
      r.assets.map((a) => a.action),
      ['replaced', 'uploaded'],
    );
  });
});
