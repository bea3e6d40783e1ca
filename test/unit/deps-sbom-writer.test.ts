import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from '@jest/globals';
import { PackageURL } from 'packageurl-js';
import { parseCargoLock } from '../../shared/deps/cargo-lock.ts';
import { parseCargoMetadata } from '../../shared/deps/cargo-metadata.ts';
import { graphSha256 } from '../../shared/deps/graph-hash.ts';
import { GraphBuilder, packageId, type DepGraph, type Package } from '../../shared/deps/model.ts';
import { parseNpmLock } from '../../shared/deps/npm-lock.ts';
import { buildSbom, serializeSbom, validateSbom, type SbomOptions } from '../../shared/deps/sbom.ts';
import { purlOf } from '../../shared/deps/sbom-parts.ts';
import { validateSbomDocument } from '../../shared/deps/sbom-validator.ts';
import { writeSbomJson } from '../../shared/deps/sbom-writer.ts';
import { DataError } from '../../shared/errors.ts';
import { cargoMetadata, CRATES_IO, LOCKFILES } from '../fixtures/deps/graphs.ts';

const NPM_LOCK = new URL('../fixtures/deps/npm/real-package-lock.json', import.meta.url).pathname;

const optionsOf = (graph: DepGraph, name = 'infrasim', version = 'v0.1.0'): SbomOptions => ({
  name,
  version,
  timestamp: new Date('2024-12-19T10:25:00Z'),
  graphSha256: graphSha256(graph),
});

/** The direct writer must give the library's document byte for byte: the library stays the reference. */
function assertSameAsLibrary(graph: DepGraph, options: SbomOptions = optionsOf(graph)): string {
  const direct = writeSbomJson(graph, options);
  assert.ok(direct, 'the writer accepts the graph');
  const library = serializeSbom(buildSbom(graph, options));
  assert.equal(direct.json, library);
  assert.deepEqual(JSON.parse(direct.json), direct.document, 'the document is the text');
  return direct.json;
}

const lockfiles = readdirSync(LOCKFILES).filter((f) => f.endsWith('.Cargo.lock'));
test('the fixtures hold the real lockfiles this comparison relies on', () => {
  assert.ok(lockfiles.length >= 4, lockfiles.join(', '));
});
for (const file of lockfiles) {
  test(`the direct SBOM of ${file} is byte-identical to the CycloneDX library's`, async () => {
    const graph = parseCargoLock(readFileSync(`${LOCKFILES}/${file}`, 'utf8'), file);
    const json = assertSameAsLibrary(graph);
    assert.deepEqual(await validateSbom(json), { status: 'passed' });
  });
}

test('the in-memory document is validated as its text would be, and a broken one is refused', async () => {
  const file = lockfiles[0]!;
  const graph = parseCargoLock(readFileSync(`${LOCKFILES}/${file}`, 'utf8'), file);
  const direct = writeSbomJson(graph, optionsOf(graph))!;
  assert.deepEqual(await validateSbomDocument(direct.document), { status: 'passed' });
  const broken = structuredClone(direct.document) as unknown as { components: Record<string, unknown>[] };
  broken.components[0]!.type = 'not-a-component-type';
  await assert.rejects(validateSbomDocument(broken), DataError);
  // A property the text would leave out (undefined) still counts against the schema's closed objects.
  const extra = structuredClone(direct.document) as unknown as { components: Record<string, unknown>[] };
  extra.components[0]!.unknownField = undefined;
  await assert.rejects(validateSbomDocument(extra), DataError);
});

test("the direct SBOM of a real npm package-lock (scoped names, sha512 integrity, licenses) is the library's", () => {
  const graph = parseNpmLock(readFileSync(NPM_LOCK, 'utf8'), NPM_LOCK);
  assert.ok(graph.packages.some((p) => p.name.startsWith('@')));
  assertSameAsLibrary(graph);
});

