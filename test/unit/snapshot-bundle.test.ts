/**
 * The snapshot bundle: seed 000's verification commands run verbatim on it
 * (bash, shasum, sha256sum, tar, jq), two runs give identical bytes, every
 * entry is normalised (sorted, 0:0 without names, one mtime, no pax time
 * records), manifest.json comes last and lists every other file, and a link
 * out of the tree is refused.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { link, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, test } from '@jest/globals';
import { createGunzip } from 'node:zlib';
import { createReadStream } from 'node:fs';
import { extract } from 'tar-stream';
import { sha256 } from '../../shared/hash.ts';
import { writeBundle } from '../../shared/snapshot/bundle-writer.ts';
import { BundleManifestSchema } from '../../shared/snapshot/manifest.ts';
import { storedBlocks, worthDeflating } from '../../shared/snapshot/gzip-blocks.ts';
import { needTools } from '../support/tools.ts';

const scratch: string[] = [];
afterAll(async () => {
  for (const d of scratch) await rm(d, { recursive: true, force: true });
});
const EPOCH = 1735689600;
const COMMIT = '0123456789abcdef0123456789abcdef01234567';

/** An output tree: an incompressible "qcow2", a compressible overlay, meta documents, a long path. */
async function tree(): Promise<{ dir: string; image: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'snapshot-bundle-'));
  scratch.push(dir);
  const image = randomBytes(3 * 1024 * 1024 + 17);
  await writeFile(join(dir, 'base.qcow2'), image);
  await mkdir(join(dir, 'variants', 'wireguard'), { recursive: true });
  await writeFile(
    join(dir, 'variants', 'wireguard', 'overlay-wireguard.qcow2'),
    Buffer.alloc(2 * 1024 * 1024, 'overlay '),
  );
  await mkdir(join(dir, 'meta', 'boot'), { recursive: true });
  await mkdir(join(dir, 'meta', 'attestations', 'x'.repeat(120)), { recursive: true });
  await writeFile(join(dir, 'meta', 'attestations', 'x'.repeat(120), 'sbom.cdx.json'), '{}\n');
  await writeFile(
    join(dir, 'meta', 'image-provenance.json'),
    JSON.stringify({ image: { sha256: sha256(image) } }),
  );
  await writeFile(join(dir, 'meta', 'boot', 'base.console.log'), 'boot ok\n');
  await writeFile(join(dir, 'meta', 'empty.txt'), '');
  // By-products of earlier runs and atomic writes are never content.
  await writeFile(join(dir, 'infrasim-old.tar.gz'), 'old');
  await writeFile(join(dir, 'infrasim-old.tar.gz.sha256'), 'old');
  await writeFile(join(dir, 'manifest.json'), '{}');
  await writeFile(join(dir, 'meta', '.x.json.tmp-0a1b'), 'partial');
  return { dir, image };
}

async function bundle(dir: string, out: string, compression: 'gzip' | 'zstd' | 'none' = 'gzip') {
  return writeBundle({
    tree: dir,
    path: out,
    compression,
    epoch: EPOCH,
    manifest: {
      format_version: '1.0',
      snapshot_tag: 'image-alpine-20250101-v1-c3d4e5f6',
      git_commit: COMMIT,
      images: [],
    },
  });
}

interface Entry {
  name: string;
  type: string;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  mtime: number;
  mode: number;
  pax: Record<string, string> | null;
  body: Buffer;
}

async function entries(path: string): Promise<Entry[]> {
  const out: Entry[] = [];
  const x = extract();
  x.on('entry', (h, stream, next) => {
    const parts: Buffer[] = [];
    stream.on('data', (b) => parts.push(b as Buffer));
    stream.on('end', () => {
      out.push({
        name: h.name,
        type: h.type!,
        uid: h.uid!,
        gid: h.gid!,
        uname: h.uname!,
        gname: h.gname!,
        mtime: h.mtime!.getTime() / 1000,
        mode: h.mode!,
        pax: (h.pax as Record<string, string> | undefined) ?? null,
        body: Buffer.concat(parts),
      });
      next();
    });
  });
  const done = new Promise<void>((resolve, reject) => x.on('finish', () => resolve()).on('error', reject));
  createReadStream(path).pipe(createGunzip()).pipe(x);
  await done;
  return out;
}

