/**
 * Rebuilds analyze-deps' reference data in shared/deps/data/ from public
 * sources, recording where and when each came from:
 *
 *   node scripts/refresh-deps-data.ts \
 *     --rse-crates <index.js> --rse-commit <sha> --rse-date <iso date> \
 *     --rustsec <advisory-db checkout> --rustsec-commit <sha> --rustsec-date <iso date> \
 *     [--osv <dir of OSV records> --osv-commit <sha> --osv-date <iso date>] \
 *     [--npm-high-impact <unpacked npm-high-impact package dir>] [--npm-top 10000]
 *
 * - popular-crates.json: the crates.io crates with the most downloads, from
 *   the `crates/index.js` that Rust Search Extension (github:huhu/rust-search-extension,
 *   branch `now`) rebuilds daily from crates.io's database dump (its top
 *   20,000 by all-time downloads). That index writes every name with `_` for
 *   `-`, which crates.io treats as the same name; the real spelling is kept for
 *   the crates of spellings.json.
 * - popular-npm.json: the first --npm-top names of npm-high-impact's `top`
 *   (npm's "high-impact" packages, most downloaded first, then by dependents).
 *   Without --npm-high-impact the package is fetched with `npm pack`.
 * - known-malicious.json: RustSec advisories with the `malicious` category and
 *   the OSV malware records given with --osv (e.g. files of github:ossf/malicious-packages).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { run } from '../shared/exec.ts';
import { readMaliciousPath, type MaliciousSnapshot } from '../shared/deps/known-malicious.ts';

const root = resolve(new URL('..', import.meta.url).pathname);
const DATA = join(root, 'shared/deps/data');

const { values: a } = parseArgs({
  options: {
    'rse-crates': { type: 'string' },
    'rse-commit': { type: 'string' },
    'rse-date': { type: 'string' },
    rustsec: { type: 'string' },
    'rustsec-commit': { type: 'string' },
    'rustsec-date': { type: 'string' },
    osv: { type: 'string' },
    'osv-commit': { type: 'string' },
    'osv-date': { type: 'string' },
    'npm-high-impact': { type: 'string' },
    'npm-top': { type: 'string', default: '10000' },
  },
});
const need = (k: keyof typeof a): string => {
  const v = a[k];
  if (typeof v !== 'string' || !v)
    throw new Error(`--${k} is required (see the comment at the top of this script)`);
  return v;
};
const today = new Date().toISOString().slice(0, 10);

/** Decodes Rust Search Extension's minified index: names are `_`-joined words, some replaced by keys of `mapping`. */
export function rseCrateNames(js: string): string[] {
  const mapping = JSON.parse(/let mapping=JSON\.parse\('(.*?)'\);/s.exec(js)![1]!) as Record<string, string>;
  const index = /const crateIndex=(\{.*\});/s.exec(js)![1]!;
  const names = [...index.matchAll(/(?:^\{|\],)"([^"]+)":\[/g)].map((m) => m[1]!);
  return names.map((n) =>
    n
      .split('_')
      .map((w) => (Object.hasOwn(mapping, w) ? mapping[w]! : w))
      .join('_')
      .toLowerCase(),
  );
}

async function popularCrates(): Promise<void> {
  const names = [...new Set(rseCrateNames(await readFile(need('rse-crates'), 'utf8')))].sort();
  if (names.length < 1000)
    throw new Error(`only ${names.length} crate names decoded: has the index format changed?`);
  // Real spellings (with `-`) for the crates whose separator matters to the separator-variant check.
  const spellings = JSON.parse(await readFile(join(DATA, 'spellings.json'), 'utf8')) as { crates: string[] };
  const canonical = new Set(names);
  const spelled = spellings.crates.filter((s) => canonical.has(s.toLowerCase().replace(/-/g, '_')));
  await writeFile(
    join(DATA, 'popular-crates.json'),
    JSON.stringify({
      source:
        'github:huhu/rust-search-extension branch now, crates/index.js: the top 20,000 crates.io crates by all-time downloads (built from the crates.io database dump)',
      commit: need('rse-commit'),
      date: need('rse-date'),
      retrieved: today,
      count: names.length,
      spelled,
      names,
    }) + '\n',
  );
  console.log(`popular-crates.json: ${names.length} names, ${spelled.length} with known spelling`);
}

async function popularNpm(): Promise<void> {
  let dir = a['npm-high-impact'];
  let version = 'given directory';
  if (!dir) {
    const tmp = await mkdtemp(join(tmpdir(), 'npm-high-impact-'));
    await run('npm', ['pack', 'npm-high-impact@latest', '--pack-destination', tmp], { cwd: tmp });
    await run('tar', ['-xzf', (await run('sh', ['-c', 'ls *.tgz'], { cwd: tmp })).stdout.trim(), '-C', tmp]);
    dir = join(tmp, 'package');
  }
  version = (JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const text = await readFile(join(dir, 'lib/top.js'), 'utf8');
  const all = [...text.matchAll(/^\s+'([^']+)',?$/gm)].map((m) => m[1]!);
  const top = Number(a['npm-top']);
  const names = all.slice(0, top);
  if (names.length < 5000)
    throw new Error(`only ${names.length} npm names read: has the package format changed?`);
  await writeFile(
    join(DATA, 'popular-npm.json'),
    JSON.stringify({
      source: `npm package npm-high-impact@${version} (lib/top.js: npm's high-impact packages, most downloaded first, then by dependents), first ${names.length} of ${all.length}`,
      date: today,
      count: names.length,
      names,
    }) + '\n',
  );
  console.log(`popular-npm.json: ${names.length} of ${all.length} names (npm-high-impact@${version})`);
}

async function knownMalicious(): Promise<void> {
  const rustsec = await readMaliciousPath(join(need('rustsec'), 'crates'));
  const osv = a.osv ? await readMaliciousPath(a.osv) : [];
  const snapshot: MaliciousSnapshot = {
    schema: 'infrasim-known-malicious/1',
    generated: today,
    sources: [
      {
        name: 'RustSec advisories with category "malicious"',
        repository: 'github:rustsec/advisory-db',
        commit: need('rustsec-commit'),
        date: need('rustsec-date'),
        entries: rustsec.length,
      },
      ...(a.osv
        ? [
            {
              name: 'OSV malware records (MAL-) of npm and crates.io',
              repository: 'github:ossf/malicious-packages',
              commit: need('osv-commit'),
              date: need('osv-date'),
              entries: osv.length,
            },
          ]
        : []),
    ],
    entries: [...rustsec, ...osv].sort((x, y) => (x.name + x.id < y.name + y.id ? -1 : 1)),
  };
  await writeFile(join(DATA, 'known-malicious.json'), JSON.stringify(snapshot) + '\n');
  console.log(`known-malicious.json: ${rustsec.length} RustSec + ${osv.length} OSV entries`);
}

await popularCrates();
await popularNpm();
await knownMalicious();
