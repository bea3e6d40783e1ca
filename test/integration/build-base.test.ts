/**
 * build-base for real: images of the test image booted by QEMU (firmware and
 * direct kernel, x86_64 and aarch64), reproducibility, ownership as seen by
 * debugfs when built by an unprivileged user, and failures that leave nothing.
 */
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { writeTar } from '../../shared/archive/tar-writer.ts';
import { run } from '../../shared/exec.ts';
import { sha256File } from '../../shared/hash.ts';
import { buildDisk } from '../../shared/image/build.ts';
import { readBuildProvenance } from '../../shared/provenance/build-provenance.ts';
import { boot } from '../../shared/vm/index.ts';
import { cachedTestBase } from '../support/base-image.ts';
import { runActionMain } from '../support/run-action.ts';
import {
  BOOT_MARKER,
  cacheRoot,
  ensureTestImage,
  TEST_IMAGE_EPOCH,
  type TestArch,
} from '../support/test-image.ts';
import { needTools } from '../support/tools.ts';

const FAIL_ON = [/Kernel panic/, /VFS: Unable to mount root/];
const marker = new RegExp(BOOT_MARKER);

await needTools(
  'qemu-img',
  'qemu-system-x86_64',
  'qemu-system-aarch64',
  'mkfs.ext4',
  'debugfs',
  'sfdisk',
  'mkfs.vfat',
  'mcopy',
);

describe('build-base images boot', () => {
  for (const arch of ['x86_64', 'aarch64'] as TestArch[]) {
    it(`${arch}: firmware boot (GPT + ESP with systemd-boot, no -kernel) reaches the marker`, async () => {
      const base = await cachedTestBase(arch, 'uefi');
      const dir = await mkdtemp(join(tmpdir(), 'bb-boot-'));
      const r = await boot({
        image: base.image,
        arch,
        boot: 'uefi',
        expect: marker,
        failOn: FAIL_ON,
        timeoutMs: 120_000,
        accel: 'tcg',
        consoleLog: join(dir, 'console.log'),
      });
      assert.equal(r.verdict, 'success', `${r.reason}\n${r.tail.join('\n')}`);
      assert.ok(!r.command.includes('-kernel'), 'firmware boot must not use -kernel');
      assert.match(await readFile(join(dir, 'console.log'), 'utf8'), /Mounted root \(ext4 filesystem\)/);
      // The provenance pins the boot loader the ESP carries: its package, version and exact bytes.
      const { boot: bootDoc } = await readBuildProvenance(base.provenance);
      const efi = arch === 'x86_64' ? 'x64' : 'aa64';
      const raw = join(dir, 'disk.raw');
      await run('qemu-img', ['convert', '-O', 'raw', base.image, raw]);
      const esp = `${raw}@@${1024 * 1024}`;
      await run('mcopy', ['-i', esp, `::/EFI/BOOT/BOOT${efi.toUpperCase()}.EFI`, join(dir, 'boot.efi')]);
      assert.equal(bootDoc.bootloader?.sha256, await sha256File(join(dir, 'boot.efi')));
      assert.equal(bootDoc.bootloader?.package, 'systemd-boot-efi');
      assert.match(bootDoc.bootloader!.version, /^\d+\.\d+/);
    });

    it(`${arch}: direct kernel boot with the exported kernel and cmdline reaches the marker`, async () => {
      const base = await cachedTestBase(arch, 'kernel');
      assert.ok(base.kernel, 'boot=kernel exports the kernel');
      const dir = await mkdtemp(join(tmpdir(), 'bb-boot-'));
      const r = await boot({
        image: base.image,
        arch,
        boot: 'kernel',
        kernel: base.kernel,
        append: `${base.cmdline} panic=-1`,
        expect: marker,
        failOn: FAIL_ON,
        timeoutMs: 90_000,
        accel: 'tcg',
        consoleLog: join(dir, 'console.log'),
      });
      assert.equal(r.verdict, 'success', `${r.reason}\n${r.tail.join('\n')}`);
      // The image's root is found by the PARTUUID build-base wrote into the GPT.
      assert.match(base.cmdline, /root=PARTUUID=[0-9a-f-]{36}/);
      const provenance = await readBuildProvenance(base.provenance);
      assert.equal(provenance.output.sha256, await sha256File(base.image));
      assert.equal(provenance.boot.kernel.sha256, await sha256File(base.kernel));
      assert.equal(
        provenance.boot.kernel.rootfs_path,
        `boot/vmlinuz-${(await ensureTestImage(arch)).kernelVersion}`,
      );
    });
  }
});

