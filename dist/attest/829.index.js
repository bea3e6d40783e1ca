export const id = 829;
export const ids = [829];
export const modules = {

/***/ 81487:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ap: () => (/* binding */ hashArtifacts),
/* harmony export */   Bb: () => (/* binding */ locateInputArtifact),
/* harmony export */   Os: () => (/* binding */ IMAGES_READ_AT_ONCE),
/* harmony export */   Ox: () => (/* binding */ locateArtifacts),
/* harmony export */   lH: () => (/* binding */ toRel),
/* harmony export */   vJ: () => (/* binding */ insideTree)
/* harmony export */ });
/* unused harmony export collectArtifacts */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52005);
/**
 * The artifacts of one output tree, found through the documents that made
 * them (never by globbing, so a stray file is not signed by accident): the
 * base qcow2, its exported kernel/initrd (boot: kernel), each variant's
 * overlay and flattened image. Each is hashed once and the digest compared
 * with the one its producer recorded: a file changed after it was built, or
 * an overlay whose base changed, is refused instead of signed. Found first,
 * hashed after: the secret gate starts reading the images from where they
 * are while they are hashed.
 */


/**
 * How many images attest's secret gate reads at once (the SBOMs' software is
 * read from the gate's extracted trees; the SBOM reader opens an image itself,
 * as many at once, only when the gate did not read it). Each read keeps a
 * private raw copy of the image and its extracted tree in RUNNER_TEMP until it
 * is done: a fixed two, not one per
 * core, keeps the temporary disk a step needs predictable on a many-core
 * runner with a small disk, and two is where the gain of reading side by side is.
 */
const IMAGES_READ_AT_ONCE = 2;
/** Resolves a path a document gives, refusing one that leaves the tree. */
function insideTree(tree, rel, doc) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(tree, rel);
    const back = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(tree), path);
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(rel) || back === '' || back.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(back))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DataError */ .fL(`${doc}: the path '${rel}' is outside the output tree ${tree}`);
    return path;
}
function toRel(tree, path) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(tree), path).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/');
}
function idOf(rel) {
    const name = rel.split('/').pop();
    return name.replace(/\.qcow2$/, '');
}
/** Every artifact the documents of one tree name, in a fixed order (base, kernel files, each variant's). */
function locateArtifacts(up) {
    const { tree } = up;
    const bp = up.buildProvenance;
    const arch = bp.doc.distro.arch;
    const at = (rel, doc) => {
        const path = insideTree(tree, rel, doc);
        return { path, rel: toRel(tree, path) };
    };
    const base = at(bp.doc.output.path, bp.path);
    const out = [
        {
            id: idOf(base.rel),
            kind: 'base-image',
            ...base,
            arch,
            variant: null,
            recordedIn: bp.rel,
            recorded: bp.doc.output.sha256,
            what: 'base image',
            doc: bp.path,
        },
    ];
    if (bp.doc.boot.mode === 'kernel') {
        const stem = bp.doc.output.path.replace(/\.qcow2$/, '');
        const boot = [{ kind: 'kernel', rel: `${stem}.vmlinuz`, sha256: bp.doc.boot.kernel.sha256 }];
        if (bp.doc.boot.initrd)
            boot.push({ kind: 'kernel', rel: `${stem}.initrd`, sha256: bp.doc.boot.initrd.sha256 });
        for (const [i, b] of boot.entries()) {
            const kind = i === 0 ? 'kernel' : 'initrd';
            out.push({
                id: b.rel.split('/').pop(),
                kind,
                ...at(b.rel, bp.path),
                arch,
                variant: null,
                recordedIn: bp.rel,
                recorded: b.sha256,
                what: kind,
                doc: bp.path,
            });
        }
    }
    for (const v of up.variants) {
        const doc = v.doc;
        const made = { arch: doc.base_image.arch, variant: doc.variant, recordedIn: v.rel, doc: v.path };
        const overlay = at(doc.overlay.path, v.path);
        out.push({
            id: idOf(overlay.rel),
            kind: 'overlay',
            ...overlay,
            ...made,
            recorded: doc.overlay.sha256,
            what: `overlay of ${doc.variant}`,
            madeOnBase: doc.base_image.sha256,
        });
        if (doc.image) {
            const image = at(doc.image.path, v.path);
            out.push({
                id: idOf(image.rel),
                kind: 'variant-image',
                ...image,
                ...made,
                recorded: doc.image.sha256,
                what: `image of ${doc.variant}`,
            });
        }
    }
    const ids = new Map();
    for (const a of out) {
        const seen = ids.get(a.id);
        if (seen)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DataError */ .fL(`two artifacts would share the attestation name '${a.id}': ${seen} and ${a.rel}`);
        ids.set(a.id, a.rel);
    }
    return out;
}
/**
 * Each located artifact hashed (once, in order) and its digest compared with the one its producer
 * recorded: a file changed after it was built, or a variant made on another base, is refused.
 */
