/**
 * Hostile lockfiles at the parser and analysis level: package-lock keys and
 * dependency names that climb out of node_modules become lockfile-path-escape
 * findings (never packages or SBOM components); a Cargo.lock reference that
 * matches several packages is ambiguous, not missing.
 */
import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { analyzeGraph } from '../../shared/deps/analyze.ts';
import { parseCargoLock } from '../../shared/deps/cargo-lock.ts';
import { isPackageName, keyEscape, parseNpmLock } from '../../shared/deps/npm-lock.ts';
import { RISK_WEIGHTS } from '../../shared/deps/risk.ts';
import { DataError } from '../../shared/errors.ts';
import { npmLock } from '../fixtures/deps/graphs.ts';

const keys: [key: string, linked: boolean, reason: string | null][] = [
  ['node_modules/a', false, null],
  ['node_modules/@scope/a', false, null],
  ['node_modules/a/node_modules/@s/b', false, null],
  ['packages/ws/node_modules/a', false, null],
  ['packages/ws', false, null],
  ['../local', true, null], // npm writes this for a file:../local dependency
  ['node_modules/../../evil', false, 'climbs out of node_modules'],
  ['node_modules/a/../../../evil', false, 'climbs out of node_modules'],
  ['/abs/node_modules/a', false, 'climbs out of node_modules'],
  ['node_modules/./a', false, "is not a plain install path (an empty or '.' part)"],
  ['node_modules//a', false, "is not a plain install path (an empty or '.' part)"],
  ['node_modules/a/b', false, 'does not end in node_modules/<package name>'],
  ['../../x', false, 'is a folder outside the project that no link entry points at'],
  ['packages/../../x', false, 'is a folder outside the project that no link entry points at'],
  ['/etc', false, 'is a folder outside the project that no link entry points at'],
];
test('package-lock keys: install paths must be plain; outside folders only as link targets', () => {
  for (const [key, linked, reason] of keys)
    assert.equal(keyEscape(key, new Set(linked ? [key] : [])), reason, key);
});

test('dependency names are one folder: name or @scope/name', () => {
  for (const ok of ['a', '@s/a', 'a.b', 'A_b-c']) assert.ok(isPackageName(ok), ok);
  for (const bad of ['..', '.', '../x', 'a/b', '@s/..', '@/a', '', 'a/', '@s/a/b'])
    assert.ok(!isPackageName(bad), bad);
});

test('escaping keys and names are findings, not packages, and alone fail the default threshold', () => {
  const text = npmLock(
    {
      'node_modules/ok': { version: '1.0.0', dependencies: { '../../evil2': '1.0.0' } },
      'node_modules/../../evil': { version: '6.6.6', resolved: 'https://attacker.example/evil.tgz' },
      '../../x': { name: 'x', version: '1.0.0' },
      'node_modules/local': { resolved: '../local', link: true },
      '../local': { name: 'local', version: '3.0.0' },
    },
    { dependencies: { ok: '1.0.0', local: 'file:../local' } },
  );
  const graph = parseNpmLock(text, 'package-lock.json');
  assert.deepEqual(graph.packages.map((p) => p.name).sort(), ['fixture', 'local', 'ok']);
  const analysis = analyzeGraph(graph);
  const escapes = analysis.risk.findings.filter((f) => f.kind === 'lockfile-path-escape');
  assert.deepEqual(
    escapes.map((f) => [f.id, f.severity, f.contribution]),
    [
      ['lockfile-path-escape:../../evil2', 'critical', 60],
      ['lockfile-path-escape:../../x', 'critical', 0],
      ['lockfile-path-escape:node_modules/../../evil', 'critical', 0],
    ],
  );
  assert.equal(
    escapes[2]!.message,
    "package-lock key 'node_modules/../../evil' (claiming ../../evil@6.6.6) climbs out of node_modules: npm never writes this; the entry is left out of the graph and the SBOM",
  );
  assert.match(escapes[0]!.message, /^ok@1\.0\.0 depends on '\.\.\/\.\.\/evil2', which is a dependency name/);
  assert.equal(analysis.counts.pathEscapes, 3);
  // The linked folder outside the project stays what it was: a path dependency outside the workspace.
  assert.ok(analysis.risk.findings.some((f) => f.id === 'path-outside-workspace:local'));
  assert.ok(analysis.risk.score > 50, `score ${analysis.risk.score}`);
  assert.equal(RISK_WEIGHTS['lockfile-path-escape'].perFinding, 60);
});

const cargoLock = (deps: string): string =>
  [
    'version = 3',
    '',
    '[[package]]',
    'name = "app"',
    'version = "0.1.0"',
    `dependencies = [${deps}]`,
    '',
    '[[package]]',
    'name = "foo"',
    'version = "1.0.0"',
    'source = "registry+https://github.com/rust-lang/crates.io-index"',
    '',
    '[[package]]',
    'name = "foo"',
    'version = "2.0.0"',
    'source = "registry+https://github.com/rust-lang/crates.io-index"',
    '',
  ].join('\n');

test('Cargo.lock: a reference to a name with several versions is ambiguous, not missing', () => {
  assert.throws(
    () => parseCargoLock(cargoLock('"foo"'), 'Cargo.lock'),
    (e: unknown) =>
      e instanceof DataError &&
      e.message ===
        "Cargo.lock: dependency 'foo' of app 0.1.0 is ambiguous: it matches 2 packages (foo@1.0.0, foo@2.0.0); cargo names the version (and source) of a package whose name has several",
  );
  assert.throws(
    () => parseCargoLock(cargoLock('"foo 3.0.0"'), 'Cargo.lock'),
    /dependency 'foo 3\.0\.0' of app 0\.1\.0 is not a package of the lockfile \(it has foo 1\.0\.0, foo 2\.0\.0\)/,
  );
  const graph = parseCargoLock(cargoLock('"foo 2.0.0"'), 'Cargo.lock');
  assert.deepEqual(graph.edges, [{ from: 'app@0.1.0 (path)', to: 'foo@2.0.0', kind: 'unknown' }]);
});