describe('build-base is reproducible', () => {
  it('two builds of the same inputs give byte-identical raw and qcow2 files', async () => {
    const { rootfsTar } = await ensureTestImage('x86_64');
    const build = async () =>
      buildDisk({
        arch: 'x86_64',
        rootfs: rootfsTar,
        sizeBytes: 256 * 1024 * 1024,
        boot: 'uefi',
        compression: 'zstd',
        sourceDateEpoch: TEST_IMAGE_EPOCH,
        identity: 'repro',
        title: 'repro',
        workDir: await mkdtemp(join(tmpdir(), 'bb-repro-')),
        cacheDir: cacheRoot,
      });
    const a = await build();
    await new Promise((r) => setTimeout(r, 1100)); // a second later: wall-clock time must not leak in
    const b = await build();
    assert.equal(await sha256File(a.raw), await sha256File(b.raw), 'raw disks differ');
    assert.equal(a.sha256, b.sha256, 'qcow2 images differ');
    assert.equal(await sha256File(a.qcow2), await sha256File(b.qcow2));
  });
});

describe('build-base keeps the rootfs exactly, unprivileged', () => {
  it('owners, modes, symlinks, hardlinks and device nodes arrive as in the tarball when a non-root user builds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-owners-'));
    await chmod(dir, 0o777);
    const { kernel } = await ensureTestImage('x86_64');
    const tar = join(dir, 'rootfs.tar');
    await writeTar(
      tar,
      [
        { type: 'directory', path: 'boot/', mode: 0o755 },
        { type: 'file', path: 'boot/vmlinuz-test', mode: 0o644, content: await readFile(kernel) },
        { type: 'directory', path: 'home/alice/', mode: 0o750, uid: 1000, gid: 1000 },
        {
          type: 'file',
          path: 'home/alice/notes',
          mode: 0o600,
          uid: 1000,
          gid: 100,
          content: Buffer.from('hi\n'),
        },
        { type: 'directory', path: 'usr/bin/', mode: 0o755 },
        { type: 'file', path: 'usr/bin/sudo', mode: 0o4755, content: Buffer.from('#!/bin/sh\n') },
        { type: 'link', path: 'usr/bin/sudoedit', target: 'usr/bin/sudo' },
        { type: 'symlink', path: 'usr/bin/vi', target: '/usr/bin/sudo' },
        { type: 'directory', path: 'dev/', mode: 0o755 },
        { type: 'character-device', path: 'dev/null', mode: 0o666, major: 1, minor: 3 },
        { type: 'block-device', path: 'dev/vda', mode: 0o660, major: 254, minor: 0, gid: 6 },
        { type: 'directory', path: 'tmp/', mode: 0o1777 },
      ],
      { mtime: TEST_IMAGE_EPOCH },
    );
    await chmod(tar, 0o644);
    // The step's workspace is dir, so its output may go there.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534, cwd: dir } : { cwd: dir };
    const r = await runActionMain(
      'build-base',
      {
        distro: 'rootfs',
        rootfs: tar,
        arch: 'x86_64',
        boot: 'kernel',
        size: '160M',
        compression: 'none',
        'source-date-epoch': String(TEST_IMAGE_EPOCH),
        output: join(dir, 'out/base.qcow2'),
      },
      asNobody,
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const raw = join(dir, 'base.raw');
    await run('qemu-img', ['convert', '-f', 'qcow2', '-O', 'raw', r.outputs.image!, raw]);
    const provenance = await readBuildProvenance(r.outputs.provenance!);
    assert.equal(provenance.output.sha256, r.outputs.sha256);
    const sfdisk = JSON.parse((await run('sfdisk', ['--json', raw])).stdout) as {
      partitiontable: { partitions: { start: number }[] };
    };
    const rootFs = `${raw}?offset=${sfdisk.partitiontable.partitions[1]!.start * 512}`;
    const debugfs = async (cmd: string) => (await run('debugfs', ['-R', cmd, rootFs])).stdout;
    const stat1 = (text: string) => ({
      mode: /Mode:\s+(\d+)/.exec(text)?.[1],
      user: /User:\s+(\d+)/.exec(text)?.[1],
      group: /Group:\s+(\d+)/.exec(text)?.[1],
      links: /Links:\s+(\d+)/.exec(text)?.[1],
      type: /Type:\s+(\S+)/.exec(text)?.[1],
    });
    assert.deepEqual(stat1(await debugfs('stat /home/alice/notes')), {
      mode: '0600',
      user: '1000',
      group: '100',
      links: '1',
      type: 'regular',
    });
    assert.deepEqual(stat1(await debugfs('stat /home/alice')), {
      mode: '0750',
      user: '1000',
      group: '1000',
      links: '2',
      type: 'directory',
    });
    assert.deepEqual(stat1(await debugfs('stat /usr/bin/sudo')), {
      mode: '04755',
      user: '0',
      group: '0',
      links: '2',
      type: 'regular',
    });
    assert.equal(
      /^\s*(\d+)/.exec(await debugfs('ls -i /usr/bin/sudoedit'))?.[1],
      /^\s*(\d+)/.exec(await debugfs('ls -i /usr/bin/sudo'))?.[1],
      'hardlink shares the inode',
    );
    assert.match(await debugfs('stat /usr/bin/vi'), /Fast link dest: "\/usr\/bin\/sudo"/);
    assert.match(await debugfs('stat /dev/null'), /Type: character[\s\S]*Device major\/minor number: 01:03/);
    assert.match(
      await debugfs('stat /dev/vda'),
      /Type: block[\s\S]*Group:\s+6[\s\S]*Device major\/minor number: 254:00/,
    );
    assert.deepEqual(stat1(await debugfs('stat /tmp')).mode, '01777');
    assert.equal((await run('e2fsck', ['-fn', rootFs])).code, 0);
  });
});

