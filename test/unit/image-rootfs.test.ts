import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { writeTar, type TarEntry } from '../../shared/archive/tar-writer.ts';
import { debugfsScript } from '../../shared/image/ext4.ts';
import { findRootfsKernel } from '../../shared/image/kernel.ts';
import { RootfsManifest, normaliseEntryPath } from '../../shared/image/rootfs-manifest.ts';
import { readRootfsTar } from '../../shared/image/rootfs-tar.ts';

async function tarOf(
  entries: TarEntry[],
  gzip = false,
): Promise<{ tar: string; stage: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'rootfs-unit-'));
  const tar = join(dir, gzip ? 'rootfs.tar.gz' : 'rootfs.tar');
  await writeTar(tar, entries, { mtime: 1700000000, gzip });
  const stage = join(dir, 'stage');
  await mkdir(stage);
  return { tar, stage, dir };
}

const file = (path: string, content = 'x', extra: Partial<TarEntry> = {}): TarEntry =>
  ({ type: 'file', path, mode: 0o644, content: Buffer.from(content), ...extra }) as TarEntry;

describe('rootfs tarball safety', () => {
  const cases: [string, TarEntry[], RegExp][] = [
    ['a ../ path', [file('../escape')], /entry '\.\.\/escape' contains '\.\.'/],
    [
      'a nested ../ path',
      [{ type: 'directory', path: 'etc/', mode: 0o755 }, file('etc/../../x')],
      /etc\/\.\.\/\.\.\/x/,
    ],
    ['an absolute path', [file('/etc/passwd')], /entry '\/etc\/passwd' has an absolute path/],
    [
      'a hardlink outside',
      [file('a'), { type: 'link', path: 'b', target: '../../etc/shadow' }],
      /hardlink 'b' -> '\.\.\/\.\.\/etc\/shadow' points outside/,
    ],
    [
      'a hardlink to nothing',
      [{ type: 'link', path: 'b', target: 'missing' }],
      /hardlink 'b' -> 'missing' does not point to a regular file/,
    ],
    [
      'a relative symlink climbing out',
      [
        { type: 'directory', path: 'etc/', mode: 0o755 },
        { type: 'symlink', path: 'etc/evil', target: '../../../host' },
      ],
      /symlink 'etc\/evil' -> '\.\.\/\.\.\/\.\.\/host' points outside/,
    ],
    [
      'a write through a symlink',
      [{ type: 'symlink', path: 'lib', target: '/tmp' }, file('lib/payload')],
      /entry 'lib\/payload' lies below 'lib', which is a symlink/,
    ],
  ];
  for (const [name, entries, message] of cases) {
    it(`rejects ${name}, naming the entry, and writes nothing outside its stage`, async () => {
      const { tar, stage, dir } = await tarOf(entries);
      await assert.rejects(readRootfsTar(tar, stage), message);
      // Only the archive and the stage directory (with generated names) exist in the work dir.
      assert.deepEqual((await readdir(dir)).sort(), ['rootfs.tar', 'stage']);
      for (const staged of await readdir(stage)) assert.match(staged, /^\d+$/);
    });
  }

  it('accepts absolute symlinks (they resolve inside the image) and relative ones that stay inside', async () => {
    const { tar, stage } = await tarOf([
      { type: 'directory', path: 'usr/bin/', mode: 0o755 },
      { type: 'symlink', path: 'bin', target: 'usr/bin' },
      { type: 'symlink', path: 'usr/bin/sh', target: '/bin/busybox' },
      { type: 'symlink', path: 'usr/bin/env', target: '../../usr/bin/busybox' },
    ]);
    const m = await readRootfsTar(tar, stage);
    assert.equal(m.get('usr/bin/sh')?.target, '/bin/busybox');
    assert.equal(m.get('bin')?.type, 'symlink');
  });

  it('rejects a file that is not a tar archive, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rootfs-unit-'));
    const bogus = join(dir, 'bogus.tar.gz');
    await writeFile(bogus, Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not gzip at all')]));
    await assert.rejects(readRootfsTar(bogus, dir), /bogus\.tar\.gz: not a readable gzip tar archive/);
  });
});

