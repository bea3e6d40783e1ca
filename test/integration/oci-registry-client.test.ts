/**
 * The distribution API client against Debian's docker-registry on
 * 127.0.0.1, with skopeo as an independent client reading back what was
 * pushed, and the fault proxy answering 500 / 429 / hangs / resets at chosen
 * requests.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { run } from '../../shared/exec.ts';
import {
  EMPTY_CONFIG_BYTES,
  EMPTY_CONFIG_DIGEST,
  OCI_EMPTY,
  OCI_MANIFEST,
  type ImageManifest,
} from '../../shared/oci/media-types.ts';
import { RegistryClient, RegistryError } from '../../shared/oci/registry-client.ts';
import { startFaultProxy, type FaultRule } from '../support/fault-proxy.ts';
import { freePort, startRegistry, type TestRegistry } from '../support/registry.ts';
import { needTools } from '../support/tools.ts';

let registry: TestRegistry;
let dir: string;
let disk: string;
let diskDigest: string;
const DISK_BYTES = 3 * 1024 * 1024 + 12345;

beforeAll(async () => {
  await needTools('skopeo');
  registry = await startRegistry();
  dir = await mkdtemp(join(tmpdir(), 'oci-client-'));
  disk = join(dir, 'disk.qcow2');
  const bytes = randomBytes(DISK_BYTES);
  await writeFile(disk, bytes);
  diskDigest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
});
afterAll(async () => {
  await registry?.stop();
  await rm(dir, { recursive: true, force: true });
});

function client(host = registry.host, extra: Partial<ConstructorParameters<typeof RegistryClient>[0]> = {}) {
  return new RegistryClient({
    registry: host,
    chunkSize: 1024 * 1024,
    retry: { attempts: 4, baseMs: 20, maxMs: 200 },
    ...extra,
  });
}

function manifestFor(layerDigest: string, size: number, subject?: { digest: string; size: number }): Buffer {
  const m: ImageManifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: 'application/vnd.test.artifact',
    config: { mediaType: OCI_EMPTY, digest: EMPTY_CONFIG_DIGEST, size: 2 },
    layers: [{ mediaType: 'application/vnd.test.disk', digest: layerDigest, size }],
    ...(subject ? { subject: { mediaType: OCI_MANIFEST, ...subject } } : {}),
  };
  return Buffer.from(JSON.stringify(m));
}

async function pushArtifact(
  c: RegistryClient,
  repo: string,
  tag: string,
): Promise<{ digest: string; size: number }> {
  await c.uploadBlob(repo, { bytes: EMPTY_CONFIG_BYTES });
  const layer = await c.uploadBlob(repo, { path: disk, digest: diskDigest });
  const bytes = manifestFor(layer.digest, layer.size);
  const { digest } = await c.putManifest(repo, tag, bytes, OCI_MANIFEST);
  return { digest, size: bytes.length };
}

describe('registry client on a real registry', () => {
  test('a chunked upload from disk is read back by skopeo byte for byte', async () => {
    const c = client();
    const result = await c.uploadBlob('team/disk', { path: disk });
    assert.deepEqual(result, { digest: diskDigest, size: DISK_BYTES, uploaded: true, mounted: false });
    const { digest } = await pushArtifact(c, 'team/disk', 'v1');

    const raw = await run('skopeo', [
      'inspect',
      '--raw',
      '--tls-verify=false',
      `docker://${registry.host}/team/disk:v1`,
    ]);
    assert.equal(`sha256:${createHash('sha256').update(raw.stdout).digest('hex')}`, digest);
    const layout = join(dir, 'layout');
    await run('skopeo', [
      'copy',
      '--src-tls-verify=false',
      `docker://${registry.host}/team/disk:v1`,
      `oci:${layout}:v1`,
    ]);
    const copied = await readFile(join(layout, 'blobs', 'sha256', diskDigest.slice(7)));
    assert.equal(createHash('sha256').update(copied).digest('hex'), diskDigest.slice(7));
    assert.equal(copied.length, DISK_BYTES);
  });

  test('a rerun uploads nothing twice: the blob HEAD says it is there', async () => {
    const proxy = await startFaultProxy(registry.url);
    try {
      const r = await client(proxy.host).uploadBlob('team/disk', { path: disk, digest: diskDigest });
      assert.equal(r.uploaded, false);
      assert.deepEqual(
        proxy.log.map((e) => e.method),
        ['HEAD'],
      );
    } finally {
      await proxy.stop();
    }
  });

  test('a blob is mounted from another repository instead of uploaded', async () => {
    const r = await client().uploadBlob(
      'other/disk',
      { path: disk, digest: diskDigest },
      { mountFrom: 'team/disk' },
    );
    assert.equal(r.mounted, true);
    assert.equal(await client().headBlob('other/disk', diskDigest), DISK_BYTES);
  });

  test('every tag is listed (this registry ignores n: its answer has no Link, so one page)', async () => {
    const c = client();
    const manifest = await c.getManifest('team/disk', 'v1');
    assert.ok(manifest);
    const tags = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'v1'];
    for (const tag of tags) await c.putManifest('team/disk', tag, manifest.bytes, OCI_MANIFEST);
    assert.deepEqual((await c.listTags('team/disk', 3)).sort(), tags);
    assert.deepEqual(await c.listTags('nothing/here'), []);
  });

  test('manifests: HEAD, GET by tag and digest, DELETE by digest', async () => {
    const c = client();
    const layer = await c.uploadBlob('team/del', { bytes: Buffer.from('layer to delete') });
    await c.uploadBlob('team/del', { bytes: EMPTY_CONFIG_BYTES });
    const bytes = manifestFor(layer.digest, layer.size);
    const { digest } = await c.putManifest('team/del', 'gone', bytes, OCI_MANIFEST);
    const head = await c.headManifest('team/del', 'gone');
    assert.deepEqual(head, { digest, mediaType: OCI_MANIFEST, size: bytes.length });
    const byDigest = await c.getManifest('team/del', digest);
    assert.equal(byDigest?.bytes.toString(), bytes.toString());
    assert.equal(await c.deleteManifest('team/del', digest), true);
    assert.equal(await c.headManifest('team/del', 'gone'), undefined);
    assert.equal(await c.getManifest('team/del', digest), undefined);
    assert.equal(await c.deleteManifest('team/del', digest), false);
  });

  test('a manifest whose stored bytes were damaged is refused on GET', async () => {
    const c = client();
    const layer = await c.uploadBlob('team/bad', { bytes: Buffer.from('x') });
    await c.uploadBlob('team/bad', { bytes: EMPTY_CONFIG_BYTES });
    const bytes = manifestFor(layer.digest, layer.size);
    const { digest } = await c.putManifest('team/bad', 'v1', bytes, OCI_MANIFEST);
    const hex = digest.slice(7);
    const data = join(registry.storage, 'docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
    await writeFile(data, bytes.toString().replace('application/vnd.test.disk', 'application/vnd.test.dusk'));
    await assert.rejects(c.getManifest('team/bad', digest), (e: RegistryError) => {
      assert.match(e.message, /content digest mismatch/);
      assert.match(e.message, new RegExp(`registry ${registry.host}: GET manifest team/bad:${digest}`));
      return true;
    });
  });

  test('referrers: no API on this registry, so the sha256-<hex> tag index is written and read', async () => {
    const c = client();
    const subject = await pushArtifact(c, 'team/ref', 'v1');
    const sig = await c.uploadBlob('team/ref', { bytes: Buffer.from('{"bundle":1}') });
    const bytes = manifestFor(sig.digest, sig.size, subject);
    const put = await c.putManifest(
      'team/ref',
      `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      bytes,
      OCI_MANIFEST,
    );
    assert.equal(put.subjectProcessed, false);
    const descriptor = {
      mediaType: OCI_MANIFEST,
      digest: put.digest,
      size: bytes.length,
      artifactType: 'application/vnd.test.artifact',
    };
    await c.addToReferrersTag('team/ref', subject.digest, descriptor);
    await c.addToReferrersTag('team/ref', subject.digest, descriptor); // idempotent
    const found = await c.referrers('team/ref', subject.digest);
    assert.equal(found.via, 'tag');
    assert.deepEqual(found.descriptors, [descriptor]);
    assert.deepEqual((await c.referrers('team/ref', subject.digest, 'application/other')).descriptors, []);
    const tagged = await run('skopeo', [
      'inspect',
      '--raw',
      '--tls-verify=false',
      `docker://${registry.host}/team/ref:sha256-${subject.digest.slice(7)}`,
    ]);
    assert.equal(JSON.parse(tagged.stdout).manifests[0].digest, put.digest);
    await c.removeFromReferrersTag('team/ref', subject.digest, put.digest);
    assert.deepEqual((await c.referrers('team/ref', subject.digest)).descriptors, []);
  });
});

describe('registry client through the fault proxy', () => {
  async function withProxy(
    rules: FaultRule[],
    body: (c: RegistryClient, log: () => string[]) => Promise<void>,
  ) {
    const proxy = await startFaultProxy(registry.url, rules);
    try {
      await body(client(proxy.host, { idleTimeoutMs: 500 }), () =>
        proxy.log.map((e) => `${e.method} ${e.outcome}`),
      );
    } finally {
      await proxy.stop();
    }
  }

  test('a chunk answered 500 is resumed where the registry stands, not restarted', async () => {
    const bytes = randomBytes(2 * 1024 * 1024 + 7);
    const file = join(dir, 'fault-500.bin');
    await writeFile(file, bytes);
    await withProxy([{ method: 'PATCH', at: [2], fault: { status: 500 } }], async (c, log) => {
      const r = await c.uploadBlob('fault/a', { path: file });
      assert.equal(r.uploaded, true);
      assert.deepEqual(log(), [
        'HEAD forwarded 404',
        'POST forwarded 202',
        'PATCH forwarded 202',
        'PATCH 500',
        'GET forwarded 204',
        'PATCH forwarded 202',
        'PATCH forwarded 202',
        'PUT forwarded 201',
      ]);
    });
    assert.equal(
      await client().headBlob('fault/a', `sha256:${createHash('sha256').update(bytes).digest('hex')}`),
      bytes.length,
    );
  });

  test('429 with Retry-After is waited out', async () => {
    const m = await client().getManifest('team/disk', 'v1');
    await withProxy(
      [{ method: 'PUT', path: '/manifests/', at: [1], fault: { status: 429, retryAfter: 1 } }],
      async (c, log) => {
        const started = Date.now();
        await c.putManifest('team/disk', 'after-429', m!.bytes, OCI_MANIFEST);
        assert.ok(Date.now() - started >= 950, 'the Retry-After second was honoured');
        assert.deepEqual(log(), ['PUT 429', 'PUT forwarded 201']);
      },
    );
  });

  test('a hanging request times out and is retried', async () => {
    await withProxy(
      [{ method: 'GET', path: '/manifests/', at: [1], fault: { hang: true } }],
      async (c, log) => {
        const m = await c.getManifest('team/disk', 'v1');
        assert.ok(m);
        assert.deepEqual(log(), ['GET hang', 'GET forwarded 200']);
      },
    );
  });

  test('a reset commit is checked with HEAD and not uploaded again', async () => {
    const file = join(dir, 'reset.bin');
    await writeFile(file, randomBytes(1000));
    await withProxy(
      [{ method: 'PUT', path: '/blobs/uploads/', at: [1], fault: { reset: true } }],
      async (c, log) => {
        const r = await c.uploadBlob('fault/c', { path: file });
        assert.equal(r.uploaded, true);
        assert.deepEqual(log(), [
          'HEAD forwarded 404',
          'POST forwarded 202',
          'PUT reset',
          'HEAD forwarded 404',
          'POST forwarded 202',
          'PUT forwarded 201',
        ]);
      },
    );
  });

  test('retries are bounded and the final error names registry, repository and reference', async () => {
    await withProxy([{ path: '/manifests/', fault: { status: 503 } }], async (c, log) => {
      await assert.rejects(c.getManifest('team/disk', 'v1'), (e: RegistryError) => {
        assert.ok(e instanceof RegistryError);
        assert.equal(e.repository, 'team/disk');
        assert.equal(e.reference, 'v1');
        assert.equal(e.status, 503);
        assert.match(e.message, /^registry 127\.0\.0\.1:\d+: GET manifest team\/disk:v1 failed: HTTP 503/);
        assert.match(e.message, /gave up after 4 attempts/);
        return true;
      });
      assert.equal(log().length, 4);
    });
  });

  test('a Retry-After longer than the ceiling ends the retries at once', async () => {
    await withProxy([{ path: '/manifests/', fault: { status: 429, retryAfter: 3600 } }], async (c, log) => {
      await assert.rejects(c.headManifest('team/disk', 'v1'), /asks to retry after 3600 s/);
      assert.equal(log().length, 1);
    });
  });

  test('an unreachable registry fails with a clear error after bounded retries', async () => {
    const port = await freePort();
    const c = client(`127.0.0.1:${port}`, { retry: { attempts: 2, baseMs: 10 } });
    await assert.rejects(
      c.headManifest('team/disk', 'v1'),
      /registry 127\.0\.0\.1:\d+: HEAD manifest team\/disk:v1 failed: ECONNREFUSED \(gave up after 2 attempts\)/,
    );
  });
});
