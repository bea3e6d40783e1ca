/**
 * The Alpine path end to end against a local mirror laid out like Alpine's
 * (Alpine's servers cannot be reached from CI): the release lookup through
 * latest-releases.yaml, the verified minirootfs and apk.static downloads, the
 * package step run by apk.static's command line, the re-packed rootfs, and a
 * boot of the result. The minirootfs is the test image; apk.static is a
 * stand-in script that installs a kernel and records packages the way apk
 * does (/lib/apk/db/installed), so everything around apk is the real code.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, it } from '@jest/globals';
import { createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { readBuildProvenance } from '../../shared/provenance/build-provenance.ts';
import { boot } from '../../shared/vm/index.ts';
import { runActionMain } from '../support/run-action.ts';
import { BOOT_MARKER, ensureTestImage } from '../support/test-image.ts';
import { needTools } from '../support/tools.ts';

await needTools('qemu-system-x86_64', 'tar');

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const image = await ensureTestImage('x86_64');
const minirootfs = await buffer(Readable.from(await readFile(image.rootfsTar)).pipe(createGzip()));
// apk's command line as build-base calls it: --root DIR … add PKG…; a kernel package drops /boot/vmlinuz-virt.
const fakeApk = Buffer.from(`#!/bin/sh
set -eu
root=""; pkgs=""; adding=0
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root=$2; shift 2 ;;
    --arch|--keys-dir|--repositories-file|--repository) shift 2 ;;
    add) adding=1; shift ;;
    -*) shift ;;
    *) [ $adding = 1 ] && pkgs="$pkgs $1"; shift ;;
  esac
done
mkdir -p "$root/lib/apk/db" "$root/boot"
for p in $pkgs; do
  printf 'P:%s\\nV:1.0-r0\\nA:x86_64\\n\\n' "$p" >> "$root/lib/apk/db/installed"
  [ "$p" = linux-virt ] && cp "$FAKE_APK_KERNEL" "$root/boot/vmlinuz-virt"
done
rm -f "$root"/boot/vmlinuz-6*
`);
const files: Record<string, Buffer> = {
  '/alpine/v3.20/releases/x86_64/alpine-minirootfs-3.20.3-x86_64.tar.gz': minirootfs,
  '/alpine/v3.20/releases/x86_64/latest-releases.yaml': Buffer.from(
    `---\n-\n  flavor: alpine-minirootfs\n  file: alpine-minirootfs-3.20.3-x86_64.tar.gz\n  sha256: ${sha256(minirootfs)}\n`,
  ),
  '/apk.static': fakeApk,
};
const server = createServer((req, res) => {
  const body = files[req.url ?? ''];
  if (body) res.writeHead(200).end(body);
  else res.writeHead(404).end();
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => {
  server.close();
});

it('alpine: verified minirootfs + apk.static → image with linux-virt that boots, packages read back', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bb-alpine-'));
  const r = await runActionMain(
    'build-base',
    {
      distro: 'alpine',
      version: '3.20',
      arch: 'x86_64',
      mirror: `${mirror}/alpine`,
      'apk-static': `${mirror}/apk.static`,
      'apk-static-sha256': sha256(fakeApk),
      packages: 'wireguard-tools',
      boot: 'kernel',
      size: '256M',
      'source-date-epoch': '1735689600',
      output: join(dir, 'output/base.qcow2'),
    },
    { env: { FAKE_APK_KERNEL: image.kernel }, cwd: dir },
  );
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const p = await readBuildProvenance(r.outputs.provenance!);
  assert.equal(p.build_type, 'alpine-base');
  assert.deepEqual(
    p.inputs.map((i) => [i.name, i.verification]),
    [
      ['alpine-minirootfs', `${mirror}/alpine/v3.20/releases/x86_64/latest-releases.yaml`],
      ['apk.static', 'pinned input'],
    ],
  );
  assert.equal(p.inputs[0]!.sha256, sha256(minirootfs));
  assert.deepEqual(p.packages, ['alpine-base', 'linux-virt', 'wireguard-tools']);
  assert.deepEqual(
    p.installed_packages.packages.map((x) => `${x.name}=${x.version}`),
    ['alpine-base=1.0-r0', 'linux-virt=1.0-r0', 'wireguard-tools=1.0-r0'],
  );
  assert.equal(p.boot.kernel.rootfs_path, 'boot/vmlinuz-virt');

  const result = await boot({
    image: r.outputs.image!,
    arch: 'x86_64',
    boot: 'kernel',
    kernel: r.outputs.kernel!,
    append: `${r.outputs.cmdline} panic=-1`,
    expect: new RegExp(BOOT_MARKER),
    failOn: [/Kernel panic/],
    timeoutMs: 90_000,
    accel: 'tcg',
    consoleLog: join(dir, 'console.log'),
  });
  assert.equal(result.verdict, 'success', result.reason);
}, 300_000);

it('alpine: an apk.static whose bytes do not match the pinned digest stops the build before it runs', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bb-alpine-'));
  const r = await runActionMain(
    'build-base',
    {
      distro: 'alpine',
      arch: 'x86_64',
      mirror: `${mirror}/alpine`,
      'apk-static': `${mirror}/apk.static`,
      'apk-static-sha256': '0'.repeat(64),
      'source-date-epoch': '0',
      output: join(dir, 'output/base.qcow2'),
    },
    { cwd: dir },
  );
  assert.equal(r.code, 1);
  assert.match(
    r.stdout,
    /checksum mismatch for http:\/\/127\.0\.0\.1:\d+\/apk\.static: expected sha256 0{64}/,
  );
});
