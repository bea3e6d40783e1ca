/**
 * The fake results service (test/support/actions-results-service.ts) against
 * the real @actions/cache and @actions/artifact, each call in a child node
 * process with only the env a runner would set.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { BlobClient } from '@azure/storage-blob';
import { run } from '../../shared/exec.ts';
import {
  runtimeToken,
  startResultsService,
  type ResultsService,
} from '../support/actions-results-service.ts';
import { runToolkit } from '../support/actions-toolkit-child.ts';
import { needTools } from '../support/tools.ts';

async function treeBytes(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    out.set(
      relative(root, file),
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return out;
}

async function twirp(
  svc: ResultsService,
  method: string,
  body: object,
  token = svc.token,
): Promise<Response> {
  return fetch(new URL(`twirp/github.actions.results.api.v1.${method}`, svc.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

describe('actions results service fake: @actions/cache (v2)', () => {
  let svc: ResultsService;
  let work: string;
  // Each job gets its own workspace, as separate runner jobs would.
  const job = async (name: string): Promise<{ cwd: string; env: Record<string, string> }> => {
    const cwd = join(work, name);
    await mkdir(cwd, { recursive: true });
    return { cwd, env: { ...svc.env, GITHUB_WORKSPACE: cwd } };
  };

  beforeAll(async () => {
    await needTools('tar', 'zstd');
    svc = await startResultsService();
    work = await mkdtemp(join(tmpdir(), 'results-cache-'));
  });
  afterAll(async () => {
    await svc?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('save then restore round-trips a directory byte for byte', async () => {
    const a = await job('save');
    await mkdir(join(a.cwd, 'payload', 'nested'), { recursive: true });
    await writeFile(join(a.cwd, 'payload', 'small.txt'), 'hello cache\n');
    await writeFile(join(a.cwd, 'payload', 'nested', 'random.bin'), randomBytes(300_000));
    const saved = await runToolkit(
      a.env,
      { op: 'cache.save', paths: ['payload'], key: 'roundtrip-1' },
      { cwd: a.cwd },
    );
    assert.equal(saved.error, undefined, saved.stdout);
    const entry = svc.caches().find((c) => c.key === 'roundtrip-1');
    assert.ok(entry, 'the service holds the entry');
    assert.equal(saved.result, entry.id, 'saveCache returns the entry id the service finalized');
    assert.equal(entry.finalized, true);
    assert.equal(entry.sizeBytes, entry.archive?.length, 'finalized size is the uploaded archive size');
    assert.deepEqual(
      [...entry.archive!.subarray(0, 4)],
      [0x28, 0xb5, 0x2f, 0xfd],
      'archive is zstd, as the library chose',
    );

    const b = await job('restore');
    const restored = await runToolkit(
      b.env,
      { op: 'cache.restore', paths: ['payload'], primaryKey: 'roundtrip-1' },
      { cwd: b.cwd },
    );
    assert.equal(restored.error, undefined, restored.stdout);
    assert.equal(restored.result, 'roundtrip-1');
    assert.deepEqual(await treeBytes(join(b.cwd, 'payload')), await treeBytes(join(a.cwd, 'payload')));
    assert.ok(
      svc.requests.some((r) => r.service === 'blob' && r.op === 'GetBlob' && r.status === 200),
      'the archive came from the blob store',
    );
  });

  test('a miss returns undefined and downloads nothing', async () => {
    const c = await job('miss');
    const logStart = svc.requests.length;
    const r = await runToolkit(
      c.env,
      { op: 'cache.restore', paths: ['payload'], primaryKey: 'no-such-key', restoreKeys: ['nope-'] },
      { cwd: c.cwd },
    );
    assert.equal(r.error, undefined, r.stdout);
    assert.equal(r.result, undefined);
    const seen = svc.requests.slice(logStart);
    assert.deepEqual(
      seen.map((e) => `${e.op} ${e.status}`),
      ['CacheService/GetCacheEntryDownloadURL 200'],
    );
  });

  test('restore keys: newest prefix match wins; a different version never matches', async () => {
    const s = await job('prefix');
    await mkdir(join(s.cwd, 'deps'));
    await writeFile(join(s.cwd, 'deps', 'v'), 'old');
    assert.equal(
      (await runToolkit(s.env, { op: 'cache.save', paths: ['deps'], key: 'deps-linux-aaa' }, { cwd: s.cwd }))
        .error,
      undefined,
    );
    await writeFile(join(s.cwd, 'deps', 'v'), 'new');
    assert.equal(
      (await runToolkit(s.env, { op: 'cache.save', paths: ['deps'], key: 'deps-linux-bbb' }, { cwd: s.cwd }))
        .error,
      undefined,
    );

    const r = await job('prefix-restore');
    const hit = await runToolkit(
      r.env,
      {
        op: 'cache.restore',
        paths: ['deps'],
        primaryKey: 'deps-linux-zzz',
        restoreKeys: ['deps-windows-', 'deps-linux-'],
      },
      { cwd: r.cwd },
    );
    assert.equal(hit.error, undefined, hit.stdout);
    assert.equal(hit.result, 'deps-linux-bbb');
    assert.match(hit.stdout, /Cache hit for restore-key: deps-linux-bbb/);
    assert.equal(await readFile(join(r.cwd, 'deps', 'v'), 'utf8'), 'new');

    // The version hashes the path list, so another path set misses even on the exact key.
    const other = await runToolkit(
      r.env,
      { op: 'cache.restore', paths: ['other-dir'], primaryKey: 'deps-linux-aaa' },
      { cwd: r.cwd },
    );
    assert.equal(other.result, undefined);
  });

  test('a second save of the same key is refused (409) and the first entry stays', async () => {
    const s = await job('dup');
    await mkdir(join(s.cwd, 'd'));
    await writeFile(join(s.cwd, 'd', 'x'), 'first');
    const first = await runToolkit(s.env, { op: 'cache.save', paths: ['d'], key: 'dup-key' }, { cwd: s.cwd });
    assert.equal(typeof first.result, 'number');
    assert.ok((first.result as number) > 0);
    await writeFile(join(s.cwd, 'd', 'x'), 'second');
    const second = await runToolkit(
      s.env,
      { op: 'cache.save', paths: ['d'], key: 'dup-key' },
      { cwd: s.cwd },
    );
    assert.equal(second.error, undefined, 'the library reports ReserveCacheError without throwing');
    assert.equal(second.result, -1);
    assert.match(
      second.stdout,
      /Failed to save: Unable to reserve cache with key dup-key, another job may be creating this cache/,
    );
    assert.ok(
      svc.requests.some(
        (r) =>
          r.op === 'CacheService/CreateCacheEntry' &&
          r.status === 409 &&
          r.service === 'twirp' &&
          r.code === 'already_exists',
      ),
    );
    const entries = svc.caches().filter((c) => c.key === 'dup-key');
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.id, first.result);
  });

  test('a wrong runtime token is rejected with 401', async () => {
    const res = await twirp(
      svc,
      'CacheService/GetCacheEntryDownloadURL',
      { key: 'k', version: 'v' },
      runtimeToken('not-the-secret', svc.workflowRunBackendId, svc.workflowJobRunBackendId),
    );
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), { code: 'unauthenticated', msg: 'token signature is not valid' });
  });
});

describe('actions results service fake: @actions/artifact', () => {
  let svc: ResultsService;
  let work: string;
  let content: Buffer;

  beforeAll(async () => {
    await needTools('unzip');
    svc = await startResultsService();
    work = await mkdtemp(join(tmpdir(), 'results-artifact-'));
    content = randomBytes(200_000);
    await mkdir(join(work, 'out'));
    await writeFile(join(work, 'out', 'image.qcow2'), content);
  });
  afterAll(async () => {
    await svc?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('upload stores a zip holding the file, under the artifact name', async () => {
    const up = await runToolkit(
      svc.env,
      {
        op: 'artifact.upload',
        name: 'disk-image',
        files: [join(work, 'out', 'image.qcow2')],
        rootDirectory: join(work, 'out'),
      },
      { cwd: work },
    );
    assert.equal(up.error, undefined, up.stdout);
    const [artifact, ...rest] = svc.artifacts();
    assert.equal(rest.length, 0);
    assert.ok(artifact);
    assert.equal(artifact.name, 'disk-image');
    assert.equal(artifact.finalized, true);
    assert.equal(artifact.workflowRunBackendId, svc.workflowRunBackendId);
    assert.equal(artifact.workflowJobRunBackendId, svc.workflowJobRunBackendId);
    const result = up.result as { id: number; size: number; digest: string };
    assert.equal(result.id, artifact.id);
    assert.equal(result.size, artifact.bytes?.length);
    assert.equal(artifact.digest, `sha256:${createHash('sha256').update(artifact.bytes!).digest('hex')}`);
    assert.equal(result.digest, artifact.digest.slice('sha256:'.length));
    assert.ok(
      svc.requests.some((r) => r.service === 'blob' && r.op === 'PutBlockList' && r.status === 201),
      'uploaded through blocks',
    );

    const zip = join(work, 'stored.zip');
    await writeFile(zip, artifact.bytes!);
    const listing = await run('unzip', ['-Z1', zip]);
    assert.deepEqual(listing.stdout.trim().split('\n'), ['image.qcow2']);
    await run('unzip', ['-o', '-d', join(work, 'unzipped'), zip]);
    assert.ok(
      (await readFile(join(work, 'unzipped', 'image.qcow2'))).equals(content),
      'zip member bytes equal the file',
    );
  });

  test('get and download find it by name and id; a second upload of the name is refused (409)', async () => {
    const got = await runToolkit(svc.env, { op: 'artifact.get', name: 'disk-image' }, { cwd: work });
    assert.equal(got.error, undefined, got.stdout);
    const id = (got.result as { artifact: { id: number; name: string } }).artifact.id;
    assert.equal(id, svc.artifacts()[0]!.id);

    const dest = join(work, 'downloaded');
    const dl = await runToolkit(svc.env, { op: 'artifact.download', id, path: dest }, { cwd: work });
    assert.equal(dl.error, undefined, dl.stdout + dl.stderr);
    assert.ok((await readFile(join(dest, 'image.qcow2'))).equals(content));

    const missing = await runToolkit(svc.env, { op: 'artifact.get', name: 'not-there' }, { cwd: work });
    assert.equal(missing.error?.name, 'ArtifactNotFoundError');

    const dup = await runToolkit(
      svc.env,
      {
        op: 'artifact.upload',
        name: 'disk-image',
        files: [join(work, 'out', 'image.qcow2')],
        rootDirectory: join(work, 'out'),
      },
      { cwd: work },
    );
    assert.match(dup.error?.message ?? '', /\(409\) Conflict: an artifact with this name already exists/);
  });

  test('the blob store serves Range reads and properties to the Azure SDK', async () => {
    const res = await twirp(svc, 'ArtifactService/GetSignedArtifactURL', {
      workflow_run_backend_id: svc.workflowRunBackendId,
      workflow_job_run_backend_id: svc.workflowJobRunBackendId,
      name: 'disk-image',
    });
    assert.equal(res.status, 200);
    const { signed_url: signedUrl } = (await res.json()) as { signed_url: string };
    const stored = svc.artifacts()[0]!.bytes!;
    const blob = new BlobClient(signedUrl);
    const props = await blob.getProperties();
    assert.equal(props.contentLength, stored.length);
    assert.equal(props.contentType, 'application/zip');
    assert.ok((await blob.downloadToBuffer(100, 1000)).equals(stored.subarray(100, 1100)));
    assert.ok(
      svc.requests.some((r) => r.service === 'blob' && r.op === 'GetBlob' && r.status === 206 && r.range),
    );

    // A download URL is read-only, and a tampered signature is refused.
    await assert.rejects(
      blob.getBlockBlobClient().upload('x', 1),
      (e: { statusCode?: number }) => e.statusCode === 403,
    );
    const forged = new URL(signedUrl);
    forged.searchParams.set('sig', Buffer.alloc(32).toString('base64'));
    assert.equal((await fetch(forged)).status, 403);
  });

  test("backend ids must be the token's", async () => {
    const res = await twirp(svc, 'ArtifactService/ListArtifacts', {
      workflow_run_backend_id: 'someone-elses-run',
      workflow_job_run_backend_id: svc.workflowJobRunBackendId,
    });
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { code: string }).code, 'permission_denied');
  });

  test('a bad token makes the upload fail with 401 and stores nothing', async () => {
    const countBefore = svc.artifacts().length;
    const forged = runtimeToken('attacker-secret', svc.workflowRunBackendId, svc.workflowJobRunBackendId);
    const up = await runToolkit(
      { ...svc.env, ACTIONS_RUNTIME_TOKEN: forged },
      {
        op: 'artifact.upload',
        name: 'sneaky',
        files: [join(work, 'out', 'image.qcow2')],
        rootDirectory: join(work, 'out'),
      },
      { cwd: work },
    );
    assert.match(
      up.error?.message ?? '',
      /Received non-retryable error: Failed request: \(401\) Unauthorized: token signature is not valid/,
    );
    assert.equal(svc.artifacts().length, countBefore);
    assert.ok(svc.requests.some((r) => r.op === 'ArtifactService/CreateArtifact' && r.status === 401));
  });

  test('delete removes the artifact', async () => {
    const del = await runToolkit(svc.env, { op: 'artifact.delete', name: 'disk-image' }, { cwd: work });
    assert.equal(del.error, undefined, del.stdout);
    assert.equal(
      svc.artifacts().some((a) => a.name === 'disk-image'),
      false,
    );
    const list = await runToolkit(svc.env, { op: 'artifact.list' }, { cwd: work });
    assert.deepEqual((list.result as { artifacts: unknown[] }).artifacts, []);
  });
});
