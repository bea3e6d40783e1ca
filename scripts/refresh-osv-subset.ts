/**
 * Rebuilds the OSV data the vulnerability tests ship (test/fixtures/osv/).
 *
 *   node scripts/refresh-osv-subset.ts export <all.zip|dir> <ecosystem> <out.json> [--packages a,b,…] [--max N]
 *     Takes a subset of a local copy of OSV's export (https://osv-vulnerabilities.storage.googleapis.com/
 *     <ecosystem>/all.zip, or a directory of its records): the records that name one of the packages (all
 *     packages when not given), newest first, at most N. The records are copied unchanged.
 *
 *   node scripts/refresh-osv-subset.ts debian-changelogs <image-dpkg-status> <out.json> [--since YYYY-MM-DD]
 *     Where the OSV export cannot be downloaded (this project's build machines reach only Debian's mirrors):
 *     builds DEBIAN-CVE records for Debian:12 from Debian's own data. For every source package of the dpkg
 *     status file that bookworm-security carries, it downloads the package's debian.tar.xz from
 *     security.debian.org (checked against the SHA-256 of the Sources index, itself checked against the
 *     gpgv-verified InRelease), reads debian/changelog, and turns each CVE id a changelog entry names into
 *     "fixed in the oldest version whose entry names it" — the rule Debian's security tracker applies to its
 *     own changelog-derived fixed versions. The records carry the changelog entry as their source.
 *
 *   node scripts/refresh-osv-subset.ts alpine-secdb <secdb.yaml> <release e.g. v3.11> <out.json>
 *     Alpine's security database (the secfixes of alpinelinux/alpine-secdb) → ALPINE-CVE records the way
 *     OSV's Alpine converter makes them: one record per CVE and package, fixed in the secfixes version.
 *
 * The output is `{ source, retrieved, records: [...] }`; loadOsvDatabase reads it like an export.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { run } from '../shared/exec.ts';
import { sha256 } from '../shared/hash.ts';
import { compareDpkgVersions } from '../shared/vuln/dpkg-version.ts';
import { readZipEntries } from '../shared/vuln/zip-reader.ts';

const [mode, ...args] = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

async function get(url: string): Promise<Buffer> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return Buffer.from(await r.arrayBuffer());
}

async function fromExport(): Promise<void> {
  const [path, ecosystem, out] = args;
  if (!path || !ecosystem || !out) throw new Error('usage: export <all.zip|dir> <ecosystem> <out.json>');
  const packages = flag('--packages')?.split(',');
  const max = Number(flag('--max') ?? 400);
  const texts: string[] = [];
  if (path.endsWith('.zip')) {
    for (const e of await readZipEntries(await readFile(path), { maxEntryBytes: 8 << 20 }))
      if (e.name.endsWith('.json')) texts.push(e.data.toString('utf8'));
  } else {
    for (const f of await readdir(path))
      if (f.endsWith('.json')) texts.push(await readFile(join(path, f), 'utf8'));
  }
  type Rec = {
    id: string;
    modified?: string;
    affected?: { package?: { ecosystem?: string; name?: string } }[];
  };
  const records = texts
    .map((t) => JSON.parse(t) as Rec)
    .filter((r) =>
      (r.affected ?? []).some(
        (a) => a.package?.ecosystem === ecosystem && (!packages || packages.includes(a.package?.name ?? '')),
      ),
    )
    .sort((a, b) => (b.modified ?? '').localeCompare(a.modified ?? ''))
    .slice(0, max);
  await writeFile(
    out,
    JSON.stringify(
      {
        source: `OSV export ${path} (sha256 ${sha256(await readFile(path).catch(() => Buffer.from(path)))})`,
        retrieved: new Date().toISOString(),
        records,
      },
      null,
      1,
    ) + '\n',
  );
  console.log(`${records.length} records → ${out}`);
}

const SECURITY = 'http://deb.debian.org/debian-security';

/** The source packages (name → version) a dpkg status file's packages were built from. */
function statusSources(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const para of text.split(/\n\n+/)) {
    const f = Object.fromEntries(
      para
        .split('\n')
        .filter((l) => /^[A-Za-z-]+: /.test(l))
        .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
    );
    if (!f.Package || !f.Version) continue;
    const m = /^(\S+)(?: \((\S+)\))?$/.exec(f.Source ?? f.Package)!;
    out.set(m[1]!, m[2] ?? f.Version);
  }
  return out;
}

