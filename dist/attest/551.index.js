import { dirname as __bundleDirname } from 'node:path';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
const __dirname = __bundleDirname(__bundleFileURLToPath(import.meta.url));
export const id = 551;
export const ids = [551];
export const modules = {

/***/ 71922:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ue: () => (/* binding */ firstDuplicate)
});

// UNUSED EXPORTS: canonicalJson, fingerprint, jsonEqual

;// CONCATENATED MODULE: ./build/shared/deps/multimap.js
/** Appends to the list under `key` in place (copying the list each time would make grouping quadratic). */
function pushTo(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
/**
 * Records index `i` under `key`: the number alone while the key has one, a list from its second. Most keys
 * of a large input are seen once, and a list for each would be mostly garbage.
 */
function pushIndex(map, key, i) {
    const seen = map.get(key);
    if (seen === undefined)
        map.set(key, i);
    else if (typeof seen === 'number')
        map.set(key, [seen, i]);
    else
        seen.push(i);
}

;// CONCATENATED MODULE: ./build/shared/deps/unique-items.js
/**
 * JSON Schema's `uniqueItems` in time linear in the array's size.
 *
 * ajv compares the items of an array of objects pairwise with a deep
 * equality: quadratic, tens of seconds on a 20,000-component SBOM. Here each
 * item gets a 32-bit fingerprint that deep-equal JSON values share whatever
 * their key order (a key's entry is combined by addition, which does not
 * depend on order); items are bucketed by it, and only items whose
 * fingerprints are equal are compared with a real deep equality. A collision
 * costs a comparison, never a wrong answer. Strings are their own keys.
 * Objects with different strings under one key are never equal, so most are
 * told apart by such a key before any fingerprint, and short arrays (a
 * `dependsOn` list) are compared pair by pair. The generated validator (./sbom-validator.ts) calls
 * firstDuplicate, so this module is loaded by it at run time: no I/O, no
 * dependency but the small ./multimap.ts.
 */

/** FNV-1a over UTF-16 code units, from `seed`. */
function textHash(s, seed) {
    let h = seed;
    for (let i = 0; i < s.length; i++)
        h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h;
}
const NULL = 0x6e756c6c;
const TRUE = 0x74727565;
const FALSE = 0x66616c73;
const STRING_SEED = 0x811c9dc5;
const NUMBER_SEED = 0x2545f491;
const KEY_SEED = 0x5bd1e995;
/** A fingerprint of a JSON value: deep-equal values (any key order) give the same number. */
function fingerprint(value) {
    if (value === null)
        return NULL;
    switch (typeof value) {
        case 'string':
            return textHash(value, STRING_SEED);
        // Equal JSON numbers print the same (0 and -0 both as "0", which deep equality also takes as equal).
        case 'number':
            return textHash(String(value), NUMBER_SEED);
        case 'boolean':
            return value ? TRUE : FALSE;
    }
    if (Array.isArray(value)) {
        let h = 0x41525259 ^ value.length;
        for (let i = 0; i < value.length; i++)
            h = Math.imul(h, 31) + fingerprint(value[i]);
        return h | 0;
    }
    const obj = value;
    let h = 0x4f424a45;
    // for-in allocates no key list (Object.keys would, per object of a 100,000-component SBOM).
    for (const k in obj) {
        if (!Object.hasOwn(obj, k))
            continue;
        // Mixed per entry, summed over entries: the sum does not depend on the order of the keys.
        const e = Math.imul(textHash(k, KEY_SEED) ^ fingerprint(obj[k]), 0x9e3779b1);
        h = (h + (e ^ (e >>> 15))) | 0;
    }
    return h;
}
/** Deep equality of JSON values (object key order ignored), as ajv's `uniqueItems` decides it. */
function jsonEqual(a, b) {
    if (a === b)
        return true;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    if (Array.isArray(a)) {
        const bb = b;
        if (a.length !== bb.length)
            return false;
        for (let i = 0; i < a.length; i++)
            if (!jsonEqual(a[i], bb[i]))
                return false;
        return true;
    }
    const x = a;
    const y = b;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length)
        return false;
    for (const k of keys)
        if (!Object.hasOwn(y, k) || !jsonEqual(x[k], y[k]))
            return false;
    return true;
}
/** The same value, written one way: object keys sorted, no whitespace. Deep-equal JSON values give equal texts. */
function canonicalJson(value) {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return '[' + value.map(canonicalJson).join(',') + ']';
    const obj = value;
    const keys = Object.keys(obj).sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
}
/** Arrays up to this long are checked pair by pair (at most 120 comparisons). */
const PAIRWISE_AT_MOST = 16;
/** A plain object (not an array, not null): the items a key can tell apart. */
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** How many of the first items telling() samples for each key. */
const SAMPLED = 8;
/**
 * The key, among the first item's keys with a string value, whose strings
 * differ most over the first items (a component's `name` or `bom-ref`, not
 * its `type`, which is `library` for nearly all), or null when none differs.
 * Two objects that hold different strings under one key are not deep-equal,
 * so only items whose string under it repeats need a fingerprint.
 */