test("seed 000's verification commands work verbatim on the bundle", async () => {
  await needTools('tar', 'jq', 'shasum', 'sha256sum', 'bash', 'gzip');
  const { dir } = await tree();
  const outDir = await mkdtemp(join(tmpdir(), 'snapshot-release-'));
  scratch.push(outDir);
  const name = `infrasim-alpine-${COMMIT}.tar.gz`;
  const r = await bundle(dir, join(outDir, name));
  const script = [
    'set -euo pipefail',
    'shasum -a 256 -c infrasim-alpine-*.tar.gz.sha256',
    'sha256sum -c infrasim-alpine-*.tar.gz.sha256',
    'tar -xzf infrasim-alpine-*.tar.gz',
    "IMAGE_SHA256=$(jq -r '.image.sha256' meta/image-provenance.json)",
    'echo "${IMAGE_SHA256}  disk/base.qcow2" | shasum -a 256 -c',
  ].join('\n');
  const out = execFileSync('bash', ['-c', script], { cwd: outDir, encoding: 'utf8' });
  assert.match(out, new RegExp(`${name}: OK\\n${name}: OK\\ndisk/base.qcow2: OK`));
  assert.equal(await readFile(join(outDir, `${name}.sha256`), 'utf8'), `${r.sha256}  ${name}\n`);
  // The overlay keeps its place relative to the base (its backing path ../../base.qcow2 resolves).
  assert.ok((await readFile(join(outDir, 'disk/variants/wireguard/overlay-wireguard.qcow2'))).length > 0);
  execFileSync('gzip', ['-t', join(outDir, name)]);
  // A changed bundle fails the check.
  await writeFile(join(outDir, name), Buffer.concat([await readFile(join(outDir, name)), Buffer.from([0])]));
  assert.throws(() =>
    execFileSync('shasum', ['-a', '256', '-c', `${name}.sha256`], { cwd: outDir, stdio: 'pipe' }),
  );
});

test('two runs give identical bytes; entries sorted and normalised; manifest last, listing every other file', async () => {
  const { dir, image } = await tree();
  const a = await mkdtemp(join(tmpdir(), 'snapshot-a-'));
  const b = await mkdtemp(join(tmpdir(), 'snapshot-b-'));
  scratch.push(a, b);
  const ra = await bundle(dir, join(a, 'x.tar.gz'));
  // The second run reads copies with other times and modes: the bytes must not change.
  const copy = await mkdtemp(join(tmpdir(), 'snapshot-copy-'));
  scratch.push(copy);
  execFileSync('cp', ['-r', `${dir}/.`, copy]);
  execFileSync('chmod', ['-R', 'go-rwx', copy]);
  execFileSync('touch', ['-d', '2030-01-01', join(copy, 'base.qcow2')]);
  const rb = await bundle(copy, join(b, 'x.tar.gz'));
  assert.equal(ra.sha256, rb.sha256);
  assert.ok((await readFile(join(a, 'x.tar.gz'))).equals(await readFile(join(b, 'x.tar.gz'))));
  assert.ok(ra.stats!.stored >= 3, 'the random disk is stored');
  assert.ok(ra.stats!.deflated >= 2, 'the compressible overlay is deflated');
  assert.ok(ra.size < image.length + 200_000, `compressible parts compressed (${ra.size})`);

  const list = await entries(join(a, 'x.tar.gz'));
  const names = list.map((e) => e.name);
  assert.deepEqual(names, [
    'disk',
    'disk/base.qcow2',
    'disk/variants',
    'disk/variants/wireguard',
    'disk/variants/wireguard/overlay-wireguard.qcow2',
    'meta',
    'meta/attestations',
    `meta/attestations/${'x'.repeat(120)}`,
    `meta/attestations/${'x'.repeat(120)}/sbom.cdx.json`,
    'meta/boot',
    'meta/boot/base.console.log',
    'meta/empty.txt',
    'meta/image-provenance.json',
    'manifest.json',
  ]);
  for (const e of list) {
    assert.deepEqual([e.uid, e.gid, e.uname, e.gname, e.mtime], [0, 0, '', '', EPOCH], e.name);
    assert.equal(e.mode, e.type === 'directory' ? 0o755 : 0o644, e.name);
    for (const key of Object.keys(e.pax ?? {})) assert.ok(!/time/.test(key), `${e.name}: pax ${key}`);
  }
  const manifest = BundleManifestSchema.parse(JSON.parse(list.at(-1)!.body.toString()));
  const files = list.filter((e) => e.type === 'file' && e.name !== 'manifest.json');
  assert.deepEqual(
    manifest.files,
    files.map((f) => ({ path: f.name, size: f.body.length, sha256: sha256(f.body) })),
  );
  assert.equal(manifest.bundle, 'x.tar.gz');
  assert.equal(manifest.source_date_epoch, EPOCH);
  // gzip header: no name, no time.
  const head = (await readFile(join(a, 'x.tar.gz'))).subarray(0, 10);
  assert.deepEqual([...head.subarray(3, 8)], [0, 0, 0, 0, 0]);
});

