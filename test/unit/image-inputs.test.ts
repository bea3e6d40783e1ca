import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { InputError } from '../../shared/errors.ts';
import { resolveBaseOptions } from '../../shared/image/base.ts';
import { localRunContext } from '../../shared/run-context.ts';
import { emptyBaseInputs } from '../support/base-image.ts';

const dir = await mkdtemp(join(tmpdir(), 'base-inputs-'));
const tarball = join(dir, 'rootfs.tar');
await writeFile(tarball, '');
const ctx = localRunContext({ sourceDateEpoch: '1700000000' });

function rejectsInput(overrides: Parameters<typeof emptyBaseInputs>[0], input: string, message: RegExp) {
  return assert.rejects(resolveBaseOptions(emptyBaseInputs(overrides), dir, ctx), (e: unknown) => {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    assert.equal(e.input, input);
    assert.match(e.message, message);
    return true;
  });
}

describe('build-base input validation', () => {
  it('kernel-args: the deprecated alias cmdline still works, with a deprecation', async () => {
    const o = await resolveBaseOptions(
      emptyBaseInputs({ distro: 'rootfs', rootfs: tarball, cmdline: 'quiet' }),
      dir,
      ctx,
    );
    assert.equal(o.cmdline, 'quiet');
    assert.match(o.deprecations.join('\n'), /input 'cmdline' is deprecated: name it 'kernel-args'/);
    const n = await resolveBaseOptions(
      emptyBaseInputs({ distro: 'rootfs', rootfs: tarball, 'kernel-args': 'quiet loglevel=3' }),
      dir,
      ctx,
    );
    assert.deepEqual([n.cmdline, n.deprecations], ['quiet loglevel=3', []]);
  });
  it('kernel-args and its old name cmdline together are refused', () =>
    rejectsInput(
      { distro: 'rootfs', rootfs: tarball, cmdline: 'quiet', 'kernel-args': 'quiet' },
      'cmdline',
      /deprecated name of 'kernel-args'; both are set/,
    ));
  it('kernel-args must be one line', () =>
    rejectsInput(
      { distro: 'rootfs', rootfs: tarball, 'kernel-args': 'quiet\ninit=/bin/sh' },
      'kernel-args',
      /must be a single line/,
    ));
  it('rejects an unknown distro, naming the accepted ones', () =>
    rejectsInput(
      { distro: 'gentoo' },
      'distro',
      /unknown value 'gentoo' \(accepted: alpine \| debian \| ubuntu \| rootfs\)/,
    ));
  it('rejects an unknown arch', () =>
    rejectsInput(
      { distro: 'rootfs', rootfs: tarball, arch: 'riscv64' },
      'arch',
      /riscv64.*x86_64 \| aarch64/,
    ));
  it('rejects a size that is not a size', () =>
    rejectsInput({ distro: 'rootfs', rootfs: tarball, size: 'big' }, 'size', /'big' is not a size/));
  it('rejects a size below the minimum', () =>
    rejectsInput({ distro: 'rootfs', rootfs: tarball, size: '10M' }, 'size', /too small/));
  it('rejects a rootfs URL without a checksum', () =>
    rejectsInput(
      { distro: 'rootfs', rootfs: 'https://example.invalid/rootfs.tar.gz' },
      'rootfs',
      /has no checksum.*rootfs-sha256/,
    ));
  it('rejects an unreadable rootfs path', () =>
    rejectsInput(
      { distro: 'rootfs', rootfs: join(dir, 'missing.tar') },
      'rootfs',
      /cannot be read \(no such file or directory\)/,
    ));
  it('requires a rootfs for distro rootfs', () =>
    rejectsInput({ distro: 'rootfs' }, 'rootfs', /is required when distro is rootfs/));
  it('rejects a malformed package list', () =>
    rejectsInput(
      { distro: 'debian', packages: 'curl\nrm -rf /\n' },
      'packages',
      /'rm -rf \/' is not a package name/,
    ));
  it('rejects an Alpine version that is not a release', () =>
    rejectsInput({ distro: 'alpine', version: 'latest' }, 'version', /not an Alpine release/));
  it('accepts Alpine with every default: an empty apk-static means the release package (issue 11)', async () => {
    const o = await resolveBaseOptions(emptyBaseInputs({ distro: 'alpine', arch: 'x86_64' }), dir, ctx);
    assert.equal(o.apkStatic, undefined);
    assert.deepEqual(o.packages, ['alpine-base', 'linux-virt']);
  });
  it('rejects a bad pinned checksum', () =>
    rejectsInput(
      { distro: 'rootfs', rootfs: tarball, 'rootfs-sha256': 'abc' },
      'rootfs-sha256',
      /not a SHA-256 digest/,
    ));
  it('rejects a non-numeric source-date-epoch', () =>
    rejectsInput(
      { distro: 'rootfs', rootfs: tarball, 'source-date-epoch': 'yesterday' },
      'source-date-epoch',
      /'yesterday' is not a Unix time/,
    ));
  it('rejects an output path that is a directory', () =>
    rejectsInput({ distro: 'rootfs', rootfs: tarball, output: dir }, 'output', /is a directory/));
  it('rejects files that is not a directory', () =>
    rejectsInput(
      { distro: 'rootfs', rootfs: tarball, files: tarball },
      'files',
      /is a file, expected a directory/,
    ));

  it('fills defaults: boot uefi, zstd, 2G, output/base.qcow2 with meta/ beside it, boot essentials added', async () => {
    const o = await resolveBaseOptions(
      emptyBaseInputs({ distro: 'debian', packages: 'curl\n# comment\n' }),
      dir,
      ctx,
    );
    assert.equal(o.boot, 'uefi');
    assert.equal(o.compression, 'zstd');
    assert.equal(o.sizeBytes, 2 * 1024 ** 3);
    assert.equal(o.version, 'bookworm');
    assert.equal(o.output, join(dir, 'output/base.qcow2'));
    assert.equal(o.provenance, join(dir, 'output/meta/build-provenance.json'));
    assert.equal(o.sourceDateEpoch, 1700000000);
    assert.deepEqual(o.requestedPackages, ['curl']);
    assert.ok(
      o.packages.includes('systemd-sysv') && o.packages.some((p) => p.startsWith('linux-image-cloud-')),
    );
  });
});