async function hashArtifacts(located, memo) {
    const out = [];
    let base;
    for (const a of located) {
        const { recorded, what, doc, madeOnBase, ...artifact } = a;
        // The overlay is only valid on the exact bytes of this base.
        if (madeOnBase !== undefined && base && madeOnBase !== base.sha256)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DataError */ .fL(`${doc}: variant ${a.variant} was made on a base with sha256 ${madeOnBase}, ` +
                `but ${base.path} has sha256 ${base.sha256}: the base changed after the overlay was made; rebuild the variant`);
        const d = await memo.digest(a.path, { input: doc });
        if (recorded !== null && d.sha256 !== recorded)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DataError */ .fL(`${d.path} has sha256 ${d.sha256}, but ${doc} recorded ${recorded} for the ${what}: ` +
                'the file changed after it was built; rebuild it (a changed file is never signed)');
        const hashed = { ...artifact, path: d.path, sha256: d.sha256, size: d.size };
        if (a.kind === 'base-image')
            base = hashed;
        out.push(hashed);
    }
    return out;
}
/** locateArtifacts, then hashArtifacts. */
async function collectArtifacts(up, memo) {
    return hashArtifacts(locateArtifacts(up), memo);
}
/** A file given by an input (the snapshot bundle): no recorded digest to compare. */
function locateInputArtifact(tree, path, input, arch) {
    const rel = toRel(tree, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(path));
    if (rel.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(rel))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `'${path}' is outside the output tree ${tree}`, 'a file inside the output tree');
    return {
        id: rel.split('/').pop(),
        kind: 'bundle',
        rel,
        path: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(tree, rel),
        arch,
        variant: null,
        recordedIn: null,
        recorded: null,
        what: 'bundle',
        doc: input,
    };
}


/***/ }),

/***/ 92373:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EB: () => (/* binding */ IMAGE_PROVENANCE_MEDIA_TYPE),
/* harmony export */   Sf: () => (/* binding */ ImageProvenanceSchema),
/* harmony export */   Sm: () => (/* binding */ imageProvenanceRel),
/* harmony export */   xh: () => (/* binding */ buildImageProvenance)
/* harmony export */ });
/* unused harmony exports readImageProvenance, snapshotVersion */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52005);
/* harmony import */ var _json_document_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98360);
/**
 * meta/image-provenance.json (seed 000): the one document linking an image to
 * the builder that made it. The seed's fields keep their names and places —
 * image{type,version,architecture,sha256}, infrasim{version,sha256,
 * dep_graph_sha256}, build{timestamp,git_commit,git_ref,github_run_id,
 * snapshot_version}, analysis{risk_score,cycle_count} — so its verification
 * commands (`jq -r '.image.sha256' meta/image-provenance.json`) work; the
 * fields after them say where each value came from and what booted. One
 * schema writes and reads it; every value comes from an upstream document or
 * the run, nothing is a constant.
 */



