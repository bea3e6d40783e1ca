import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from '@jest/globals';
import { parseCargoLock } from '../../shared/deps/cargo-lock.ts';
import { parseCargoMetadata } from '../../shared/deps/cargo-metadata.ts';
import { graphSha256 } from '../../shared/deps/graph-hash.ts';
import type { DepGraph } from '../../shared/deps/model.ts';
import { parseNpmLock } from '../../shared/deps/npm-lock.ts';
import { buildSbom, serializeSbom, validateSbom } from '../../shared/deps/sbom.ts';
import { DataError } from '../../shared/errors.ts';
import { cargoMetadata, CRATES_IO, LOCKFILES } from '../fixtures/deps/graphs.ts';

const sbomOf = (graph: DepGraph): string =>
  serializeSbom(
    buildSbom(graph, {
      name: 'infrasim',
      version: 'v0.1.0',
      timestamp: new Date('2024-12-19T10:25:00Z'),
      graphSha256: graphSha256(graph),
    }),
  );

interface Bom {
  specVersion: string;
  serialNumber: string;
  components: { 'bom-ref': string; purl?: string; hashes?: { alg: string; content: string }[] }[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

test('a real Cargo.lock becomes a CycloneDX 1.6 SBOM that validates against the JSON schema', async () => {
  const path = `${LOCKFILES}/alacritty.Cargo.lock`;
  const graph = parseCargoLock(readFileSync(path, 'utf8'), path);
  const json = sbomOf(graph);
  assert.deepEqual(await validateSbom(json), { status: 'passed' });
  const bom = JSON.parse(json) as Bom;
  assert.equal(bom.specVersion, '1.6');
  assert.equal(bom.components.length, graph.packages.length);
  const libc = bom.components.find((c) => c['bom-ref'].startsWith('libc@'))!;
  assert.match(libc.purl!, /^pkg:cargo\/libc@/);
  assert.equal(libc.hashes?.[0]?.alg, 'SHA-256');
  const git = bom.components.find((c) => c['bom-ref'].startsWith('x11-clipboard@'))!;
  assert.match(git.purl!, /vcs_url=git%2Bhttps/);
  assert.equal(
    bom.dependencies.reduce((n, d) => n + (d.dependsOn?.length ?? 0), 0) >= graph.edges.length,
    true,
  );
  assert.equal(
    sbomOf(graph),
    json,
    'same graph and timestamp: byte-identical SBOM (serial number from the graph hash)',
  );
});

test('npm and cargo-metadata graphs validate too (scoped purls, SHA-512 integrity, licenses)', async () => {
  const npm = parseNpmLock(
    readFileSync(new URL('../fixtures/deps/npm/real-package-lock.json', import.meta.url), 'utf8'),
    'package-lock.json',
  );
  const npmJson = sbomOf(npm);
  assert.deepEqual(await validateSbom(npmJson), { status: 'passed' });
  const core = (JSON.parse(npmJson) as Bom).components.find((c) =>
    c['bom-ref'].startsWith('@actions/core@'),
  )!;
  assert.match(core.purl!, /^pkg:npm\/%40actions\/core@/);
  assert.equal(core.hashes?.[0]?.alg, 'SHA-512');
  const meta = parseCargoMetadata(
    JSON.stringify(
      cargoMetadata([
        { name: 'app', deps: [{ to: 'serde' }] },
        { name: 'serde', version: '1.0.0', source: CRATES_IO },
      ]),
    ),
    'm.json',
  );
  assert.deepEqual(await validateSbom(sbomOf(meta)), { status: 'passed' });
});

test('an invalid document is rejected by the validator', async () => {
  await assert.rejects(
    validateSbom(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: 'x' })),
    DataError,
  );
});
