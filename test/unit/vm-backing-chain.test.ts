/**
 * Backing chains read from the headers, one file at a time: what QEMU would
 * open is checked before anything opens it. Real qcow2 files made by
 * qemu-img (-u: the header is written without opening the backing file).
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { DigestMemo } from '../../shared/digest-memo.ts';
import { InputError } from '../../shared/errors.ts';
import { backingPath, isInside, readBackingChain } from '../../shared/vm/backing-chain.ts';
import { hashChain } from '../../shared/vm/overlay.ts';
import { detectFormat, hasProtocolPrefix, parseQcow2Header } from '../../shared/vm/qcow2-header.ts';
import { overlayNaming, stripBackingFormat } from '../support/boot-verify-action.ts';
import { needTools } from '../support/tools.ts';

let dir: string;
let ws: string;
let outside: string;
const rules = (): { roots: string[]; input: string } => ({ roots: [ws], input: 'images' });

beforeAll(async () => {
  await needTools('qemu-img');
  dir = await realpath(await mkdtemp(join(tmpdir(), 'vm-backing-')));
  ws = join(dir, 'ws');
  outside = join(dir, 'outside');
  await mkdir(join(ws, 'images'), { recursive: true });
  await mkdir(outside);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function base(path: string): Promise<string> {
  await writeFile(path, Buffer.alloc(1024 * 1024));
  return path;
}

describe('readBackingChain', () => {
  it('follows a relative chain inside the roots and hashes every file', async () => {
    await base(join(ws, 'base.raw'));
    await overlayNaming(join(ws, 'mid.qcow2'), 'base.raw', 'raw');
    await overlayNaming(join(ws, 'images', 'top.qcow2'), '../mid.qcow2', 'qcow2');
    const chain = await readBackingChain(join(ws, 'images', 'top.qcow2'), rules());
    assert.deepEqual(
      chain.map((l) => [l.path, l.format, l.backingFile]),
      [
        [join(ws, 'images', 'top.qcow2'), 'qcow2', '../mid.qcow2'],
        [join(ws, 'mid.qcow2'), 'qcow2', 'base.raw'],
        [join(ws, 'base.raw'), 'raw', undefined],
      ],
    );
    assert.equal(chain[0]!.virtualSize, 64 * 1024 * 1024);
    const hashed = await hashChain(chain);
    assert.equal(hashed.length, 3);
    assert.match(hashed[2]!.sha256, /^[0-9a-f]{64}$/);
  });

  it('hashes a base shared by several chains once, for all of them', async () => {
    await base(join(ws, 'shared-base.raw'));
    await overlayNaming(join(ws, 'images', 'a.qcow2'), '../shared-base.raw', 'raw');
    await overlayNaming(join(ws, 'images', 'b.qcow2'), '../shared-base.raw', 'raw');
    const memo = new DigestMemo();
    const chains = [];
    // The base booted itself, then behind each overlay: three chains, three files.
    for (const image of ['shared-base.raw', 'images/a.qcow2', 'images/b.qcow2'])
      chains.push(await hashChain(await readBackingChain(join(ws, image), rules()), 'images', memo));
    assert.equal(memo.hashed, 3);
    const baseSha = chains[0]![0]!.sha256;
    assert.match(baseSha, /^[0-9a-f]{64}$/);
    assert.deepEqual(
      chains.map((c) => c.at(-1)!.sha256),
      [baseSha, baseSha, baseSha],
    );
  });

  it('hashes a base again when it was replaced under the same path during the run', async () => {
    const basePath = await base(join(ws, 'replaced-base.raw'));
    await overlayNaming(join(ws, 'images', 'r.qcow2'), '../replaced-base.raw', 'raw');
    const memo = new DigestMemo();
    const before = await hashChain(
      await readBackingChain(join(ws, 'images', 'r.qcow2'), rules()),
      'images',
      memo,
    );
    // A new file renamed over the old one: same path, same size, a new inode.
    await writeFile(`${basePath}.new`, Buffer.alloc(1024 * 1024, 1));
    await rename(`${basePath}.new`, basePath);
    const after = await hashChain(
      await readBackingChain(join(ws, 'images', 'r.qcow2'), rules()),
      'images',
      memo,
    );
    assert.equal(after[0]!.sha256, before[0]!.sha256, 'the overlay itself is unchanged: read once');
    assert.notEqual(after[1]!.sha256, before[1]!.sha256, 'the replaced base is read again');
    assert.equal(memo.hashed, 3);
  });

  it("accepts a backing file in the image's own directory, wherever that is", async () => {
    const own = join(outside, 'own');
    await mkdir(own);
    await base(join(own, 'base.raw'));
    await overlayNaming(join(own, 'top.qcow2'), 'base.raw');
    const chain = await readBackingChain(join(own, 'top.qcow2'), rules());
    assert.equal(chain[1]!.path, join(own, 'base.raw'));
  });

  const refusals: [string, () => Promise<string>, RegExp][] = [
    [
      'an absolute host file (/etc/shadow)',
      () => overlayNaming(join(ws, 'shadow.qcow2'), '/etc/shadow'),
      /input 'images': the backing file '\/etc\/shadow' of '.*shadow\.qcow2' lies outside the directories backing files may come from \(.*\): refused before anything was opened or hashed/,
    ],
    [
      'a device (/dev/zero)',
      () => overlayNaming(join(ws, 'zero.qcow2'), '/dev/zero'),
      /the backing file '\/dev\/zero' of .* lies outside/,
    ],
    [
      'a symlink beside the image that points out (/etc/passwd)',
      async () => {
        await symlink('/etc/passwd', join(ws, 'innocent.raw'));
        return overlayNaming(join(ws, 'symlinked.qcow2'), 'innocent.raw');
      },
      /the backing file 'innocent\.raw' of .* \(really '\/etc\/passwd'\) lies outside/,
    ],
    [
      'a relative path climbing out of the workspace',
      async () => {
        await base(join(outside, 'secret.raw'));
        return overlayNaming(join(ws, 'climb.qcow2'), '../outside/secret.raw');
      },
      /the backing file '\.\.\/outside\/secret\.raw' .* \(really '.*\/outside\/secret\.raw'\) lies outside/,
    ],
    [
      "'..' after a symlinked directory, resolved as the kernel does (not lexically)",
      async () => {
        // ws/link -> outside/deep: QEMU opens ws/link/../secret.raw, which is outside/secret.raw,
        // although ws/secret.raw exists and a lexical join would point there.
        await mkdir(join(outside, 'deep'));
        await symlink(join(outside, 'deep'), join(ws, 'link'));
        await base(join(ws, 'secret.raw'));
        await base(join(outside, 'secret.raw'));
        return overlayNaming(join(ws, 'link', 'top.qcow2'), '../secret.raw');
      },
      /the backing file '\.\.\/secret\.raw' .* \(really '.*\/outside\/secret\.raw'\) lies outside/,
    ],
    [
      'a json: pseudo-path',
      () => overlayNaming(join(ws, 'json.qcow2'), 'json:{"driver":"file","filename":"/etc/shadow"}', 'raw'),
      /names the backing file 'json:\{.*\}', a protocol or json: pseudo-path, not a file/,
    ],
    [
      'a network protocol',
      () => overlayNaming(join(ws, 'nbd.qcow2'), 'nbd:localhost:10809', 'raw'),
      /names the backing file 'nbd:localhost:10809', a protocol/,
    ],
    [
      'a missing backing file',
      () => overlayNaming(join(ws, 'gone.qcow2'), 'gone.raw'),
      /the backing file 'gone\.raw' of .* cannot be read \(no such file or directory\)/,
    ],
    [
      'a loop',
      async () => {
        await overlayNaming(join(ws, 'loop-a.qcow2'), 'loop-b.qcow2', 'qcow2');
        return overlayNaming(join(ws, 'loop-b.qcow2'), 'loop-a.qcow2', 'qcow2');
      },
      /the backing chain of .*loop-b\.qcow2' loops back to '.*loop-b\.qcow2'/,
    ],
    [
      'a backing file without its format',
      async () => {
        await base(join(ws, 'plain.raw'));
        const path = await overlayNaming(join(ws, 'nofmt.qcow2'), 'plain.raw');
        await stripBackingFormat(path);
        return path;
      },
      /names its backing file 'plain\.raw' without its format, so QEMU would guess it/,
    ],
    [
      'a qcow2-pinned backing file that is no qcow2',
      async () => {
        await base(join(ws, 'fake.qcow2'));
        return overlayNaming(join(ws, 'pinned.qcow2'), 'fake.qcow2', 'qcow2');
      },
      /the backing file 'fake\.qcow2' .* is pinned as qcow2 but has no qcow2 header/,
    ],
    [
      'a directory as backing file',
      async () => {
        await mkdir(join(ws, 'adir'));
        return overlayNaming(join(ws, 'dir.qcow2'), 'adir');
      },
      /the backing file 'adir' of .*: '.*adir' is a directory/,
    ],
  ];
  for (const [name, make, message] of refusals) {
    it(`refuses ${name}, naming the input and the path`, async () => {
      const image = await make();
      await assert.rejects(readBackingChain(image, { ...rules(), rootsHint: 'set backing-roots' }), (e) => {
        assert.ok(e instanceof InputError, String(e));
        assert.match(e.message, message);
        return true;
      });
    });
  }

  it('refuses an image with an external data file (QEMU would open it too)', async () => {
    const image = join(ws, 'datafile.qcow2');
    const { run } = await import('../../shared/exec.ts');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-o', 'data_file=datafile.raw', image, '1M'], {
      cwd: ws,
    });
    await assert.rejects(readBackingChain(image, rules()), /keeps its data in an external data file/);
  });

  it('refuses a character device inside the workspace when hashing could never end', async () => {
    const { run } = await import('../../shared/exec.ts');
    await run('mknod', [join(ws, 'zero-node'), 'c', '1', '5']);
    await overlayNaming(join(ws, 'node.qcow2'), 'zero-node');
    await assert.rejects(
      readBackingChain(join(ws, 'node.qcow2'), rules()),
      /the backing file 'zero-node' of .*: '.*zero-node' is a character device \(accepted: a regular file\)/,
    );
  });

  it('extra roots widen what is accepted; without roots (launcher callers) nothing is confined', async () => {
    const image = await overlayNaming(join(ws, 'passwd.qcow2'), '/etc/passwd');
    await assert.rejects(readBackingChain(image, rules()), /lies outside/);
    const widened = await readBackingChain(image, { roots: [ws, '/etc'], input: 'images' });
    assert.equal(widened[1]!.path, '/etc/passwd');
    const open = await readBackingChain(image);
    assert.equal(open[1]!.format, 'raw');
  });

  it('without an input name, refusals are DataErrors', async () => {
    const image = await overlayNaming(join(ws, 'json2.qcow2'), 'json:{}', 'raw');
    await assert.rejects(readBackingChain(image), (e) => (e as Error).name === 'DataError');
  });

  it('recognises the image itself: raw, qcow2, another format', async () => {
    const raw = await base(join(ws, 'disk.img'));
    assert.deepEqual(
      (await readBackingChain(raw, rules())).map((l) => l.format),
      ['raw'],
    );
    const vmdk = join(ws, 'disk.vmdk');
    await writeFile(vmdk, Buffer.concat([Buffer.from('KDMV'), Buffer.alloc(508)]));
    await assert.rejects(
      readBackingChain(vmdk, rules()),
      /is a vmdk image: boot-verify boots qcow2 and raw images/,
    );
  });
});

describe('qcow2 headers', () => {
  it('parses what qemu-img writes (v3 and compat=0.10 v2)', async () => {
    const { run } = await import('../../shared/exec.ts');
    const v2 = join(dir, 'v2.qcow2');
    await run('qemu-img', [
      'create',
      '-q',
      '-f',
      'qcow2',
      '-o',
      'compat=0.10',
      '-u',
      '-b',
      'b.raw',
      '-F',
      'raw',
      v2,
      '2M',
    ]);
    const h2 = parseQcow2Header(await readFile(v2));
    assert.deepEqual(
      [h2.version, h2.backingFile, h2.backingFormat, h2.virtualSize],
      [2, 'b.raw', 'raw', 2 * 1024 * 1024],
    );
    const v3 = await overlayNaming(join(dir, 'v3.qcow2'), '/abs/b.qcow2', 'qcow2');
    const h3 = parseQcow2Header(await readFile(v3));
    assert.deepEqual(
      [h3.version, h3.backingFile, h3.backingFormat, h3.externalDataFile],
      [3, '/abs/b.qcow2', 'qcow2', false],
    );
  });

  it('refuses headers QEMU would read differently or refuse', async () => {
    const good = await readFile(await overlayNaming(join(dir, 'h.qcow2'), 'b.raw'));
    const patched = (edit: (b: Buffer) => void): Buffer => {
      const b = Buffer.from(good);
      edit(b);
      return b;
    };
    const offset = Number(good.readBigUInt64BE(8));
    assert.throws(
      () => parseQcow2Header(patched((b) => b.writeUInt32BE(1, 4))),
      /qcow2 version 1 is not supported/,
    );
    assert.throws(() => parseQcow2Header(patched((b) => b.writeUInt32BE(40, 20))), /invalid cluster size/);
    assert.throws(() => parseQcow2Header(patched((b) => b.writeUInt32BE(2000, 16))), /2000 bytes long/);
    assert.throws(
      () => parseQcow2Header(patched((b) => b.writeBigUInt64BE(1n << 40n, 8))),
      /outside the first cluster/,
    );
    assert.throws(() => parseQcow2Header(patched((b) => (b[offset] = 0xff))), /not valid UTF-8/);
    assert.throws(() => parseQcow2Header(patched((b) => (b[offset + 1] = 0))), /NUL byte/);
    // The first extension (the backing format) claims more bytes than there are before the name.
    const ext = good.readUInt32BE(100);
    assert.throws(
      () => parseQcow2Header(patched((b) => b.writeUInt32BE(60000, ext + 4))),
      /header extension runs past its space/,
    );
  });

  it('detects formats by magic and protocols as QEMU does', () => {
    assert.equal(detectFormat(Buffer.from('QFI\xfb\0\0\0\x03', 'latin1')), 'qcow2');
    assert.equal(detectFormat(Buffer.alloc(512)), 'raw');
    assert.deepEqual(detectFormat(Buffer.from('vhdxfile')), { other: 'vhdx' });
    assert.ok(hasProtocolPrefix('json:{}'));
    assert.ok(hasProtocolPrefix('nbd:host:1'));
    assert.ok(hasProtocolPrefix('https://example.org/x.img'));
    assert.ok(!hasProtocolPrefix('./a:b.qcow2'));
    assert.ok(!hasProtocolPrefix('/abs/a:b.qcow2'));
    assert.ok(!hasProtocolPrefix('base.qcow2'));
  });

  it('joins backing names as QEMU does and checks containment by path components', () => {
    assert.equal(backingPath('/ws/link/top.qcow2', '../base.qcow2'), '/ws/link/../base.qcow2');
    assert.equal(backingPath('/ws/top.qcow2', '/abs/base'), '/abs/base');
    assert.ok(isInside('/ws/a/b', '/ws'));
    assert.ok(isInside('/ws', '/ws'));
    assert.ok(!isInside('/ws-other/b', '/ws'));
    assert.ok(!isInside('/etc/shadow', '/ws'));
    assert.ok(isInside('/etc/shadow', '/'));
  });
});
