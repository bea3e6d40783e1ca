/**
 * Benchmark (a script, not a test): the vulnerability matcher on a full
 * Debian image against a Debian OSV export of the real one's size.
 *
 * Packages: the README Debian base's dpkg database, read out of the qcow2 the
 * integration tests cache (.cache/base-images/debian-readme-*), or, when none
 * is cached, this host's own /var/lib/dpkg/status (a Debian 12 system).
 *
 * Data: OSV's whole Debian export cannot be downloaded here (its bucket is
 * unreachable offline), so a scaled export is generated from the shapes of
 * the real subset (test/fixtures/osv/debian-12.json): N records (default
 * 50,000, about the size of OSV's Debian export) in the DEBIAN-CVE shape, each
 * affecting one source package in Debian:11, :12 and :13; about a third name
 * a source package the image has (so every package has dozens of records to
 * walk, as openssl or glibc do in the real data), the rest other packages;
 * fixed versions are real Debian versions (test/fixtures/osv/debian-versions.txt)
 * or the installed one with a `+deb12uN` suffix (newer: a finding). Written as
 * all.zip, one .json per record, as OSV publishes it, and loaded through the
 * same loader attest uses.
 *
 * Reference measured in the same run: `unzip -p` of the same all.zip (just
 * decompressing it, for the load) and `dpkg --compare-versions` (the
 * distribution's own comparison, one process per call, for the matcher's
 * comparisons).
 *
 *   node bench/vuln.ts [records]     (default: 50000)
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openImageRoot } from '../shared/image-fs/image-root.ts';
import {
  parseDpkgStatus,
  parseOsRelease,
  readInstalledPackages,
  type ImageDistro,
  type InstalledPackage,
} from '../shared/image-fs/installed-packages.ts';
import { compareDpkgVersions } from '../shared/vuln/dpkg-version.ts';
import { matchPackages } from '../shared/vuln/match.ts';
import { loadOsvDatabase, type OsvRecord } from '../shared/vuln/osv.ts';
import { cacheRoot, repoRoot } from '../test/support/test-image.ts';

const RECORDS = Number(process.argv[2] ?? 50_000);
const MATCH_BUDGET_MS = 2000;

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;

async function imagePackages(): Promise<{ what: string; distro: ImageDistro; packages: InstalledPackage[] }> {
  const dir = join(cacheRoot, 'base-images');
  const bases = [];
  for (const d of await readdir(dir).catch(() => [] as string[]))
    if (/^debian-readme-x86_64-[0-9a-f]+$/.test(d)) {
      const s = await stat(join(dir, d, 'base.qcow2')).catch(() => null);
      if (s) bases.push({ path: join(dir, d, 'base.qcow2'), mtime: s.mtimeMs });
    }
  bases.sort((a, b) => b.mtime - a.mtime);
  if (bases[0]) {
    const work = await mkdtemp(join(tmpdir(), 'bench-vuln-root-'));
    try {
      const root = await openImageRoot(bases[0].path, work);
      try {
        const s = await readInstalledPackages(root);
        return { what: `the README Debian base (${bases[0].path})`, distro: s.distro, packages: s.packages };
      } finally {
        await root.close();
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  const distro = parseOsRelease(await readFile('/etc/os-release', 'utf8'));
  const packages = parseDpkgStatus(await readFile('/var/lib/dpkg/status', 'utf8'), '/var/lib/dpkg/status');
  return { what: "this host's /var/lib/dpkg/status (no Debian base cached)", distro, packages };
}

/** A deterministic pseudo-random sequence (the same data on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

async function scaledExport(sources: { name: string; version: string }[], dir: string): Promise<string> {
  const real = JSON.parse(await readFile(join(repoRoot, 'test/fixtures/osv/debian-12.json'), 'utf8')) as {
    records: OsvRecord[];
  };
  const versions = (await readFile(join(repoRoot, 'test/fixtures/osv/debian-versions.txt'), 'utf8'))
    .split('\n')
    .filter(Boolean);
  const rand = rng(12);
  const recordsDir = join(dir, 'records');
  await mkdir(recordsDir);
  for (let i = 0; i < RECORDS; i++) {
    const template = real.records[i % real.records.length]!;
    const own = rand() < 0.33;
    const src = own ? sources[Math.floor(rand() * sources.length)]! : null;
    const name = src ? src.name : `package-${Math.floor(rand() * 12_000)}`;
    const cve = `CVE-${2005 + (i % 21)}-${100_000 + i}`;
    const affected = ['Debian:11', 'Debian:12', 'Debian:13'].map((ecosystem) => {
      const r = rand();
      const fixed =
        src && ecosystem === 'Debian:12'
          ? r < 0.1
            ? `${src.version}+deb12u${1 + Math.floor(rand() * 9)}` // newer than installed: a finding
            : r < 0.15
              ? null // no fix yet: affected, unfixed
              : versions[Math.floor(rand() * versions.length)]!
          : versions[Math.floor(rand() * versions.length)]!;
      return {
        package: { ecosystem, name, purl: `pkg:deb/debian/${name}?arch=source` },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, ...(fixed ? [{ fixed }] : [])] }],
        database_specific: template.affected![0]!.database_specific,
      };
    });
    const record = {
      ...template,
      id: `DEBIAN-${cve}`,
      aliases: [cve],
      upstream: [cve],
      summary: `${cve} in ${name}`,
      affected,
    };
    await writeFile(join(recordsDir, `DEBIAN-${cve}.json`), JSON.stringify(record));
  }
  const zip = join(dir, 'all.zip');
  const z = spawnSync('zip', ['-q', '-r', zip, '.'], { cwd: recordsDir });
  if (z.status !== 0) throw new Error(`zip failed: ${z.stderr}`);
  await rm(recordsDir, { recursive: true });
  return zip;
}

const image = await imagePackages();
const sources = [
  ...new Map(
    image.packages.map((p) => [p.source.name, { name: p.source.name, version: p.source.version }]),
  ).values(),
];
console.log(
  `image: ${image.packages.length} packages from ${sources.length} source packages, ${image.distro.id} ${image.distro.versionId}: ${image.what}`,
);

const work = await mkdtemp(join(tmpdir(), 'bench-vuln-'));
try {
  let t = performance.now();
  const zip = await scaledExport(sources, work);
  console.log(
    `data: a generated ${RECORDS}-record Debian export (shapes of the real subset; OSV's own is unreachable offline), all.zip ${mb((await stat(zip)).size)}, made in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  // Reference for the load: decompressing the same zip with unzip, nothing else.
  t = performance.now();
  const u = spawnSync('unzip', ['-p', zip], { maxBuffer: 2 ** 31, stdio: ['ignore', 'ignore', 'ignore'] });
  const unzipMs = performance.now() - t;
  if (u.status !== 0) throw new Error('unzip -p failed');

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let cpu = process.cpuUsage();
  t = performance.now();
  const db = await loadOsvDatabase(zip);
  const loadMs = performance.now() - t;
  const loadCpu = cpuMs(process.cpuUsage(cpu));
  global.gc?.();
  const mem = process.memoryUsage();
  console.log(
    `load: ${db.records} records in ${(loadMs / 1000).toFixed(2)} s wall, ${(loadCpu / 1000).toFixed(2)} s CPU (checked against the schema, indexed); ` +
      `unzip -p alone: ${(unzipMs / 1000).toFixed(2)} s (ratio ${(loadMs / unzipMs).toFixed(1)}x)`,
  );
  console.log(
    `memory after load: heap ${mb(mem.heapUsed)} (+${mb(mem.heapUsed - heapBefore)} for the index), rss ${mb(mem.rss)}`,
  );

  const runs: { wall: number; cpu: number }[] = [];
  let result = matchPackages(image.distro, image.packages, db);
  for (let i = 0; i < 5; i++) {
    cpu = process.cpuUsage();
    t = performance.now();
    result = matchPackages(image.distro, image.packages, db);
    runs.push({ wall: performance.now() - t, cpu: cpuMs(process.cpuUsage(cpu)) });
  }
  runs.sort((a, b) => a.cpu - b.cpu);
  const median = runs[2]!;
  const walked = sources.reduce((n, s) => n + db.lookup(result.ecosystem, s.name).length, 0);
  console.log(
    `match: ${image.packages.length} packages against ${walked} affected entries of their sources: ` +
      `median of 5 ${median.cpu.toFixed(0)} ms CPU (${median.wall.toFixed(0)} ms wall), ` +
      `${result.findings.length} findings, ${result.patchStatus.length} packages with a fix available, ${result.unfixed} unfixed`,
  );

  // Reference for the comparisons: dpkg's own, one process per call as a shell-out matcher would.
  const pairs = sources
    .slice(0, 100)
    .map((s, i) => [s.version, `${s.version}+deb12u${(i % 9) + 1}`] as const);
  t = performance.now();
  for (const [a, b] of pairs) spawnSync('dpkg', ['--compare-versions', a, 'lt', b]);
  const dpkgPer = (performance.now() - t) / pairs.length;
  t = performance.now();
  for (let k = 0; k < 1000; k++) for (const [a, b] of pairs) compareDpkgVersions(a, b);
  const oursPer = (performance.now() - t) / (1000 * pairs.length);
  console.log(
    `comparison: ${(oursPer * 1000).toFixed(2)} µs each vs dpkg --compare-versions ${(dpkgPer * 1000).toFixed(0)} µs per call ` +
      `(ratio ${(dpkgPer / oursPer).toFixed(0)}x; ${walked} entries through dpkg would take ~${((walked * dpkgPer) / 1000).toFixed(0)} s)`,
  );
  const ok = median.cpu < MATCH_BUDGET_MS;
  console.log(`${ok ? 'PASS' : 'FAIL'}: matching under ${MATCH_BUDGET_MS} ms of CPU after the load`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await rm(work, { recursive: true, force: true });
}
