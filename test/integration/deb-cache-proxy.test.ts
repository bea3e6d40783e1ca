/**
 * The .deb cache proxy mmdebstrap's apt goes through (shared/image/deb-cache-proxy.ts),
 * driven over real HTTP as apt drives a proxy (absolute URIs) against a local
 * mirror: pool .debs are kept and answered from the cache, everything else
 * passes through, a cached file is answered once per run (apt's retry after
 * a hash mismatch reaches the mirror), and prune keeps only what was used.
 * That apt refuses a cached .deb whose bytes differ from the signed Packages
 * is apt's own check, which the proxy exists to keep in the path.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { startDebCacheProxy, type DebCacheProxy } from '../../shared/image/deb-cache-proxy.ts';

const deb = Buffer.from('!<arch>\ndebian-binary   '.repeat(500));
const files = new Map<string, Buffer>([
  ['/debian/pool/main/h/hello/hello_2.10-3_amd64.deb', deb],
  ['/debian/pool/main/o/other/other_1.0_amd64.deb', Buffer.from('other')],
  ['/debian/dists/bookworm/InRelease', Buffer.from('signed release')],
  [
    `/debian/dists/bookworm/main/binary-amd64/by-hash/SHA256/${'a'.repeat(64)}`,
    Buffer.from('packages index'),
  ],
]);
const seen: string[] = [];
const mirror = createServer((req, res) => {
  seen.push(req.url ?? '');
  const body = files.get(req.url ?? '');
  if (body)
    res
      .writeHead(200, { 'content-length': body.length, 'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT' })
      .end(body);
  else res.writeHead(404).end('no');
});
await new Promise<void>((r) => mirror.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`;
afterAll(() => {
  mirror.close();
});

/** A GET through the proxy the way apt sends it: the absolute URI as the request target. */
function viaProxy(
  proxy: DebCacheProxy,
  path: string,
): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  const p = new URL(proxy.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: p.hostname, port: p.port, path: `${origin}${path}`, method: 'GET' },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('deb cache proxy', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'deb-proxy-'));
  });

  it('keeps a fetched pool .deb, answers it from the cache next run, passes indexes through', async () => {
    const cold = await startDebCacheProxy(dir);
    try {
      const got = await viaProxy(cold, '/debian/pool/main/h/hello/hello_2.10-3_amd64.deb');
      assert.equal(got.status, 200);
      assert.deepEqual(got.body, deb);
      const index = await viaProxy(cold, '/debian/dists/bookworm/InRelease');
      assert.equal(index.body.toString(), 'signed release');
      assert.equal(index.headers['last-modified'], 'Wed, 01 Jan 2025 00:00:00 GMT');
      assert.equal((await viaProxy(cold, '/debian/pool/main/m/missing/missing_1_amd64.deb')).status, 404);
      await cold.prune();
      assert.deepEqual([...cold.fetched], ['hello_2.10-3_amd64.deb']);
      assert.deepEqual(
        await readdir(dir),
        ['hello_2.10-3_amd64.deb'],
        'only the complete .deb is kept; no index, no 404',
      );
    } finally {
      await cold.close();
    }

    const before = seen.length;
    const warm = await startDebCacheProxy(dir);
    try {
      const got = await viaProxy(warm, '/debian/pool/main/h/hello/hello_2.10-3_amd64.deb');
      assert.deepEqual(got.body, deb);
      assert.deepEqual(seen.slice(before), [], 'the mirror was not asked');
      assert.deepEqual([...warm.served], ['hello_2.10-3_amd64.deb']);
    } finally {
      await warm.close();
    }
  });

  it('answers a cached file once per run: a retry (after apt refused it) gets the mirror’s bytes and replaces it', async () => {
    await writeFile(join(dir, 'other_1.0_amd64.deb'), 'forged');
    const proxy = await startDebCacheProxy(dir);
    try {
      assert.equal(
        (await viaProxy(proxy, '/debian/pool/main/o/other/other_1.0_amd64.deb')).body.toString(),
        'forged',
      );
      const retry = await viaProxy(proxy, '/debian/pool/main/o/other/other_1.0_amd64.deb');
      assert.equal(retry.body.toString(), 'other');
      await proxy.prune();
      assert.equal(await readFile(join(dir, 'other_1.0_amd64.deb'), 'utf8'), 'other');
    } finally {
      await proxy.close();
    }
  });

  it('keeps an index fetched by hash (content-addressed), never InRelease', async () => {
    const proxy = await startDebCacheProxy(dir);
    try {
      const path = `/debian/dists/bookworm/main/binary-amd64/by-hash/SHA256/${'a'.repeat(64)}`;
      assert.equal((await viaProxy(proxy, path)).body.toString(), 'packages index');
      await proxy.prune();
      assert.deepEqual([...proxy.fetched], [`by-hash-${'a'.repeat(64)}`]);
      assert.ok(!(await readdir(dir)).some((f) => f.includes('InRelease')));
    } finally {
      await proxy.close();
    }
  });

  it('prune keeps only the .debs this run used', async () => {
    const proxy = await startDebCacheProxy(dir);
    try {
      await viaProxy(proxy, '/debian/pool/main/o/other/other_1.0_amd64.deb');
      await proxy.prune();
      assert.deepEqual(await readdir(dir), ['other_1.0_amd64.deb']);
    } finally {
      await proxy.close();
    }
  });

  it('refuses what is not a plain-HTTP GET through a proxy', async () => {
    const proxy = await startDebCacheProxy(dir);
    try {
      const res = await fetch(`${proxy.url}/relative/path`);
      assert.equal(res.status, 400);
    } finally {
      await proxy.close();
    }
  });
});
