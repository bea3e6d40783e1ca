/**
 * The linear SBOM validator accepts and refuses what the CycloneDX library's
 * own (quadratic) validator does: every `uniqueItems` of the schema is still
 * checked, duplicates are found whatever the key order, nested or not.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from '@jest/globals';
import type { ValidateFunction } from 'ajv';
import { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';
import { validateSbom } from '../../shared/deps/sbom.ts';
import {
  canonicalJson,
  compileSbomValidator,
  firstDuplicate,
  prepareSchema,
} from '../../shared/deps/sbom-validator.ts';
import { fingerprint, jsonEqual } from '../../shared/deps/unique-items.ts';
import { DataError } from '../../shared/errors.ts';

const component = (name: string): Record<string, unknown> => ({
  type: 'library',
  name,
  version: '1.0.0',
  'bom-ref': `${name}@1.0.0`,
  purl: `pkg:cargo/${name}@1.0.0`,
  hashes: [{ alg: 'SHA-256', content: 'a'.repeat(64) }],
});
const bom = (components: Record<string, unknown>[], deps: unknown[] = []): Record<string, unknown> => ({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components,
  dependencies: deps,
});

const library = new JsonStrictValidator('1.6' as never);
async function both(doc: unknown): Promise<[boolean, boolean]> {
  const json = JSON.stringify(doc);
  const ours = await validateSbom(json).then(
    () => true,
    (e: unknown) => {
      assert.ok(e instanceof DataError, String(e));
      return false;
    },
  );
  const theirs = (await library.validate(json)) === null;
  return [ours, theirs];
}

test('every uniqueItems of the schema is replaced by the hashed check, none left', async () => {
  const text = readFileSync(
    'node_modules/@cyclonedx/cyclonedx-library/res/schema/bom-1.6.SNAPSHOT.schema.json',
    'utf8',
  );
  const expected = text.match(/"uniqueItems"\s*:\s*true/g)!.length;
  const r = prepareSchema(JSON.parse(text));
  assert.equal(r.replaced, expected);
  assert.doesNotMatch(JSON.stringify(r.schema), /"uniqueItems"/);
  assert.equal((await compileSbomValidator('1.6')).uniqueItemsReplaced, expected);
});

test('annotations are left out of the compiled schema; names and data that look like them are kept', () => {
  const { schema } = prepareSchema({
    title: 'T',
    description: 'd',
    type: 'object',
    properties: {
      description: { type: 'string', description: 'the field called description', examples: ['x'] },
      kind: { enum: [{ description: 'data, not a keyword' }], 'meta:enum': { a: 'b' }, default: 'a' },
    },
    definitions: { title: { $comment: 'c', type: 'string' } },
    additionalProperties: false,
  });
  assert.deepEqual(schema, {
    type: 'object',
    properties: {
      description: { type: 'string' },
      kind: { enum: [{ description: 'data, not a keyword' }] },
    },
    definitions: { title: { type: 'string' } },
    additionalProperties: false,
  });
});

test('canonical JSON: deep-equal values (any key order) give one text, different ones differ', () => {
  assert.equal(
    canonicalJson({ a: 1, b: [1, { c: 'x', d: null }] }),
    canonicalJson({ b: [1, { d: null, c: 'x' }], a: 1 }),
  );
  assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
  assert.notEqual(canonicalJson({ a: '1' }), canonicalJson({ a: 1 }));
  assert.deepEqual(firstDuplicate([{ a: 1, b: 2 }, { c: 3 }, { b: 2, a: 1 }]), [0, 2]);
  assert.equal(firstDuplicate([1, '1', [1], { 1: 1 }]), null);
});

test('fingerprints ignore key order only; equality is checked, so a shared fingerprint is no duplicate', () => {
  assert.equal(fingerprint({ a: 1, b: [true, null] }), fingerprint({ b: [true, null], a: 1 }));
  assert.notEqual(fingerprint([1, 2]), fingerprint([2, 1]));
  assert.notEqual(fingerprint({ a: 'b' }), fingerprint({ b: 'a' }));
  assert.ok(jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
  assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: undefined }));
  assert.ok(!jsonEqual([1], { 0: 1 }));
  // 20,000 distinct objects (linear time), then one equal to #7 written in another key order.
  const items: unknown[] = Array.from({ length: 20_000 }, (_, i) => ({
    ref: `p${i}`,
    dependsOn: [`p${i + 1}`],
  }));
  assert.equal(firstDuplicate(items), null);
  items.push({ dependsOn: ['p8'], ref: 'p7' });
  assert.deepEqual(firstDuplicate(items), [7, 20_000]);
  assert.deepEqual(firstDuplicate(['a', { x: 1 }, 'b', { x: 1 }, 'a']), [1, 3]);
});

test('items told apart by a key: only a repeated value is compared, and the answer is the pairwise one', () => {
  // `name` tells the first two apart; a repeated name is a duplicate only when the whole item is equal.
  // Twenty fillers first: a short array is compared pair by pair, without the key.
  const fillers = Array.from({ length: 20 }, (_, i) => ({ type: 'library', name: `f${i}`, version: '0' }));
  const items: unknown[] = [
    ...fillers,
    { type: 'library', name: 'a', version: '1' },
    { type: 'library', name: 'b', version: '1' },
    { type: 'library', name: 'a', version: '2' },
    { name: 'c' },
    { type: 'library', name: 1, version: '1' },
  ];
  assert.equal(firstDuplicate(items), null);
  assert.deepEqual(firstDuplicate([...items, { version: '2', name: 'a', type: 'library' }]), [22, 25]);
  // Items without the key (or with another type under it) are still compared with each other.
  assert.deepEqual(firstDuplicate([...items, { type: 'library', name: 1, version: '1' }]), [24, 25]);
  assert.deepEqual(firstDuplicate([...items, 'x', { name: 'c' }]), [23, 26]);

  // Against the pairwise definition, on short and long lists of items drawn from a few shapes so that keys, values and whole
  // items repeat in every combination.
  const pairwise = (list: unknown[]): [number, number] | null => {
    for (let i = 1; i < list.length; i++)
      for (let j = 0; j < i; j++) if (jsonEqual(list[j], list[i])) return [j, i];
    return null;
  };
  let seed = 7;
  const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const draw = (): unknown => {
    switch (random(5)) {
      case 0:
        return `s${random(40)}`;
      case 1:
        return { name: `n${random(6)}`, version: random(4) };
      case 2:
        return { version: random(4), name: `n${random(6)}` };
      case 3:
        return { name: random(3), extra: [random(2)] };
      default:
        return { other: `n${random(6)}` };
    }
  };
  for (let round = 0; round < 500; round++) {
    const list = Array.from({ length: 2 + random(40) }, draw);
    assert.deepEqual(firstDuplicate(list), pairwise(list), JSON.stringify(list));
  }
});

const cases: [string, unknown, boolean][] = [
  [
    'a valid document',
    bom([component('a'), component('b')], [{ ref: 'a@1.0.0', dependsOn: ['b@1.0.0'] }]),
    true,
  ],
  ['a duplicate component', bom([component('a'), component('b'), component('a')]), false],
  [
    'a duplicate component written with another key order',
    bom([component('a'), Object.fromEntries(Object.entries(component('a')).reverse())]),
    false,
  ],
  [
    'a repeated hash (the 1.6 schema does not ask hashes to be unique)',
    bom([
      {
        ...component('a'),
        hashes: [
          { alg: 'SHA-256', content: 'b'.repeat(64) },
          { content: 'b'.repeat(64), alg: 'SHA-256' },
        ],
      },
    ]),
    true,
  ],
  [
    'a duplicate dependsOn entry',
    bom([component('a'), component('b')], [{ ref: 'a@1.0.0', dependsOn: ['b@1.0.0', 'b@1.0.0'] }]),
    false,
  ],
  ['a wrong type (not uniqueness)', { ...bom([component('a')]), version: 'one' }, false],
];
for (const [what, doc, valid] of cases) {
  test(`${what}: ${valid ? 'accepted' : 'refused'}, as the library's validator decides`, async () => {
    assert.deepEqual(await both(doc), [valid, valid]);
  });
}

test('a document that is not JSON, or of a spec with no schema here, fails: never a warning', async () => {
  await assert.rejects(validateSbom('{'), DataError);
  await assert.rejects(validateSbom(JSON.stringify(bom([])), '1.2'), /cannot be validated/);
});

/**
 * The bundle validates with ajv's standalone code of the same compilation
 * (scripts/precompile-sbom-validator.ts): generated here with its helpers
 * named by path, it decides every case as the library's validator does.
 */
test("the precompiled (standalone) validator decides every case as the library's", async () => {
  const deps = new URL('../../shared/deps/', import.meta.url).pathname;
  const compiled = await compileSbomValidator('1.6', {
    formats: join(deps, 'sbom-formats.ts'),
    unique: join(deps, 'unique-items.ts'),
  });
  // Under the repository, so the code's require('ajv/dist/runtime/…') finds node_modules.
  const cache = new URL('../../node_modules/.cache/', import.meta.url).pathname;
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'sbom-validator-'));
  try {
    const file = join(dir, 'validator.cjs');
    writeFileSync(file, compiled.standalone!);
    const validate = createRequire(import.meta.url)(file) as ValidateFunction & {
      uniqueItemsReplaced: number;
    };
    assert.equal(validate.uniqueItemsReplaced, compiled.uniqueItemsReplaced);
    for (const [what, doc, valid] of cases) {
      const theirs = (await library.validate(JSON.stringify(doc))) === null;
      assert.deepEqual([validate(doc), theirs], [valid, valid], what);
    }
    validate(cases[1]![1]);
    assert.match(JSON.stringify(validate.errors), /must NOT have duplicate items \(items ## 2 and 0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
