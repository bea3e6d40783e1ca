/**
 * A caching HTTP proxy for mmdebstrap's apt (given to it as http_proxy): a
 * .deb already in the cache directory is answered from there, any other
 * request goes to the mirror, and a .deb fetched from the mirror is kept.
 *
 * Why a proxy and not a pre-filled /var/cache/apt/archives: apt takes a file
 * in its archives directory on its size alone, unverified; through a proxy
 * every .deb, cached or not, is a download that apt checks against the
 * suite's signed Packages hashes. A cached file that fails that check fails
 * the build with apt's "Hash Sum mismatch", never goes into the image, and is
 * dropped here so the next request for it goes to the mirror.
 *
 * Only http:// mirrors pass through a proxy apt talks plain HTTP to; an
 * https:// mirror is not cached.
 */
import { createWriteStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createReadStream } from 'node:fs';

export interface DebCacheProxy {
  /** http://127.0.0.1:<port>, for http_proxy. */
  url: string;
  /** .deb names answered from the cache / fetched from the mirror in this run. */
  served: Set<string>;
  fetched: Set<string>;
  /** Removes every cached .deb this run did not ask for, so a saved entry holds only what the build used. */
  prune(): Promise<void>;
  close(): Promise<void>;
}

/** A pool file name as the archive writes it: package_version_arch.deb, nothing that could leave the directory. */
const DEB_NAME = /^[A-Za-z0-9][A-Za-z0-9.+~%:_-]*\.u?deb$/;

/**
 * The cache file for a request path, or undefined when it is not cached: a
 * pool .deb (its name is unique in the archive and its bytes never change),
 * or an index fetched by hash (dists/…/by-hash/SHA256/<digest>: content-
 * addressed, apt checks it against the signed InRelease). InRelease itself
 * and anything else always goes to the mirror.
 */
function cacheName(path: string): string | undefined {
  const decoded = decodeURIComponent(path);
  const name = basename(decoded);
  if (decoded.includes('/pool/') && DEB_NAME.test(name)) return name;
  const byHash = /\/by-hash\/SHA256\/([0-9a-f]{64})$/.exec(decoded);
  return byHash ? `by-hash-${byHash[1]}` : undefined;
}

export async function startDebCacheProxy(dir: string): Promise<DebCacheProxy> {
  const served = new Set<string>();
  const fetched = new Set<string>();
  let tmpCount = 0;
  // Downloads still being written to the cache; apt may have its bytes before the rename.
  const pending = new Set<Promise<unknown>>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A forward proxy gets absolute URIs; anything else (CONNECT for https, a relative path) is not for us.
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (url.protocol !== 'http:' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(405).end();
      return;
    }
    const name = req.method === 'GET' ? cacheName(url.pathname) : undefined;
    const file = name && join(dir, name);
    if (name && file) {
      const st = await stat(file).catch(() => null);
      // Once per run: apt retries a file that failed its hash check, and the retry must reach the mirror.
      if (st?.isFile() && !served.has(name)) {
        served.add(name);
        res.writeHead(200, {
          'content-length': st.size,
          'content-type': 'application/octet-stream',
        });
        await pipeline(createReadStream(file), res);
        return;
      }
      if (served.has(name)) await rm(file, { force: true });
    }
    // Bytes as the mirror stores them: fetch would otherwise ask for (and silently undo) a compression.
    const headers: Record<string, string> = { 'accept-encoding': 'identity' };
    for (const h of ['if-modified-since', 'if-none-match', 'range', 'if-range', 'accept', 'user-agent']) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const upstream = await fetch(url, { method: req.method, headers, redirect: 'follow' });
    const out: Record<string, string> = {};
    for (const h of ['content-type', 'content-length', 'last-modified', 'etag', 'content-range', 'date']) {
      const v = upstream.headers.get(h);
      if (v !== null) out[h] = v;
    }
    res.writeHead(upstream.status, out);
    if (!upstream.body || req.method === 'HEAD') {
      res.end();
      return;
    }
    const body = Readable.fromWeb(upstream.body as unknown as WebReadableStream<Uint8Array>);
    if (!name || !file || upstream.status !== 200 || headers.range) {
      await pipeline(body, res);
      return;
    }
    // Kept only when complete; apt verifies what it got, the next run's apt verifies the kept copy again.
    const tmp = join(dir, `.part-${process.pid}-${tmpCount++}`);
    const keep = createWriteStream(tmp);
    body.pipe(keep);
    const kept = once(keep, 'finish')
      .then(() => rename(tmp, file))
      .then(() => fetched.add(name))
      .finally(() => rm(tmp, { force: true }));
    pending.add(kept);
    try {
      await Promise.all([pipeline(body, res), kept]);
    } finally {
      pending.delete(kept);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`cache proxy: ${(e as Error).message}`);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    fetched,
    async prune() {
      await Promise.allSettled([...pending]);
      for (const name of await readdir(dir))
        if (!served.has(name) && !fetched.has(name))
          await rm(join(dir, name), { recursive: true, force: true });
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
}
