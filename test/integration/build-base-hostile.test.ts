/**
 * Hostile inputs against the bundled build-base action, as a workflow would
 * run it: pax ownership checked in the image with debugfs, archives that
 * cannot be represented refused naming the entry, outputs that would replace
 * an input or a device refused before any work, a compressed bomb stopped at
 * the disk size, errors that name the input, and a cancelled build that
 * leaves no scratch files. No QEMU boot: the image is read with debugfs.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, it } from '@jest/globals';
import { createZstdCompress } from 'node:zlib';
import { writeTar } from '../../shared/archive/tar-writer.ts';
import { sha256File } from '../../shared/hash.ts';
import { run } from '../../shared/exec.ts';
import { readBuildProvenance } from '../../shared/provenance/build-provenance.ts';
import { imageInodes } from '../support/image-inodes.ts';
import { paxHeader, rawTar, type RawEntry } from '../support/raw-tar.ts';
import { runActionMain, startAction, type ActionRun } from '../support/run-action.ts';
import { ensureTestImage, TEST_IMAGE_EPOCH } from '../support/test-image.ts';
import { needTools } from '../support/tools.ts';

await needTools('qemu-img', 'mkfs.ext4', 'debugfs', 'e2fsck', 'sfdisk', 'mkfs.vfat', 'mcopy', 'mknod', 'tar');
const { kernel } = await ensureTestImage('x86_64');
const isRoot = process.getuid?.() === 0;

/** A fresh workspace (the step's working directory) with the tarball `parts` in it. */
const workspaces: string[] = [];
afterAll(() => Promise.all(workspaces.map((d) => rm(d, { recursive: true, force: true }))));

async function workspace(parts?: (RawEntry | Buffer)[]): Promise<{ dir: string; tar: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'bb-hostile-'));
  workspaces.push(dir);
  const tar = join(dir, 'rootfs.tar');
  if (parts) await writeFile(tar, rawTar(parts));
  return { dir, tar };
}

/** The bundled action in `dir`, with the small, fast settings no boot needs. */
function buildBase(
  dir: string,
  inputs: Record<string, string>,
  options: Parameters<typeof runActionMain>[2] = {},
) {
  return runActionMain(
    'build-base',
    {
      distro: 'rootfs',
      arch: 'x86_64',
      boot: 'kernel',
      kernel,
      size: '160M',
      compression: 'none',
      'source-date-epoch': String(TEST_IMAGE_EPOCH),
      output: join(dir, 'out/base.qcow2'),
      ...inputs,
    },
    { bundle: true, cwd: dir, ...options },
  );
}

/** The step failed with one error annotation matching `message`, and left no file in out/. */
async function refused(r: ActionRun, dir: string, message: RegExp): Promise<void> {
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
  assert.equal(errors.length, 1, r.stdout);
  assert.match(errors[0]!, message);
  const out = await readdir(join(dir, 'out')).catch(() => []);
  assert.deepEqual(out, [], 'no image, provenance or scratch directory left');
}

const file = (name: string | Buffer, extra: Partial<RawEntry> = {}): RawEntry => ({
  name,
  mode: 0o644,
  data: Buffer.from('#!/bin/sh\n'),
  ...extra,
});