const digest = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(/^[0-9a-f]{64}$/);
/** How statements mark an image provenance among their byproducts (verify's policy reads those). */
const IMAGE_PROVENANCE_MEDIA_TYPE = 'application/vnd.infrasim.image-provenance.v1+json';
const documentRef = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ path: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), sha256: digest });
const ImageProvenanceSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    image: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        type: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        version: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        architecture: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        sha256: digest,
        /** Relative to the output tree. */
        path: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        format: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('qcow2'),
        /** Null for the base. */
        variant: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable(),
        /** A variant's overlay only runs on these base bytes. */
        base_sha256: digest.nullable(),
        /** A variant's flattened image, when build-variant made one. */
        flattened: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ path: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), sha256: digest }).nullable(),
    }),
    infrasim: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        version: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        /** The `infrasim` binary's digest, or the only binary's; null when analyze-deps recorded none. */
        sha256: digest.nullable(),
        dep_graph_sha256: digest,
        binaries: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ sha256: digest })),
    }),
    build: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        timestamp: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        git_commit: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable(),
        git_ref: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable(),
        github_run_id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable(),
        snapshot_version: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        repository: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable(),
        workflow_ref: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable(),
    }),
    analysis: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        risk_score: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(0).max(100),
        cycle_count: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative(),
        risk_threshold: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(0).max(100),
        duplicate_count: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative(),
    }),
    boot: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        /** success: every boot report for these bytes passed; not-verified: none found (and none required). */
        status: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['success', 'not-verified']),
        reports: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ path: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), sha256: digest, arch: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), boot: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), verdict: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() })),
    }),
    format_version: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('1.0'),
    sources: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        build_provenance: documentRef,
        variant_provenance: documentRef.nullable(),
        infrasim_build: documentRef,
    }),
});
function readImageProvenance(path) {
    return readJsonDocument(path, ImageProvenanceSchema, 'image provenance');
}
/** Where an image's provenance goes: the seed's path for the base, one beside it per variant. */
function imageProvenanceRel(variant) {
    return variant === null ? 'meta/image-provenance.json' : `meta/image-provenance-${variant}.json`;
}
/**
 * Snapshot version (seed 000: `dev-20241219-a1b2c3d`): the tag name when the
 * run is for a tag, else `dev-<YYYYMMDD of the build>-<7 hex of the commit>`.
 */
function snapshotVersion(ref, timestamp, commit) {
    if (ref?.startsWith('refs/tags/'))
        return ref.slice('refs/tags/'.length);
    const day = timestamp.slice(0, 10).replaceAll('-', '');
    return ['dev', day, commit?.slice(0, 7)].filter(Boolean).join('-');
}
/** The `infrasim` binary, else the only binary: the seed's single infrasim.sha256. */
function infrasimBinary(binaries) {
    if (binaries.infrasim)
        return binaries.infrasim.sha256;
    const all = Object.values(binaries);
    return all.length === 1 ? all[0].sha256 : null;
}
function buildImageProvenance(i) {
    const { up, image, ctx } = i;
    const bp = up.buildProvenance.doc;
    const variantDoc = image.variant === null ? null : up.variants.find((v) => v.doc.variant === image.variant);
    if (image.variant !== null && !variantDoc)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .fL(`no variant provenance for ${image.variant} in ${up.tree}`);
    const ib = up.infrasimBuild.doc;
    // Boot reports are matched by the digest of the image they booted, so a
    // report of an earlier build of the same path never counts.
    const digests = new Set([image.sha256, ...(i.flattened ? [i.flattened.sha256] : [])]);
    const reports = up.bootReports.filter((r) => digests.has(r.doc.chain[0]?.sha256 ?? r.doc.image.sha256 ?? ''));
    const failed = reports.find((r) => r.doc.verdict !== 'success');
    if (failed)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .fL(`${failed.path}: boot-verify's verdict for ${image.rel} is ${failed.doc.verdict} (${failed.doc.reason}); an image that did not boot is not attested`);
    if (i.requireBoot && reports.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .fL(`no boot report in ${up.tree}/meta/boot/ for ${image.rel} (sha256 ${image.sha256}): run boot-verify on it before attest, or set require-boot: false`);
    const timestamp = variantDoc ? variantDoc.doc.source.build_date : bp.source.build_date;
    const gitCommit = (variantDoc ? variantDoc.doc.source.git_sha : bp.source.git_sha) ?? ctx.sha;
    const gitRef = bp.source.git_ref ?? ctx.ref;
    const doc = {
        image: {
            type: bp.distro.name,
            version: bp.distro.version,
            architecture: image.arch,
            sha256: image.sha256,
            path: image.rel,
            format: 'qcow2',
            variant: image.variant,
            base_sha256: i.baseSha256,
            flattened: i.flattened ? { path: i.flattened.rel, sha256: i.flattened.sha256 } : null,
        },
        infrasim: {
            version: ib.version,
            sha256: infrasimBinary(ib.binaries),
            dep_graph_sha256: ib.dependencies.graph_sha256,
            binaries: ib.binaries,
        },
        build: {
            timestamp,
            git_commit: gitCommit,
            git_ref: gitRef,
            github_run_id: ctx.runId ?? ib.github_run_id,
            snapshot_version: i.snapshotVersion ?? snapshotVersion(ctx.ref ?? gitRef, timestamp, gitCommit),
            repository: ctx.repository ?? bp.source.repository,
            workflow_ref: ctx.workflowRef,
        },
        analysis: {
            risk_score: ib.analysis.risk_score,
            cycle_count: ib.analysis.cycle_count,
            risk_threshold: ib.analysis.risk_threshold,
            duplicate_count: ib.analysis.duplicate_count,
        },
        boot: {
            status: reports.length ? 'success' : 'not-verified',
            reports: reports.map((r) => ({
                path: r.rel,
                sha256: r.sha256,
                arch: r.doc.arch,
                boot: r.doc.boot,
                verdict: r.doc.verdict,
            })),
        },
        format_version: '1.0',
        sources: {
            build_provenance: { path: up.buildProvenance.rel, sha256: up.buildProvenance.sha256 },
            variant_provenance: variantDoc ? { path: variantDoc.rel, sha256: variantDoc.sha256 } : null,
            infrasim_build: { path: up.infrasimBuild.rel, sha256: up.infrasimBuild.sha256 },
        },
    };
    return ImageProvenanceSchema.parse(doc);
}


/***/ }),

