import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from '@jest/globals';
import { analyzeGraph } from '../../shared/deps/analyze.ts';
import { parseNpmLock } from '../../shared/deps/npm-lock.ts';
import { DataError } from '../../shared/errors.ts';
import { npmLock } from '../fixtures/deps/graphs.ts';

const REAL = new URL('../fixtures/deps/npm/real-package-lock.json', import.meta.url).pathname;

test('the real package-lock.json of this repository (v3): packages, root, normal/dev/peer edges', () => {
  const text = readFileSync(REAL, 'utf8');
  const graph = parseNpmLock(text, REAL);
  const lock = JSON.parse(text) as { packages: Record<string, { version?: string; link?: boolean }> };
  const distinct = new Set(
    Object.entries(lock.packages)
      .filter(([path]) => path.includes('node_modules/'))
      .map(([path, e]) => `${path.slice(path.lastIndexOf('node_modules/') + 13)}@${e.version}`),
  );
  assert.equal(graph.packages.length, distinct.size + 1, 'one package per name@version, plus the root');
  assert.deepEqual(
    graph.packages.filter((p) => p.workspaceMember).map((p) => p.id),
    ['infrasim-image-actions@0.1.0 (path)'],
  );
  const root = 'infrasim-image-actions@0.1.0 (path)';
  assert.ok(graph.edges.some((e) => e.from === root && e.to.startsWith('zod@') && e.kind === 'normal'));
  assert.ok(graph.edges.some((e) => e.from === root && e.to.startsWith('eslint@') && e.kind === 'dev'));
  assert.ok(
    graph.edges.some((e) => e.from.startsWith('@actions/core@') && e.to.startsWith('@actions/http-client@')),
  );
  const analysis = analyzeGraph(graph);
  assert.equal(analysis.counts.typosquatSuspects, 0, 'well-known packages are not suspects');
  assert.equal(analysis.counts.cycles, 0);
  // eslint-utils has eslint as a peer and eslint depends on it: an expected plugin/host loop.
  assert.deepEqual(
    analysis.risk.findings.filter((f) => f.kind === 'dev-cycle').map((f) => f.subject),
    ['@eslint-community/eslint-utils+eslint'],
  );
});

test('nested node_modules resolve to the nearest copy; workspaces via links; git specs and cycles', () => {
  const text = npmLock(
    {
      'node_modules/a': { version: '1.0.0', dependencies: { b: '^2.0.0', c: '^1.0.0' } },
      'node_modules/b': { version: '1.0.0' },
      'node_modules/a/node_modules/b': { version: '2.0.0', dependencies: { a: '^1.0.0' } },
      'node_modules/c': {
        version: '1.0.0',
        resolved: 'git+ssh://git@github.com/acme/c.git#0123456789abcdef0123456789abcdef01234567',
      },
      'node_modules/ws-lib': { resolved: 'packages/ws-lib', link: true },
      'packages/ws-lib': { name: 'ws-lib', version: '0.0.1', dependencies: { b: '^1.0.0' } },
      'node_modules/local': { resolved: '../local', link: true },
      '../local': { name: 'local', version: '3.0.0' },
      'node_modules/lodash-js': {
        version: '1.0.0',
        resolved: 'https://npm.acme.example/lodash-js/-/lodash-js-1.0.0.tgz',
      },
    },
    {
      dependencies: {
        a: '^1.0.0',
        c: 'github:acme/c#main',
        'ws-lib': '*',
        local: 'file:../local',
        'lodash-js': '1.0.0',
      },
    },
  );
  const graph = parseNpmLock(text, 'package-lock.json');
  const has = (from: string, to: string): boolean => graph.edges.some((e) => e.from === from && e.to === to);
  assert.ok(has('a@1.0.0', 'b@2.0.0'), 'a sees its nested b');
  assert.ok(has('ws-lib@0.0.1 (path)', 'b@1.0.0'), 'the workspace sees the hoisted b');
  assert.ok(has('fixture@1.0.0 (path)', 'ws-lib@0.0.1 (path)'), 'links resolve to the workspace folder');
  assert.ok(graph.packages.find((p) => p.id === 'ws-lib@0.0.1 (path)')?.workspaceMember);
  assert.ok(has('fixture@1.0.0 (path)', 'local@3.0.0 (path)'), 'a file: link outside the project');
  const ids = analyzeGraph(graph)
    .risk.findings.map((f) => f.id)
    .sort();
  assert.deepEqual(ids, [
    'cycle:a+b',
    'duplicate:b',
    'git-unpinned:c',
    'non-default-registry:lodash-js',
    'path-outside-workspace:local',
    'typosquat:lodash-js',
  ]);
});

test('lockfileVersion 2 (with its legacy dependencies section) reads the same as 3', () => {
  const v3 = JSON.parse(
    npmLock({ 'node_modules/a': { version: '1.0.0' } }, { dependencies: { a: '^1.0.0' } }),
  ) as Record<string, unknown>;
  const v2 = { ...v3, lockfileVersion: 2, dependencies: { a: { version: '1.0.0' } } };
  const g2 = parseNpmLock(JSON.stringify(v2), 'v2.json');
  const g3 = parseNpmLock(JSON.stringify(v3), 'v3.json');
  assert.deepEqual(g2.edges, g3.edges);
  assert.deepEqual(g2.edges, [{ from: 'fixture@1.0.0 (path)', to: 'a@1.0.0', kind: 'normal' }]);
});

test('wrong version, truncated, malformed and incomplete package-locks: DataError naming the file', () => {
  const cases: [string, RegExp][] = [
    [
      JSON.stringify({ lockfileVersion: 1, dependencies: {} }),
      /package-lock\.json: unsupported package-lock lockfileVersion 1 \(accepted: 2, 3/,
    ],
    [npmLock({}).slice(0, 40), /package-lock\.json: not valid JSON \(truncated\?\)/],
    [
      JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/x': { version: 7 } } }),
      /malformed package-lock: packages\.node_modules\/x\.version/,
    ],
    [JSON.stringify({ lockfileVersion: 3, packages: {} }), /no root entry/],
    [
      npmLock({}, { dependencies: { missing: '^1.0.0' } }),
      /the root package depends on 'missing' \(\^1\.0\.0\), which is not in the lockfile/,
    ],
    [npmLock({ 'node_modules/x': {} }), /packages\["node_modules\/x"\] has no version/],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => parseNpmLock(text, 'package-lock.json'),
      (e: unknown) => e instanceof DataError && message.test(e.message),
      String(message),
    );
  }
});
