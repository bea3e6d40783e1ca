/**
 * The tar reader and the rootfs manifest against hand-made hostile archives:
 * pax records applied exactly (owner, group, time, names) or refused naming
 * the entry, names that are not UTF-8, sparse entries, hardlinks whose file is
 * replaced, names ext4 cannot store, and the streaming size limit.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { zstdCompressSync } from 'node:zlib';
import { paxSeconds, parsePaxRecords } from '../../shared/archive/tar-reader.ts';
import { DataError, InputError } from '../../shared/errors.ts';
import { debugfsScript } from '../../shared/image/ext4.ts';
import { RootfsManifest } from '../../shared/image/rootfs-manifest.ts';
import { readRootfsTar } from '../../shared/image/rootfs-tar.ts';
import { paxHeader, paxRecords, rawTar, type RawEntry } from '../support/raw-tar.ts';

async function read(parts: (RawEntry | Buffer)[], options: Parameters<typeof readRootfsTar>[2] = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'hostile-tar-'));
  const tar = join(dir, 'rootfs.tar');
  await writeFile(tar, rawTar(parts));
  const stage = join(dir, 'stage');
  await mkdir(stage);
  return { manifest: await readRootfsTar(tar, stage, options), tar, stage };
}

async function refuses(parts: (RawEntry | Buffer)[], message: RegExp) {
  await assert.rejects(read(parts), (e: unknown) => {
    assert.ok(e instanceof DataError, `expected a DataError, got ${String(e)}`);
    assert.match(e.message, message);
    return true;
  });
}

const file = (name: string | Buffer, extra: Partial<RawEntry> = {}): RawEntry => ({
  name,
  mode: 0o644,
  data: Buffer.from('x'),
  ...extra,
});

describe('pax records are applied exactly', () => {
  it('uid, gid, uname, gname, mtime, path and linkpath from pax win over the ustar fields', async () => {
    const long = `usr/lib/${'d'.repeat(120)}/tool-é`;
    const { manifest } = await read([
      file('usr/bin/tool', {
        mode: 0o4755,
        uid: 0,
        gid: 0,
        pax: { uid: '70000', gid: '2000000000', mtime: '1600000000.75', uname: 'ålice', path: long },
      }),
      {
        name: 'link',
        type: '2',
        linkname: 'short',
        pax: { linkpath: `/${long}`, mtime: '-1.5' },
      },
    ]);
    assert.deepEqual(
      (({ path, uid, gid, mode, mtime }) => ({ path, uid, gid, mode, mtime }))(manifest.get(long)!),
      { path: long, uid: 70000, gid: 2000000000, mode: 0o4755, mtime: 1600000000 },
    );
    assert.equal(manifest.get('usr/bin/tool'), undefined, 'the ustar name is replaced, not added');
    assert.equal(manifest.get('link')?.target, `/${long}`);
    assert.equal(manifest.get('link')?.mtime, -2, 'a negative pax time rounds down');
  });

  it('a global pax header applies to every later entry, and an entry record of its own wins', async () => {
    const { manifest } = await read([
      paxHeader({ uid: '1234', gid: '99' }, true),
      file('a'),
      file('b', { pax: { gid: '5' } }),
      file('c', { pax: { uid: '' } }),
    ]);
    assert.deepEqual(
      ['a', 'b', 'c'].map((p) => [manifest.get(p)?.uid, manifest.get(p)?.gid]),
      // An empty record value means "use the ustar field" (0 here).
      [
        [1234, 99],
        [1234, 5],
        [0, 99],
      ],
    );
  });

  const refusals: [string, (RawEntry | Buffer)[], RegExp][] = [
    [
      'a uid above 2^32-1 (the setuid file would arrive as root)',
      [file('usr/bin/su', { mode: 0o4755, uid: 0, pax: { uid: '4294967296' } })],
      /entry 'usr\/bin\/su': pax uid record 4294967296 is above 4294967295, the largest owner ext4 can store/,
    ],
    [
      'a gid above 2^32-1',
      [file('g', { pax: { gid: '99999999999999999999' } })],
      /entry 'g': pax gid record 99999999999999999999 is above 4294967295/,
    ],
    [
      'a uid that is not a decimal number',
      [file('u', { pax: { uid: '0x10' } })],
      /entry 'u': pax uid record '0x10' is not a decimal number/,
    ],
    [
      'a negative uid',
      [file('n', { pax: { uid: '-1' } })],
      /entry 'n': pax uid record '-1' is not a decimal/,
    ],
    ['an mtime that is not a time', [file('t', { pax: { mtime: 'soon' } })], /pax mtime record 'soon'/],
    [
      'a size record that is not a number (tar-stream would read "1abc" as 1)',
      [file('s', { pax: { size: '1abc' } })],
      /entry 's': pax size record '1abc' is not a decimal number/,
    ],
    [
      'a malformed record',
      [paxHeader(Buffer.from('99 uid=0\n')), file('m')],
      /entry 'm': pax header: malformed pax record at byte 0 \(length 99 does not end at a newline\)/,
    ],
    [
      'a record given twice',
      [paxHeader(Buffer.concat([paxRecords({ uid: '0' }), paxRecords({ uid: '5' })])), file('d')],
      /pax record 'uid' appears twice/,
    ],
    [
      'two pax headers for one entry',
      [paxHeader({ uid: '1' }), paxHeader({ gid: '2' }), file('two')],
      /entry 'two' has 2 pax headers; one is allowed/,
    ],
    [
      'a global header that renames every entry',
      [paxHeader({ path: 'etc/shadow' }, true), file('x')],
      /a pax global header before entry 'x' sets 'path' for every later entry/,
    ],
  ];
  for (const [name, parts, message] of refusals)
    it(`refuses ${name}, naming the entry`, () => refuses(parts, message));

  it('parses records strictly and times exactly', () => {
    const records = parsePaxRecords(paxRecords({ path: 'a b=c', 'SCHILY.xattr.x': 'v' }), 't');
    assert.deepEqual(
      [...records].map(([k, v]) => [k, v.toString()]),
      [
        ['path', 'a b=c'],
        ['SCHILY.xattr.x', 'v'],
      ],
    );
    assert.throws(() => parsePaxRecords(Buffer.from('5 a=b\n'), 't'), /length 5 does not end at a newline/);
    assert.deepEqual(
      ['12', '12.9', '-0.5', '-3', '-3.000', '1e3'].map((v) => paxSeconds(Buffer.from(v))),
      [12, 12, -1, -3, -3, undefined],
    );
  });
});

describe('names, types and links that cannot be represented are refused', () => {
  const cases: [string, (RawEntry | Buffer)[], RegExp][] = [
    [
      'a ustar name that is not UTF-8',
      [file(Buffer.from([0x65, 0x74, 0x63, 0x2f, 0xff, 0x78]))],
      /entry 'etc\/\\xffx' has a path that is not valid UTF-8/,
    ],
    [
      'a pax path that is not UTF-8',
      [file('ok', { pax: { path: Buffer.from([0x61, 0xc3, 0x28]) } })],
      /entry 'a\\xc3\(' has a path that is not valid UTF-8/,
    ],
    [
      'a GNU long name that is not UTF-8',
      [
        {
          name: '././@LongLink',
          type: 'L',
          format: 'gnu',
          data: Buffer.concat([Buffer.from('dir/'.repeat(30)), Buffer.from([0xe9, 0])]),
        },
        file('truncated', { format: 'gnu' }),
      ],
      /entry '(dir\/){30}\\xe9' has a path that is not valid UTF-8/,
    ],
    [
      'a symlink target that is not UTF-8',
      [{ name: 'l', type: '2', linkname: Buffer.from([0x2f, 0xfe]) }],
      /entry '\/\\xfe' has a linkpath that is not valid UTF-8/,
    ],
    [
      "a GNU sparse file (type 'S')",
      [file('var/sparse', { type: 'S', format: 'gnu' })],
      /entry 'var\/sparse' has a tar type build-base does not read \(a GNU sparse 'S'/,
    ],
    [
      'a pax sparse file (GNU.sparse 1.0)',
      [
        file('./GNUSparseFile.7/big', {
          pax: { 'GNU.sparse.major': '1', 'GNU.sparse.minor': '0', 'GNU.sparse.name': 'var/big' },
        }),
      ],
      /entry 'var\/big' is a sparse file \(pax record GNU\.sparse\.major\); build-base refuses sparse entries/,
    ],
    [
      'a pax sparse file (GNU.sparse 0.0)',
      [file('big', { pax: { 'GNU.sparse.size': '1000000', 'GNU.sparse.numblocks': '1' } })],
      /entry 'big' is a sparse file \(pax record GNU\.sparse\.size\)/,
    ],
    [
      'a hardlink whose file is then replaced by a symlink',
      [
        file('a', { data: Buffer.from('secret') }),
        { name: 'b', type: '1', linkname: 'a' },
        { name: 'a', type: '2', linkname: '/etc/shadow' },
      ],
      /entry 'a' \(a symlink\) replaces 'a', the file hardlink 'b' links to/,
    ],
    [
      'a hardlink whose file is then replaced by a directory',
      [file('a'), { name: 'b', type: '1', linkname: 'a' }, { name: 'a/', type: '5', mode: 0o755 }],
      /entry 'a' \(a directory\) replaces 'a', the file hardlink 'b' links to/,
    ],
    [
      "a hardlink whose file's directory is then replaced",
      [
        { name: 'd/', type: '5', mode: 0o755 },
        file('d/a'),
        { name: 'b', type: '1', linkname: 'd/a' },
        { name: 'd', type: '2', linkname: '/tmp' },
      ],
      /entry 'd' \(a symlink\) replaces 'd\/a', the file hardlink 'b' links to/,
    ],
    [
      'a hardlink to itself',
      [file('a'), { name: 'a', type: '1', linkname: 'a' }],
      /hardlink 'a' -> 'a' does not point to a regular file earlier/,
    ],
    [
      'a name longer than ext4 stores (debugfs would wrap its length to 0)',
      [file('x', { pax: { path: `d/${'n'.repeat(256)}` } })],
      /has a name of 256 bytes; ext4 stores at most 255/,
    ],
    [
      'a device major that debugfs would wrap',
      [{ name: 'dev/x', type: '3', devmajor: 4096, devminor: 1 }],
      /device 'dev\/x' has numbers 4096:1; accepted are majors up to 4095 and minors up to 65535/,
    ],
    [
      'a symlink target longer than ext4 stores',
      [{ name: 'l', type: '2', linkname: 'x', pax: { linkpath: 'y'.repeat(4096) } }],
      /symlink 'l' has a target of 4096 bytes; ext4 stores at most 4095/,
    ],
  ];
  for (const [name, parts, message] of cases) it(`refuses ${name}`, () => refuses(parts, message));

  it('keeps a hardlink when its file is replaced by a file (as writing it in place would)', async () => {
    const { manifest } = await read([
      file('a', { data: Buffer.from('old') }),
      { name: 'b', type: '1', linkname: 'a' },
      file('a', { data: Buffer.from('new') }),
    ]);
    assert.equal(manifest.get('b')?.target, 'a');
    assert.equal(manifest.get('a')?.size, 3);
  });

  it('skips data a non-file header claims instead of reading it as the next header', async () => {
    const { manifest } = await read([
      { name: 's', type: '2', linkname: 't', data: Buffer.alloc(700, 0x41) },
      file('after'),
    ]);
    assert.deepEqual(
      manifest.sorted().map((e) => `${e.path}:${e.type}`),
      ['after:file', 's:symlink'],
    );
  });

  it('tracks links through removals made by later rules (sysprep)', () => {
    const m = new RootfsManifest('t');
    const base = { mode: 0o644, uid: 0, gid: 0, mtime: 0 };
    m.add({ ...base, path: 'a', type: 'file', source: '/s/a' });
    m.add({ ...base, path: 'b', type: 'hardlink', target: 'a' });
    m.add({ ...base, path: 'b', type: 'file', source: '/s/b' });
    // b no longer links to a: a may now be replaced by anything.
    m.add({ ...base, path: 'a', type: 'symlink', target: '/x' });
    assert.equal(m.get('a')?.type, 'symlink');
  });
});

describe('the debugfs script', () => {
  it('never holds a line debugfs would cut in two (its tail would run as a command of its own)', () => {
    const m = new RootfsManifest('rootfs.tar');
    const dir = Array.from({ length: 20 }, () => 'd'.repeat(199)).join('/');
    m.add({
      path: `${dir}/link`,
      type: 'symlink',
      mode: 0o777,
      uid: 0,
      gid: 0,
      mtime: 0,
      target: `/${'t'.repeat(4000)}`,
    });
    assert.throws(
      () => debugfsScript(m, 0),
      /rootfs\.tar: an entry's path, source and target together are too long to write \(\d+ bytes in one debugfs command: symlink/,
    );
  });
});

describe('unpacked bytes count against the disk size as they stream', () => {
  it('stops a zstd bomb at the limit with an error naming size and the tarball, staging less than the limit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hostile-tar-'));
    // 64 MiB of zeros in one entry: about 2 KiB compressed.
    const header = rawTar([{ name: 'zeros', size: 64 * 1024 * 1024 }]).subarray(0, 512);
    const bomb = zstdCompressSync(
      Buffer.concat([header, Buffer.alloc(64 * 1024 * 1024), Buffer.alloc(1024)]),
    );
    assert.ok(bomb.length < 64 * 1024, `bomb is ${bomb.length} bytes`);
    const tar = join(dir, 'bomb.tar.zst');
    await writeFile(tar, bomb);
    const stage = join(dir, 'stage');
    await mkdir(stage);
    await assert.rejects(
      readRootfsTar(tar, stage, { limit: { bytes: 8 * 1024 * 1024, input: 'size' } }),
      (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.equal(e.input, 'size');
        assert.match(
          e.message,
          /the rootfs tarball .*bomb\.tar\.zst unpacks to more than 8 MiB, the requested disk size/,
        );
        return true;
      },
    );
    // The one staged file holds at most what was unpacked before the limit stopped the read.
    const { size } = await stat(join(stage, '0'));
    assert.ok(size <= 8 * 1024 * 1024, `staged ${size} bytes`);
    assert.deepEqual(await readdir(stage), ['0']);
  });

  it('reads an archive within the limit', async () => {
    const { manifest } = await read([file('a', { data: Buffer.alloc(4096) })], {
      limit: { bytes: 8192, input: 'size' },
    });
    assert.equal(manifest.get('a')?.size, 4096);
  });
});