describe('extended attributes arrive in the image, or the build fails naming the entry', () => {
  // security.capability v2 for cap_net_raw (bit 13), permitted and effective.
  const capability = Buffer.from('0100000200200000000000000000000000000000', 'hex');
  // system.posix_acl_access in the kernel's xattr format: user::rw- user:1000:r-- group::r-- mask::r-- other::---.
  const acl = Buffer.concat([
    Buffer.from([2, 0, 0, 0]),
    ...[
      [0x01, 6, 0xffffffff],
      [0x02, 4, 1000],
      [0x04, 4, 0xffffffff],
      [0x10, 4, 0xffffffff],
      [0x20, 0, 0xffffffff],
    ].map(([tag, perm, id]) => {
      const b = Buffer.alloc(8);
      b.writeUInt16LE(tag!, 0);
      b.writeUInt16LE(perm!, 2);
      b.writeUInt32LE(id!, 4);
      return b;
    }),
  ]);

  it('file capabilities, a POSIX ACL and user.* (GNU tar and bsdtar records) are what debugfs sees', async () => {
    const { dir, tar } = await workspace([
      { name: 'usr/', type: '5', mode: 0o755 },
      { name: 'usr/bin/', type: '5', mode: 0o755 },
      file('usr/bin/ping', {
        mode: 0o755,
        pax: {
          'SCHILY.xattr.security.capability': capability,
          'SCHILY.xattr.system.posix_acl_access': acl,
        },
      }),
      // bsdtar writes both records: the name URL-encoded, the value base64.
      file('usr/bin/tagged', {
        pax: {
          'LIBARCHIVE.xattr.user.origin%20note': Buffer.from('vendor #7').toString('base64'),
          'SCHILY.xattr.user.origin note': 'vendor #7',
        },
      }),
    ]);
    const r = await buildBase(dir, { rootfs: tar });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const raw = join(dir, 'disk.raw');
    await run('qemu-img', ['convert', '-O', 'raw', r.outputs.image!, raw]);
    const table = JSON.parse((await run('sfdisk', ['--json', raw])).stdout) as {
      partitiontable: { partitions: { start: number }[] };
    };
    const fs = `${raw}?offset=${table.partitiontable.partitions[1]!.start * 512}`;
    const eaList = async (path: string) => (await run('debugfs', ['-R', `ea_list ${path}`, fs])).stdout;
    const ping = await eaList('/usr/bin/ping');
    assert.match(ping, /security\.capability \(20\) = 01 00 00 02 00 20 00 00 00 00/);
    assert.match(ping, /system\.posix_acl_access/);
    assert.match(await eaList('/usr/bin/tagged'), /user\.origin note \(9\) = "vendor #7"/);
    // e2fsck (run by the build) accepted them; the provenance's content digest covers them.
    const { output } = await readBuildProvenance(r.outputs.provenance!);
    assert.match(output.rootfs_content_sha256!, /^[0-9a-f]{64}$/);
  });

  for (const [name, pax, message] of [
    [
      "a textual ACL (GNU tar --acls' SCHILY.acl.access)",
      { 'SCHILY.acl.access': 'user::rw-,group::r--,other::r--' },
      /entry 'etc\/secret' has a textual ACL \(pax SCHILY\.acl\.access\)/,
    ],
    [
      'an attribute in a namespace ext4 does not store for files',
      { 'SCHILY.xattr.system.data': 'x' },
      /extended attribute 'system\.data' \(pax SCHILY\.xattr\.system\.data\) cannot be written to ext4/,
    ],
    [
      'one attribute recorded twice with different values',
      { 'SCHILY.xattr.user.a': 'one', 'LIBARCHIVE.xattr.user.a': Buffer.from('two').toString('base64') },
      /extended attribute 'user\.a' is recorded twice with different values/,
    ],
  ] as const) {
    it(`refuses ${name}, naming the entry, with nothing written`, async () => {
      const { dir, tar } = await workspace([
        { name: 'etc/', type: '5', mode: 0o755 },
        file('etc/secret', { pax }),
      ]);
      await refused(await buildBase(dir, { rootfs: tar }), dir, message);
    });
  }
});

