import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from '@jest/globals';
import { parseCargoLock } from '../../shared/deps/cargo-lock.ts';
import { findCycles } from '../../shared/deps/cycles.ts';
import { findDuplicates } from '../../shared/deps/duplicates.ts';
import { findUnusualPins } from '../../shared/deps/pins.ts';
import { DataError } from '../../shared/errors.ts';
import { LOCKFILES as LOCKS } from '../fixtures/deps/graphs.ts';

const read = (name: string): { text: string; path: string } => {
  const path = `${LOCKS}/${name}`;
  return { text: readFileSync(path, 'utf8'), path };
};

for (const name of [
  'ripgrep.Cargo.lock',
  'alacritty.Cargo.lock',
  'cargo.Cargo.lock',
  'tokio-1.47.5.Cargo.lock',
]) {
  test(`reads the real ${name}: every [[package]] and every dependency reference`, () => {
    const { text, path } = read(name);
    const graph = parseCargoLock(text, path);
    assert.equal(graph.packages.length, text.match(/^\[\[package\]\]$/gm)!.length);
    const references = [...text.matchAll(/^dependencies = \[\n((?: ".*",\n)*)\]/gm)].reduce(
      (n, m) => n + m[1]!.split('\n').filter(Boolean).length,
      0,
    );
    assert.equal(graph.edges.length, references);
    assert.equal(graph.edgeKindsKnown, false);
    assert.equal(
      findCycles(graph).cycles.length,
      0,
      'cargo refuses normal/build cycles, so none can be reported',
    );
  });
}

test('tokio: the workspace dev-dependency cycle is reported as an inferred dev cycle', () => {
  const { text, path } = read('tokio-1.47.5.Cargo.lock');
  const { devCycles } = findCycles(parseCargoLock(text, path));
  const tokio = devCycles.find((c) => c.subject.split('+').includes('tokio'));
  assert.ok(tokio, 'tokio ⇄ tokio-test');
  assert.ok(tokio.subject.split('+').includes('tokio-test'));
  assert.equal(tokio.details.inferredFromLockfile, true);
  assert.ok(tokio.edges.some((e) => e.from === 'tokio@1.47.5 (path)'));
});

test('cargo: cargo-platform is both a path package and a registry package, and references resolve to each', () => {
  const { text, path } = read('cargo.Cargo.lock');
  const graph = parseCargoLock(text, path);
  const ids = graph.packages
    .filter((p) => p.name === 'cargo-platform')
    .map((p) => p.id)
    .sort();
  assert.deepEqual(ids, ['cargo-platform@0.3.3', 'cargo-platform@0.3.3 (path)']);
  assert.ok(graph.edges.some((e) => e.from.startsWith('cargo@') && e.to === 'cargo-platform@0.3.3 (path)'));
  assert.ok(graph.edges.some((e) => e.to === 'cargo-platform@0.3.3' && !e.from.startsWith('cargo@')));
  const dup = findDuplicates(graph).find((d) => d.subject === 'cargo-platform');
  assert.ok(dup, 'same name and version from two sources is a duplicate');
});

test('alacritty: its git dependency is pinned to a full commit, so no unusual pin', () => {
  const { text, path } = read('alacritty.Cargo.lock');
  const graph = parseCargoLock(text, path);
  const git = graph.packages.find((p) => p.source.kind === 'git');
  assert.equal(git?.name, 'x11-clipboard');
  assert.deepEqual(findUnusualPins(graph), []);
});

test('a git source following a branch is an unusual pin; another registry too', () => {
  const lock = `version = 4

[[package]]
name = "app"
version = "0.1.0"
dependencies = [
 "gitdep",
 "private",
]

[[package]]
name = "gitdep"
version = "1.0.0"
source = "git+https://github.com/org/gitdep?branch=main#0123456789abcdef0123456789abcdef01234567"

[[package]]
name = "private"
version = "2.0.0"
source = "sparse+https://crates.example.com/index/"
checksum = "${'a'.repeat(64)}"
`;
  const kinds = findUnusualPins(parseCargoLock(lock, 'Cargo.lock'))
    .map((f) => f.id)
    .sort();
  assert.deepEqual(kinds, ['git-unpinned:gitdep', 'non-default-registry:private']);
});

test('errors name the file and what is wrong: old, future, truncated and inconsistent lockfiles', () => {
  const { text } = read('ripgrep.Cargo.lock');
  const cases: [string, RegExp][] = [
    [text.replace('version = 4\n', ''), /x\/Cargo\.lock: no 'version' key: .*format 1 or 2/],
    [text.replace('version = 4', 'version = 5'), /unsupported Cargo\.lock version 5 \(accepted: 3, 4\)/],
    [
      text.slice(0, text.indexOf('",\n', text.indexOf('dependencies = [')) + 3),
      /x\/Cargo\.lock:\d+: unterminated array/,
    ],
    [
      text.replace('name = "memchr"', 'name = "memchr2"'),
      /dependency 'memchr' of .* is not a package of the lockfile/,
    ],
    ['version = 4\n', /no \[\[package\]\] entries/],
    [text.replace('name = "regex"\n', ''), /\[\[package\]\] #\d+: 'name' must be a non-empty string/],
  ];
  for (const [input, message] of cases) {
    assert.throws(
      () => parseCargoLock(input, 'x/Cargo.lock'),
      (e: unknown) => e instanceof DataError && message.test(e.message),
      String(message),
    );
  }
});

test('a reference with a source picks the package from that exact git repository and commit', () => {
  const commit = (c: string): string => c.repeat(40);
  const lock = `version = 4

[[package]]
name = "app"
version = "0.1.0"
dependencies = [
 "dep 1.0.0 (git+https://github.com/b/dep?rev=${commit('b')}#${commit('b')})",
]

[[package]]
name = "dep"
version = "1.0.0"
source = "git+https://github.com/a/dep?rev=${commit('a')}#${commit('a')}"

[[package]]
name = "dep"
version = "1.0.0"
source = "git+https://github.com/b/dep?rev=${commit('b')}#${commit('b')}"
`;
  const graph = parseCargoLock(lock, 'Cargo.lock');
  assert.deepEqual(
    graph.edges.map((e) => e.to),
    [`dep@1.0.0 (git https://github.com/b/dep#${commit('b')})`],
  );
});
