/**
 * Benchmark (not a timed test): the snapshot bundle beside
 * `tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@N -czf` on
 * the same tree in the same run — time and size, and their ratios — and
 * the zstd bundle. (The bundled action itself runs end to end in
 * test/integration/tag-snapshot.test.ts.) Run: `npm run bench -- tag-snapshot`
 * (BENCH_DISK_MIB sets the disk size, default 512).
 *
 * The tree is what a release holds: a compressed qcow2 disk (qemu-img
 * convert -c of a disk with real-looking content), an uncompressed overlay,
 * and the meta/ documents.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBundle } from '../shared/snapshot/bundle-writer.ts';

const MIB = 1024 * 1024;
const diskMiB = Number(process.env.BENCH_DISK_MIB ?? 512);
const EPOCH = 1735689600;

const dir = await mkdtemp(join(tmpdir(), 'bench-tag-snapshot-'));
try {
  const tree = join(dir, 'output');
  await mkdir(join(tree, 'meta', 'boot'), { recursive: true });
  await mkdir(join(tree, 'variants', 'wireguard'), { recursive: true });
  // A raw disk of mixed content (random = already-compressed payloads, text, zeros), compressed by qemu-img like build-base does.
  const raw = join(dir, 'raw.img');
  const h = await open(raw, 'w');
  const text = Buffer.from(
    'Lorem ipsum /usr/lib/x86_64-linux-gnu/libc.so.6 dolor sit amet\n'.repeat(16384),
  ).subarray(0, MIB);
  for (let i = 0; i < diskMiB; i++)
    await h.write(i % 4 === 3 ? text : i % 8 === 5 ? Buffer.alloc(MIB) : randomBytes(MIB));
  await h.close();
  execFileSync('qemu-img', [
    'convert',
    '-q',
    '-c',
    '-O',
    'qcow2',
    '-o',
    'compression_type=zstd',
    raw,
    join(tree, 'base.qcow2'),
  ]);
  await rm(raw);
  execFileSync(
    'qemu-img',
    ['create', '-q', '-f', 'qcow2', '-b', '../../base.qcow2', '-F', 'qcow2', 'overlay-wireguard.qcow2'],
    {
      cwd: join(tree, 'variants', 'wireguard'),
    },
  );
  for (const [name, size] of [
    ['image-provenance.json', 4096],
    ['build-provenance.json', 8192],
    ['boot/base.console.log', 65536],
  ] as const)
    await writeFile(join(tree, 'meta', name), Buffer.alloc(size, `{"k": "${name}"}\n`));
  const input = (await stat(join(tree, 'base.qcow2'))).size;
  console.log(
    `tree: base.qcow2 ${(input / MIB).toFixed(1)} MiB (from a ${diskMiB} MiB disk), overlay, meta/`,
  );

  const time = async (f: () => Promise<unknown> | unknown) => {
    const t = performance.now();
    await f();
    return (performance.now() - t) / 1000;
  };
  const tarOut = join(dir, 'reference.tar.gz');
  const tarSeconds = await time(() => {
    const r = spawnSync(
      'tar',
      [
        '--sort=name',
        '--owner=0',
        '--group=0',
        '--numeric-owner',
        `--mtime=@${EPOCH}`,
        '-czf',
        tarOut,
        '-C',
        tree,
        '.',
      ],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) throw new Error('tar failed');
  });
  const tarSize = (await stat(tarOut)).size;
  const manifest = {
    format_version: '1.0' as const,
    snapshot_tag: 'image-bench-20250101-v0-00000000',
    git_commit: '0'.repeat(40),
    images: [],
  };
  const gz = join(dir, 'bundle.tar.gz');
  const gzSeconds = await time(() =>
    writeBundle({ tree, path: gz, compression: 'gzip', epoch: EPOCH, manifest }),
  );
  const gzSize = (await stat(gz)).size;
  const zst = join(dir, 'bundle.tar.zst');
  const zstSeconds = await time(() =>
    writeBundle({ tree, path: zst, compression: 'zstd', epoch: EPOCH, manifest }),
  );
  const zstSize = (await stat(zst)).size;

  const row = (name: string, s: number, size: number) =>
    console.log(
      `${name.padEnd(44)} ${s.toFixed(2).padStart(7)} s ${(size / MIB).toFixed(1).padStart(8)} MiB  speed ${(tarSeconds / s).toFixed(2)}x  size ${(size / tarSize).toFixed(3)}x`,
    );
  row('tar --sort=name … -czf (reference)', tarSeconds, tarSize);
  row('tag-snapshot bundle, gzip (includes sha256s)', gzSeconds, gzSize);
  row('tag-snapshot bundle, zstd (includes sha256s)', zstSeconds, zstSize);
  const ok = tarSeconds / gzSeconds >= 2 && gzSize / tarSize <= 1.05;
  console.log(`target (gzip): >= 2x faster at <= 1.05x size: ${ok ? 'met' : 'NOT met'}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