test("git, path, other-registry packages, licenses, self and repeated edges: the library's document", () => {
  const meta = cargoMetadata([
    { name: 'app', member: true, deps: [{ to: 'serde' }, { to: 'gitdep' }, { to: 'lib-b' }, { to: 'odd' }] },
    { name: 'lib-b', member: true, deps: [{ to: 'serde', kinds: [null, 'dev'] }] },
    { name: 'serde', version: '1.0.200', source: CRATES_IO },
    {
      name: 'gitdep',
      version: '0.3.0',
      source: 'git+https://github.com/o/gitdep?branch=main#0123456789abcdef0123456789abcdef01234567',
    },
    { name: 'odd', version: '2.0.0', source: 'sparse+https://example.org/index/' },
  ]);
  const graph = parseCargoMetadata(JSON.stringify(meta), 'metadata.json');
  // Licenses of both kinds, a hash the spec refuses, a self edge and a repeated edge of another kind.
  const byName = (n: string): Package => graph.packages.find((p) => p.name === n)!;
  byName('serde').license = 'MIT OR Apache-2.0';
  byName('odd').license = 'MIT/Apache-2.0';
  byName('gitdep').checksum = 'sha512-AAAA';
  graph.edges.push({ from: byName('odd').id, to: byName('odd').id, kind: 'normal' });
  graph.edges.push({ from: byName('app').id, to: byName('serde').id, kind: 'build' });
  assertSameAsLibrary(graph);
  assertSameAsLibrary(graph, optionsOf(graph, 'product with spaces', ''));
});

test('names whose order depends on collation (case, punctuation, digits) sort as the library sorts them', () => {
  const builder = new GraphBuilder();
  // 'é' and 'e\u0301' are canonically equivalent: the collator ties them, and the stable order must hold.
  const names = ['Zeta', 'alpha', 'a-b', 'a_b', 'ab', 'A', 'a10', 'a9', 'é', 'e', 'z', '_x', '-y', 'e\u0301'];
  const source = { kind: 'registry', url: CRATES_IO, isDefault: true } as const;
  for (const name of names)
    for (const version of ['1.0.0', '10.0.0', '9.0.0'])
      builder.addPackage({
        id: packageId(name, version, source),
        name,
        version,
        source,
        workspaceMember: false,
        repository: null,
        license: null,
        checksum: null,
      });
  const graph = builder.build({ ecosystem: 'cargo', origin: 'cargo-lock', file: 'x', edgeKindsKnown: false });
  for (const p of graph.packages)
    graph.edges.push({ from: graph.packages[0]!.id, to: p.id, kind: 'unknown' });
  assertSameAsLibrary(graph);
});

test('a graph whose ids repeat is refused by the writer (the library would rename a bom-ref)', () => {
  const builder = new GraphBuilder();
  const source = { kind: 'registry', url: CRATES_IO, isDefault: true } as const;
  const pkg: Package = {
    id: 'product:infrasim',
    name: 'x',
    version: '1',
    source,
    workspaceMember: false,
    repository: null,
    license: null,
    checksum: null,
  };
  builder.addPackage(pkg);
  const graph = builder.build({ ecosystem: 'cargo', origin: 'cargo-lock', file: 'x', edgeKindsKnown: false });
  assert.equal(writeSbomJson(graph, optionsOf(graph)), null);
});

test("a crate's package URL is packageurl-js's, whether or not it takes the plain-name shortcut", () => {
  const names = ['serde', 'Serde_JSON', 'a.b~c', 'x-1', 'é', 'a b', '@s/x', 'a%b', 'a+b', 'ü-ü'];
  const versions = ['1.0.0', '1.0.0-rc.1+build.5', '0.1.0+zstd.1.5.6', '1.0.0:1', 'v 1', '1.0.0/x'];
  const sources = [
    { kind: 'registry', url: CRATES_IO, isDefault: true },
    { kind: 'registry', url: 'sparse+https://example.org/index/', isDefault: false },
  ] as const;
  let checked = 0;
  for (const name of names)
    for (const version of versions)
      for (const source of sources) {
        const pkg: Package = {
          id: packageId(name, version, source),
          name,
          version,
          source,
          workspaceMember: false,
          repository: null,
          license: null,
          checksum: null,
        };
        const qualifiers: Record<string, string> = source.isDefault ? {} : { repository_url: source.url };
        const expected = new PackageURL('cargo', null, name, version, qualifiers, null).toString();
        assert.equal(purlOf(pkg, 'cargo'), expected, `${name} ${version}`);
        checked++;
      }
  assert.equal(checked, names.length * versions.length * sources.length);
});
