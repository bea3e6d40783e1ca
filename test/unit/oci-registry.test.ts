/**
 * Pure parts of the registry client (challenges, scopes, Retry-After,
 * addresses, names) as tables, and the two documented behaviours the local
 * docker-registry cannot show — tag pagination through `Link` (GHCR pages at
 * n) and Basic auth — against a loopback server answering the distribution
 * spec's documented shapes.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { test } from '@jest/globals';
import { InputError } from '../../shared/errors.ts';
import { parseChallenge, tokenFromResponse } from '../../shared/oci/auth.ts';
import {
  checkReference,
  checkRepository,
  checkTag,
  referrersTag,
  registryBaseUrl,
} from '../../shared/oci/reference.ts';
import { mergeScopes, nextFromLink, RegistryClient } from '../../shared/oci/registry-client.ts';
import { backoffMs, DEFAULT_RETRY, isRetryableStatus, retryAfterMs } from '../../shared/oci/retry.ts';

test('WWW-Authenticate challenges are parsed (quoted commas, both schemes)', () => {
  const cases: [string | null, ReturnType<typeof parseChallenge>][] = [
    [
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/r:pull,push"',
      {
        scheme: 'bearer',
        params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:o/r:pull,push' },
      },
    ],
    ['Basic realm="basic-realm"', { scheme: 'basic', params: { realm: 'basic-realm' } }],
    ['bearer realm=http://x/t', { scheme: 'bearer', params: { realm: 'http://x/t' } }],
    ['Negotiate abc', undefined],
    [null, undefined],
  ];
  for (const [header, expected] of cases) assert.deepEqual(parseChallenge(header), expected, String(header));
});

test('token answers: token or access_token, nothing else', () => {
  assert.equal(tokenFromResponse({ token: 'a' }), 'a');
  assert.equal(tokenFromResponse({ access_token: 'b' }), 'b');
  assert.equal(tokenFromResponse({ token: '', access_token: 'c' }), 'c');
  assert.equal(tokenFromResponse({}), undefined);
  assert.equal(tokenFromResponse('x'), undefined);
});

test('scopes are merged per resource', () => {
  assert.deepEqual(mergeScopes(['repository:a/b:push,pull', 'repository:a/b:pull', 'repository:c:pull']), [
    'repository:a/b:pull,push',
    'repository:c:pull',
  ]);
});

test('Retry-After in seconds or as an HTTP date; retryable statuses', () => {
  assert.equal(retryAfterMs('3'), 3000);
  assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 4_000), 6000);
  assert.equal(retryAfterMs('soon'), undefined);
  assert.equal(retryAfterMs(null), undefined);
  for (const s of [429, 500, 502, 503, 504, 408]) assert.equal(isRetryableStatus(s), true, String(s));
  for (const s of [400, 401, 403, 404, 405, 501]) assert.equal(isRetryableStatus(s), false, String(s));
  for (let attempt = 0; attempt < 10; attempt++) {
    const wait = backoffMs(DEFAULT_RETRY, attempt, () => 1);
    assert.ok(wait <= DEFAULT_RETRY.maxMs, `attempt ${attempt}: ${wait}`);
  }
  assert.equal(
    backoffMs(DEFAULT_RETRY, 0, () => 0),
    DEFAULT_RETRY.baseMs / 2,
  );
});

test('registry addresses: https unless loopback or spelled out', () => {
  const cases: [string, string][] = [
    ['ghcr.io', 'https://ghcr.io/'],
    ['127.0.0.1:5000', 'http://127.0.0.1:5000/'],
    ['localhost:5000', 'http://localhost:5000/'],
    ['[::1]:5000', 'http://[::1]:5000/'],
    ['registry.example:5000', 'https://registry.example:5000/'],
    ['http://registry.lan:5000', 'http://registry.lan:5000/'],
    ['https://127.0.0.1:5000/', 'https://127.0.0.1:5000/'],
  ];
  for (const [input, url] of cases) assert.equal(registryBaseUrl(input).href, url, input);
  for (const bad of [
    '',
    'ftp://x',
    'ghcr.io/owner',
    'https://user:pw@ghcr.io',
    'exa mple',
    'ghcr.io\nevil.com',
    'ghcr.io\tevil.com',
  ]) {
    assert.throws(
      () => registryBaseUrl(bad, 'registry'),
      (e: InputError) => e.input === 'registry',
      bad,
    );
  }
});

test('names, tags and references follow the distribution grammar', () => {
  for (const ok of ['a', 'owner/images', 'a.b/c_d/e--f', 'a__b']) assert.equal(checkRepository(ok), ok);
  for (const bad of ['A', 'a/', '/a', 'a//b', 'a..b', 'a:b', '-a'])
    assert.throws(() => checkRepository(bad), InputError, bad);
  for (const ok of ['latest', '1.2.3', 'sha-abc', '_x', 'a'.repeat(128)]) assert.equal(checkTag(ok), ok);
  for (const bad of ['', '-x', '.x', 'a/b', 'a'.repeat(129), 'a b'])
    assert.throws(() => checkTag(bad, 'tags'), /input 'tags'/, bad);
  assert.equal(checkReference(`sha256:${'a'.repeat(64)}`), `sha256:${'a'.repeat(64)}`);
  assert.throws(() => checkReference('sha256:xyz'), InputError);
  assert.equal(referrersTag(`sha256:${'b'.repeat(64)}`), `sha256-${'b'.repeat(64)}`);
});

test('Link headers give the next page, as the URL they name', () => {
  const base = new URL('http://r/');
  assert.equal(
    nextFromLink('</v2/o/r/tags/list?last=b1&n=3>; rel="next"', base)?.href,
    'http://r/v2/o/r/tags/list?last=b1&n=3',
  );
  assert.equal(
    nextFromLink('</v2/o/r/tags/list?n=3&next_page=opaque%2Btoken>; rel=next', base)?.href,
    'http://r/v2/o/r/tags/list?n=3&next_page=opaque%2Btoken',
  );
  assert.equal(nextFromLink('<http://r/other>; rel="prev"', base), undefined);
  assert.equal(nextFromLink(null, base), undefined);
});

test('tags are read across pages a registry continues with a token of its own (Quay-style next_page)', async () => {
  const all = Array.from({ length: 121 }, (_, i) => `dev-${String(i).padStart(3, '0')}`);
  const server = await serve((req, res) => {
    const url = new URL(req.url!, 'http://x');
    // The page is known only from the token: nothing says which tag came last.
    const start = Number(Buffer.from(url.searchParams.get('next_page') ?? 'MA==', 'base64').toString());
    const tags = all.slice(start, start + 100);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (start + 100 < all.length)
      headers.link = `</v2/o/r/tags/list?n=100&next_page=${Buffer.from(String(start + 100)).toString('base64')}>; rel="next"`;
    res.writeHead(200, headers);
    res.end(JSON.stringify({ name: 'o/r', tags }));
  });
  try {
    assert.deepEqual(await new RegistryClient({ registry: server.host }).listTags('o/r', 100), all);
  } finally {
    await server.close();
  }
});

test('a next page on another host or path is refused, not asked with the credentials', async () => {
  const asked: string[] = [];
  const server = await serve((req, res) => {
    asked.push(req.url!);
    res.writeHead(200, {
      'content-type': 'application/json',
      link: '<http://evil.example/v2/o/r/tags/list?last=a>; rel="next"',
    });
    res.end(JSON.stringify({ name: 'o/r', tags: ['a'] }));
  });
  try {
    await assert.rejects(
      new RegistryClient({ registry: server.host }).listTags('o/r'),
      /list tags of o\/r: its next page is http:\/\/evil\.example\/v2\/o\/r\/tags\/list\?last=a, not the tag list of o\/r on this registry/,
    );
    assert.equal(asked.length, 1);
  } finally {
    await server.close();
  }
});

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ host: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { host: `127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test('tags are read across pages by following Link (GHCR-style paging at n)', async () => {
  const all = Array.from({ length: 250 }, (_, i) => `t${String(i).padStart(3, '0')}`);
  const seen: string[] = [];
  const server = await serve((req, res) => {
    const url = new URL(req.url!, 'http://x');
    seen.push(url.search);
    const n = Number(url.searchParams.get('n') ?? 100);
    const last = url.searchParams.get('last');
    const start = last ? all.indexOf(last) + 1 : 0;
    const tags = all.slice(start, start + n);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (start + n < all.length)
      headers.link = `</v2/o/r/tags/list?last=${tags[tags.length - 1]}&n=${n}>; rel="next"`;
    res.writeHead(200, headers);
    res.end(JSON.stringify({ name: 'o/r', tags }));
  });
  try {
    const c = new RegistryClient({ registry: server.host });
    assert.deepEqual(await c.listTags('o/r', 100), all);
    assert.deepEqual(seen, ['?n=100', '?last=t099&n=100', '?last=t199&n=100']);
  } finally {
    await server.close();
  }
});

test('Basic auth: credentials are sent after the Basic challenge, and a wrong password fails clearly', async () => {
  const good = `Basic ${Buffer.from('u:p').toString('base64')}`;
  const server = await serve((req, res) => {
    if (req.headers.authorization !== good) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="r"', 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ tags: ['x'] }));
  });
  try {
    const ok = new RegistryClient({ registry: server.host, credentials: { username: 'u', password: 'p' } });
    assert.deepEqual(await ok.listTags('o/r'), ['x']);
    const wrong = new RegistryClient({
      registry: server.host,
      credentials: { username: 'u', password: 'no' },
    });
    await assert.rejects(
      wrong.listTags('o/r'),
      /list tags of o\/r failed: HTTP 401 unauthorized with the given credentials/,
    );
    const none = new RegistryClient({ registry: server.host });
    await assert.rejects(none.listTags('o/r'), /no credentials given/);
  } finally {
    await server.close();
  }
});

test('referrers API (OCI 1.1): an index answer is used, pages followed, artifactType filtered; OCI-Subject seen', async () => {
  const subject = `sha256:${'c'.repeat(64)}`;
  const d = (n: string, type: string) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: `sha256:${n.repeat(64)}`,
    size: 10,
    artifactType: type,
  });
  const seen: string[] = [];
  const server = await serve((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.method === 'PUT') {
      req.resume();
      req.on('end', () => {
        res.writeHead(201, { 'oci-subject': subject });
        res.end();
      });
      return;
    }
    const page2 = req.url!.includes('page=2');
    const headers: Record<string, string> = { 'content-type': 'application/vnd.oci.image.index.v1+json' };
    if (!page2) headers.link = `</v2/o/r/referrers/${subject}?page=2>; rel="next"`;
    res.writeHead(200, headers);
    res.end(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: page2
          ? [d('2', 'application/vnd.dev.sigstore.bundle.v0.3+json')]
          : [d('1', 'application/x-other')],
      }),
    );
  });
  try {
    const c = new RegistryClient({ registry: server.host });
    const all = await c.referrers('o/r', subject);
    assert.equal(all.via, 'api');
    assert.deepEqual(
      all.descriptors.map((x) => x.digest),
      [`sha256:${'1'.repeat(64)}`, `sha256:${'2'.repeat(64)}`],
    );
    const bundles = await c.referrers('o/r', subject, 'application/vnd.dev.sigstore.bundle.v0.3+json');
    assert.deepEqual(
      bundles.descriptors.map((x) => x.digest),
      [`sha256:${'2'.repeat(64)}`],
    );
    const put = await c.putManifest(
      'o/r',
      'x',
      Buffer.from('{}'),
      'application/vnd.oci.image.manifest.v1+json',
    );
    assert.equal(put.subjectProcessed, true);
    assert.ok(
      seen.includes(
        `GET /v2/o/r/referrers/${subject}?artifactType=application%2Fvnd.dev.sigstore.bundle.v0.3%2Bjson`,
      ),
    );
  } finally {
    await server.close();
  }
});