function telling(items) {
    const first = items[0];
    if (!isObject(first))
        return null;
    let best = null;
    let bestCount = 1;
    const seen = new Set();
    for (const k in first) {
        if (!Object.hasOwn(first, k) || typeof first[k] !== 'string')
            continue;
        seen.clear();
        for (let i = 0; i < SAMPLED && i < items.length; i++) {
            const item = items[i];
            if (isObject(item) && Object.hasOwn(item, k) && typeof item[k] === 'string')
                seen.add(item[k]);
        }
        if (seen.size > bestCount)
            [best, bestCount] = [k, seen.size];
    }
    return best;
}
/**
 * The index pair [j, i] of the first item i equal to an earlier item j, or
 * null when all items differ: one pass, the same answer as comparing every pair.
 *
 * An object whose string under the telling key no earlier item held equals
 * no earlier item: it is only remembered by that string. One whose string
 * repeats is fingerprinted, with the first item of that string (at most one
 * earlier item can equal it, or the pass would have stopped there).
 */
function firstDuplicate(items) {
    if (items.length < 2)
        return null;
    // Most arrays are short (a package's dependsOn, a component's hashes): comparing every pair costs less
    // than the maps, which every one of 20,000 calls would allocate.
    if (items.length <= PAIRWISE_AT_MOST) {
        for (let i = 1; i < items.length; i++)
            for (let j = 0; j < i; j++)
                if (jsonEqual(items[j], items[i]))
                    return [j, i];
        return null;
    }
    const strings = new Map();
    const key = telling(items);
    // The telling key's value → the first index with it, or -1 once that item is fingerprinted.
    const byKey = new Map();
    // Fingerprint → the first index with it, or every index with it once two share it.
    const others = new Map();
    for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (typeof item === 'string') {
            const j = strings.get(item);
            if (j !== undefined)
                return [j, i];
            strings.set(item, i);
            continue;
        }
        if (key !== null && isObject(item) && Object.hasOwn(item, key) && typeof item[key] === 'string') {
            const value = item[key];
            const j = byKey.get(value);
            if (j === undefined) {
                byKey.set(value, i);
                continue;
            }
            if (j >= 0) {
                pushIndex(others, fingerprint(items[j]), j);
                byKey.set(value, -1);
            }
        }
        const h = fingerprint(item);
        const seen = others.get(h);
        if (seen !== undefined)
            for (const j of typeof seen === 'number' ? [seen] : seen)
                if (jsonEqual(items[j], item))
                    return [j, i];
        pushIndex(others, h, i);
    }
    return null;
}


/***/ }),

/***/ 84551:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GZ: () => (/* binding */ imageSbomDocument),
  YM: () => (/* binding */ packagePurl)
});

// UNUSED EXPORTS: PROP, SBOM_MEDIA_TYPE, buildImageSbom, overlayChanges, purlDistro

// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/enums/index.js
var enums = __webpack_require__(6820);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/models/index.js
var models = __webpack_require__(50320);
// EXTERNAL MODULE: ./node_modules/packageurl-js/index.js
var packageurl_js = __webpack_require__(87091);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/serialize/index.node.js
var index_node = __webpack_require__(51248);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/spec/index.js
var spec = __webpack_require__(94321);
;// CONCATENATED MODULE: ./build/shared/deps/sbom-parts.js
/**
 * The pieces of a component both SBOM writers share (./sbom.ts through the
 * CycloneDX library's models, ./sbom-writer.ts directly): package URL, hash,
 * license and serial number, decided in one place so the two cannot drift.
 */

