/**
 * shared/image-fs/image-root.ts on real disks made with the real tools
 * (sfdisk, mkfs.ext4 -d, qemu-img, debugfs), no root and no mounts: a GPT
 * disk whose root partition is second, hostile file names and symlinks, an
 * overlay with a relative backing file, a transaction left in the journal,
 * and the batching promise (many files, few debugfs processes) counted
 * through a debugfs wrapper on PATH. The same reads through the tree the
 * secret scan extracts (tree-files.ts), which attest's SBOMs use.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { DataError } from '../../shared/errors.ts';
import { openImageRoot, type ImageFiles } from '../../shared/image-fs/image-root.ts';
import { treeFiles } from '../../shared/image-fs/tree-files.ts';
import { scanImageForSecrets } from '../../shared/secrets/scan-image.ts';
import type { TreeManifest } from '../../shared/secrets/scan-tree.ts';
import { sha256 } from '../../shared/hash.ts';
import { needTools } from '../support/tools.ts';

await needTools('qemu-img', 'mkfs.ext4', 'debugfs', 'e2fsck', 'sfdisk');

const sh = (cmd: string, args: string[], cwd?: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let work: string;
let image: string;
let rootOffset: number;
const HOSTILE = ['we"ird', 'back\\slash', 'with space', '-R ls', 'ünï'];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'image-root-'));
  const tree = join(work, 'tree');
  await mkdir(join(tree, 'etc'), { recursive: true });
  await mkdir(join(tree, 'usr/lib'), { recursive: true });
  await mkdir(join(tree, 'usr/share/doc/libfoo-common'), { recursive: true });
  await mkdir(join(tree, 'names'), { recursive: true });
  await mkdir(join(tree, 'many'), { recursive: true });
  await writeFile(join(tree, 'usr/lib/os-release'), 'ID=test\nVERSION_ID="1"\n');
  await symlink('../usr/lib/os-release', join(tree, 'etc/os-release'));
  await writeFile(join(tree, 'etc/hostname'), 'image-hostname\n');
  await writeFile(join(tree, 'usr/share/doc/libfoo-common/copyright'), 'libfoo copyright\n');
  await symlink('libfoo-common', join(tree, 'usr/share/doc/libfoo'));
  // Absolute targets resolve inside the image, never on the host; `..` cannot climb out of it.
  await symlink('/etc/hostname', join(tree, 'abs-link'));
  await symlink('../../../../../../etc/hostname', join(tree, 'climbing-link'));
  await symlink('/usr', join(tree, 'usr-link'));
  await symlink('loop-b', join(tree, 'loop-a'));
  await symlink('loop-a', join(tree, 'loop-b'));
  await symlink('/' + 'x'.repeat(100) + '/../etc/hostname', join(tree, 'slow-link'));
  await mkdir(join(tree, 'x'.repeat(100)));
  for (const n of HOSTILE) await writeFile(join(tree, 'names', n), `content of ${n}`);
  await writeFile(join(tree, 'names', 'new\nline'), 'newline');
  await writeFile(join(tree, 'secret'), 'mode 000');
  await chmod(join(tree, 'secret'), 0o000);
  for (let i = 0; i < 300; i++) await writeFile(join(tree, 'many', `f${i}`), `file ${i}\n`);

  const raw = join(work, 'disk.raw');
  sh('truncate', ['-s', '48M', raw]);
  execFileSync('sfdisk', ['-q', raw], {
    input:
      'label: gpt\nstart=2048, size=8192, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B\nstart=10240, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4\n',
  });
  const table = JSON.parse(sh('sfdisk', ['--json', raw])) as {
    partitiontable: { partitions: { start: number; size: number }[] };
  };
  const part = table.partitiontable.partitions[1]!;
  rootOffset = part.start * 512;
  sh('mkfs.ext4', [
    '-q',
    '-F',
    '-d',
    tree,
    '-E',
    `offset=${rootOffset}`,
    raw,
    `${(part.size * 512) / 1024}k`,
  ]);
  image = join(work, 'base.qcow2');
  sh('qemu-img', ['convert', '-O', 'qcow2', raw, image]);
  await rm(raw);
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('openImageRoot', () => {
  it('finds the root filesystem on the second GPT partition and follows symlinks inside the image', async () => {
    const root = await openImageRoot(image, join(work, 'scratch'));
    try {
      assert.equal(await root.cat('/etc/os-release'), 'ID=test\nVERSION_ID="1"\n');
      assert.equal(await root.readlink('/etc/os-release'), '../usr/lib/os-release');
      assert.equal(await root.cat('/usr/share/doc/libfoo/copyright'), 'libfoo copyright\n');
      assert.equal(await root.cat('/usr-link/share/doc/libfoo/copyright'), 'libfoo copyright\n');
      assert.equal(await root.cat('/abs-link'), 'image-hostname\n', "the image's file, not the host's");
      assert.equal(await root.cat('/climbing-link'), 'image-hostname\n');
      assert.equal(await root.cat('/slow-link'), 'image-hostname\n', 'a slow (block-stored) symlink');
      assert.equal(await root.readlink('/slow-link'), '/' + 'x'.repeat(100) + '/../etc/hostname');
      assert.equal(await root.cat('/loop-a'), undefined, 'a symlink loop ends, unresolved');
      assert.equal(await root.exists('/loop-a'), true);
      assert.equal(await root.cat('/missing'), undefined);
      assert.equal(await root.exists('/missing'), false);
      assert.equal(await root.cat('/etc'), undefined, 'a directory is not a file');
      assert.equal(await root.cat('/secret'), 'mode 000', 'read through debugfs, whatever its mode');
      assert.equal((await root.stat('/secret'))?.mode, 0);
      assert.equal(await root.resolve('/etc/os-release'), '/usr/lib/os-release');
    } finally {
      await root.close();
    }
  });

  it('reads hostile names exactly, lists a name with a newline, and refuses to ask for it', async () => {
    const root = await openImageRoot(image, join(work, 'scratch'));
    try {
      const names = await root.ls('/names');
      assert.deepEqual(names?.sort(), [...HOSTILE, 'new\nline'].sort());
      for (const n of HOSTILE) assert.equal(await root.cat(`/names/${n}`), `content of ${n}`, n);
      await assert.rejects(root.cat('/names/new\nline'), DataError);
      await assert.rejects(root.cat('names/relative'), /not an absolute path/);
      const tree = await root.listTree('/names');
      assert.equal(tree.length, HOSTILE.length + 1);
      assert.ok(tree.every((e) => e.type === 'file' && e.path.startsWith('/names/')));
    } finally {
      await root.close();
    }
  });

  it('reads 300 files with one debugfs process per batch, and shares one raw copy per image', async () => {
    const bin = join(work, 'bin');
    await mkdir(bin, { recursive: true });
    const log = join(work, 'debugfs.log');
    const real = sh('sh', ['-c', 'command -v debugfs || echo /sbin/debugfs']).trim();
    await writeFile(join(bin, 'debugfs'), `#!/bin/sh\necho run >> '${log}'\nexec '${real}' "$@"\n`);
    await chmod(join(bin, 'debugfs'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    const scratch = join(work, 'shared-scratch');
    try {
      const a = await openImageRoot(image, scratch);
      const b = await openImageRoot(image, scratch);
      assert.equal((await readdir(scratch)).length, 1, 'the second open shares the first one’s copy');
      await writeFile(log, '');
      const paths = Array.from({ length: 300 }, (_, i) => `/many/f${i}`);
      const files = await a.readMany([...paths, '/missing', '/abs-link']);
      const runs = (await readFile(log, 'utf8')).split('\n').filter(Boolean).length;
      assert.equal(files.get('/many/f299')?.toString(), 'file 299\n');
      assert.equal(files.get('/abs-link')?.toString(), 'image-hostname\n');
      assert.equal(files.get('/missing'), undefined);
      assert.equal([...files.values()].filter(Boolean).length, 301);
      // stat all (1), the symlink's target stat (1), one dump of every file (1).
      assert.ok(runs <= 3, `${runs} debugfs processes for 302 paths`);
      await a.close();
      assert.equal(await b.cat('/many/f0'), 'file 0\n', 'the copy stays while a handle is open');
      await b.close();
      assert.deepEqual(await readdir(scratch), [], 'the last close removes the copy');
    } finally {
      process.env.PATH = path;
    }
  });

  it('reads an overlay through its relative backing file, and what the guest left in the journal', async () => {
    // The overlay's content: the base with one file changed through the journal only (a guest's
    // last write that was committed but never checkpointed), and one file added.
    const raw = join(work, 'changed.raw');
    sh('qemu-img', ['convert', '-O', 'raw', image, raw]);
    const fs = `${raw}?offset=${rootOffset}`;
    const added = join(work, 'added.txt');
    await writeFile(added, 'added by the overlay\n');
    sh('debugfs', ['-w', '-R', `write ${added} /added.txt`, fs]);
    const block = sh('debugfs', ['-R', 'blocks /etc/hostname', fs]).trim();
    const data = Buffer.alloc(4096);
    data.write('journalled-hostname\n');
    await writeFile(join(work, 'block'), data);
    execFileSync('debugfs', ['-w', '-f', '-', fs], {
      input: `jo\njw -b ${block} ${join(work, 'block')}\njc\n`,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    assert.match(sh('dumpe2fs', ['-h', fs]), /needs_recovery/);
    assert.equal(sh('debugfs', ['-R', 'cat /etc/hostname', fs]), 'image-hostname\n', 'not replayed yet');
    const vdir = join(work, 'variants', 'v');
    await mkdir(vdir, { recursive: true });
    sh(
      'qemu-img',
      ['convert', '-O', 'qcow2', '-B', '../../base.qcow2', '-F', 'qcow2', raw, join(vdir, 'overlay.qcow2')],
      vdir,
    );
    await rm(raw);

    const root = await openImageRoot(join(vdir, 'overlay.qcow2'), join(work, 'scratch'));
    const base = await openImageRoot(image, join(work, 'scratch'));
    try {
      assert.equal(await root.cat('/added.txt'), 'added by the overlay\n');
      // The journalled block replaced the file's data; its inode (15 bytes long) did not change.
      assert.equal(
        await root.cat('/etc/hostname'),
        'journalled-host',
        'the journal was replayed on the private copy',
      );
      assert.equal(await base.cat('/added.txt'), undefined, 'the base is unchanged');
      assert.equal(await base.cat('/etc/hostname'), 'image-hostname\n');
    } finally {
      await root.close();
      await base.close();
    }
  });

  it('refuses a file that is not a disk image, and a disk without an ext filesystem, naming it', async () => {
    const notImage = join(work, 'not-an-image.qcow2');
    await writeFile(notImage, 'QFI\xfbbut not really');
    await assert.rejects(openImageRoot(notImage, join(work, 'scratch')), /not-an-image\.qcow2/);
    const blank = join(work, 'blank.raw');
    sh('truncate', ['-s', '4M', blank]);
    await assert.rejects(
      openImageRoot(blank, join(work, 'scratch')),
      (e: Error) => e instanceof DataError && /blank\.raw: no ext2\/3\/4 root filesystem/.test(e.message),
    );
    await assert.rejects(openImageRoot(join(work, 'nope.qcow2'), join(work, 'scratch')), /nope\.qcow2/);
    assert.deepEqual(await readdir(join(work, 'scratch')), [], 'a failed open leaves no copy behind');
  });
});

/** Runs `read` on the root filesystem the secret scan extracts from `disk`, before it is removed. */
async function withScannedTree<T>(
  disk: string,
  read: (files: ImageFiles, digests: TreeManifest, tree: string) => Promise<T>,
): Promise<T> {
  let result: { value: T } | undefined;
  await scanImageForSecrets(disk, join(work, 'scan-scratch'), {
    onRootTree: async (tree, digests) => {
      result = { value: await read(treeFiles(disk, tree), digests, tree) };
    },
  });
  assert.ok(result, 'the scan handed over its root tree');
  return result.value;
}

