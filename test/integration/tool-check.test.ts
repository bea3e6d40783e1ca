/**
 * The bundled actions check every tool before any work: on a runner whose
 * PATH has none of them, build-base fails with one error naming each missing
 * tool and its Debian package, and writes nothing. Tools in the sbin
 * directories (e2fsprogs, fdisk, dosfstools) are found even off PATH, as on a
 * non-root self-hosted runner.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { runActionMain } from '../support/run-action.ts';
import { needTools } from '../support/tools.ts';

// The runner machine has them all; the step below is given a PATH without them.
await needTools('qemu-img', 'mmdebstrap', 'mcopy', 'mmd', 'sfdisk', 'mkfs.ext4', 'debugfs', 'e2fsck');

describe('tool check (bundled build-base)', () => {
  it('fails before any work, listing every missing tool with its package', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tool-check-'));
    const emptyPath = join(dir, 'no-tools');
    await mkdir(emptyPath);
    try {
      const r = await runActionMain(
        'build-base',
        {
          distro: 'debian',
          version: 'bookworm',
          arch: 'x86_64',
          'source-date-epoch': '1700000000',
          output: join(dir, 'out/base.qcow2'),
        },
        { bundle: true, cwd: dir, env: { PATH: emptyPath } },
      );
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
      assert.equal(errors.length, 1, r.stdout);
      // Annotations escape newlines as %0A.
      const message = decodeURIComponent(errors[0]!.replace(/^::error[^:]*::/, ''));
      assert.match(message, /^build-base needs \d+ tools that are not installed: /);
      for (const [tool, pkg] of [
        ['qemu-img', 'qemu-utils'],
        ['mmdebstrap', 'mmdebstrap'],
        ['mcopy', 'mtools'],
        ['mmd', 'mtools'],
      ])
        assert.ok(message.includes(`${tool} (package ${pkg})`), `${tool} not named: ${message}`);
      assert.match(message, /\nInstall with: sudo apt-get install -y [^\n]*\bqemu-utils\b/);
      assert.match(message, /\nInstall with: sudo apt-get install -y [^\n]*\bmtools\b/);
      // In /usr/sbin or /sbin: found although PATH lacks them.
      for (const tool of ['sfdisk', 'mkfs.ext4', 'debugfs', 'e2fsck'])
        assert.ok(!message.includes(`${tool} (`), `${tool} should be found in an sbin directory: ${message}`);
      // Nothing written: no output directory, no scratch directory, no outputs.
      assert.deepEqual((await readdir(dir)).sort(), ['no-tools']);
      assert.deepEqual(r.outputs, {});
      assert.equal(r.summary, '');
      assert.doesNotMatch(r.stdout, /::group::|Building /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