/** Characters encodeURIComponent leaves as they are (and `+`, which packageurl-js puts back in versions). */
const PLAIN_NAME = /^[A-Za-z0-9._~-]+$/;
const PLAIN_VERSION = /^[A-Za-z0-9._~+-]+$/;
function sbom_parts_purlOf(pkg, ecosystem) {
    if (pkg.source.kind === 'path')
        return undefined;
    // Nearly every crate: crates.io, a plain name and version, which packageurl-js writes unchanged
    // (it lowercases npm names, not cargo's). Skipping its object per package is a tenth of the SBOM's time.
    if (ecosystem === 'cargo' &&
        pkg.source.kind === 'registry' &&
        pkg.source.isDefault &&
        PLAIN_NAME.test(pkg.name) &&
        PLAIN_VERSION.test(pkg.version))
        return `pkg:cargo/${pkg.name}@${pkg.version}`;
    const qualifiers = {};
    if (pkg.source.kind === 'git')
        qualifiers.vcs_url = `git+${pkg.source.url}${pkg.source.commit ? '@' + pkg.source.commit : ''}`;
    if (pkg.source.kind === 'registry' && !pkg.source.isDefault)
        qualifiers.repository_url = pkg.source.url;
    if (ecosystem === 'npm') {
        const [scope, bare] = pkg.name.startsWith('@') ? pkg.name.split('/', 2) : [undefined, pkg.name];
        return new PackageURL('npm', scope ?? null, bare ?? pkg.name, pkg.version, qualifiers, null).toString();
    }
    return new PackageURL('cargo', null, pkg.name, pkg.version, qualifiers, null).toString();
}
/** [CycloneDX algorithm name, hex] of a Cargo sha256 or an npm sha512 SRI integrity. */
function sbom_parts_hashOf(checksum) {
    if (!checksum)
        return undefined;
    if (/^[0-9a-f]{64}$/.test(checksum))
        return ['SHA-256', checksum];
    const sri = /^sha512-([A-Za-z0-9+/=]+)$/.exec(checksum);
    if (sri)
        return ['SHA-512', Buffer.from(sri[1], 'base64').toString('hex')];
    return undefined;
}
function sbom_parts_licenseOf(license) {
    if (!license)
        return undefined;
    // Cargo's legacy `MIT/Apache-2.0` is not an SPDX expression: keep it as a named license.
    if (/^[A-Za-z0-9.+\-() ]+$/.test(license) && !license.includes('/'))
        return { kind: 'expression', value: license };
    return { kind: 'named', value: license };
}
/** A UUID derived from the graph hash, so the same graph gives the same serial number. */
function sbom_parts_serialNumber(graphSha256) {
    const h = graphSha256;
    return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./build/shared/errors.js
var shared_errors = __webpack_require__(52005);
;// CONCATENATED MODULE: ./build/shared/deps/generated-module.js
/**
 * Modules that scripts/bundle.ts generates beside the compiled sources (build/shared/deps) after tsc: work
 * done once at bundle time instead of in every run of the action. ncc bundles each because its caller
 * imports it with a literal specifier. A source tree has none, so a source run (the tests, `node` on the .ts
 * files) gets null here and computes the same thing itself.
 */
async function generatedModule(file, load) {
    try {
        return await load();
    }
    catch (e) {
        if (
        // Node's loader says ERR_MODULE_NOT_FOUND; jest's resolver (under the test runner) MODULE_NOT_FOUND.
        ['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'].includes(String(e.code)) &&
            String(e).includes(file))
            return null;
        throw e;
    }
}

// EXTERNAL MODULE: ./build/shared/deps/unique-items.js + 1 modules
var unique_items = __webpack_require__(71922);
;// CONCATENATED MODULE: ./build/shared/deps/sbom-validator.js





const UNIQUE_BY_HASH = 'uniqueItemsByHash';
/** The CycloneDX versions whose schema files this module finds. */
const VALIDATED_SPEC_VERSIONS = ['1.6'];
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
    loadSchema: (uri) => {
        throw new Error(`Remote schemas are disabled: ${uri}`);
    },
};
/** Beside the compiled sources (build/shared/deps), where the bundle step writes the generated code. */
const BUILD_HELPERS = { formats: './sbom-formats.js', unique: './unique-items.js' };
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
function prepareSchema(schema) {
    let replaced = 0;
    const walk = (node) => {
        if (Array.isArray(node))
            return node.map(walk);
        if (node === null || typeof node !== 'object')
            return node;
        const out = {};
        for (const [k, v] of Object.entries(node)) {
            if (ANNOTATIONS.has(k))
                continue;
            if (k === 'uniqueItems' && v === true) {
                out[UNIQUE_BY_HASH] = true;
                replaced++;
            }
            else if (DATA.has(k))
                out[k] = v;
            else if (SUBSCHEMA_MAPS.has(k) && v !== null && typeof v === 'object' && !Array.isArray(v))
                out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, walk(sub)]));
            else
                out[k] = walk(v);
        }
        return out;
    };
    return { schema: walk(schema), replaced };
}
/**
 * The library's schema files, found through its resources module, which reads
 * them relative to its own directory: node_modules in a source run,
 * dist/res/schema beside a bundle (scripts/bundle.ts copies them there).
 */
