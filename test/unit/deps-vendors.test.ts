import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { parseCargoMetadata } from '../../shared/deps/cargo-metadata.ts';
import { parseNpmLock } from '../../shared/deps/npm-lock.ts';
import { findVendorConcentration, publisherOf, vendorShares } from '../../shared/deps/vendors.ts';
import { cargoMetadata, CRATES_IO, npmLock, type CrateSpec } from '../fixtures/deps/graphs.ts';

/** 12 third-party crates: 5 from github.com/tokio-rs, 3 from one git org, 4 with no repository. */
function workspace(): CrateSpec[] {
  const third: CrateSpec[] = [
    ...['tokio', 'tokio-util', 'tokio-stream', 'mio', 'bytes'].map((name) => ({
      name,
      version: '1.0.0',
      source: CRATES_IO,
      repository: `https://github.com/Tokio-RS/${name}`,
    })),
    ...['a', 'b', 'c'].map((name) => ({
      name: `git-${name}`,
      version: '0.1.0',
      source: `git+https://gitlab.com/acme/${name}?rev=0123456789abcdef0123456789abcdef01234567#0123456789abcdef0123456789abcdef01234567`,
    })),
    ...['w', 'x', 'y', 'z'].map((name) => ({ name: `anon-${name}`, version: '1.0.0', source: CRATES_IO })),
  ];
  return [{ name: 'app', deps: third.map((c) => ({ to: c.name })) }, ...third];
}

test('publishers come from what the input states: repository org, git org, none', () => {
  const graph = parseCargoMetadata(JSON.stringify(cargoMetadata(workspace())), 'm.json');
  const of = (name: string): string => publisherOf(graph.packages.find((p) => p.name === name)!);
  assert.equal(of('tokio'), 'github.com/tokio-rs');
  assert.equal(of('git-a'), 'gitlab.com/acme');
  assert.equal(of('anon-w'), 'unattributed');
  assert.equal(of('app'), 'local paths');
  const { total, shares } = vendorShares(graph);
  assert.equal(total, 12, 'the workspace member is not a third party');
  assert.deepEqual(shares[0], { publisher: 'github.com/tokio-rs', packages: 5, share: 5 / 12 });
});

test('a publisher above the threshold is flagged with its packages; unattributed never is', () => {
  const graph = parseCargoMetadata(JSON.stringify(cargoMetadata(workspace())), 'm.json');
  const flagged = findVendorConcentration(graph, { threshold: 0.3, minimumPackages: 10 });
  assert.deepEqual(
    flagged.map((f) => f.id),
    ['vendor-concentration:github.com/tokio-rs'],
  );
  assert.equal(flagged[0]!.packages.length, 5);
  assert.equal(flagged[0]!.details.share, 0.4167);
  const lower = findVendorConcentration(graph, { threshold: 0.2, minimumPackages: 10 }).map((f) => f.subject);
  assert.deepEqual(lower, ['github.com/tokio-rs', 'gitlab.com/acme']);
  assert.deepEqual(
    findVendorConcentration(graph, { threshold: 0.3, minimumPackages: 13 }),
    [],
    'too small a graph',
  );
});

test('npm scopes are publishers', () => {
  const entries: Record<string, Record<string, unknown>> = {};
  const deps: Record<string, string> = {};
  for (const name of [
    '@babel/core',
    '@babel/parser',
    '@babel/types',
    '@babel/traverse',
    'left-pad',
    'is-odd',
    'is-even',
    'chalk',
    'debug',
    'ms',
  ]) {
    entries[`node_modules/${name}`] = { version: '1.0.0' };
    deps[name] = '^1.0.0';
  }
  const graph = parseNpmLock(npmLock(entries, { dependencies: deps }), 'package-lock.json');
  assert.deepEqual(
    findVendorConcentration(graph, { threshold: 0.3, minimumPackages: 10 }).map((f) => f.id),
    ['vendor-concentration:npm @babel'],
  );
});
