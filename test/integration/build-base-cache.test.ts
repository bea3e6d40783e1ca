/**
 * build-base's download cache end to end: the real @actions/cache in the
 * bundled action against the local fake of the Actions results service, and
 * a local Alpine mirror whose request log shows what was downloaded. The
 * first run misses and saves, the second (on a fresh runner: RUNNER_TEMP
 * emptied) restores and downloads no cached file, and both images are
 * byte-identical to one built without any cache service. A poisoned entry is
 * verified like a download and refetched.
 *
 * apk.static is a stand-in script that behaves like apk around its cache: with
 * --cache-dir it takes a package from there, else it downloads it from the
 * repository (curl) into the cache dir; without, it downloads to a temp dir.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { createGzip } from 'node:zlib';
import { startResultsService, type ResultsService } from '../support/actions-results-service.ts';
import { runToolkit } from '../support/actions-toolkit-child.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';
import { ensureTestImage } from '../support/test-image.ts';
import { needTools } from '../support/tools.ts';

await needTools('tar', 'zstd', 'curl', 'unshare', 'qemu-img', 'mke2fs');

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const image = await ensureTestImage('x86_64');
const minirootfs = await buffer(Readable.from(await readFile(image.rootfsTar)).pipe(createGzip()));
const MINIROOTFS = '/alpine/v3.20/releases/x86_64/alpine-minirootfs-3.20.3-x86_64.tar.gz';

const fakeApk = Buffer.from(`#!/bin/sh
set -eu
root=""; pkgs=""; adding=0; cache=""; repo=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root=$2; shift 2 ;;
    --cache-dir) cache=$2; shift 2 ;;
    --repository) [ -z "$repo" ] && repo=$2; shift 2 ;;
    --arch|--keys-dir|--repositories-file) shift 2 ;;
    add) adding=1; shift ;;
    -*) shift ;;
    *) [ $adding = 1 ] && pkgs="$pkgs $1"; shift ;;
  esac
done
dl=\${cache:-$(mktemp -d)}
mkdir -p "$root/lib/apk/db" "$root/boot" "$root/usr/share/pkgs"
for p in $pkgs; do
  f="$dl/$p-1.0-r0.apk"
  [ -f "$f" ] || curl -fsS -o "$f" "$repo/x86_64/$p-1.0-r0.apk"
  cp "$f" "$root/usr/share/pkgs/$p"
  printf 'P:%s\\nV:1.0-r0\\nA:x86_64\\n\\n' "$p" >> "$root/lib/apk/db/installed"
  [ "$p" = linux-virt ] && cp "$FAKE_APK_KERNEL" "$root/boot/vmlinuz-virt"
done
rm -f "$root"/boot/vmlinuz-6*
# Like apk, every time it writes is SOURCE_DATE_EPOCH (the action sets it): the rootfs is reproducible.
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
`);
const pkg = (name: string) => Buffer.from(`package ${name}\n`.repeat(1000));
const files = new Map<string, Buffer>([
  [MINIROOTFS, minirootfs],
  [
    '/alpine/v3.20/releases/x86_64/latest-releases.yaml',
    Buffer.from(
      `---\n-\n  flavor: alpine-minirootfs\n  file: alpine-minirootfs-3.20.3-x86_64.tar.gz\n  sha256: ${sha256(minirootfs)}\n`,
    ),
  ],
  // Only hashed, into the cache key: a changed index is a new entry.
  ['/alpine/v3.20/main/x86_64/APKINDEX.tar.gz', Buffer.from('main index 1')],
  ['/alpine/v3.20/community/x86_64/APKINDEX.tar.gz', Buffer.from('community index 1')],
  ['/apk.static', fakeApk],
  ...['alpine-base', 'linux-virt', 'wireguard-tools', 'curl'].map(
    (p) => [`/alpine/v3.20/main/x86_64/${p}-1.0-r0.apk`, pkg(p)] as [string, Buffer],
  ),
]);
const requests: string[] = [];
const server = createServer((req, res) => {
  requests.push(req.url ?? '');
  const body = files.get(req.url ?? '');
  if (body) res.writeHead(200, { 'content-length': body.length }).end(body);
  else res.writeHead(404).end();
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => {
  server.close();
});

const inputs = (output: string, packages = 'wireguard-tools') => ({
  distro: 'alpine',
  version: '3.20',
  arch: 'x86_64',
  mirror: `${mirror}/alpine`,
  'apk-static': `${mirror}/apk.static`,
  'apk-static-sha256': sha256(fakeApk),
  packages,
  boot: 'kernel',
  size: '256M',
  'source-date-epoch': '1735689600',
  output,
});

/** Downloads of cacheable files (minirootfs, packages) during `run`. */
async function downloadsDuring(run: () => Promise<ActionRun>): Promise<{ r: ActionRun; got: string[] }> {
  const start = requests.length;
  const r = await run();
  assert.equal(r.code, 0, r.stdout + r.stderr);
  return { r, got: requests.slice(start).filter((u) => u === MINIROOTFS || u.endsWith('.apk')) };
}

