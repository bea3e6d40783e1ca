/**
 * The default apk.static end to end against a local mirror over real HTTP:
 * the signed index is fetched and verified, the package checked against it,
 * the binary extracted and cached. Every way it can go wrong stops with an
 * error on the `apk-static` input saying what to do instead.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { gunzipSync, gzipSync } from 'node:zlib';
import { InputError } from '../../shared/errors.ts';
import { sha256 } from '../../shared/hash.ts';
import { apkStaticSource, gzipMembers, resolveDefaultApkStatic } from '../../shared/image/apk-static.ts';
import { apkStaticEntries, buildApk, buildIndex, indexText, testSigner } from '../support/alpine-apk-repo.ts';
import { runActionMain } from '../support/run-action.ts';

const signer = testSigner();
const binary = Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(64 * 1024, 3)]);
const VERSION = '2.14.4-r0';

/** One mirror per scenario: /<name>/alpine/v3.20/main/x86_64/… */
const routes = new Map<string, Buffer>();
const requests: string[] = [];
function repo(name: string, index: Buffer, pkg: Buffer): string {
  const base = `/${name}/alpine/v3.20/main/x86_64`;
  routes.set(`${base}/APKINDEX.tar.gz`, index);
  routes.set(`${base}/apk-tools-static-${VERSION}.apk`, pkg);
  return `${mirrorRoot}/${name}/alpine`;
}

const server = createServer((req, res) => {
  requests.push(req.url ?? '');
  const body = routes.get(req.url ?? '');
  if (body) res.writeHead(200, { 'content-length': body.length }).end(body);
  else res.writeHead(404).end('not found');
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const mirrorRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => {
  server.close();
});

function good(entries = apkStaticEntries(binary)) {
  const pkg = buildApk(entries, signer, { version: VERSION });
  const text = indexText([{ name: 'apk-tools-static', version: VERSION, checksum: pkg.checksum }]);
  return { pkg, index: buildIndex(text, signer), text };
}

async function resolveWith(
  mirror: string,
  opts: { cacheRoot?: string; packageCache?: string; keys?: (typeof signer.key)[] } = {},
) {
  const workDir = await mkdtemp(join(tmpdir(), 'apk-static-'));
  const r = await resolveDefaultApkStatic({
    mirror,
    version: '3.20',
    arch: 'x86_64',
    workDir,
    cacheRoot: opts.cacheRoot,
    packageCache: opts.packageCache,
    trustedKeys: opts.keys ?? [signer.key],
  });
  return { r, workDir };
}

/** The failure names the input and says both ways out: give the path, or check the mirror. */
async function failsOnInput(p: Promise<unknown>, problem: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    assert.equal(e.input, 'apk-static');
    assert.match(e.message, /^input 'apk-static': is empty, and the default \(apk-tools-static from http/);
    assert.match(e.message, problem);
    assert.match(
      e.message,
      /set 'apk-static' to the path of an apk\.static binary.*check the 'mirror' input/,
    );
    return true;
  });
}