/***/ 77635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T4: () => (/* binding */ IN_TOTO_PAYLOAD_TYPE),
  _4: () => (/* binding */ ProvenanceStatementSchema),
  us: () => (/* binding */ SLSA_PROVENANCE_V1),
  J3: () => (/* binding */ SUITE),
  XZ: () => (/* binding */ StatementSchema),
  Jo: () => (/* binding */ buildProvenanceStatement),
  US: () => (/* binding */ serializeStatement)
});

// UNUSED EXPORTS: BUILD_TYPE, ResourceDescriptorSchema, STATEMENT_TYPE, SlsaPredicateSchema, SubjectSchema, subjectName

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./build/shared/hash.js
var hash = __webpack_require__(87406);
// EXTERNAL MODULE: ./build/shared/attest/image-provenance.js
var image_provenance = __webpack_require__(92373);
;// CONCATENATED MODULE: ./build/shared/sbom/media-type.js
/**
 * The media type of the suite's SBOMs (CycloneDX JSON), in a module of its own: statements name it
 * without loading the CycloneDX library that writes the documents (verify never writes one).
 */
const SBOM_MEDIA_TYPE = 'application/vnd.cyclonedx+json';

// EXTERNAL MODULE: ./build/shared/run-context.js
var run_context = __webpack_require__(46887);
;// CONCATENATED MODULE: ./build/shared/attest/statement.js
/**
 * In-toto Statement v1 with an SLSA Provenance v1 predicate: one schema that
 * builds the statements attest signs and parses the ones verify reads back.
 * The workflow-level fields follow GitHub's own attestations
 * (externalParameters.workflow {ref, repository, path}, the source commit as
 * the first resolved dependency, builder.id = <server>/<workflow ref>), so a
 * policy written for `gh attestation verify` reads the same values here; the
 * image build's own parameters and inputs are added beside them.
 */





const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/**
 * What externalParameters.images means (docs/attest.md, "Build type"). A URN,
 * not an https URL: the suite is used from many repositories and owns no
 * domain a URL could point into.
 */
