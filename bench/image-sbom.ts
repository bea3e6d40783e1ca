/**
 * Benchmark (a script, not a test): what the image SBOM costs attest per
 * image, against `openssl dgst -sha256` of the same qcow2 measured in the
 * same run (the hash attest needs anyway), and the batching of debugfs: one
 * batched readMany of every package's copyright file against one debugfs
 * process per file.
 *
 *   node bench/image-sbom.ts [image.qcow2]
 *
 * Default image: the README's Debian base when it is cached (.cache), else
 * the test base.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openImageRoot } from '../shared/image-fs/image-root.ts';
import { readInstalledPackages } from '../shared/image-fs/installed-packages.ts';
import { imageSbomDocument } from '../shared/sbom/image-sbom.ts';
import { cachedTestBase } from '../test/support/base-image.ts';
import { cacheRoot } from '../test/support/test-image.ts';

async function defaultImage(): Promise<string> {
  const dir = join(cacheRoot, 'base-images');
  const debian = (await readdir(dir).catch(() => [] as string[])).find(
    (d) => d.startsWith('debian-readme-x86_64-') && !/\.(lock|building)$/.test(d),
  );
  return debian ? join(dir, debian, 'base.qcow2') : (await cachedTestBase('x86_64', 'kernel')).image;
}

const image = process.argv[2] ?? (await defaultImage());
const work = await mkdtemp(join(tmpdir(), 'bench-image-sbom-'));
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(2);
try {
  let t = performance.now();
  execFileSync('openssl', ['dgst', '-sha256', image], { stdio: 'ignore' });
  const opensslS = seconds(t);

  t = performance.now();
  const root = await openImageRoot(image, work);
  const openS = seconds(t);
  t = performance.now();
  const software = await readInstalledPackages(root);
  const readS = seconds(t);
  t = performance.now();
  const doc = await imageSbomDocument({
    image: { name: 'base.qcow2', sha256: '0'.repeat(64), kind: 'base', variant: null, arch: 'x86_64' },
    software,
    sourceDateEpoch: 0,
    tool: { name: 'bench', version: '0' },
  });
  const sbomS = seconds(t);

  // Batching: the same copyright files, one debugfs process each.
  const paths = software.packages.slice(0, 50).map((p) => `/usr/share/doc/${p.name}/copyright`);
  t = performance.now();
  await root.readMany(paths);
  const batchedS = seconds(t);
  t = performance.now();
  for (const p of paths) await root.read(p);
  const oneByOneS = seconds(t);
  await root.close();

  const total = Number(openS) + Number(readS) + Number(sbomS);
  console.log(`image: ${image}`);
  console.log(`packages: ${software.packages.length} (${software.manager}), components: ${doc.components}`);
  console.log('| step | seconds |\n|---|---|');
  console.log(`| openssl dgst -sha256 (reference) | ${opensslS} |`);
  console.log(`| open: root partition copy + journal replay | ${openS} |`);
  console.log(`| read os-release, package database, copyright files, kernel | ${readS} |`);
  console.log(`| build + schema-validate the CycloneDX document | ${sbomS} |`);
  console.log(`| SBOM total | ${total.toFixed(2)} (${(total / Number(opensslS)).toFixed(2)}× openssl) |`);
  console.log(
    `| ${paths.length} files: one batched debugfs / one debugfs per file | ${batchedS} / ${oneByOneS} (${(Number(oneByOneS) / Math.max(Number(batchedS), 0.001)).toFixed(1)}×) |`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
