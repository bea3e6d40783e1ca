/**
 * CycloneDX JSON schema validation in linear time.
 *
 * The CycloneDX library validates with ajv, whose `uniqueItems` compares the
 * items of an array of objects pairwise with a deep equality: a 20,000-package
 * SBOM (`components`, `dependencies`) takes tens of seconds, 100,000 packages
 * many minutes. Here the same schema files (the library's, so the rules stay
 * the library's) are compiled with the same ajv options, except that every
 * `uniqueItems: true` is replaced by the keyword `uniqueItemsByHash`, checked
 * at the very same places: each item's canonical JSON text (object keys
 * sorted) goes into a hash set. Two JSON values are deep-equal exactly when
 * their canonical texts are equal, so the result is the same; the cost is the
 * size of the document instead of the square of the array length.
 */
import { readFile } from 'node:fs/promises';
import { Ajv, type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import addFormats2019Import from 'ajv-formats-draft2019';
import { DataError } from '../errors.ts';

export const UNIQUE_BY_HASH = 'uniqueItemsByHash';

/** The CycloneDX versions whose schema files this module finds. */
export const VALIDATED_SPEC_VERSIONS = ['1.6'] as const;
export type ValidatedSpecVersion = (typeof VALIDATED_SPEC_VERSIONS)[number];

/**
 * What the library's own JSON validator passes to ajv (cyclonedx-library
 * _optPlug.node/__jsonValidators/ajv), plus two code-generation settings that
 * change how fast the validator compiles, not what it accepts: no inlining of
 * $refs and no optimisation passes over the generated code take compiling the
 * CycloneDX schema from ~700 ms to ~110 ms, which is most of a 20,000-package run.
 */
const AJV_OPTIONS = {
  inlineRefs: false,
  code: { optimize: false },
  useDefaults: false,
  strict: false,
  strictSchema: false,
  addUsedSchema: false,
  allErrors: false,
  loadSchema: (uri: string): never => {
    throw new Error(`Remote schemas are disabled: ${uri}`);
  },
};

/** The same value, written one way: object keys sorted, no whitespace. Deep-equal JSON values give equal texts. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
}

/** The index pair of the first two equal items, or null: one pass, a hash set of canonical texts. */
export function firstDuplicate(items: readonly unknown[]): [number, number] | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const key = canonicalJson(items[i]);
    const j = seen.get(key);
    if (j !== undefined) return [j, i];
    seen.set(key, i);
  }
  return null;
}

/** A copy of the schema with each `uniqueItems: true` replaced by `uniqueItemsByHash: true`; returns how many. */
export function hashUniqueItems(schema: unknown): { schema: unknown; replaced: number } {
  let replaced = 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'uniqueItems' && v === true) {
        out[UNIQUE_BY_HASH] = true;
        replaced++;
      } else out[k] = walk(v);
    }
    return out;
  };
  return { schema: walk(schema), replaced };
}

function uniqueByHash(this: unknown, enabled: boolean, data: unknown): boolean {
  if (!enabled || !Array.isArray(data)) return true;
  const dup = firstDuplicate(data);
  if (!dup) return true;
  // The same error ajv's uniqueItems reports, so messages read as before.
  (uniqueByHash as unknown as { errors: Partial<ErrorObject>[] }).errors = [
    {
      keyword: 'uniqueItems',
      message: `must NOT have duplicate items (items ## ${dup[1]} and ${dup[0]} are identical)`,
      params: { i: dup[1], j: dup[0] },
    },
  ];
  return false;
}

interface LibraryResources {
  FILES: {
    CDX: { JSON_STRICT_SCHEMA: Record<string, string | undefined> };
    SPDX: { JSON_SCHEMA: string };
    CryptoDefs: { JSON_SCHEMA: string };
    JSF: { JSON_SCHEMA: string };
  };
}

interface SchemaFiles {
  bom: string;
  /** $id → file of the schemas the bom schema refers to. */
  refs: Record<string, string>;
}