const BUILD_TYPE = 'urn:infrasim-image-actions:buildtype:vm-image:v1';
const SUITE = { name: 'infrasim-image-actions', version: '0.1.0' };
const digestSet = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP().regex(/^[0-9a-f]+$/));
const ResourceDescriptorSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().optional(),
    uri: schemas/* string */.YjP().optional(),
    digest: digestSet.optional(),
    mediaType: schemas/* string */.YjP().optional(),
    annotations: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
});
const SubjectSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().min(1),
    digest: schemas/* object */.Ikc({ sha256: schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/) }).catchall(schemas/* string */.YjP()),
});
const SlsaPredicateSchema = schemas/* object */.Ikc({
    buildDefinition: schemas/* object */.Ikc({
        buildType: schemas/* string */.YjP().min(1),
        externalParameters: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()),
        internalParameters: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
        resolvedDependencies: schemas/* array */.YOg(ResourceDescriptorSchema).optional(),
    }),
    runDetails: schemas/* object */.Ikc({
        builder: schemas/* object */.Ikc({
            id: schemas/* string */.YjP().min(1),
            version: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
            builderDependencies: schemas/* array */.YOg(ResourceDescriptorSchema).optional(),
        }),
        metadata: schemas/* object */.Ikc({
            invocationId: schemas/* string */.YjP().optional(),
            startedOn: schemas/* string */.YjP().optional(),
            finishedOn: schemas/* string */.YjP().optional(),
        })
            .optional(),
        byproducts: schemas/* array */.YOg(ResourceDescriptorSchema).optional(),
    }),
});
/** Any in-toto v1 statement (verify first parses this, then checks the predicate type). */
const StatementSchema = schemas/* object */.Ikc({
    _type: schemas/* literal */.euz(STATEMENT_TYPE),
    subject: schemas/* array */.YOg(SubjectSchema).min(1),
    predicateType: schemas/* string */.YjP(),
    predicate: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()),
});
const ProvenanceStatementSchema = StatementSchema.extend({
    predicateType: schemas/* literal */.euz(SLSA_PROVENANCE_V1),
    predicate: SlsaPredicateSchema,
});
function externalImage(t) {
    const bp = t.up.buildProvenance.doc;
    return {
        tree: t.prefix.replace(/\/$/, '') || '.',
        distro: bp.distro.name,
        version: bp.distro.version,
        arch: bp.distro.arch,
        boot: bp.boot.mode,
        cmdline: bp.boot.cmdline,
        packages: bp.packages,
        source_date_epoch: bp.source.source_date_epoch,
        variants: t.up.variants.map((v) => ({
            name: v.doc.variant,
            definition: v.doc.definition.origin,
            packages: v.doc.packages,
            services: v.doc.services,
        })),
    };
}
function dependencies(t) {
    const bp = t.up.buildProvenance.doc;
    const arch = bp.distro.arch;
    const out = [];
    for (const input of bp.inputs)
        out.push({
            name: `${t.prefix}${input.name}`,
            uri: input.uri,
            ...(input.sha256 ? { digest: { sha256: input.sha256 } } : {}),
            annotations: { verification: input.verification, arch },
        });
    out.push({
        name: `${t.prefix}kernel`,
        digest: { sha256: bp.boot.kernel.sha256 },
        annotations: { rootfs_path: bp.boot.kernel.rootfs_path, arch },
    });
    if (bp.boot.initrd)
        out.push({ name: `${t.prefix}initrd`, digest: { sha256: bp.boot.initrd.sha256 }, annotations: { arch } });
    // The installed package list, read back from the image's own database: its digest pins it.
    const installed = bp.installed_packages;
    out.push({
        name: `${t.prefix}installed-packages`,
        digest: { sha256: (0,hash/* sha256 */.sc)(JSON.stringify(installed.packages)) },
        mediaType: 'application/json',
        annotations: { manager: installed.manager, count: installed.count, arch },
    });
    const ib = t.up.infrasimBuild.doc;
    for (const [name, bin] of Object.entries(ib.binaries).sort(([a], [b]) => a.localeCompare(b)))
        out.push({
            name: `${t.prefix}infrasim/${name}`,
            digest: { sha256: bin.sha256 },
            annotations: { version: ib.version },
        });
    out.push({
        name: `${t.prefix}infrasim/dependency-graph`,
        digest: { sha256: ib.dependencies.graph_sha256 },
        annotations: { package_count: ib.dependencies.package_count, ecosystem: ib.dependencies.ecosystem },
    });
    for (const v of t.up.variants) {
        out.push({
            name: `${t.prefix}variant/${v.doc.variant}/definition`,
            uri: v.doc.definition.origin,
            digest: { sha256: v.doc.definition.sha256 },
        });
        out.push({
            name: `${t.prefix}variant/${v.doc.variant}/user-data`,
            digest: { sha256: v.doc.user_data.sha256 },
        });
    }
    return out;
}
function byproducts(t) {
    const provenance = t.imageProvenance.map((d) => ({
        name: `${t.prefix}${d.rel}`,
        digest: { sha256: d.sha256 },
        mediaType: image_provenance/* IMAGE_PROVENANCE_MEDIA_TYPE */.EB,
    }));
    const sboms = (t.sboms ?? []).map((d) => ({
        name: `${t.prefix}${d.rel}`,
        digest: { sha256: d.sha256 },
        mediaType: SBOM_MEDIA_TYPE,
    }));
    const docs = [
        t.up.buildProvenance,
        ...t.up.variants,
        t.up.infrasimBuild,
        ...t.up.bootReports,
        ...(t.reports ?? []),
    ];
    return [
        ...provenance,
        ...sboms,
        ...docs.map((d) => ({
            name: `${t.prefix}${d.rel}`,
            digest: { sha256: d.sha256 },
            mediaType: 'application/json',
        })),
    ];
}
function subjectName(t, a) {
    return `${t.prefix}${a.rel}`;
}
function buildProvenanceStatement(r) {
    const { ctx } = r;
    const repositoryUrl = ctx.repository ? `${ctx.serverUrl}/${ctx.repository}` : null;
    const source = repositoryUrl && ctx.sha
        ? [{ uri: `git+${repositoryUrl}@${ctx.ref ?? ctx.sha}`, digest: { gitCommit: ctx.sha } }]
        : [];
    const invocation = (0,run_context/* invocationId */.yl)(ctx);
    const statement = {
        _type: STATEMENT_TYPE,
        subject: r.subjects.map((s) => ({
            name: subjectName(s.tree, s.artifact),
            digest: { sha256: s.artifact.sha256 },
        })),
        predicateType: SLSA_PROVENANCE_V1,
        predicate: {
            buildDefinition: {
                buildType: BUILD_TYPE,
                externalParameters: {
                    workflow: { ref: ctx.ref, repository: repositoryUrl, path: (0,run_context/* workflowPath */.RB)(ctx) },
                    images: r.trees.map(externalImage),
                },
                internalParameters: {
                    github: {
                        event_name: ctx.eventName,
                        repository_id: ctx.repositoryId,
                        repository_owner_id: ctx.repositoryOwnerId,
                        runner_environment: ctx.runnerEnvironment,
                    },
                },
                resolvedDependencies: [...source, ...r.trees.flatMap(dependencies)],
            },
            runDetails: {
                builder: { id: r.builderId, version: { [SUITE.name]: SUITE.version } },
                ...(invocation ? { metadata: { invocationId: invocation } } : {}),
                byproducts: r.trees.flatMap(byproducts),
            },
        },
    };
    return ProvenanceStatementSchema.parse(statement);
}
/** The exact bytes that are signed and written: compact JSON, so the file and the DSSE payload are the same bytes. */
function serializeStatement(s) {
    return Buffer.from(JSON.stringify(s));
}