describe('build-base download cache (Alpine) against the Actions results service fake', () => {
  let svc: ResultsService;
  let workspace: string;
  let temp: string;
  /** A fresh runner: nothing of an earlier job's RUNNER_TEMP is left, only the cache service remembers. */
  const freshRunner = async () => {
    await rm(temp, { recursive: true, force: true });
    await mkdir(temp, { recursive: true });
  };
  const build = (output: string, packages?: string, extra: Record<string, string> = {}) =>
    runActionMain(
      'build-base',
      { ...inputs(join(workspace, output), packages), ...extra },
      { bundle: true, cwd: workspace, env: { ...svc.env, FAKE_APK_KERNEL: image.kernel } },
    );
  let cold: { r: ActionRun; got: string[] };

  beforeAll(async () => {
    svc = await startResultsService();
    workspace = svc.env.GITHUB_WORKSPACE!;
    temp = svc.env.RUNNER_TEMP!;
  });
  afterAll(async () => svc?.close());

  it('first run: a miss, downloads everything, saves the entry under its key', async () => {
    cold = await downloadsDuring(() => build('cold/base.qcow2'));
    assert.deepEqual(
      cold.got.sort(),
      [
        MINIROOTFS,
        '/alpine/v3.20/main/x86_64/alpine-base-1.0-r0.apk',
        '/alpine/v3.20/main/x86_64/linux-virt-1.0-r0.apk',
        '/alpine/v3.20/main/x86_64/wireguard-tools-1.0-r0.apk',
      ].sort(),
    );
    const entries = svc.caches();
    assert.equal(entries.length, 1, JSON.stringify(entries.map((e) => e.key)));
    assert.match(entries[0]!.key, /^infrasim-build-base-v1-alpine-v3\.20-x86_64-[0-9a-f]{32}$/);
    assert.equal(entries[0]!.finalized, true);
    assert.match(cold.r.stdout, new RegExp(`cache alpine: miss for ${entries[0]!.key}`));
    assert.match(cold.r.stdout, new RegExp(`cache alpine: saved ${entries[0]!.key}`));
    assert.match(cold.r.summary, new RegExp(`\\| alpine \\| miss, saved \\| \`${entries[0]!.key}\` \\|`));
    assert.doesNotMatch(cold.r.stdout, /::warning/);
  }, 300_000);

  it('second run on a fresh runner: an exact hit, nothing cached is downloaded, the same image', async () => {
    await freshRunner();
    const warm = await downloadsDuring(() => build('warm/base.qcow2'));
    assert.deepEqual(warm.got, [], 'minirootfs and packages came from the cache');
    const [entry] = svc.caches();
    assert.match(warm.r.stdout, new RegExp(`cache alpine: exact hit ${entry!.key}`));
    assert.match(warm.r.stdout, /minirootfs .*: from the cache, sha256 verified/);
    assert.equal(svc.caches().length, 1, 'an exact hit is not saved again');
    assert.equal(warm.r.outputs.sha256, cold.r.outputs.sha256, 'warm and cold images are byte-identical');
    assert.equal(sha256(await readFile(warm.r.outputs.image!)), cold.r.outputs.sha256);
    assert.match(warm.r.summary, /\| alpine \| hit \|/);
  }, 300_000);

  it('without a cache service: no cache, downloads as before, the same image', async () => {
    const r = await runActionMain('build-base', inputs(join(workspace, 'plain/base.qcow2')), {
      bundle: true,
      cwd: workspace,
      env: { FAKE_APK_KERNEL: image.kernel, GITHUB_WORKSPACE: workspace },
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /cache alpine|::warning/);
    assert.doesNotMatch(r.summary, /Download cache/);
    assert.equal(r.outputs.sha256, cold.r.outputs.sha256);
  }, 300_000);

  it('cache: false with a service: no cache request at all', async () => {
    await freshRunner();
    const before = svc.requests.length;
    const off = await downloadsDuring(() => build('off/base.qcow2', undefined, { cache: 'false' }));
    assert.equal(off.got.length, 4, 'everything downloaded');
    assert.deepEqual(svc.requests.slice(before), []);
    assert.equal(off.r.outputs.sha256, cold.r.outputs.sha256);
  }, 300_000);

  it('a cache service that fails: warnings, the build succeeds with the same image', async () => {
    // A port nothing listens on: every cache call fails to connect.
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/`;
    await new Promise((r) => dead.close(r));
    await freshRunner();
    const r = await runActionMain('build-base', inputs(join(workspace, 'broken/base.qcow2')), {
      bundle: true,
      cwd: workspace,
      env: { ...svc.env, ACTIONS_RESULTS_URL: url, FAKE_APK_KERNEL: image.kernel },
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /::warning/);
    assert.doesNotMatch(r.stdout, /::error/);
    assert.equal(r.outputs.sha256, cold.r.outputs.sha256);
  }, 600_000);

  it('a poisoned entry restored by prefix is verified like a download: the minirootfs is fetched again', async () => {
    // An entry another workflow could have saved: the right path and key prefix, a forged minirootfs under its digest's name.
    await freshRunner();
    const dir = join(temp, 'infrasim-downloads', 'alpine');
    await mkdir(join(dir, 'minirootfs'), { recursive: true });
    await writeFile(join(dir, 'minirootfs', `${sha256(minirootfs)}.tar.gz`), Buffer.from('forged'));
    const [entry] = svc.caches();
    const prefix = entry!.key.replace(/[0-9a-f]{32}$/, '');
    const saved = await runToolkit(
      svc.env,
      { op: 'cache.save', paths: [dir], key: `${prefix}forged` },
      { cwd: workspace },
    );
    assert.equal(saved.error, undefined, saved.stdout);
    await freshRunner();

    const poisoned = await downloadsDuring(() => build('poisoned/base.qcow2', 'wireguard-tools\ncurl'));
    assert.match(poisoned.r.stdout, new RegExp(`cache alpine: partial hit ${prefix}forged`));
    assert.ok(poisoned.got.includes(MINIROOTFS), 'the forged minirootfs was refused and downloaded again');
    const provenance = JSON.parse(await readFile(poisoned.r.outputs.provenance!, 'utf8')) as {
      inputs: { name: string; sha256?: string }[];
    };
    assert.equal(provenance.inputs.find((i) => i.name === 'alpine-minirootfs')?.sha256, sha256(minirootfs));
    // The new key's entry holds the verified download, not the forgery.
    const fresh = svc.caches().at(-1)!;
    assert.notEqual(fresh.key, `${prefix}forged`);
    assert.ok(fresh.key.startsWith(prefix));
    await freshRunner();
    const restored = await runToolkit(
      svc.env,
      { op: 'cache.restore', paths: [dir], primaryKey: fresh.key },
      { cwd: workspace },
    );
    assert.equal(restored.result, fresh.key, restored.stdout);
    assert.deepEqual(await readdir(join(dir, 'minirootfs')), [`${sha256(minirootfs)}.tar.gz`]);
    assert.equal(
      sha256(await readFile(join(dir, 'minirootfs', `${sha256(minirootfs)}.tar.gz`))),
      sha256(minirootfs),
    );
  }, 300_000);
});