describe('apk-static default: the release package from the mirror', () => {
  it('resolves, verifies and extracts sbin/apk.static, records where it came from, and reuses the cache', async () => {
    const { pkg, index } = good();
    const mirror = repo('ok', index, pkg.file);
    const cacheRoot = await mkdtemp(join(tmpdir(), 'apk-cache-'));
    const { r, workDir } = await resolveWith(mirror, { cacheRoot });
    assert.deepEqual(await readFile(join(workDir, 'apk.static')), binary);
    assert.equal((await stat(join(workDir, 'apk.static'))).mode & 0o777, 0o755);
    assert.equal(r.sha256, sha256(binary));
    assert.equal(r.packageVersion, VERSION);
    assert.equal(r.keyName, signer.key.name);
    assert.equal(r.indexSha256, sha256(index));
    assert.equal(r.fromCache, false);
    const source = apkStaticSource(r);
    assert.equal(source.uri, `${mirror}/v3.20/main/x86_64/apk-tools-static-${VERSION}.apk#sbin/apk.static`);
    assert.match(
      source.verification,
      new RegExp(`apk-tools-static ${VERSION}: control checksum ${pkg.checksum.replace(/[+/]/g, '\\$&')}`),
    );
    assert.match(
      source.verification,
      new RegExp(`index sha256 ${sha256(index)}, signed by ${signer.key.name}`),
    );

    // Keyed by version + the identity the index vouches for; the second run skips the package download.
    const identity = Buffer.from(pkg.checksum.slice(2), 'base64').toString('hex');
    assert.deepEqual(await readdir(join(cacheRoot, 'x86_64')), [`${VERSION}-${identity}`]);
    const before = requests.filter((u) => u.endsWith('.apk')).length;
    const again = await resolveWith(mirror, { cacheRoot });
    assert.equal(again.r.fromCache, true);
    assert.deepEqual(await readFile(join(again.workDir, 'apk.static')), binary);
    assert.equal(requests.filter((u) => u.endsWith('.apk')).length, before);

    // A damaged cache entry is noticed by its digest and fetched again.
    await writeFile(join(cacheRoot, 'x86_64', `${VERSION}-${identity}`, 'apk.static'), 'garbage');
    const third = await resolveWith(mirror, { cacheRoot });
    assert.equal(third.r.fromCache, false);
    assert.deepEqual(await readFile(join(third.workDir, 'apk.static')), binary);
  });

  it('the package kept in a download cache is used only after it verifies against the index', async () => {
    const { pkg, index } = good();
    const mirror = repo('kept', index, pkg.file);
    const packageCache = await mkdtemp(join(tmpdir(), 'apk-pkg-cache-'));
    const pkgUrl = `/kept/alpine/v3.20/main/x86_64/apk-tools-static-${VERSION}.apk`;
    const fetches = () => requests.filter((u) => u === pkgUrl).length;

    const first = await resolveWith(mirror, { packageCache });
    assert.equal(fetches(), 1);
    const kept = join(packageCache, `apk-tools-static-${VERSION}.apk`);
    assert.deepEqual(await readFile(kept), pkg.file, 'the verified package is kept');
    assert.equal(first.r.sha256, sha256(binary));

    // Restored on another runner (no tool cache): no download, the same binary.
    const second = await resolveWith(mirror, { packageCache });
    assert.equal(fetches(), 1, 'the kept package was used');
    assert.deepEqual(await readFile(join(second.workDir, 'apk.static')), binary);

    // A forged package in the cache (say, a poisoned Actions cache entry) fails the index check: downloaded again.
    const forged = buildApk(apkStaticEntries(Buffer.from('\x7fELF forged')), signer, { version: VERSION });
    await writeFile(kept, forged.file);
    const third = await resolveWith(mirror, { packageCache });
    assert.equal(fetches(), 2, 'the forged package was refused and the real one downloaded');
    assert.deepEqual(await readFile(join(third.workDir, 'apk.static')), binary);
    assert.deepEqual(await readFile(kept), pkg.file, 'the verified download replaced the forgery');
  });

  it('a tampered index signature fails', async () => {
    const { pkg, index } = good();
    // Flip one bit of the RSA signature (the first member's tar data, after its 512-byte header) and re-pack it.
    const firstEnd = gzipMembers(index, 'idx')[0]!.end;
    const sigTar = gunzipSync(index.subarray(0, firstEnd));
    sigTar[512 + 17]! ^= 1;
    const spliced = Buffer.concat([gzipSync(sigTar), index.subarray(firstEnd)]);
    await failsOnInput(
      resolveWith(repo('tampered', spliced, pkg.file)),
      /signature RSA by infrasim-test-0001\.rsa\.pub does not verify; the index was altered/,
    );
  });

  it('a package whose checksum does not match the index fails', async () => {
    const { index } = good();
    const swapped = buildApk(apkStaticEntries(Buffer.from('\x7fELF other build')), signer, {
      version: VERSION,
    });
    await failsOnInput(resolveWith(repo('checksum', index, swapped.file)), /does not match the signed index/);
  });

  it('an index signed by an untrusted key fails', async () => {
    const { pkg, text } = good();
    const stranger = testSigner('alpine-devel@lists.alpinelinux.org-00000000.rsa.pub');
    await failsOnInput(
      resolveWith(repo('untrusted', buildIndex(text, stranger), pkg.file)),
      /none of them a trusted Alpine key/,
    );
  });

  it('a package with a path-traversal entry is refused before anything is written', async () => {
    const { pkg, index } = good([
      ...apkStaticEntries(binary),
      { name: 'sbin/../../../tmp/owned', data: Buffer.from('x') },
    ]);
    const { workDirs } = { workDirs: await mkdtemp(join(tmpdir(), 'apk-static-')) };
    await failsOnInput(
      resolveDefaultApkStatic({
        mirror: repo('traversal', index, pkg.file),
        version: '3.20',
        arch: 'x86_64',
        workDir: workDirs,
        trustedKeys: [signer.key],
      }),
      /entry 'sbin\/..\/..\/..\/tmp\/owned' escapes the package root/,
    );
    assert.deepEqual(await readdir(workDirs), []);
  });

  it('an unreachable mirror fails', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await failsOnInput(
      resolveWith(`http://127.0.0.1:${port}/alpine`),
      /download of .*APKINDEX\.tar\.gz failed/,
    );
  });

  it('the real Alpine keys do not trust a test-signed index (the default trust is not the test key)', async () => {
    const { pkg, index } = good();
    const workDir = await mkdtemp(join(tmpdir(), 'apk-static-'));
    await failsOnInput(
      resolveDefaultApkStatic({
        mirror: repo('real-keys', index, pkg.file),
        version: '3.20',
        arch: 'x86_64',
        workDir,
      }),
      /none of them a trusted Alpine key \(alpine-devel@lists\.alpinelinux\.org-4a6a0840\.rsa\.pub/,
    );
  });
});

describe('build-base (bundled) with no apk-static input', () => {
  it('gets past input validation and fails on the mirror with an error naming apk-static', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const dir = await mkdtemp(join(tmpdir(), 'bb-apk-default-'));
    const r = await runActionMain(
      'build-base',
      {
        distro: 'alpine',
        arch: 'x86_64',
        mirror: `http://127.0.0.1:${port}/alpine`,
        'source-date-epoch': '0',
      },
      { cwd: dir, bundle: true },
    );
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(
      r.stdout + r.stderr,
      /input 'apk-static': is empty, and the default \(apk-tools-static from/,
    );
    assert.doesNotMatch(r.stdout + r.stderr, /is required to install Alpine packages/);
  });
});
