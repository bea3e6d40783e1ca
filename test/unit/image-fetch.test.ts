import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { digestFromChecksumFile, downloadVerified } from '../../shared/fetch.ts';
import { resolveAlpineMinirootfs } from '../../shared/image/alpine.ts';

// A local stand-in for Alpine's mirror, laid out as the real one is.
const tarball = Buffer.from('pretend minirootfs bytes');
const digest = createHash('sha256').update(tarball).digest('hex');
const routes: Record<string, { status: number; body: string | Buffer; location?: string }> = {
  '/alpine/v3.20/releases/x86_64/latest-releases.yaml': {
    status: 200,
    body: `---\n-\n  title: "Standard"\n  flavor: alpine-standard\n  file: alpine-standard-3.20.3-x86_64.iso\n  sha256: ${'1'.repeat(64)}\n-\n  title: "Mini root filesystem"\n  flavor: alpine-minirootfs\n  file: alpine-minirootfs-3.20.3-x86_64.tar.gz\n  sha256: ${digest}\n`,
  },
  '/alpine/v3.20/releases/x86_64/alpine-minirootfs-3.20.3-x86_64.tar.gz': { status: 200, body: tarball },
  '/alpine/v3.20/releases/x86_64/alpine-minirootfs-3.20.3-x86_64.tar.gz.sha256': {
    status: 200,
    body: `${digest}  alpine-minirootfs-3.20.3-x86_64.tar.gz\n`,
  },
  '/moved': { status: 302, body: '', location: '/error-page' },
  '/error-page': { status: 200, body: '<html>Sorry, this file is gone</html>' },
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (!route) return res.writeHead(404).end('not found');
    res.writeHead(route.status, route.location ? { location: route.location } : {}).end(route.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
});

describe('verified downloads', () => {
  it('writes the file only when its digest matches', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fetch-'));
    const target = join(dir, 'f');
    await downloadVerified(
      `${base}/alpine/v3.20/releases/x86_64/alpine-minirootfs-3.20.3-x86_64.tar.gz`,
      target,
      digest,
    );
    assert.deepEqual(await readFile(target), tarball);
  });

  it('fails on an HTTP error, naming the URL and status, and leaves nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fetch-'));
    await assert.rejects(
      downloadVerified(`${base}/nope.tar.gz`, join(dir, 'f'), digest),
      /nope\.tar\.gz failed: HTTP 404/,
    );
    assert.deepEqual(await readdir(dir), []);
  });

  it('fails when a redirect lands on an error page (checksum mismatch) and leaves nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fetch-'));
    await assert.rejects(
      downloadVerified(`${base}/moved`, join(dir, 'f'), digest),
      /checksum mismatch for .*\/moved: expected sha256/,
    );
    assert.deepEqual(await readdir(dir), []);
  });

  it('reads sha256sum-style and bare checksum files', () => {
    assert.equal(digestFromChecksumFile(`${digest}  x.tar.gz\n`, 'x.tar.gz', 's'), digest);
    assert.equal(digestFromChecksumFile(`${digest}\n`, 'x.tar.gz', 's'), digest);
    assert.throws(
      () => digestFromChecksumFile(`${digest}  other.tar.gz\n`, 'x.tar.gz', 'sums'),
      /sums holds no SHA-256 for x\.tar\.gz/,
    );
  });
});

describe('Alpine minirootfs resolution', () => {
  it('takes the newest minirootfs of a branch from latest-releases.yaml', async () => {
    const s = await resolveAlpineMinirootfs({ version: '3.20', arch: 'x86_64', mirror: `${base}/alpine` });
    assert.equal(s.url, `${base}/alpine/v3.20/releases/x86_64/alpine-minirootfs-3.20.3-x86_64.tar.gz`);
    assert.equal(s.sha256, digest);
    assert.match(s.checksumFrom, /latest-releases\.yaml$/);
  });
  it('takes a point release digest from the .sha256 file beside the tarball', async () => {
    const s = await resolveAlpineMinirootfs({ version: '3.20.3', arch: 'x86_64', mirror: `${base}/alpine` });
    assert.equal(s.sha256, digest);
    assert.match(s.checksumFrom, /\.tar\.gz\.sha256$/);
  });
  it('lets a pinned digest win over the publisher file', async () => {
    const s = await resolveAlpineMinirootfs({
      version: '3.20.3',
      arch: 'x86_64',
      mirror: `${base}/alpine`,
      pinnedSha256: 'f'.repeat(64),
    });
    assert.equal(s.sha256, 'f'.repeat(64));
    assert.equal(s.checksumFrom, 'pinned input');
  });
  it('fails when the publisher has no checksum file', async () => {
    await assert.rejects(
      resolveAlpineMinirootfs({ version: '3.20.3', arch: 'aarch64', mirror: `${base}/alpine` }),
      /alpine-minirootfs-3\.20\.3-aarch64\.tar\.gz\.sha256 failed: HTTP 404/,
    );
  });
});