/**
 * The library's schema files, found through its resources module, which reads
 * them relative to its own directory: node_modules in a source run,
 * dist/res/schema beside a bundle (scripts/bundle.ts copies them there).
 */
async function schemaFiles(version: ValidatedSpecVersion): Promise<SchemaFiles> {
  // The resources module is exported (as _Resources) but not typed.
  const lib = (await import('@cyclonedx/cyclonedx-library')) as unknown as { _Resources: LibraryResources };
  const R = lib._Resources;
  const bom = R.FILES.CDX.JSON_STRICT_SCHEMA[version];
  if (!bom) throw new Error(`no CycloneDX ${version} JSON schema in the library`);
  return {
    bom,
    refs: {
      'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': R.FILES.SPDX.JSON_SCHEMA,
      'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json': R.FILES.CryptoDefs.JSON_SCHEMA,
      'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': R.FILES.JSF.JSON_SCHEMA,
    },
  };
}

const readJson = async (path: string): Promise<unknown> =>
  JSON.parse(await readFile(path, 'utf8')) as unknown;

export interface CompiledSbomValidator {
  validate: ValidateFunction;
  /** How many `uniqueItems` the schema files had (each now checked by hash). */
  uniqueItemsReplaced: number;
}

/** Compiles the strict CycloneDX schema of `version` with hashed uniqueness. Throws when the files cannot load. */
export async function compileSbomValidator(version: ValidatedSpecVersion): Promise<CompiledSbomValidator> {
  const files = await schemaFiles(version);
  let replaced = 0;
  const load = async (path: string): Promise<AnySchema> => {
    const r = hashUniqueItems(await readJson(path));
    replaced += r.replaced;
    return r.schema as AnySchema;
  };
  const [bom, ...refs] = await Promise.all([files.bom, ...Object.values(files.refs)].map(load));
  const ajv = new Ajv({
    ...AJV_OPTIONS,
    schemas: Object.fromEntries(Object.keys(files.refs).map((id, i) => [id, refs[i]!])),
  });
  // CommonJS modules with a default export, seen through ESM interop.
  const addFormats = ((addFormatsImport as { default?: unknown }).default ?? addFormatsImport) as (
    a: Ajv,
  ) => void;
  const addFormats2019 = ((addFormats2019Import as { default?: unknown }).default ??
    addFormats2019Import) as (a: Ajv, o: { formats: string[] }) => void;
  addFormats(ajv);
  addFormats2019(ajv, { formats: ['idn-email'] });
  ajv.addFormat('iri-reference', true);
  ajv.addKeyword({ keyword: UNIQUE_BY_HASH, type: 'array', schemaType: 'boolean', validate: uniqueByHash });
  return { validate: ajv.compile(bom!), uniqueItemsReplaced: replaced };
}

const compiled = new Map<ValidatedSpecVersion, Promise<CompiledSbomValidator>>();

/** The compiled validator of `version`, compiled once per process. */
export function sbomValidator(version: ValidatedSpecVersion): Promise<CompiledSbomValidator> {
  let v = compiled.get(version);
  if (!v) {
    v = compileSbomValidator(version);
    compiled.set(version, v);
    // A failed load is not cached: the next call tries again and reports its own error.
    v.catch(() => compiled.delete(version));
  }
  return v;
}

/** Null when `doc` (parsed JSON) is valid CycloneDX `version`, else ajv's errors. */
export async function schemaErrors(
  doc: unknown,
  version: ValidatedSpecVersion,
): Promise<ErrorObject[] | null> {
  const { validate } = await sbomValidator(version);
  return validate(doc) ? null : (validate.errors ?? []);
}

export function isValidatedSpecVersion(v: string): v is ValidatedSpecVersion {
  return (VALIDATED_SPEC_VERSIONS as readonly string[]).includes(v);
}

export function assertValidatedSpecVersion(v: string): ValidatedSpecVersion {
  if (!isValidatedSpecVersion(v))
    throw new DataError(
      `CycloneDX ${v} cannot be validated: schemas of ${VALIDATED_SPEC_VERSIONS.join(', ')} are available`,
    );
  return v;
}