interface ChangelogEntry {
  version: string;
  date: string;
  cves: string[];
}

function parseChangelog(text: string): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  let cur: ChangelogEntry | null = null;
  for (const line of text.split('\n')) {
    const head = /^\S+ \(([^)]+)\) /.exec(line);
    if (head) {
      cur = { version: head[1]!, date: '', cves: [] };
      entries.push(cur);
      continue;
    }
    if (!cur) continue;
    const trailer = /^ -- .*>\s+(.+)$/.exec(line);
    if (trailer) cur.date = new Date(trailer[1]!).toISOString();
    for (const m of line.matchAll(/CVE-\d{4}-\d{4,}/g)) if (!cur.cves.includes(m[0])) cur.cves.push(m[0]);
  }
  return entries;
}

async function fromDebianChangelogs(): Promise<void> {
  const [statusPath, out] = args;
  if (!statusPath || !out) throw new Error('usage: debian-changelogs <dpkg-status> <out.json>');
  const since = flag('--since') ?? '2023-06-10';
  const work = await mkdtemp(join(tmpdir(), 'osv-debian-'));
  try {
    const inRelease = await get(`${SECURITY}/dists/bookworm-security/InRelease`);
    await writeFile(join(work, 'InRelease'), inRelease);
    await run('gpgv', [
      '--keyring',
      '/usr/share/keyrings/debian-archive-keyring.gpg',
      join(work, 'InRelease'),
    ]);
    const packagesXz = await get(`${SECURITY}/dists/bookworm-security/main/binary-amd64/Packages.xz`);
    const want = new RegExp(`^ ([0-9a-f]{64}) +${packagesXz.length} main/binary-amd64/Packages.xz$`, 'm');
    const listed = want.exec(inRelease.toString('utf8'))?.[1];
    if (listed !== sha256(packagesXz)) throw new Error('Packages.xz does not match the signed InRelease');
    await writeFile(join(work, 'Packages.xz'), packagesXz);
    const index = (await run('xz', ['-dc', join(work, 'Packages.xz')])).stdout;
    const installed = statusSources(await readFile(statusPath, 'utf8'));
    const installedBinaries = new Set(
      [...(await readFile(statusPath, 'utf8')).matchAll(/^Package: (\S+)$/gm)].map((m) => m[1]!),
    );
    // The security archive serves binary packages only here: each carries its source's debian/changelog
    // as /usr/share/doc/<package>/changelog.Debian.gz. One binary per source, newest version, preferring
    // one the image has installed.
    interface Binary {
      name: string;
      source: string;
      version: string;
      file: string;
      sha256: string;
      size: number;
    }
    const pick = new Map<string, Binary>();
    for (const para of index.split(/\n\n+/)) {
      const field = (f: string) => new RegExp(`^${f}: (.+)$`, 'm').exec(para)?.[1];
      const name = field('Package');
      const binVersion = field('Version');
      const file = field('Filename');
      const digest = field('SHA256');
      if (!name || !binVersion || !file || !digest) continue;
      const src = /^(\S+)(?: \((\S+)\))?$/.exec(field('Source') ?? name)!;
      const b = {
        name,
        source: src[1]!,
        version: src[2] ?? binVersion,
        file,
        sha256: digest,
        size: Number(field('Size')),
      };
      if (!installed.has(b.source) || b.source === 'linux' || b.source.startsWith('linux-')) continue;
      const cur = pick.get(b.source);
      const better =
        !cur ||
        compareDpkgVersions(b.version, cur.version) > 0 ||
        (compareDpkgVersions(b.version, cur.version) === 0 &&
          (Number(installedBinaries.has(b.name)) - Number(installedBinaries.has(cur.name)) ||
            cur.size - b.size) > 0);
      if (better) pick.set(b.source, b);
    }
    const records: unknown[] = [];
    for (const b of [...pick.values()].sort((x, y) => x.source.localeCompare(y.source))) {
      const name = b.source;
      const version = b.version;
      const bytes = await get(`${SECURITY}/${b.file}`);
      if (sha256(bytes) !== b.sha256) throw new Error(`${b.file}: checksum mismatch`);
      const deb = join(work, `${b.name}.deb`);
      const into = join(work, b.name);
      await writeFile(deb, bytes);
      await run('dpkg-deb', ['-x', deb, into]);
      const docs = join(into, 'usr/share/doc', b.name);
      const gz = join(docs, 'changelog.Debian.gz');
      const changelog = (await run('gzip', ['-dc', gz]).catch(() => null))?.stdout;
      if (!changelog) {
        console.log(`${name}: ${b.file} carries no changelog.Debian.gz (a symlinked doc directory); skipped`);
        continue;
      }
      const entries = parseChangelog(changelog);
      // Oldest entry first: a CVE is fixed in the first version whose entry names it.
      const fixed = new Map<string, ChangelogEntry>();
      for (const e of [...entries].reverse()) for (const c of e.cves) if (!fixed.has(c)) fixed.set(c, e);
      for (const [cve, e] of fixed) {
        if (e.date < since) continue;
        // An entry of a later suite (unstable) that sorts above the security version says nothing for bookworm.
        if (compareDpkgVersions(e.version, version) > 0) continue;
        records.push({
          schema_version: '1.6.0',
          id: `DEBIAN-CVE-${cve.slice(4)}`,
          modified: e.date,
          published: e.date,
          upstream: [cve],
          aliases: [cve],
          summary: `${cve} in ${name}`,
          affected: [
            {
              package: { ecosystem: 'Debian:12', name, purl: `pkg:deb/debian/${name}?arch=source` },
              ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: e.version }] }],
              database_specific: {
                source: `${SECURITY}/${b.file} usr/share/doc/${b.name}/changelog.Debian.gz, entry ${e.version}`,
              },
            },
          ],
        });
      }
      console.log(`${name} ${version}: ${fixed.size} CVE(s) named, kept those since ${since}`);
    }
    await writeFile(
      out,
      JSON.stringify(
        {
          source: `debian/changelog of bookworm-security source packages (${SECURITY}, InRelease sha256 ${sha256(inRelease)})`,
          retrieved: new Date().toISOString(),
          records,
        },
        null,
        1,
      ) + '\n',
    );
    console.log(`${records.length} records → ${out}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function fromAlpineSecdb(): Promise<void> {
  const [path, release, out] = args;
  if (!path || !release || !out) throw new Error('usage: alpine-secdb <secdb.yaml> <release> <out.json>');
  const text = await readFile(path, 'utf8');
  const doc = parseYaml(text) as {
    packages: { pkg: { name: string; secfixes?: Record<string, string[] | null> } }[];
  };
  const records: unknown[] = [];
  const max = Number(flag('--max') ?? Infinity);
  for (const { pkg } of doc.packages) {
    // Whole packages, in the database's order, until about `max` records.
    if (records.length >= max) break;
    for (const [version, ids] of Object.entries(pkg.secfixes ?? {})) {
      for (const raw of ids ?? []) {
        const cve = /^(CVE-\d{4}-\d{4,})/.exec(String(raw))?.[1];
        if (!cve) continue;
        records.push({
          schema_version: '1.6.0',
          id: `ALPINE-${cve}`,
          upstream: [cve],
          aliases: [cve],
          affected: [
            {
              package: { ecosystem: `Alpine:${release}`, name: pkg.name, purl: `pkg:apk/alpine/${pkg.name}` },
              // secfixes version 0 means "never affected in this release": no range.
              ranges:
                version === '0'
                  ? []
                  : [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: version }] }],
            },
          ],
        });
      }
    }
  }
  await writeFile(
    out,
    JSON.stringify(
      {
        source: `Alpine secdb ${path} (sha256 ${sha256(text)})`,
        retrieved: new Date().toISOString(),
        records,
      },
      null,
      1,
    ) + '\n',
  );
  console.log(`${records.length} records → ${out}`);
}

if (mode === 'export') await fromExport();
else if (mode === 'debian-changelogs') await fromDebianChangelogs();
else if (mode === 'alpine-secdb') await fromAlpineSecdb();
else {
  console.error('usage: refresh-osv-subset.ts export|debian-changelogs|alpine-secdb …');
  process.exit(2);
}