describe('pax ownership arrives in the image exactly', () => {
  it('uid, gid, mtime and path from pax records (and a global header) are what debugfs sees', async () => {
    const { dir, tar } = await workspace([
      { name: 'usr/', type: '5', mode: 0o755 },
      { name: 'usr/bin/', type: '5', mode: 0o755 },
      // The ustar fields say root: only the pax records tell the truth.
      file('usr/bin/helper', {
        mode: 0o4755,
        uid: 0,
        gid: 0,
        uname: 'root',
        pax: { uid: '70000', gid: '2000000000', mtime: '1600000000.5', uname: 'root' },
      }),
      file('usr/bin/short', { pax: { path: `usr/bin/${'long-name-'.repeat(15)}tool` } }),
      paxHeader({ uid: '1000', gid: '1000' }, true),
      { name: 'home/', type: '5', mode: 0o755 },
      file('home/notes', { mode: 0o600 }),
    ]);
    const r = await buildBase(dir, { rootfs: tar });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const inode = await imageInodes(r.outputs.image!, dir);
    assert.deepEqual(await inode('/usr/bin/helper'), {
      inode: (await inode('/usr/bin/helper'))!.inode,
      type: 'regular',
      mode: '04755',
      uid: 70000,
      gid: 2000000000,
      mtime: 1600000000,
      links: 1,
    });
    assert.equal((await inode(`/usr/bin/${'long-name-'.repeat(15)}tool`))?.type, 'regular');
    assert.equal(
      await inode('/usr/bin/short'),
      undefined,
      'the ustar name of a renamed entry is not created',
    );
    const notes = await inode('/home/notes');
    assert.deepEqual([notes?.uid, notes?.gid, notes?.mode], [1000, 1000, '0600']);
  });

  it('a setuid file whose pax uid ext4 cannot store is refused naming the entry, not made root-owned', async () => {
    const { dir, tar } = await workspace([
      file('usr/bin/su', { mode: 0o4755, uid: 0, gid: 0, pax: { uid: '4294967296' } }),
    ]);
    const r = await buildBase(dir, { rootfs: tar });
    await refused(
      r,
      dir,
      /rootfs\.tar: entry 'usr\/bin\/su': pax uid record 4294967296 is above 4294967295, the largest owner ext4 can store/,
    );
  });

  it('a pax uid that is not a decimal number is refused naming the entry', async () => {
    const { dir, tar } = await workspace([file('etc/sudoers', { pax: { gid: '0x0' } })]);
    await refused(
      await buildBase(dir, { rootfs: tar }),
      dir,
      /entry 'etc\/sudoers': pax gid record '0x0' is not a decimal number/,
    );
  });
});