describe('build-base customises the rootfs', () => {
  it('copies the files directory over the rootfs as root and installs the NoCloud seed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-files-'));
    await mkdir(join(dir, 'files/etc/infrasim'), { recursive: true });
    await writeFile(join(dir, 'files/etc/infrasim/role'), 'edge\n', { mode: 0o640 });
    await writeFile(join(dir, 'files/etc/hostname'), 'custom\n');
    await writeFile(join(dir, 'user-data'), '#cloud-config\nhostname: custom\n');
    await writeFile(join(dir, 'meta-data'), 'instance-id: i-1\n');
    const { rootfsTar } = await ensureTestImage('x86_64');
    const inputs = {
      distro: 'rootfs',
      rootfs: rootfsTar,
      arch: 'x86_64',
      boot: 'kernel',
      size: '160M',
      compression: 'none',
      files: join(dir, 'files'),
      'user-data': join(dir, 'user-data'),
      'meta-data': join(dir, 'meta-data'),
      'source-date-epoch': String(TEST_IMAGE_EPOCH),
      output: join(dir, 'out/base.qcow2'),
    };
    const r = await runActionMain('build-base', inputs, { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    // The log and the job summary show each step of the build; qemu-img convert streams its progress in a group.
    assert.match(r.stdout, /\nrootfs: rootfs from .*\nread rootfs: \d+ entries \(files overlay included\)/);
    assert.match(
      r.stdout,
      /::group::qemu-img convert .* → .*\n\$ qemu-img convert -p .*\n(?:\d+%\n)*100%\n::endgroup::/,
    );
    assert.match(r.summary, /\| ext4 root \| \d+ MiB in place in the disk, written by one debugfs script/);
    assert.match(r.summary, /\| Distribution \| rootfs \(x86_64\) \|/);
    const raw = join(dir, 'base.raw');
    await run('qemu-img', ['convert', '-f', 'qcow2', '-O', 'raw', r.outputs.image!, raw]);
    const sfdisk = JSON.parse((await run('sfdisk', ['--json', raw])).stdout) as {
      partitiontable: { partitions: { start: number }[] };
    };
    const rootFs = `${raw}?offset=${sfdisk.partitiontable.partitions[1]!.start * 512}`;
    const cat = async (path: string) => (await run('debugfs', ['-R', `cat ${path}`, rootFs])).stdout;
    const statOf = async (path: string) => (await run('debugfs', ['-R', `stat ${path}`, rootFs])).stdout;
    assert.equal(await cat('/etc/hostname'), 'custom\n', 'files replace what the rootfs had');
    assert.equal(await cat('/etc/infrasim/role'), 'edge\n');
    assert.match(await statOf('/etc/infrasim/role'), /Mode:\s+0640\s[\s\S]*User:\s+0\s+Group:\s+0\s/);
    assert.equal(await cat('/var/lib/cloud/seed/nocloud/user-data'), '#cloud-config\nhostname: custom\n');
    assert.match(await statOf('/var/lib/cloud/seed/nocloud/meta-data'), /Mode:\s+0600\s/);
    assert.match(await cat('/etc/os-release'), /ID=infrasim-test/);

    // Another file's content at the same SOURCE_DATE_EPOCH: other GUIDs, because they derive from the content.
    await writeFile(join(dir, 'files/etc/infrasim/role'), 'core\n', { mode: 0o640 });
    const other = await runActionMain(
      'build-base',
      { ...inputs, output: join(dir, 'out2/base.qcow2') },
      { cwd: dir },
    );
    assert.equal(other.code, 0, other.stdout + other.stderr);
    const first = await readBuildProvenance(r.outputs.provenance!);
    const second = await readBuildProvenance(other.outputs.provenance!);
    assert.notEqual(first.output.rootfs_content_sha256, second.output.rootfs_content_sha256);
    assert.notEqual(first.boot.partitions.disk_guid, second.boot.partitions.disk_guid);
    assert.notEqual(first.boot.partitions.root_partuuid, second.boot.partitions.root_partuuid);
    assert.equal(first.boot.bootloader, null, 'a direct kernel boot carries no boot loader');
    assert.match(first.tools.debugfs!, /^debugfs \d/);
    assert.match(first.tools.mtools!, /mtools/);
  });
});

