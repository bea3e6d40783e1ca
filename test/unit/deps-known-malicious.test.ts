/**
 * Real incidents caught by the shipped data (each with its public source),
 * no false positives on the real lockfiles of the fixtures, version-aware
 * matching, and the databases' formats.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@jest/globals';
import { analyzeGraph } from '../../shared/deps/analyze.ts';
import { parseCargoLock } from '../../shared/deps/cargo-lock.ts';
import popularCrates from '../../shared/deps/data/popular-crates.json' with { type: 'json' };
import popularNpm from '../../shared/deps/data/popular-npm.json' with { type: 'json' };
import {
  findKnownMalicious,
  loadMaliciousDb,
  parseRustsecAdvisory,
  SHIPPED_SNAPSHOT,
  shippedMaliciousDb,
} from '../../shared/deps/known-malicious.ts';
import { GraphBuilder, packageId, type DepGraph, type PackageSource } from '../../shared/deps/model.ts';
import { parseNpmLock } from '../../shared/deps/npm-lock.ts';
import { parseKnownMalicious } from '../../shared/deps/options.ts';
import { satisfiesCargoReq } from '../../shared/deps/versions.ts';
import { InputError } from '../../shared/errors.ts';
import { sha256 } from '../../shared/hash.ts';

const CRATES_IO: PackageSource = {
  kind: 'registry',
  url: 'registry+https://github.com/rust-lang/crates.io-index',
  isDefault: true,
};
const NPM: PackageSource = { kind: 'registry', url: 'https://registry.npmjs.org/', isDefault: true };

function graphOf(ecosystem: 'cargo' | 'npm', deps: [string, string][]): DepGraph {
  const b = new GraphBuilder();
  const app = { kind: 'path', path: '.', outsideWorkspace: false } as const;
  const root = packageId('app', '1.0.0', app);
  b.addPackage({
    id: root,
    name: 'app',
    version: '1.0.0',
    source: app,
    workspaceMember: true,
    repository: null,
    license: null,
    checksum: null,
  });
  for (const [name, version] of deps) {
    const source = ecosystem === 'cargo' ? CRATES_IO : NPM;
    const id = packageId(name, version, source);
    b.addPackage({
      id,
      name,
      version,
      source,
      workspaceMember: false,
      repository: null,
      license: null,
      checksum: null,
    });
    b.addEdge({ from: root, to: id, kind: 'normal' });
  }
  return b.build({
    ecosystem,
    origin: ecosystem === 'cargo' ? 'cargo-lock' : 'npm-lock',
    file: 'constructed',
    edgeKindsKnown: false,
  });
}

/** [ecosystem, name, version, advisory the snapshot must cite, popular name it imitates or null, where the incident is documented] */
const INCIDENTS: ['cargo' | 'npm', string, string, string | null, string | null, string][] = [
  [
    'cargo',
    'rustdecimal',
    '1.23.1',
    'RUSTSEC-2022-0042',
    'rust_decimal',
    'RustSec RUSTSEC-2022-0042 (May 2022, typosquat of rust_decimal)',
  ],
  [
    'cargo',
    'envlogger',
    '0.1.0',
    'RUSTSEC-2023-0099',
    'env_logger',
    'RustSec RUSTSEC-2023-0099 (2023 typosquat cluster)',
  ],
  ['cargo', 'lazystatic', '1.0.0', 'RUSTSEC-2023-0097', 'lazy_static', 'RustSec RUSTSEC-2023-0097'],
  ['cargo', 'oncecell', '1.0.0', 'RUSTSEC-2023-0101', 'once_cell', 'RustSec RUSTSEC-2023-0101'],
  [
    'cargo',
    'arrayref',
    '0.3.10',
    'RUSTSEC-2026-0260',
    null,
    'RustSec RUSTSEC-2026-0260 (hijacked release 0.3.10 only)',
  ],
  ['cargo', 'replit_ruspty', '1.0.0', 'MAL-2025-49350', null, 'OpenSSF malicious-packages MAL-2025-49350'],
  [
    'npm',
    'flatmap-stream',
    '0.1.1',
    'MAL-2025-20690',
    null,
    'OpenSSF MAL-2025-20690: the event-stream compromise, Nov 2018',
  ],
  [
    'npm',
    'twilio-npm',
    '1.0.0',
    'MAL-2025-37375',
    null,
    'OpenSSF MAL-2025-37375 (Nov 2020, brandjacking of twilio; -npm is no affix the check knows)',
  ],
  [
    'npm',
    'discordi.js',
    '1.0.0',
    'MAL-2025-18484',
    null,
    'OpenSSF MAL-2025-18484 (2020, squat on discord.js, which is not among the top 10,000)',
  ],
  // The hacktask batch of Aug 2017 (npm's blog "crossenv malware on the npm registry"): no advisory in the
  // shipped snapshot, caught as a typosquat of cross-env.
  [
    'npm',
    'crossenv',
    '6.1.1',
    null,
    'cross-env',
    "npm blog, 2 Aug 2017: 'crossenv' malware on the npm registry",
  ],
];

for (const [ecosystem, name, version, advisory, imitates, source] of INCIDENTS) {
  test(`caught: ${ecosystem} ${name} ${version} — ${source}`, () => {
    const analysis = analyzeGraph(graphOf(ecosystem, [[name, version]]));
    const malicious = analysis.risk.findings.find((f) => f.kind === 'known-malicious');
    if (advisory) {
      assert.ok(malicious, `${name} is a known-malicious finding`);
      assert.match(malicious.message, new RegExp(advisory));
      assert.equal(malicious.severity, 'critical');
    }
    const squat = analysis.risk.findings.find((f) => f.kind === 'typosquat');
    if (imitates) assert.equal(squat?.details.resembles, imitates);
    if (advisory) assert.ok(analysis.risk.score > 50, 'fails the default threshold');
    else assert.equal(squat?.kind, 'typosquat');
  });
}