describe('entries that cannot be represented are refused naming the entry', () => {
  const cases: [string, (RawEntry | Buffer)[], RegExp][] = [
    [
      'a name that is not UTF-8',
      [file(Buffer.from([0x62, 0x69, 0x6e, 0x2f, 0xe9, 0x76, 0x69, 0x6c]))],
      /entry 'bin\/\\xe9vil' has a path that is not valid UTF-8/,
    ],
    [
      "a GNU sparse file (type 'S')",
      [file('var/lib/sparse.img', { type: 'S', format: 'gnu' })],
      /entry 'var\/lib\/sparse\.img' has a tar type build-base does not read \(a GNU sparse 'S'/,
    ],
    [
      'a hardlink whose file is later replaced by a symlink',
      [
        file('etc/a', { data: Buffer.from('secret') }),
        { name: 'etc/b', type: '1', linkname: 'etc/a' },
        { name: 'etc/a', type: '2', linkname: '/etc/shadow' },
      ],
      /entry 'etc\/a' \(a symlink\) replaces 'etc\/a', the file hardlink 'etc\/b' links to/,
    ],
    [
      'a hardlink whose file is later replaced by a directory',
      [file('a'), { name: 'b', type: '1', linkname: 'a' }, { name: 'a/', type: '5', mode: 0o755 }],
      /entry 'a' \(a directory\) replaces 'a', the file hardlink 'b' links to/,
    ],
  ];
  for (const [name, parts, message] of cases) {
    it(`refuses ${name}`, async () => {
      const { dir, tar } = await workspace(parts);
      await refused(await buildBase(dir, { rootfs: tar }), dir, message);
    });
  }

  it('refuses a pax sparse file written by GNU tar --sparse (sparse entries are refused, not laid out)', async () => {
    const { dir } = await workspace();
    const root = join(dir, 'root');
    await mkdir(join(root, 'var'), { recursive: true });
    await writeFile(join(root, 'var/disk.img'), '');
    execFileSync('truncate', ['-s', '8M', join(root, 'var/disk.img')]);
    execFileSync('sh', [
      '-c',
      'printf data | dd of="$1" bs=1 seek=4000000 conv=notrunc 2>/dev/null',
      'sh',
      join(root, 'var/disk.img'),
    ]);
    const tar = join(dir, 'sparse.tar');
    execFileSync('tar', ['--sparse', '--format=posix', '-cf', tar, '-C', root, '.']);
    await refused(
      await buildBase(dir, { rootfs: tar }),
      dir,
      /entry '\.\/var\/disk\.img' is a sparse file \(pax record GNU\.sparse\.\w+\); build-base refuses sparse entries/,
    );
  });
});

describe('outputs never replace an input, a device or anything outside the workspace', () => {
  it('refuses to write the image over its own rootfs tarball, which stays intact', async () => {
    const { dir, tar } = await workspace([file('etc/hostname', { data: Buffer.from('x\n') })]);
    const before = await sha256File(tar);
    const r = await buildBase(dir, { rootfs: tar, output: tar });
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /::error title=Invalid input::input 'output': output '.*rootfs\.tar' is the file the 'rootfs' input names; build-base never writes over an input/,
    );
    assert.equal(await sha256File(tar), before);
  });

  it('refuses to export the kernel over the kernel input', async () => {
    const { dir, tar } = await workspace([file('etc/hostname')]);
    const own = join(dir, 'kernel.vmlinuz');
    await writeFile(own, await readFile(kernel));
    const r = await buildBase(dir, { rootfs: tar, kernel: own, output: join(dir, 'kernel.qcow2') });
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /the kernel exported beside it \(from output\) '.*\/kernel\.vmlinuz' is the file the 'kernel' input names/,
    );
    assert.deepEqual((await readdir(dir)).sort(), ['kernel.vmlinuz', 'rootfs.tar']);
  });

  it('refuses a device node as output, which stays a device', async () => {
    const { dir, tar } = await workspace([file('etc/hostname')]);
    const device = join(dir, 'null');
    // Root (CI and here) makes a real device; anyone else a FIFO, which the same rule refuses.
    if (isRoot) execFileSync('mknod', [device, 'c', '1', '3']);
    else execFileSync('mkfifo', [device]);
    const r = await buildBase(dir, { rootfs: tar, output: device });
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /output '.*\/null' is a (character device|FIFO); build-base writes only new or regular files/,
    );
    const s = await stat(device);
    assert.ok(isRoot ? s.isCharacterDevice() : s.isFIFO(), 'the node is still there');
  });

  it('refuses an output below a regular file and one outside the workspace, before any work', async () => {
    const { dir, tar } = await workspace([file('etc/hostname')]);
    await writeFile(join(dir, 'out'), 'a file where a directory should be');
    const below = await buildBase(dir, { rootfs: tar, output: join(dir, 'out/base.qcow2') });
    assert.equal(below.code, 1);
    assert.match(
      below.stdout,
      /output '.*\/out\/base\.qcow2' cannot be created: '.*\/out' is a regular file, not a directory/,
    );
    const outside = await buildBase(dir, {
      rootfs: tar,
      output: join(tmpdir(), 'bb-hostile-elsewhere', 'base.qcow2'),
    });
    assert.equal(outside.code, 1);
    assert.match(
      outside.stdout,
      /output '.*bb-hostile-elsewhere\/base\.qcow2' is outside the workspace \(.*bb-hostile-/,
    );
    assert.equal(
      await stat(join(tmpdir(), 'bb-hostile-elsewhere')).catch(() => null),
      null,
      'nothing created outside',
    );
  });
});

describe('the disk size bounds what is unpacked', () => {
  it('a 1 GiB zstd bomb of a few KiB stops at the 128 MiB size, naming size and the tarball', async () => {
    const { dir } = await workspace();
    const bomb = join(dir, 'bomb.tar.zst');
    const GiB = 1024 ** 3;
    const header = rawTar([{ name: 'zeros', size: GiB }]).subarray(0, 512);
    async function* body() {
      yield header;
      const zeros = Buffer.alloc(16 * 1024 * 1024);
      for (let i = 0; i < GiB / zeros.length; i++) yield zeros;
      yield Buffer.alloc(1024);
    }
    await pipeline(Readable.from(body()), createZstdCompress(), createWriteStream(bomb));
    assert.ok((await stat(bomb)).size < 1024 * 1024, 'the bomb is small');
    const r = await buildBase(dir, { rootfs: bomb, size: '128M' });
    await refused(
      r,
      dir,
      /input 'size': the rootfs tarball .*bomb\.tar\.zst unpacks to more than 128 MiB, the requested disk size \(reading stopped there\)/,
    );
  });
});