async function schemaFiles(version) {
    // The resources module is exported (as _Resources) but not typed.
    const lib = (await Promise.all(/* import() */[__webpack_require__.e(745), __webpack_require__.e(463), __webpack_require__.e(567)]).then(__webpack_require__.t.bind(__webpack_require__, 54567, 19)));
    const R = lib._Resources;
    const bom = R.FILES.CDX.JSON_STRICT_SCHEMA[version];
    if (!bom)
        throw new Error(`no CycloneDX ${version} JSON schema in the library`);
    return {
        bom,
        refs: {
            'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': R.FILES.SPDX.JSON_SCHEMA,
            'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json': R.FILES.CryptoDefs.JSON_SCHEMA,
            'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': R.FILES.JSF.JSON_SCHEMA,
        },
    };
}
const readJson = async (path) => JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
/**
 * Compiles the strict CycloneDX schema of `version` with hashed uniqueness.
 * With `standalone`, also returns the code of a CommonJS module exporting
 * the same validator, calling its helpers through those specifiers. Throws
 * when the files cannot load.
 */
async function compileSbomValidator(version, standalone) {
    // ajv's compiler is loaded only here: the bundle carries the precompiled validator and never loads it.
    const [{ Ajv, _, str }, { SBOM_FORMATS }] = await Promise.all([__webpack_require__.e(/* import() */ 463).then(__webpack_require__.t.bind(__webpack_require__, 42463, 19)), Promise.all(/* import() */[__webpack_require__.e(745), __webpack_require__.e(379)]).then(__webpack_require__.bind(__webpack_require__, 40379))]);
    const helpers = standalone ?? BUILD_HELPERS;
    const files = await schemaFiles(version);
    let replaced = 0;
    const load = async (path) => {
        const r = prepareSchema(await readJson(path));
        replaced += r.replaced;
        return r.schema;
    };
    const [bom, ...refs] = await Promise.all([files.bom, ...Object.values(files.refs)].map(load));
    const ajv = new Ajv({
        ...AJV_OPTIONS,
        formats: SBOM_FORMATS,
        code: {
            optimize: standalone !== undefined,
            source: standalone !== undefined,
            formats: _ `require(${helpers.formats}).SBOM_FORMATS`,
        },
        schemas: Object.fromEntries(Object.keys(files.refs).map((id, i) => [id, refs[i]])),
    });
    ajv.addKeyword({
        keyword: UNIQUE_BY_HASH,
        type: 'array',
        schemaType: 'boolean',
        // The message ajv's uniqueItems gives, so errors read as before.
        error: {
            message: ({ params }) => str `must NOT have duplicate items (items ## ${params.i} and ${params.j} are identical)`,
            params: ({ params }) => _ `{i: ${params.i}, j: ${params.j}}`,
        },
        code(cxt) {
            if (cxt.schema !== true)
                return;
            const check = cxt.gen.scopeValue('func', {
                ref: unique_items/* firstDuplicate */.Ue,
                code: _ `require(${helpers.unique}).firstDuplicate`,
            });
            const dup = cxt.gen.const('dup', _ `${check}(${cxt.data})`);
            cxt.setParams({ i: _ `${dup}[1]`, j: _ `${dup}[0]` });
            cxt.fail(_ `${dup} !== null`);
        },
    });
    const validate = ajv.compile(bom);
    if (standalone === undefined)
        return { validate, uniqueItemsReplaced: replaced };
    const standaloneCode = (await __webpack_require__.e(/* import() */ 398).then(__webpack_require__.t.bind(__webpack_require__, 41398, 19))).default;
    const code = `${standaloneCode(ajv, validate)}\nmodule.exports.uniqueItemsReplaced = ${replaced};\n`;
    return { validate, uniqueItemsReplaced: replaced, standalone: code };
}
/** The file name scripts/precompile-sbom-validator.ts writes the generated module of `version` under. */
const precompiledFile = (version) => `sbom-validator-${version}.generated.cjs`;
/** The generated validator when this runs from the bundle; null in a source run, which has none. */
async function precompiledValidator(version) {
    if (version !== '1.6')
        return null;
    // A literal specifier, so ncc bundles the file scripts/bundle.ts generated (precompiledFile('1.6')).
    const validate = await generatedModule(precompiledFile(version), async () => (await Promise.all(/* import() */[__webpack_require__.e(745), __webpack_require__.e(624)]).then(__webpack_require__.t.bind(__webpack_require__, 44624, 19))).default);
    return validate && { validate, uniqueItemsReplaced: validate.uniqueItemsReplaced };
}
const compiled = new Map();
/** The validator of `version`: the precompiled one when bundled, else compiled once per process. */
function sbomValidator(version) {
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
async function schemaErrors(doc, version) {
    const { validate } = await sbomValidator(version);
    return validate(doc) ? null : (validate.errors ?? []);
}
function isValidatedSpecVersion(v) {
    return VALIDATED_SPEC_VERSIONS.includes(v);
}
function assertValidatedSpecVersion(v) {
    if (!isValidatedSpecVersion(v))
        throw new shared_errors/* DataError */.fL(`CycloneDX ${v} cannot be validated: schemas of ${VALIDATED_SPEC_VERSIONS.join(', ')} are available`);
    return v;
}
/** The CycloneDX version analyze-deps writes (the CycloneDX library's Spec1dot6). */
const SBOM_SPEC_VERSION = '1.6';
/**
 * Validates against the strict CycloneDX JSON schema of `version` (by
 * default the spec analyze-deps writes), in time linear in the document.
 * Throws DataError listing the problems when the
 * document is invalid, and DataError too when the validator cannot load.
 */
async function validateSbom(json, version = SBOM_SPEC_VERSION) {
    assertValidatedSpecVersion(version);
    let doc;
    try {
        doc = JSON.parse(json);
    }
    catch (e) {
        throw new shared_errors/* DataError */.fL(`the generated SBOM is not JSON: ${e.message}`);
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
async function validateSbomDocument(doc, version = SBOM_SPEC_VERSION) {
    const spec = assertValidatedSpecVersion(version);
    let errors;
    try {
        errors = await schemaErrors(doc, spec);
    }
    catch (e) {
        throw new shared_errors/* DataError */.fL(`the CycloneDX ${spec} schema validator could not run, so the SBOM is not written unchecked: ${e.message}`);
    }
    if (errors !== null)
        throw new shared_errors/* DataError */.fL(`the generated SBOM is not valid CycloneDX ${spec}: ${JSON.stringify(errors).slice(0, 2000)}`);
    return { status: 'passed' };
}

;// CONCATENATED MODULE: ./build/shared/deps/sbom.js
/**
 * The CycloneDX SBOM of the builder's dependencies, built with the
 * well-kept @cyclonedx/cyclonedx-library (spec 1.6) and checked against the
 * CycloneDX JSON schema before it is written.
 *
 * Only the library's Models/Enums/Serialize/Spec entry points are imported
 * up front: its root entry loads the schema resources through `__dirname` at
 * import time. Validation is ./sbom-validator.ts's (re-exported here);
 * analyze-deps writes its SBOM with ./sbom-writer.ts and loads this module
 * only for a graph that writer refuses.
 */





// Validation lives with the validator, so a caller that writes its SBOM directly need not load the library.

const SBOM_SPEC = spec.Spec1dot6;
function licenseModel(license) {
    const l = licenseOf(license);
    if (!l)
        return undefined;
    return l.kind === 'expression' ? new Models.LicenseExpression(l.value) : new Models.NamedLicense(l.value);
}
function buildSbom(graph, options) {
    const bom = new Models.Bom();
    bom.serialNumber = serialNumber(options.graphSha256);
    bom.metadata.timestamp = options.timestamp;
    bom.metadata.component = new Models.Component(Enums.ComponentType.Application, options.name, {
        version: options.version,
        bomRef: `product:${options.name}`,
    });
    const components = new Map();
    for (const pkg of graph.packages) {
        const c = new Models.Component(pkg.workspaceMember ? Enums.ComponentType.Application : Enums.ComponentType.Library, pkg.name, { version: pkg.version, bomRef: pkg.id, purl: purlOf(pkg, graph.ecosystem) });
        const hash = hashOf(pkg.checksum);
        if (hash)
            c.hashes.set(Enums.HashAlgorithm[hash[0]], hash[1]);
        const license = licenseModel(pkg.license);
        if (license)
            c.licenses.add(license);
        components.set(pkg.id, c);
        bom.components.add(c);
        if (pkg.workspaceMember)
            bom.metadata.component.dependencies.add(c.bomRef);
    }
    for (const e of graph.edges)
        components.get(e.from).dependencies.add(components.get(e.to).bomRef);
    return bom;
}
function serializeSbom(bom) {
    const serializer = new index_node.JsonSerializer(new index_node.JSON.Normalize.Factory(SBOM_SPEC));
    return serializer.serialize(bom, { sortLists: true, space: 2 }) + '\n';
}

// EXTERNAL MODULE: ./build/shared/hash.js
var hash = __webpack_require__(87406);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/spdx.js
var spdx = __webpack_require__(61290);
;// CONCATENATED MODULE: ./build/shared/sbom/licenses.js
/**
 * License names as package databases give them, as CycloneDX licenses: an
 * SPDX id where the name is one (or is a Debian DEP-5 short name with a
 * known SPDX equivalent), an SPDX expression where every operand is one,
 * and otherwise the name as written (a NamedLicense) — never a guess.
 */


/** DEP-5 short names that are not SPDX ids but have one (copyright-format 1.0, "License short name"). */
const DEP5_TO_SPDX = {
    Expat: 'MIT',
    Artistic: 'Artistic-1.0',
    'Artistic-1': 'Artistic-1.0',
    'Artistic-2': 'Artistic-2.0',
    'MPL-2': 'MPL-2.0',
    'Apache-2': 'Apache-2.0',
    CC0: 'CC0-1.0',
};
/** One license name as an SPDX id, or undefined. */
function spdxIdOf(name) {
    const n = name.trim();
    const mapped = DEP5_TO_SPDX[n];
    if (mapped)
        return mapped;
    // DEP-5 writes the GNU family as GPL-2 / GPL-2+ / LGPL-2.1+; SPDX as GPL-2.0-only / GPL-2.0-or-later.
    const gnu = /^(GPL|LGPL|AGPL|GFDL)-(\d)(?:\.(\d))?(\+)?$/i.exec(n);
    if (gnu)
        return (0,spdx.fixupSpdxId)(`${gnu[1].toUpperCase()}-${gnu[2]}.${gnu[3] ?? '0'}-${gnu[4] ? 'or-later' : 'only'}`);
    return (0,spdx.fixupSpdxId)(n);
}
/** `A or B`, `A and B`, `A OR B` with every operand an SPDX id: the SPDX expression, else undefined. */
function spdxExpressionOf(name) {
    const parts = name.trim().split(/\s+(and|or|AND|OR)\s+/);
    if (parts.length < 3)
        return undefined;
    const out = [];
    for (const [i, p] of parts.entries()) {
        if (i % 2 === 1) {
            out.push(p.toUpperCase());
            continue;
        }
        const id = spdxIdOf(p.replace(/^\(|\)$/g, ''));
        if (!id)
            return undefined;
        out.push(id);
    }
    return out.join(' ');
}
/**
 * The CycloneDX licenses of one package. A single expression is written as
 * an expression; several names are written as separate licenses (CycloneDX
 * does not allow an expression beside other licenses), each with its SPDX id
 * when it has one.
 */
function cyclonedxLicenses(names) {
    const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
    if (unique.length === 1) {
        const expression = spdxExpressionOf(unique[0]);
        if (expression)
            return [new models.LicenseExpression(expression)];
    }
    const out = [];
    const seen = new Set();
    for (const name of unique) {
        const id = spdxIdOf(name);
        const key = id ?? `name:${name}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push(id ? new models.SpdxLicense(id) : new models.NamedLicense(name));
    }
    return out;
}

;// CONCATENATED MODULE: ./build/shared/sbom/image-sbom.js
/**
 * The CycloneDX 1.6 SBOM of one image: what its package database says is
 * installed (with purls, versions and licenses), the kernel in /boot, and
 * the image file itself as the BOM's subject (name and sha256, as in the
 * attestation). A variant's SBOM lists everything in the variant image and
 * marks what its overlay adds or changes over the base
 * (`infrasim:overlay` = added | changed, with the base's version), and names
 * what it removes in the metadata.
 *
 * Deterministic: the serial number and timestamp come from the image's digest
 * and the run's SOURCE_DATE_EPOCH, so the same image gives the same bytes.
 * Serialization and schema validation are the suite's one CycloneDX path
 * (shared/deps/sbom.ts).
 */







/** Property names (CycloneDX properties taxonomy: a namespace of our own). */
const PROP = {
    overlay: 'infrasim:overlay',
    baseVersion: 'infrasim:overlay:base-version',
    removed: 'infrasim:overlay:removed',
    base: 'infrasim:overlay:base',
    sourceName: 'infrasim:package:source-name',
    sourceVersion: 'infrasim:package:source-version',
    kernelPath: 'infrasim:kernel:path',
    kind: 'infrasim:image:kind',
    variant: 'infrasim:image:variant',
    arch: 'infrasim:image:arch',
    distroId: 'infrasim:distro:id',
    distroVersion: 'infrasim:distro:version-id',
    distroCodename: 'infrasim:distro:codename',
    manager: 'infrasim:package-manager',
    database: 'infrasim:package-database',
};
/** purl's `distro` qualifier: debian-12, ubuntu-24.04, alpine-3.20 (Alpine by its branch, major.minor). */
function purlDistro(distro) {
    let version = distro.versionId || distro.codename || '';
    if (distro.id === 'alpine')
        version = /^(\d+\.\d+)/.exec(version)?.[1] ?? version;
    return version ? `${distro.id}-${version}` : null;
}
/** The package URL of an installed package: pkg:deb/<distro>/… or pkg:apk/<distro>/…. */
function packagePurl(distro, manager, pkg) {
    if (manager === 'none')
        return null;
    const qualifiers = {};
    if (pkg.arch)
        qualifiers.arch = pkg.arch;
    const d = purlDistro(distro);
    if (d)
        qualifiers.distro = d;
    const type = manager === 'dpkg' ? 'deb' : 'apk';
    return new packageurl_js.PackageURL(type, distro.id, pkg.name, pkg.version, qualifiers, null).toString();
}
/** What a variant's packages add, change and remove over its base's (by name and architecture). */
function overlayChanges(base, variant) {
    const key = (p) => `${p.name}\0${p.arch}`;
    const before = new Map(base.map((p) => [key(p), p]));
    const after = new Map(variant.map((p) => [key(p), p]));
    const out = { added: [], changed: [], removed: [] };
    for (const p of variant) {
        const b = before.get(key(p));
        if (!b)
            out.added.push(p);
        else if (b.version !== p.version)
            out.changed.push({ pkg: p, baseVersion: b.version });
    }
    for (const p of base)
        if (!after.has(key(p)))
            out.removed.push(p);
    return out;
}
/** A UUID (version-5 layout) derived from a digest, so the same image and run give the same serial number. */
function image_sbom_serialNumber(h) {
    return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
function prop(c, name, value) {
    if (value !== null && value !== undefined && value !== '')
        c.properties.add(new models.Property(name, value));
}
function buildImageSbom(r) {
    const { image, software } = r;
    const bom = new models.Bom();
    bom.serialNumber = image_sbom_serialNumber((0,hash/* sha256 */.sc)(`${image.name}\n${image.sha256}\n${r.base?.image.sha256 ?? ''}\n${r.sourceDateEpoch}`));
    bom.metadata.timestamp = new Date(r.sourceDateEpoch * 1000);
    bom.metadata.tools.components.add(new models.Component(enums.ComponentType.Application, r.tool.name, { version: r.tool.version }));
    const subject = new models.Component(enums.ComponentType.OperatingSystem, image.name, {
        bomRef: 'image',
        version: purlDistro(software.distro) ?? undefined,
        description: software.distro.prettyName,
    });
    subject.hashes.set(enums.HashAlgorithm['SHA-256'], image.sha256);
    prop(subject, PROP.kind, image.kind);
    prop(subject, PROP.variant, image.variant);
    prop(subject, PROP.arch, image.arch);
    prop(subject, PROP.distroId, software.distro.id);
    prop(subject, PROP.distroVersion, software.distro.versionId);
    prop(subject, PROP.distroCodename, software.distro.codename);
    prop(subject, PROP.manager, software.manager);
    prop(subject, PROP.database, software.database);
    bom.metadata.component = subject;
    const changes = r.base ? overlayChanges(r.base.software.packages, software.packages) : null;
    if (r.base && changes) {
        prop(bom.metadata, PROP.base, `${r.base.image.name}@sha256:${r.base.image.sha256}`);
        for (const p of changes.removed)
            prop(bom.metadata, PROP.removed, packagePurl(r.base.software.distro, r.base.software.manager, p) ?? p.name);
    }
    const added = new Set(changes?.added);
    const changed = new Map(changes?.changed.map((c) => [c.pkg, c.baseVersion]));
    const refs = new Set();
    for (const p of software.packages) {
        const purl = packagePurl(software.distro, software.manager, p);
        let ref = purl ?? `package:${p.name}:${p.arch}`;
        // Two database entries for the same package and version (a corrupt database) still get distinct refs.
        for (let n = 2; refs.has(ref); n++)
            ref = `${purl}#${n}`;
        refs.add(ref);
        const c = new models.Component(enums.ComponentType.Library, p.name, {
            bomRef: ref,
            version: p.version,
            purl: purl ?? undefined,
        });
        for (const l of cyclonedxLicenses(p.licenses))
            c.licenses.add(l);
        prop(c, PROP.sourceName, p.source.name);
        prop(c, PROP.sourceVersion, p.source.version);
        if (added.has(p))
            prop(c, PROP.overlay, 'added');
        const was = changed.get(p);
        if (was !== undefined) {
            prop(c, PROP.overlay, 'changed');
            prop(c, PROP.baseVersion, was);
        }
        bom.components.add(c);
        subject.dependencies.add(c.bomRef);
    }
    const k = software.kernel;
    if (k) {
        const kernel = new models.Component(enums.ComponentType.OperatingSystem, 'linux', {
            bomRef: 'kernel',
            version: k.version ?? undefined,
            description: `Linux kernel ${k.path}${k.package ? ` from ${k.package.name} ${k.package.version}` : ''}`,
        });
        kernel.hashes.set(enums.HashAlgorithm['SHA-256'], k.sha256);
        prop(kernel, PROP.kernelPath, k.path);
        const baseKernel = r.base?.software.kernel;
        if (r.base && (!baseKernel || baseKernel.sha256 !== k.sha256)) {
            prop(kernel, PROP.overlay, baseKernel ? 'changed' : 'added');
            if (baseKernel?.version)
                prop(kernel, PROP.baseVersion, baseKernel.version);
        }
        if (k.package) {
            const owner = [...bom.components].find((c) => c.name === k.package.name && c.version === k.package.version);
            if (owner)
                kernel.dependencies.add(owner.bomRef);
        }
        bom.components.add(kernel);
        subject.dependencies.add(kernel.bomRef);
    }
    return bom;
}
/** Builds, serializes and validates an image's SBOM (an invalid one throws DataError, naming the problem). */
async function imageSbomDocument(r) {
    const bom = buildImageSbom(r);
    const json = serializeSbom(bom);
    const validation = await validateSbom(json);
    const changes = r.base ? overlayChanges(r.base.software.packages, r.software.packages) : null;
    return {
        json,
        sha256: (0,hash/* sha256 */.sc)(json),
        validation,
        components: bom.components.size,
        changes: changes
            ? { added: changes.added.length, changed: changes.changed.length, removed: changes.removed.length }
            : null,
    };
}


/***/ })

};
