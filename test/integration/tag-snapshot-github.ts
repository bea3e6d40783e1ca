/**
 * A loopback stand-in for the few GitHub release and tag endpoints
 * tag-snapshot calls, answering with the documented shapes recorded in
 * test/fixtures/github-api/ (so the bundled action, which runs in its own
 * process where nock cannot reach, is tested against the same contracts).
 * It keeps releases and uploaded assets in memory and records every request.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { repoRoot } from '../support/test-image.ts';

export interface FakeAsset {
  id: number;
  name: string;
  bytes: Buffer;
}

export interface FakeRelease {
  id: number;
  tag: string;
  body: string;
  assets: FakeAsset[];
}

export interface FakeGitHub {
  url: string;
  requests: string[];
  releases: Map<string, FakeRelease>;
  /** Tags GitHub has: an annotated tag (message) or a lightweight one (null) on a commit. */
  tags: Map<string, { commit: string; message: string | null }>;
  close(): Promise<void>;
}

const fixture = async (name: string) =>
  JSON.parse(await readFile(join(repoRoot, 'test/fixtures/github-api', name), 'utf8')) as Record<
    string,
    unknown
  >;

async function body(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of req) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

export async function startFakeGitHub(owner: string, repo: string, token: string): Promise<FakeGitHub> {
  const releaseShape = await fixture('release.json');
  const assetShape = await fixture('release-asset.json');
  const refShape = await fixture('git-ref.json');
  const tagShape = await fixture('git-tag-object.json');
  const releases: FakeGitHub['releases'] = new Map();
  const tags: FakeGitHub['tags'] = new Map();
  const tagSha = (name: string) => createHash('sha1').update(`tag ${name}`).digest('hex');
  const requests: string[] = [];
  let nextId = 1;
  let url = '';
  const base = `/repos/${owner}/${repo}`;
  const releaseJson = (r: FakeRelease) => ({
    ...releaseShape,
    id: r.id,
    tag_name: r.tag,
    name: r.tag,
    body: r.body,
    url: `${url}${base}/releases/${r.id}`,
    html_url: `https://github.com/${owner}/${repo}/releases/tag/${r.tag}`,
    upload_url: `${url}/uploads${base}/releases/${r.id}/assets{?name,label}`,
    assets: r.assets.map(assetJson),
  });
  const assetJson = (a: FakeAsset) => ({
    ...assetShape,
    id: a.id,
    name: a.name,
    size: a.bytes.length,
    digest: `sha256:${createHash('sha256').update(a.bytes).digest('hex')}`,
    browser_download_url: `https://github.com/${owner}/${repo}/releases/download/x/${a.name}`,
  });

  const server: Server = createServer((req, res) => {
    void (async () => {
      const u = new URL(req.url!, url);
      requests.push(`${req.method} ${u.pathname}${u.search}`);
      const send = (status: number, json?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(json === undefined ? '' : JSON.stringify(json));
      };
      if (req.headers.authorization !== `token ${token}`)
        return send(401, { message: 'Bad credentials', status: '401' });
      let m: RegExpExecArray | null;
      if (req.method === 'GET' && (m = new RegExp(`^${base}/git/ref/tags(?:%2F|/)(.+)$`).exec(u.pathname))) {
        const name = decodeURIComponent(m[1]!);
        const t = tags.get(name);
        if (!t) return send(404, { message: 'Not Found', status: '404' });
        const object =
          t.message === null
            ? { type: 'commit', sha: t.commit, url: `${url}${base}/git/commits/${t.commit}` }
            : { type: 'tag', sha: tagSha(name), url: `${url}${base}/git/tags/${tagSha(name)}` };
        return send(200, { ...refShape, ref: `refs/tags/${name}`, object });
      }
      if (req.method === 'GET' && (m = new RegExp(`^${base}/git/tags/([0-9a-f]{40})$`).exec(u.pathname))) {
        const name = [...tags.keys()].find((n) => tagSha(n) === m![1] && tags.get(n)!.message !== null);
        if (!name) return send(404, { message: 'Not Found', status: '404' });
        const t = tags.get(name)!;
        return send(200, {
          ...tagShape,
          tag: name,
          sha: m[1],
          message: t.message,
          object: { type: 'commit', sha: t.commit, url: `${url}${base}/git/commits/${t.commit}` },
        });
      }
      if (req.method === 'GET' && (m = new RegExp(`^${base}/releases/tags/(.+)$`).exec(u.pathname))) {
        const r = releases.get(decodeURIComponent(m[1]!));
        return r ? send(200, releaseJson(r)) : send(404, { message: 'Not Found', status: '404' });
      }
      if (req.method === 'POST' && u.pathname === `${base}/releases`) {
        const b = JSON.parse((await body(req)).toString()) as { tag_name: string; body?: string };
        if (releases.has(b.tag_name))
          return send(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
          });
        const r = { id: nextId++, tag: b.tag_name, body: b.body ?? '', assets: [] };
        releases.set(b.tag_name, r);
        return send(201, releaseJson(r));
      }
      if (req.method === 'PATCH' && (m = new RegExp(`^${base}/releases/(\\d+)$`).exec(u.pathname))) {
        const r = [...releases.values()].find((x) => x.id === Number(m![1]));
        if (!r) return send(404, { message: 'Not Found' });
        const b = JSON.parse((await body(req)).toString()) as { body?: string };
        if (b.body !== undefined) r.body = b.body;
        return send(200, releaseJson(r));
      }
      if (req.method === 'GET' && (m = new RegExp(`^${base}/releases/(\\d+)/assets$`).exec(u.pathname))) {
        const r = [...releases.values()].find((x) => x.id === Number(m![1]));
        return r ? send(200, r.assets.map(assetJson)) : send(404, { message: 'Not Found' });
      }
      if (
        req.method === 'POST' &&
        (m = new RegExp(`^/uploads${base}/releases/(\\d+)/assets$`).exec(u.pathname))
      ) {
        const r = [...releases.values()].find((x) => x.id === Number(m![1]))!;
        const name = u.searchParams.get('name')!;
        if (r.assets.some((a) => a.name === name))
          return send(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
          });
        const a = { id: nextId++, name, bytes: await body(req) };
        r.assets.push(a);
        return send(201, assetJson(a));
      }
      if (req.method === 'DELETE' && (m = new RegExp(`^${base}/releases/assets/(\\d+)$`).exec(u.pathname))) {
        for (const r of releases.values()) r.assets = r.assets.filter((a) => a.id !== Number(m![1]));
        return send(204);
      }
      send(404, { message: 'Not Found' });
    })().catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address() as { port: number };
  url = `http://127.0.0.1:${addr.port}`;
  return {
    url,
    requests,
    releases,
    tags,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