describe('errors name the input and what is accepted', () => {
  it('a kernel that is a device is refused at once (it was read forever)', async () => {
    const { dir, tar } = await workspace([file('etc/hostname')]);
    const r = await buildBase(dir, { rootfs: tar, kernel: '/dev/zero' });
    await refused(r, dir, /input 'kernel': '\/dev\/zero' is a character device \(accepted: a regular file\)/);
  });

  it('a size no file can hold is refused before any work (it ended in EFBIG)', async () => {
    const { dir, tar } = await workspace([file('etc/hostname')]);
    await refused(
      await buildBase(dir, { rootfs: tar, size: '100T' }),
      dir,
      /input 'size': 100T is more than 8T/,
    );
  });

  it('a rootfs larger than the disk names the rootfs and size inputs', async () => {
    const { dir } = await workspace();
    const tar = join(dir, 'big.tar');
    await writeTar(
      tar,
      [{ type: 'file', path: 'blob', mode: 0o644, content: Buffer.alloc(140 * 1024 * 1024, 1) }],
      {
        mtime: 0,
      },
    );
    await refused(
      await buildBase(dir, { rootfs: tar, size: '128M' }),
      dir,
      /input 'rootfs': '.*big\.tar' is \d+ bytes, larger than the disk it must fit in \(input 'size': 134217728 bytes\)/,
    );
  });

  it('an unreadable file in the files directory names the files input (it ended in a debugfs error)', async () => {
    const { dir, tar } = await workspace([file('etc/hostname')]);
    await mkdir(join(dir, 'files/etc'), { recursive: true });
    const secret = join(dir, 'files/etc/secret');
    await writeFile(secret, 'root only\n');
    // Root reads everything: it runs the step as nobody. Anyone else makes the file unreadable to itself.
    await chmod(secret, isRoot ? 0o600 : 0o000);
    if (isRoot) {
      await chmod(dir, 0o777);
      await chmod(tar, 0o644);
    }
    const r = await buildBase(
      dir,
      { rootfs: tar, files: join(dir, 'files') },
      isRoot ? { uid: 65534, gid: 65534 } : {},
    );
    await refused(
      r,
      dir,
      /input 'files': '.*\/files\/etc\/secret' is not readable \(permission denied\) \(accepted: a directory tree the build can read/,
    );
  });
});

describe('a cancelled build leaves no scratch files', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} during the build removes its private work directory`, async () => {
      const { dir } = await workspace();
      const tar = join(dir, 'rootfs.tar');
      // Large enough that the build is still reading it when the signal arrives.
      await writeTar(
        tar,
        [{ type: 'file', path: 'blob', mode: 0o644, content: Buffer.alloc(96 * 1024 * 1024, 7) }],
        {
          mtime: 0,
        },
      );
      const started = await startAction(
        'build-base',
        {
          distro: 'rootfs',
          rootfs: tar,
          arch: 'x86_64',
          boot: 'kernel',
          kernel,
          size: '256M',
          compression: 'none',
          'source-date-epoch': '0',
          output: join(dir, 'out/base.qcow2'),
        },
        { bundle: true, cwd: dir },
      );
      // The stage directory exists once the build is under way (the signal handlers are in place by then).
      let work: string | undefined;
      for (let i = 0; i < 1000 && !work; i++) {
        const names = await readdir(join(dir, 'out')).catch(() => [] as string[]);
        const candidate = names.find((n) => n.startsWith('.build-base-'));
        if (candidate && (await stat(join(dir, 'out', candidate, 'stage')).catch(() => null)))
          work = candidate;
        else await new Promise((r) => setTimeout(r, 10));
      }
      assert.ok(work, 'the build started its work directory');
      started.child.kill(signal);
      const r = await started.done;
      assert.equal(r.signal, signal, `the step ends by ${signal}: ${r.stdout}${r.stderr}`);
      assert.deepEqual(await readdir(join(dir, 'out')), [], 'nothing is left beside the output');
    });
  }
});
