import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { analyzeGraph } from '../../shared/deps/analyze.ts';
import { parseCargoMetadata } from '../../shared/deps/cargo-metadata.ts';
import { DataError } from '../../shared/errors.ts';
import { cargoMetadata, CRATES_IO, type CrateSpec } from '../fixtures/deps/graphs.ts';

const GIT_BRANCH = 'git+https://github.com/acme/netlink?branch=main#0123456789abcdef0123456789abcdef01234567';

/** A virtual workspace with one of everything the analysis looks for. */
const crates: CrateSpec[] = [
  {
    name: 'infrasimd',
    deps: [
      { to: 'core-a' },
      { to: 'netlink' },
      { to: 'shared@0.1.0', req: '=0.1.0' },
      { to: 'serde-json' },
      { to: 'helper', kinds: ['dev'] },
    ],
  },
  { name: 'core-a', deps: [{ to: 'core-b' }, { to: 'shared@0.2.0' }] },
  { name: 'core-b', deps: [{ to: 'core-a', kinds: ['build'] }] },
  { name: 'helper', deps: [{ to: 'infrasimd' }] },
  { name: 'shared', version: '0.1.0' },
  { name: 'shared', version: '0.2.0', source: CRATES_IO, repository: 'https://github.com/acme/shared' },
  { name: 'serde-json', version: '1.0.0', source: CRATES_IO },
  { name: 'netlink', version: '0.5.0', source: GIT_BRANCH },
];

test('virtual workspace (resolve.root null): members, path packages relative to the root, edge kinds', () => {
  const graph = parseCargoMetadata(JSON.stringify(cargoMetadata(crates, null)), 'meta.json');
  assert.equal(graph.packages.length, 8);
  assert.equal(graph.packages.filter((p) => p.workspaceMember).length, 5);
  const shared = graph.packages.find((p) => p.id === 'shared@0.1.0 (path)');
  assert.deepEqual(shared?.source, { kind: 'path', path: 'crates/shared', outsideWorkspace: false });
  assert.ok(
    graph.edges.some(
      (e) => e.from === 'core-b@0.1.0 (path)' && e.to === 'core-a@0.1.0 (path)' && e.kind === 'build',
    ),
  );
  assert.ok(
    graph.edges.some(
      (e) => e.from === 'infrasimd@0.1.0 (path)' && e.to === 'helper@0.1.0 (path)' && e.kind === 'dev',
    ),
  );
  assert.ok(graph.edgeKindsKnown);
});

test('finds the constructed cycles, duplicate, git pin, exact pin and typosquat, with the packages involved', () => {
  const analysis = analyzeGraph(
    parseCargoMetadata(JSON.stringify(cargoMetadata(crates, 'infrasimd')), 'meta.json'),
  );
  const ids = analysis.risk.findings.map((f) => f.id).sort();
  assert.deepEqual(ids, [
    'cycle:core-a+core-b',
    'dev-cycle:helper+infrasimd',
    'duplicate:shared',
    'exact-pin:shared',
    'git-unpinned:netlink',
    'typosquat:serde-json',
    // The top-20,000 crates hold `shred`: a registry crate named `shared` is one edit from it.
    'typosquat:shared',
  ]);
  const cycle = analysis.risk.findings.find((f) => f.kind === 'cycle')!;
  assert.deepEqual(cycle.packages, ['core-a@0.1.0 (path)', 'core-b@0.1.0 (path)']);
  assert.deepEqual(cycle.edges.map((e) => e.kind).sort(), ['build', 'normal']);
  const dup = analysis.risk.findings.find((f) => f.kind === 'duplicate')!;
  assert.deepEqual(dup.details.variants, [
    { package: 'shared@0.1.0 (path)', version: '0.1.0', dependents: ['infrasimd@0.1.0 (path)'] },
    { package: 'shared@0.2.0', version: '0.2.0', dependents: ['core-a@0.1.0 (path)'] },
  ]);
  const git = analysis.risk.findings.find((f) => f.kind === 'git-unpinned')!;
  assert.match(git.message, /branch 'main'/);
  assert.equal(analysis.counts.cycles, 1);
  assert.equal(analysis.counts.devCycles, 1);
  // typosquats 2 × 20 + cycle 15 + git 8 + exact pin 2 + duplicate 1
  assert.equal(analysis.risk.score, 66);
});

test('a path dependency outside the workspace and a second registry are unusual pins', () => {
  const graph = parseCargoMetadata(
    JSON.stringify(
      cargoMetadata([
        { name: 'app', deps: [{ to: 'vendored' }, { to: 'internal' }] },
        { name: 'vendored', dir: '/opt/src/vendored', member: false },
        { name: 'internal', version: '1.0.0', source: 'sparse+https://crates.acme.example/index/' },
      ]),
    ),
    'meta.json',
  );
  const ids = analyzeGraph(graph)
    .risk.findings.map((f) => f.id)
    .sort();
  assert.deepEqual(ids, ['non-default-registry:internal', 'path-outside-workspace:vendored']);
  assert.deepEqual(graph.packages.find((p) => p.name === 'vendored')?.source, {
    kind: 'path',
    path: '../../../opt/src/vendored',
    outsideWorkspace: true,
  });
});

test('malformed, truncated and wrong-version metadata: DataError naming the file and the problem', () => {
  const good = JSON.stringify(cargoMetadata(crates));
  const cases: [string, RegExp][] = [
    [good.slice(0, good.length / 2), /meta\.json: not valid JSON \(truncated\?\)/],
    [
      good.replace('"version":1,"workspace_root"', '"version":2,"workspace_root"'),
      /meta\.json: not cargo metadata format 1: version: format version must be 1/,
    ],
    [JSON.stringify({ ...cargoMetadata(crates), resolve: null }), /'resolve' is null: .*--no-deps/],
    [JSON.stringify({ ...cargoMetadata(crates), packages: 'x' }), /meta\.json: .*packages/],
    [
      good.replace(/"pkg":"[^"]*serde-json[^"]*"/, '"pkg":"ghost"'),
      /refers to 'ghost', which is not in 'packages'/,
    ],
    ['[]', /meta\.json: not cargo metadata format 1/],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => parseCargoMetadata(text, 'meta.json'),
      (e: unknown) => e instanceof DataError && message.test(e.message),
      String(message),
    );
  }
});