test('zstd and uncompressed bundles hold the same tar stream', async () => {
  await needTools('zstd');
  const { dir } = await tree();
  const out = await mkdtemp(join(tmpdir(), 'snapshot-z-'));
  scratch.push(out);
  // One name for all three (it is in the manifest): only the compression differs.
  for (const c of ['zstd', 'gzip', 'none'] as const) {
    await mkdir(join(out, c));
    await bundle(dir, join(out, c, 'snapshot'), c);
  }
  const fromZstd = execFileSync('zstd', ['-dc', join(out, 'zstd', 'snapshot')], { maxBuffer: 1 << 28 });
  const fromGzip = execFileSync('gzip', ['-dc', join(out, 'gzip', 'snapshot')], { maxBuffer: 1 << 28 });
  const plain = await readFile(join(out, 'none', 'snapshot'));
  assert.ok(fromZstd.equals(plain), 'zstd holds the same tar');
  assert.ok(fromGzip.equals(plain), 'gzip holds the same tar');
});

test('a symbolic link in the tree is refused and no bundle is left behind', async () => {
  const { dir } = await tree();
  await symlink('/etc/passwd', join(dir, 'meta', 'passwd'));
  const out = await mkdtemp(join(tmpdir(), 'snapshot-link-'));
  scratch.push(out);
  await assert.rejects(
    bundle(dir, join(out, 'x.tar.gz')),
    /meta\/passwd: a symbolic link in the output tree/,
  );
  assert.deepEqual(execFileSync('ls', ['-A', out], { encoding: 'utf8' }), '');
});

test('a hard link with a name outside the tree is refused; one whose names are all inside is bundled', async () => {
  const { dir } = await tree();
  const outside = await mkdtemp(join(tmpdir(), 'snapshot-outside-'));
  scratch.push(outside);
  await writeFile(join(outside, 'id_ed25519'), 'a key of the runner\n');
  await link(join(outside, 'id_ed25519'), join(dir, 'meta', 'notes.txt'));
  const out = await mkdtemp(join(tmpdir(), 'snapshot-hardlink-'));
  scratch.push(out);
  await assert.rejects(
    bundle(dir, join(out, 'x.tar.gz')),
    /meta\/notes\.txt: a hard link with 1 of its 2 names outside the output tree/,
  );
  assert.deepEqual(execFileSync('ls', ['-A', out], { encoding: 'utf8' }), '');
  // Both names inside the tree: nothing from outside, bundled as two regular files.
  await rm(join(outside, 'id_ed25519'));
  await link(join(dir, 'meta', 'notes.txt'), join(dir, 'meta', 'notes-copy.txt'));
  await bundle(dir, join(out, 'y.tar.gz'));
  const listed = execFileSync('tar', ['-tzf', join(out, 'y.tar.gz')], { encoding: 'utf8' });
  assert.match(listed, /meta\/notes\.txt/);
  assert.match(listed, /meta\/notes-copy\.txt/);
});

test('stored blocks and the compressibility probe', async () => {
  assert.equal(worthDeflating(randomBytes(1 << 20)), false);
  assert.equal(worthDeflating(Buffer.alloc(1 << 20, 'abc')), true);
  const data = randomBytes(200_000);
  const { inflateRawSync } = await import('node:zlib');
  // Non-final stored blocks then an empty final one: a complete raw deflate stream.
  assert.ok(
    inflateRawSync(Buffer.concat([storedBlocks(data), Buffer.from([1, 0, 0, 0xff, 0xff])])).equals(data),
  );
});