describe('treeFiles (the root filesystem the secret scan extracted)', () => {
  beforeAll(() => mkdir(join(work, 'scan-scratch'), { recursive: true }));

  it('reads what openImageRoot reads, resolving symlinks inside the tree and never on the host', async () => {
    await withScannedTree(image, async (files) => {
      assert.equal(await files.cat('/etc/os-release'), 'ID=test\nVERSION_ID="1"\n');
      assert.equal((await files.stat('/etc/os-release'))?.type, 'symlink', 'stat does not follow');
      assert.equal(await files.cat('/usr/share/doc/libfoo/copyright'), 'libfoo copyright\n');
      assert.equal(await files.cat('/usr-link/share/doc/libfoo/copyright'), 'libfoo copyright\n');
      assert.equal(await files.cat('/abs-link'), 'image-hostname\n', "the image's file, not the host's");
      assert.equal(await files.cat('/climbing-link'), 'image-hostname\n', '`..` stops at the top');
      assert.equal(await files.cat('/slow-link'), 'image-hostname\n');
      assert.equal(await files.cat('/loop-a'), undefined, 'a symlink loop ends, unresolved');
      assert.equal((await files.stat('/loop-a'))?.type, 'symlink');
      assert.equal(await files.cat('/missing'), undefined);
      assert.equal(await files.stat('/missing'), undefined);
      assert.equal(await files.cat('/etc'), undefined, 'a directory is not a file');
      assert.equal(await files.cat('/etc/hostname/x'), undefined, 'a file is no directory');
      assert.equal(await files.cat('/secret'), 'mode 000');
      for (const n of HOSTILE) assert.equal(await files.cat(`/names/${n}`), `content of ${n}`, n);
      const names = (await files.list('/names'))?.map((e) => e.name).sort();
      assert.deepEqual(names, [...HOSTILE, 'new\nline'].sort());
      assert.ok((await files.list('/usr-link'))?.some((e) => e.name === 'share' && e.type === 'directory'));
      await assert.rejects(files.cat('names/relative'), /not an absolute path/);
      const many = await files.readMany(['/many/f0', '/many/f299', '/abs-link', '/missing']);
      assert.equal(many.get('/many/f299')?.toString(), 'file 299\n');
      assert.equal(many.get('/abs-link')?.toString(), 'image-hostname\n');
      assert.equal(many.get('/missing'), undefined);
      await assert.rejects(
        files.read('/many/f0', { maxBytes: 3 }),
        (e: Error) => e instanceof DataError && /f0 is 7 bytes, more than the 3 bytes/.test(e.message),
      );
    });
    assert.deepEqual(await readdir(join(work, 'scan-scratch')), [], 'the scan removed its tree');
  });

  it("digests a file through its symlinks from the scan's manifest, hashing it only when the manifest has no entry of its size", async () => {
    const text = 'ID=test\nVERSION_ID="1"\n';
    await withScannedTree(image, async (_files, digests, tree) => {
      assert.deepEqual(digests.get('/usr/lib/os-release'), { size: text.length, sha256: sha256(text) });
      const fromScan = await treeFiles(image, tree, digests).digestWithHead!('/etc/os-release', 4);
      assert.deepEqual(fromScan, { sha256: sha256(text), size: text.length, head: Buffer.from('ID=t') });
      // A manifest entry is taken as it is (the scan read these very bytes): a stand-in digest shows it.
      const standIn = new Map([['/usr/lib/os-release', { sha256: 'f'.repeat(64), size: text.length }]]);
      assert.equal(
        (await treeFiles(image, tree, standIn).digestWithHead!('/etc/os-release', 4))?.sha256,
        'f'.repeat(64),
      );
      // An entry of another size is not this file: it is hashed.
      const stale = new Map([['/usr/lib/os-release', { sha256: 'f'.repeat(64), size: 1 }]]);
      assert.equal(
        (await treeFiles(image, tree, stale).digestWithHead!('/etc/os-release', 64))?.sha256,
        sha256(text),
      );
      assert.equal(await treeFiles(image, tree).digestWithHead!('/etc', 4), undefined, 'a directory');
      assert.equal(await treeFiles(image, tree).digestWithHead!('/missing', 4), undefined);
    });
  });

  it("reads an overlay's files with the journal replayed, as openImageRoot does", async () => {
    const overlay = join(work, 'variants', 'v', 'overlay.qcow2');
    const [hostname, added] = await withScannedTree(overlay, (files) =>
      Promise.all([files.cat('/etc/hostname'), files.cat('/added.txt')]),
    );
    assert.equal(hostname, 'journalled-host');
    assert.equal(added, 'added by the overlay\n');
  });
});
