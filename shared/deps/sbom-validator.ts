/**
 * CycloneDX JSON schema validation in linear time, compiled before it runs.
 *
 * The CycloneDX library validates with ajv, whose `uniqueItems` compares the
 * items of an array of objects pairwise with a deep equality: a 20,000-package
 * SBOM (`components`, `dependencies`) takes tens of seconds, 100,000 packages
 * many minutes. Here the same schema files (the library's, so the rules stay
 * the library's) are compiled with the same ajv options and formats, except
 * that every `uniqueItems: true` is replaced by the keyword
 * `uniqueItemsByHash`, checked at the very same places by
 * ./unique-items.ts (fingerprints in a hash map, deep equality on a
 * fingerprint match): the same answer, at the cost of the document's size.
 *
 * Compiling the schema takes longer than validating a 20,000-package SBOM,
 * so the bundle does not compile it: scripts/bundle.ts runs
 * scripts/precompile-sbom-validator.ts, which writes ajv's standalone code of
 * this very compilation beside the compiled sources, and the bundle carries
 * it. A source run (tests, the benchmark's core) finds no such file and
 * compiles at first use, with the same function.
 */
import type { Ajv as AjvType, AnySchema, ErrorObject, KeywordCxt, ValidateFunction } from 'ajv';
import { readFile } from 'node:fs/promises';
import { DataError } from '../errors.ts';
import { generatedModule } from './generated-module.ts';
import { firstDuplicate } from './unique-items.ts';

export { canonicalJson, firstDuplicate } from './unique-items.ts';

export const UNIQUE_BY_HASH = 'uniqueItemsByHash';

/** The CycloneDX versions whose schema files this module finds. */
export const VALIDATED_SPEC_VERSIONS = ['1.6'] as const;
export type ValidatedSpecVersion = (typeof VALIDATED_SPEC_VERSIONS)[number];

/**
 * What the library's own JSON validator passes to ajv (cyclonedx-library
 * _optPlug.node/__jsonValidators/ajv), plus two code-generation settings that
 * change how fast the validator compiles, not what it accepts: no inlining of
 * $refs and no optimisation passes over the generated code.
 */
const AJV_OPTIONS = {
  inlineRefs: false,
  useDefaults: false,
  strict: false,
  strictSchema: false,
  addUsedSchema: false,
  allErrors: false,
  loadSchema: (uri: string): never => {
    throw new Error(`Remote schemas are disabled: ${uri}`);
  },
};

/**
 * How the generated code names the modules it calls at run time (formats
 * and the uniqueness check): specifiers resolved from where it is written.
 */
export interface HelperModules {
  formats: string;
  unique: string;
}

/** Beside the compiled sources (build/shared/deps), where the bundle step writes the generated code. */
export const BUILD_HELPERS: HelperModules = { formats: './sbom-formats.js', unique: './unique-items.js' };

/** Keywords that annotate a schema and never change whether a document is valid (draft-07, and CycloneDX's own). */
const ANNOTATIONS = new Set([
  'title',
  'description',
  '$comment',
  'examples',
  'default',
  'deprecated',
  'meta:enum',
]);
/** Keywords whose value maps names to subschemas: their keys are names (a property may be called `description`). */
const SUBSCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);
/** Keywords whose value is data, copied as it is. */
const DATA = new Set(['enum', 'const']);

/**
 * A copy of the schema ready to compile: each `uniqueItems: true` replaced by `uniqueItemsByHash: true`
 * (returns how many), and the annotations left out. The generated validator embeds schema objects it
 * reads at run time (an object's property names, for `additionalProperties: false`): without the
 * CycloneDX schema's descriptions it is less than half the code for every action that loads it.
 */
export function prepareSchema(schema: unknown): { schema: unknown; replaced: number } {
  let replaced = 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (ANNOTATIONS.has(k)) continue;
      if (k === 'uniqueItems' && v === true) {
        out[UNIQUE_BY_HASH] = true;
        replaced++;
      } else if (DATA.has(k)) out[k] = v;
      else if (SUBSCHEMA_MAPS.has(k) && v !== null && typeof v === 'object' && !Array.isArray(v))
        out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, walk(sub)]));
      else out[k] = walk(v);
    }
    return out;
  };
  return { schema: walk(schema), replaced };
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
  /** ajv's standalone module (CommonJS) of `validate`, when asked for. */
  standalone?: string;
}

/**
 * Compiles the strict CycloneDX schema of `version` with hashed uniqueness.
 * With `standalone`, also returns the code of a CommonJS module exporting
 * the same validator, calling its helpers through those specifiers. Throws
 * when the files cannot load.
 */