describe('build-base fails cleanly', () => {
  it('an unsafe tarball fails naming the entry, with nothing written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-unsafe-'));
    const tar = join(dir, 'evil.tar');
    await writeTar(
      tar,
      [{ type: 'file', path: '../../etc/cron.d/evil', mode: 0o644, content: Buffer.from('x') }],
      { mtime: 0 },
    );
    const r = await runActionMain(
      'build-base',
      {
        distro: 'rootfs',
        rootfs: tar,
        'source-date-epoch': '0',
        output: join(dir, 'out/base.qcow2'),
      },
      { cwd: dir },
    );
    assert.equal(r.code, 1);
    assert.match(r.stdout, /entry '\.\.\/\.\.\/etc\/cron\.d\/evil' contains '\.\.'/);
    assert.deepEqual(await readdir(join(dir, 'out')), [], 'no image, provenance or work directory left');
  });

  it('an unknown distro fails before any work, naming the input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-bad-'));
    const r = await runActionMain(
      'build-base',
      { distro: 'windows', output: join(dir, 'out/base.qcow2') },
      { cwd: dir },
    );
    assert.equal(r.code, 1);
    assert.match(r.stdout, /::error title=Invalid input::input 'distro': unknown value 'windows'/);
    assert.equal(await stat(join(dir, 'out')).catch(() => null), null, 'nothing created');
  });

  it('a size too small for the rootfs fails naming the size input, with nothing written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-small-'));
    try {
      // 120 MiB of data (a tarball smaller than the disk) cannot fit beside a 64 MiB ESP in a 128 MiB disk.
      await writeTar(
        join(dir, 'blob.tar'),
        [{ type: 'file', path: 'blob', mode: 0o644, content: Buffer.alloc(120 * 1024 * 1024, 1) }],
        { mtime: 0 },
      );
      const r = await runActionMain(
        'build-base',
        {
          distro: 'rootfs',
          rootfs: join(dir, 'blob.tar'),
          kernel: (await ensureTestImage('x86_64')).kernel,
          size: '128M',
          'source-date-epoch': '0',
          output: join(dir, 'out/base.qcow2'),
        },
        { cwd: dir },
      );
      assert.equal(r.code, 1);
      assert.match(
        r.stdout,
        /input 'size': 128 MiB is too small: the rootfs \(1 entries\) needs at least \d+ MiB/,
      );
      assert.deepEqual(await readdir(join(dir, 'out')), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