test('a hijacked crate is flagged only at its malicious version', () => {
  assert.equal(findKnownMalicious(graphOf('cargo', [['arrayref', '0.3.9']])).length, 0);
  assert.equal(findKnownMalicious(graphOf('cargo', [['arrayref', '0.3.10']])).length, 1);
  // OSV lists replit_ruspty 1.0.0 only; RustSec's advisory (RUSTSEC-2025-0154) marks every version.
  const osvOnly = {
    ...shippedMaliciousDb(),
    byName: new Map(
      [...shippedMaliciousDb().byName].map(([k, v]) => [k, v.filter((e) => e.id.startsWith('MAL-'))]),
    ),
  };
  assert.equal(findKnownMalicious(graphOf('cargo', [['replit_ruspty', '1.0.1']]), osvOnly).length, 0);
  assert.equal(findKnownMalicious(graphOf('cargo', [['replit_ruspty', '1.0.0']]), osvOnly).length, 1);
});

test('no false positives on the real lockfiles of the fixtures (1,289 packages)', () => {
  const dir = 'test/fixtures/deps/lockfiles';
  const graphs = [
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.lock'))
      .map((f) => parseCargoLock(readFileSync(join(dir, f), 'utf8'), f)),
    parseNpmLock(readFileSync('test/fixtures/deps/npm/real-package-lock.json', 'utf8'), 'npm'),
  ];
  const suspects = graphs.flatMap((g) =>
    analyzeGraph(g).risk.findings.filter((f) => f.kind === 'typosquat' || f.kind === 'known-malicious'),
  );
  assert.equal(
    graphs.reduce((n, g) => n + g.packages.length, 0),
    1289,
  );
  assert.deepEqual(
    suspects.map((f) => f.id),
    [],
  );
});

test('the reference lists are real ranked data with their source and date', () => {
  assert.ok(popularCrates.names.length >= 1000 && popularNpm.names.length >= 5000);
  assert.match(popularCrates.source, /rust-search-extension/);
  assert.match(popularCrates.date, /^\d{4}-\d{2}-\d{2}$/);
  assert.match(popularNpm.source, /npm-high-impact@\d/);
  assert.ok(popularNpm.names.slice(0, 50).includes('semver'), 'most downloaded first');
  assert.ok(SHIPPED_SNAPSHOT.entries.length >= 70);
  assert.ok(SHIPPED_SNAPSHOT.sources.every((s) => /^[0-9a-f]{40}$/.test(s.commit)));
});

test('Cargo requirements as RustSec writes them', () => {
  assert.equal(satisfiesCargoReq('0.3.9', '<= 0.3.9'), true);
  assert.equal(satisfiesCargoReq('0.3.10', '<= 0.3.9'), false);
  assert.equal(satisfiesCargoReq('1.4.2', '>= 1.2, < 2'), true);
  assert.equal(satisfiesCargoReq('0.9.0', '^0.8'), false);
  assert.equal(satisfiesCargoReq('0.8.7', '^0.8'), true);
  assert.equal(satisfiesCargoReq('2.0.0-rc.1', '< 2.0.0'), true);
});

test('a RustSec advisory that is not malicious is not an entry', () => {
  const text =
    '```toml\n[advisory]\nid = "RUSTSEC-2020-0001"\npackage = "x"\ncategories = ["memory-corruption"]\n```\n# x';
  assert.equal(parseRustsecAdvisory(text, 'x.md'), null);
});

test('known-malicious input: a directory of newer records adds entries; a URL needs its SHA-256', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mal-'));
  await mkdir(join(dir, 'crates/evil-serde'), { recursive: true });
  await writeFile(
    join(dir, 'crates/evil-serde/RUSTSEC-2099-0001.md'),
    '```toml\n[advisory]\nid = "RUSTSEC-2099-0001"\npackage = "evil-serde"\ncategories = ["malicious"]\n\n[versions]\npatched = []\n```\n\n# malicious crate `evil-serde`\n',
  );
  const db = await loadMaliciousDb({ kind: 'path', path: dir });
  const found = findKnownMalicious(graphOf('cargo', [['evil-serde', '1.0.0']]), db);
  assert.match(found[0]!.message, /RUSTSEC-2099-0001/);

  await assert.rejects(
    parseKnownMalicious('https://example.invalid/db.json', ''),
    (e: unknown) => e instanceof InputError && e.input === 'known-malicious-sha256',
  );
  await assert.rejects(
    parseKnownMalicious('/nonexistent/db', ''),
    (e: unknown) => e instanceof InputError && e.input === 'known-malicious',
  );
  await assert.rejects(parseKnownMalicious('', 'a'.repeat(64)), /given without known-malicious/);

  const body = JSON.stringify([
    {
      id: 'MAL-2099-1',
      summary: 'Malicious code in left-padd (npm)',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'left-padd' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }],
        },
      ],
    },
  ]);
  const server = createServer((_req, res) => res.end(body)).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/db.json`;
  try {
    const good = await loadMaliciousDb({ kind: 'url', url, sha256: sha256(body) });
    assert.equal(
      findKnownMalicious(graphOf('npm', [['left-padd', '1.0.0']]), good)[0]?.details.advisories instanceof
        Array,
      true,
    );
    await assert.rejects(loadMaliciousDb({ kind: 'url', url, sha256: '0'.repeat(64) }), /not the pinned/);
  } finally {
    server.close();
  }
});