describe('rootfs manifest', () => {
  it('keeps owners, modes, device numbers and hardlinks from the archive (gzip too)', async () => {
    const { tar, stage } = await tarOf(
      [
        { type: 'directory', path: 'home/user/', mode: 0o750, uid: 1000, gid: 1000 },
        file('home/user/.profile', 'export A=1\n', { uid: 1000, gid: 100, mode: 0o600 } as Partial<TarEntry>),
        file('usr/bin/sudo', 'bin', { mode: 0o4755 } as Partial<TarEntry>),
        { type: 'link', path: 'usr/bin/sudoedit', target: 'usr/bin/sudo' },
        { type: 'character-device', path: 'dev/null', mode: 0o666, major: 1, minor: 3 },
        { type: 'block-device', path: 'dev/sda', mode: 0o660, major: 8, minor: 0, gid: 6 },
      ],
      true,
    );
    const m = await readRootfsTar(tar, stage);
    assert.deepEqual(
      {
        uid: m.get('home/user/.profile')?.uid,
        gid: m.get('home/user/.profile')?.gid,
        mode: m.get('home/user/.profile')?.mode,
      },
      { uid: 1000, gid: 100, mode: 0o600 },
    );
    assert.equal(m.get('usr/bin/sudo')?.mode, 0o4755);
    assert.equal(m.get('usr/bin/sudoedit')?.type, 'hardlink');
    assert.deepEqual([m.get('dev/sda')?.major, m.get('dev/sda')?.minor], [8, 0]);
    // Directories the archive leaves out are implied, parents first.
    assert.deepEqual(m.impliedDirectories(), ['dev', 'home', 'usr', 'usr/bin']);
  });

  it('normalises ./ prefixes and repeated slashes', () => {
    assert.equal(normaliseEntryPath('./etc//hosts', 't'), 'etc/hosts');
    assert.equal(normaliseEntryPath('./', 't'), '');
    assert.throws(() => normaliseEntryPath('etc/"quoted"', 't'), /contains a double quote/);
  });

  it('finds the newest kernel and its initrd in /boot', () => {
    const m = new RootfsManifest('t');
    const f = (path: string) =>
      m.add({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, source: `/stage/${path}` });
    m.add({ path: 'boot', type: 'directory', mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    f('boot/vmlinuz-6.1.0-9-amd64');
    f('boot/vmlinuz-6.1.0-10-amd64');
    f('boot/initrd.img-6.1.0-10-amd64');
    f('boot/initrd.img-6.1.0-9-amd64');
    const k = findRootfsKernel(m);
    assert.equal(k?.kernelPath, 'boot/vmlinuz-6.1.0-10-amd64');
    assert.equal(k?.initrdPath, 'boot/initrd.img-6.1.0-10-amd64');
  });
});

describe('debugfs script', () => {
  it('creates an implied directory after the explicit parent that sorts before it', () => {
    const m = new RootfsManifest('t');
    m.add({ path: 'var', type: 'directory', mode: 0o755, uid: 0, gid: 0, mtime: 1 });
    m.add({
      path: 'var/lib/cloud/seed',
      type: 'file',
      mode: 0o600,
      uid: 0,
      gid: 0,
      mtime: 1,
      source: '/s/1',
    });
    const mkdirs = debugfsScript(m, 1000)
      .split('\n')
      .filter((l) => l.startsWith('mkdir') || l.startsWith('write'));
    assert.deepEqual(mkdirs, [
      'mkdir "/var"',
      'mkdir "/var/lib"',
      'mkdir "/var/lib/cloud"',
      'write "/s/1" "/var/lib/cloud/seed"',
    ]);
  });

  it('sets owner, mode and clamped time for every entry and counts hardlinks', () => {
    const m = new RootfsManifest('t');
    m.add({ path: 'etc', type: 'directory', mode: 0o755, uid: 0, gid: 0, mtime: 100 });
    m.add({ path: 'etc/shadow', type: 'file', mode: 0o640, uid: 0, gid: 42, mtime: 5000, source: '/s/1' });
    m.add({
      path: 'etc/shadow-link',
      type: 'hardlink',
      mode: 0o640,
      uid: 0,
      gid: 42,
      mtime: 5000,
      target: 'etc/shadow',
    });
    m.add({ path: 'etc/fifo', type: 'fifo', mode: 0o600, uid: 0, gid: 0, mtime: 5 });
    const script = debugfsScript(m, 1000);
    assert.match(script, /write "\/s\/1" "\/etc\/shadow"/);
    assert.match(script, /sif "\/etc\/shadow" mode 0100640/);
    assert.match(script, /sif "\/etc\/shadow" gid 42/);
    assert.match(script, /sif "\/etc\/shadow" mtime @1000/, 'times after SOURCE_DATE_EPOCH are clamped');
    assert.match(script, /cd "\/etc"\nmknod "fifo" p\ncd \//);
    assert.match(script, /ln "\/etc\/shadow" "\/etc\/shadow-link"\nsif "\/etc\/shadow" links_count 2\n$/);
  });
});