export async function compileSbomValidator(
  version: ValidatedSpecVersion,
  standalone?: HelperModules,
): Promise<CompiledSbomValidator> {
  // ajv's compiler is loaded only here: the bundle carries the precompiled validator and never loads it.
  const [{ Ajv, _, str }, { SBOM_FORMATS }] = await Promise.all([import('ajv'), import('./sbom-formats.ts')]);
  const helpers = standalone ?? BUILD_HELPERS;
  const files = await schemaFiles(version);
  let replaced = 0;
  const load = async (path: string): Promise<AnySchema> => {
    const r = prepareSchema(await readJson(path));
    replaced += r.replaced;
    return r.schema as AnySchema;
  };
  const [bom, ...refs] = await Promise.all([files.bom, ...Object.values(files.refs)].map(load));
  const ajv: AjvType = new Ajv({
    ...AJV_OPTIONS,
    formats: SBOM_FORMATS,
    code: {
      optimize: standalone !== undefined,
      source: standalone !== undefined,
      formats: _`require(${helpers.formats}).SBOM_FORMATS`,
    },
    schemas: Object.fromEntries(Object.keys(files.refs).map((id, i) => [id, refs[i]!])),
  });
  ajv.addKeyword({
    keyword: UNIQUE_BY_HASH,
    type: 'array',
    schemaType: 'boolean',
    // The message ajv's uniqueItems gives, so errors read as before.
    error: {
      message: ({ params }) =>
        str`must NOT have duplicate items (items ## ${params.i} and ${params.j} are identical)`,
      params: ({ params }) => _`{i: ${params.i}, j: ${params.j}}`,
    },
    code(cxt: KeywordCxt) {
      if (cxt.schema !== true) return;
      const check = cxt.gen.scopeValue('func', {
        ref: firstDuplicate,
        code: _`require(${helpers.unique}).firstDuplicate`,
      });
      const dup = cxt.gen.const('dup', _`${check}(${cxt.data})`);
      cxt.setParams({ i: _`${dup}[1]`, j: _`${dup}[0]` });
      cxt.fail(_`${dup} !== null`);
    },
  });
  const validate = ajv.compile(bom!);
  if (standalone === undefined) return { validate, uniqueItemsReplaced: replaced };
  const standaloneCode = (await import('ajv/dist/standalone/index.js')).default as unknown as (
    a: AjvType,
    v: ValidateFunction,
  ) => string;
  const code = `${standaloneCode(ajv, validate)}\nmodule.exports.uniqueItemsReplaced = ${replaced};\n`;
  return { validate, uniqueItemsReplaced: replaced, standalone: code };
}

/** The file name scripts/precompile-sbom-validator.ts writes the generated module of `version` under. */
export const precompiledFile = (version: ValidatedSpecVersion): string =>
  `sbom-validator-${version}.generated.cjs`;

/** The generated validator when this runs from the bundle; null in a source run, which has none. */
async function precompiledValidator(version: ValidatedSpecVersion): Promise<CompiledSbomValidator | null> {
  if (version !== '1.6') return null;
  // A literal specifier, so ncc bundles the file scripts/bundle.ts generated (precompiledFile('1.6')).
  const validate = await generatedModule(
    precompiledFile(version),
    async () => (await import('./sbom-validator-1.6.generated.cjs')).default,
  );
  return validate && { validate, uniqueItemsReplaced: validate.uniqueItemsReplaced };
}

const compiled = new Map<ValidatedSpecVersion, Promise<CompiledSbomValidator>>();

/** The validator of `version`: the precompiled one when bundled, else compiled once per process. */
export function sbomValidator(version: ValidatedSpecVersion): Promise<CompiledSbomValidator> {
  let v = compiled.get(version);
  if (!v) {
    v = precompiledValidator(version).then((p) => p ?? compileSbomValidator(version));
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

/** The CycloneDX version analyze-deps writes (the CycloneDX library's Spec1dot6). */
export const SBOM_SPEC_VERSION = '1.6';

/**
 * Always `passed`: a document that fails, or a validator that cannot run,
 * throws instead — an SBOM nobody checked is never written as if it had been.
 * (`skipped` stays in the type for callers written against the earlier API.)
 */
export type SbomValidation = { status: 'passed' } | { status: 'skipped'; reason: string };

/**
 * Validates against the strict CycloneDX JSON schema of `version` (by
 * default the spec analyze-deps writes), in time linear in the document.
 * Throws DataError listing the problems when the
 * document is invalid, and DataError too when the validator cannot load.
 */
export async function validateSbom(
  json: string,
  version: string = SBOM_SPEC_VERSION,
): Promise<SbomValidation> {
  assertValidatedSpecVersion(version);
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new DataError(`the generated SBOM is not JSON: ${(e as Error).message}`);
  }
  return validateSbomDocument(doc, version);
}

/**
 * validateSbom for a document still in memory, the one its JSON text is
 * `JSON.stringify` of (no parse of megabytes back). The document is plain
 * data, so the text holds exactly what is validated, with one difference
 * that only makes this stricter: a property whose value is `undefined`,
 * which the text leaves out, still counts against `additionalProperties`.
 */
export async function validateSbomDocument(
  doc: unknown,
  version: string = SBOM_SPEC_VERSION,
): Promise<SbomValidation> {
  const spec = assertValidatedSpecVersion(version);
  let errors: ErrorObject[] | null;
  try {
    errors = await schemaErrors(doc, spec);
  } catch (e) {
    throw new DataError(
      `the CycloneDX ${spec} schema validator could not run, so the SBOM is not written unchecked: ${(e as Error).message}`,
    );
  }
  if (errors !== null)
    throw new DataError(
      `the generated SBOM is not valid CycloneDX ${spec}: ${JSON.stringify(errors).slice(0, 2000)}`,
    );
  return { status: 'passed' };
}
