/**
 * Benchmark (a script, not a test): the secret scanner's throughput on real
 * mixed content — the host's own /usr/lib and /usr/share files (ELF
 * libraries, Python, documentation, locale data), about 400 MB — against GNU
 * `grep -F` looking for the same anchors over the same files in the same run
 * (a multi-literal search that reads every file whole, and decides nothing);
 * and, when the Debian base the integration tests cache is there, the whole
 * image scan (flatten + e2fsck + rdump + scan) against `qemu-img convert`
 * of the same image alone.
 *
 *   node bench/secrets.ts [MB]      (default: 400)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { lstat, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONTENT_DETECTORS } from '../shared/secrets/detectors.ts';
import { SecretScanner } from '../shared/secrets/scan-file.ts';
import { scanImageForSecrets } from '../shared/secrets/scan-image.ts';
import { cacheRoot } from '../test/support/test-image.ts';

const budget = Number(process.argv[2] ?? 400) * 1e6;

async function collect(dir: string, out: { path: string; size: number }[], total: { bytes: number }) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (total.bytes >= budget) return;
    const p = join(dir, e.name);
    if (e.isDirectory()) await collect(p, out, total);
    else if (e.isFile()) {
      const { size } = await lstat(p);
      if (size === 0 || size > 64e6) continue;
      out.push({ path: p, size });
      total.bytes += size;
    }
  }
}

const files: { path: string; size: number }[] = [];
const total = { bytes: 0 };
await collect('/usr/lib', files, total);
await collect('/usr/share', files, total);
const mb = total.bytes / 1e6;
console.log(
  `corpus: ${files.length} files, ${mb.toFixed(0)} MB of the host's /usr (read once first, so both runs read from the page cache)`,
);
spawnSync(
  'cat',
  files.map((f) => f.path),
  { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 0 },
);

let t = performance.now();
let findings = 0;
for (const f of files) {
  const scanner = new SecretScanner(f.path);
  for await (const chunk of createReadStream(f.path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>)
    scanner.push(chunk);
  findings += scanner.finish().length;
}
const ours = (performance.now() - t) / 1000;

const work = await mkdtemp(join(tmpdir(), 'bench-secrets-'));
const anchors = join(work, 'anchors');
await writeFile(anchors, CONTENT_DETECTORS.flatMap((d) => d.anchors).join('\n') + '\n');
const list = join(work, 'files');
await writeFile(list, files.map((f) => f.path).join('\0'));
t = performance.now();
spawnSync('sh', ['-c', `xargs -0 grep -c -a -F -f "$1" < "$2" > /dev/null`, 'sh', anchors, list], {
  stdio: 'inherit',
});
const grep = (performance.now() - t) / 1000;
console.log(
  `scanner:  ${ours.toFixed(2)} s  ${(mb / ours).toFixed(0)} MB/s  (${findings} finding(s), public keys and self-test keys included)`,
);
console.log(`grep -F:  ${grep.toFixed(2)} s  ${(mb / grep).toFixed(0)} MB/s  (same anchors, no checks)`);
console.log(`ratio scanner / grep -F: ${(ours / grep).toFixed(2)}x`);

const debian = (await readdir(join(cacheRoot, 'base-images')).catch(() => [] as string[])).find(
  (d) => d.startsWith('debian-readme-') && !d.includes('.'),
);
if (debian) {
  const image = join(cacheRoot, 'base-images', debian, 'base.qcow2');
  t = performance.now();
  spawnSync('qemu-img', ['convert', '-U', '-O', 'raw', image, join(work, 'raw')], { stdio: 'inherit' });
  const convert = (performance.now() - t) / 1000;
  await rm(join(work, 'raw'), { force: true });
  t = performance.now();
  const r = await scanImageForSecrets(image, work);
  const scan = (performance.now() - t) / 1000;
  console.log(
    `image ${debian}: ${r.files} files, ${(r.bytes / 1e6).toFixed(0)} MB scanned in ${scan.toFixed(1)} s; ` +
      `qemu-img convert alone ${convert.toFixed(1)} s (ratio ${(scan / convert).toFixed(1)}x: e2fsck + rdump + scan on top)`,
  );
} else
  console.log(
    'no cached Debian base (run test/integration/build-variant-debian.test.ts once): image figure skipped',
  );
await rm(work, { recursive: true, force: true });