/***/ }),

/***/ 47521:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ DigestMemo)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87406);
/* harmony import */ var _regular_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53019);
/**
 * Each file is hashed at most once per step: the first request for a file
 * hashes it and later requests get the same result, as long as the file's
 * identity, size, modification and status-change times are unchanged.
 * attest asks for one artifact several times (the image provenance, the
 * per-artifact statement, the combined statement, the check against an
 * earlier action's digest); boot-verify reads a base behind every overlay
 * built on it; tag-snapshot checks each image against its provenance,
 * against the signed statements, and again before the channels move.
 *
 * Every file is opened through openRegularFile and the key comes from the
 * opened descriptor, so a device or FIFO is refused naming the input, and a
 * file replaced after an earlier request is hashed again, never answered from
 * the memo of the file it replaced. The key holds the status-change time
 * too: a write puts it forward, and unlike the modification time no
 * unprivileged call can set it back, so a file rewritten in place with its
 * old modification time restored is hashed again as well.
 */



class DigestMemo {
    memo = new Map();
    /** Files actually read and hashed (tests and the benchmarks assert "once"). */
    hashed = 0;
    /** `rule.input` names what pointed at the file (an input or a document), for errors. */
    async digest(path, rule) {
        const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(path);
        const handle = await (0,_regular_file_js__WEBPACK_IMPORTED_MODULE_2__/* .openRegularFile */ .ZU)(abs, rule);
        let owned = false;
        try {
            const s = await handle.stat({ bigint: true });
            const key = `${abs}\0${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
            const known = this.memo.get(key);
            if (known)
                return await known;
            this.hashed++;
            owned = true;
            const pending = (0,_hash_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Handle */ .o1)(handle)
                .then((sha256) => ({ path: abs, sha256, size: Number(s.size) }))
                .finally(() => handle.close());
            this.memo.set(key, pending);
            // A failed read is not remembered: the next request tries again.
            pending.catch(() => this.memo.delete(key));
            return await pending;
        }
        finally {
            if (!owned)
                await handle.close();
        }
    }
}


/***/ }),

/***/ 87406:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q3: () => (/* binding */ sha256File),
/* harmony export */   o1: () => (/* binding */ sha256Handle),
/* harmony export */   sc: () => (/* binding */ sha256),
/* harmony export */   zO: () => (/* binding */ readChunks)
/* harmony export */ });
/* unused harmony exports sha256RegularFile, SHA256_HEX */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52005);
/* harmony import */ var _regular_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53019);
/**
 * SHA-256 of files and buffers. Large reads (4 MiB) into two alternating
 * buffers let the next read run in the thread pool while the current chunk is
 * hashed; that keeps Node's hashing at or above `openssl dgst` (see
 * bench/build-base.ts), where default 64 KiB stream chunks halve it.
 */




const CHUNK = 4 * 1024 * 1024;
/** Below this, a file's two buffers are sized to it (small allocations come from memory already in use). */
const POOLED_FROM = 64 * 1024;
/** Pairs kept per chunk size: as many as are read at once in a step (images and artifacts side by side). */
const POOL_PAIRS = 4;
const pool = new Map();
/**
 * Two buffers of `length`: a kept pair when there is one. A fresh large buffer costs a page fault per
 * 4 KiB at its first fill (as much time as hashing it, on a VM); a pair taken back costs nothing.
 */
function takeBuffers(length) {
    return pool.get(length)?.pop() ?? [Buffer.allocUnsafeSlow(length), Buffer.allocUnsafeSlow(length)];
}
function giveBack(length, buffers) {
    const kept = pool.get(length) ?? [];
    pool.set(length, kept);
    if (kept.length < POOL_PAIRS)
        kept.push(buffers);
}
/**
 * Reads an open file from its current position to its end, handing each
 * chunk to `onChunk` while the next read runs. A file under POOLED_FROM is
 * read into two buffers no larger than it (plus the byte that shows its end):
 * a tree of small files would otherwise take 2 × `maxChunk` per file. Larger
 * files share pairs of `maxChunk` buffers between calls. `onChunk` must not
 * keep the chunk: its buffer is read into again, here or by a later call.
 */
async function readChunks(handle, onChunk, maxChunk = CHUNK) {
    const { size } = await handle.stat();
    const pooled = size + 1 >= POOLED_FROM && maxChunk >= POOLED_FROM;
    const length = pooled ? maxChunk : Math.max(1, Math.min(maxChunk, size + 1));
    const buffers = pooled ? takeBuffers(length) : [Buffer.allocUnsafe(length), Buffer.allocUnsafe(length)];
    let current = 0;
    let pending = handle.read(buffers[current], 0, length, null);
    try {
        for (;;) {
            const { bytesRead } = await pending;
            if (bytesRead === 0)
                return;
            const filled = buffers[current];
            current ^= 1;
            // The other buffer is free: start the next read before handling this one.
            pending = handle.read(buffers[current], 0, length, null);
            onChunk(filled.subarray(0, bytesRead));
        }
    }
    finally {
        if (pooled) {
            // A read still under way writes into the pair: it is given back only once that read is over.
            await pending.catch(() => { });
            giveBack(length, buffers);
        }
    }
}
/** Hashes an open file from its current position to its end; `limit` bounds a file that grows while read. */
async function sha256Handle(handle, limit) {
    let total = 0;
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    await readChunks(handle, (chunk) => {
        total += chunk.length;
        if (limit && total > limit.maxBytes)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(limit.input, `'${limit.path}' grew past the limit of ${limit.maxBytes} bytes while it was read`);
        hash.update(chunk);
    });
    return hash.digest('hex');
}
async function sha256File(path) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'r');
    try {
        return await sha256Handle(handle);
    }
    finally {
        await handle.close();
    }
}
/**
 * The hash of a file an input names: only a regular file (a device such as
 * /dev/zero would be read forever), errors naming the input.
 */
async function sha256RegularFile(path, rule) {
    const handle = await openRegularFile(path, rule);
    try {
        return await sha256Handle(handle, rule.maxBytes === undefined ? undefined : { input: rule.input, path, maxBytes: rule.maxBytes });
    }
    finally {
        await handle.close();
    }
}
function sha256(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
}
const SHA256_HEX = /^[0-9a-f]{64}$/;


/***/ }),

/***/ 98360:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ readJsonDocument)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52005);
/**
 * Reading back the JSON documents the suite writes (provenance, reports):
 * parsed and validated against the same schema that wrote them, with errors
 * that name the file, the field and the kind of document.
 */


async function readJsonDocument(path, schema, kind) {
    let json;
    try {
        json = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8'));
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DataError */ .fL(`${path}: not readable JSON (${e.message})`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DataError */ .fL(`${path}: invalid ${kind} at '${issue.path.join('.')}': ${issue.message}`);
    }
    return parsed.data;
}


/***/ }),

/***/ 53019:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ws: () => (/* binding */ fsErrorReason),
/* harmony export */   XF: () => (/* binding */ readRegularFile),
/* harmony export */   ZU: () => (/* binding */ openRegularFile)
/* harmony export */ });
/* unused harmony export checkRegularFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52005);
/**
 * Files an input names are read only when they are regular files of a bounded
 * size. A device (/dev/zero, /dev/urandom), a FIFO or a directory named by an
 * input would otherwise be read or hashed forever, or fail later with a raw
 * errno that does not say which input caused it.
 */



/** What a path turned out to be, for an error message. */
function describeKind(s) {
    if (s.isDirectory())
        return 'a directory';
    if (s.isCharacterDevice())
        return 'a character device';
    if (s.isBlockDevice())
        return 'a block device';
    if (s.isFIFO())
        return 'a FIFO';
    if (s.isSocket())
        return 'a socket';
    return 'not a regular file';
}
/**
 * Why a file-system call on an input's path failed, in words rather than a
 * bare errno (EACCES, ENOTDIR), for messages that name the input.
 */
function fsErrorReason(e) {
    const code = e.code;
    switch (code) {
        case 'ENOENT':
            return 'no such file or directory';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'ENOTDIR':
            return 'a path component is not a directory';
        case 'ELOOP':
            return 'too many levels of symbolic links';
        case 'ENAMETOOLONG':
            return 'the path is too long';
        case 'EISDIR':
            return 'it is a directory';
        default:
            return code ? `error ${code}` : e.message;
    }
}
function nameOf(path, rule) {
    return rule.label ?? `'${path}'`;
}
/**
 * Resolves (following symlinks) and checks `path`: it must exist, be a
 * regular file and be no larger than `maxBytes`. Returns its size.
 */
async function checkRegularFile(path, rule) {
    let s;
    try {
        s = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path);
    }
    catch (e) {
        const code = e.code;
        const why = code === 'ENOENT'
            ? 'does not exist'
            : code === 'EACCES'
                ? 'is not readable (permission denied)'
                : code === 'ENOTDIR'
                    ? 'has a path component that is not a directory'
                    : `cannot be read (${code ?? e.message})`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(rule.input, `${nameOf(path, rule)} ${why}`);
    }
    if (!s.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(rule.input, `${nameOf(path, rule)} is ${describeKind(s)}`, 'a regular file');
    if (rule.maxBytes !== undefined && s.size > rule.maxBytes) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(rule.input, `${nameOf(path, rule)} is ${s.size} bytes, more than the limit of ${rule.maxBytes}`, `a regular file of at most ${rule.maxBytes} bytes`);
    }
    return s.size;
}
/**
 * Opens a checked regular file without following a FIFO's open-blocking
 * semantics (O_NONBLOCK) and re-checks the opened descriptor, so a path swapped
 * for a device between the check and the open is still refused.
 */
async function openRegularFile(path, rule) {
    await checkRegularFile(path, rule);
    // stat() needs no read permission: an unreadable file fails only here.
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK).catch((e) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(rule.input, `${nameOf(path, rule)} cannot be read (${fsErrorReason(e)})`);
    });
    try {
        const s = await handle.stat();
        if (!s.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(rule.input, `${nameOf(path, rule)} is ${describeKind(s)}`, 'a regular file');
        if (rule.maxBytes !== undefined && s.size > rule.maxBytes) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(rule.input, `${nameOf(path, rule)} grew past the limit of ${rule.maxBytes} bytes`);
        }
        return handle;
    }
    catch (e) {
        await handle.close();
        throw e;
    }
}
/** Reads a whole regular file of at most `maxBytes`. */
async function readRegularFile(path, rule) {
    const handle = await openRegularFile(path, rule);
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(handle);
    }
    finally {
        await handle.close();
    }
}


/***/ })

};
