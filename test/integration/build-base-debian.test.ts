/**
 * A Debian base built by mmdebstrap from Debian's mirror, booted by OVMF to
 * its login prompt. The slowest build-base test (about two minutes under TCG).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { sha256File } from '../../shared/hash.ts';
import { readBuildProvenance } from '../../shared/provenance/build-provenance.ts';
import { boot } from '../../shared/vm/index.ts';
import { runActionMain } from '../support/run-action.ts';
import { needTools } from '../support/tools.ts';

await needTools('mmdebstrap', 'qemu-system-x86_64', 'qemu-img', 'debugfs', 'mkfs.vfat', 'mcopy');

it(
  'debian bookworm built with mmdebstrap boots on OVMF to its login prompt',
  { timeout: 600_000 },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-debian-'));
    const r = await runActionMain('build-base', {
      distro: 'debian',
      version: 'bookworm',
      arch: 'x86_64',
      packages: 'less',
      size: '1G',
      'source-date-epoch': '1735689600',
      output: join(dir, 'output/base.qcow2'),
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.summary, /debian bookworm \(x86_64\)/);

    const provenance = await readBuildProvenance(r.outputs.provenance!);
    assert.equal(provenance.output.sha256, await sha256File(r.outputs.image!));
    assert.equal(provenance.installed_packages.manager, 'dpkg');
    const installed = new Map(provenance.installed_packages.packages.map((p) => [p.name, p.version]));
    // Read back from the image's dpkg database: the requested package and the boot essentials, with versions.
    for (const name of ['less', 'systemd-sysv', 'linux-image-cloud-amd64'])
      assert.ok(installed.get(name), `${name} is installed`);
    assert.match(provenance.boot.kernel.rootfs_path ?? '', /^boot\/vmlinuz-\d/);
    assert.equal(
      provenance.inputs[0]?.verification,
      "apt verified every package against the suite's signed Release file",
    );

    const consoleLog = join(dir, 'console.log');
    const result = await boot({
      image: r.outputs.image!,
      arch: 'x86_64',
      boot: 'uefi',
      expect: /login: *$/m,
      failOn: [/Kernel panic/, /emergency mode/i],
      timeoutMs: 300_000,
      memoryMiB: 1024,
      accel: 'tcg',
      consoleLog,
    });
    assert.equal(result.verdict, 'success', `${result.reason}\n${result.tail.join('\n')}`);
    assert.match(await readFile(consoleLog, 'utf8'), /Debian GNU\/Linux 12/);
  },
);
