export const id = 194;
export const ids = [194];
export const modules = {

/***/ 73194:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SBOM_DIR: () => (/* binding */ SBOM_DIR),
/* harmony export */   buildTreeSboms: () => (/* binding */ buildTreeSboms),
/* harmony export */   imageSbomRel: () => (/* binding */ imageSbomRel)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(30427);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52005);
/* harmony import */ var _image_fs_image_root_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(93316);
/* harmony import */ var _image_fs_installed_packages_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(54556);
/* harmony import */ var _sbom_image_sbom_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(84551);
/* harmony import */ var _artifacts_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(81487);
/* harmony import */ var _statement_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(77635);
/**
 * attest's image SBOMs: for one output tree, the CycloneDX document of the
 * base image and of each variant (read from the overlay with its backing
 * chain, so it is what the variant's guests boot), built in memory for the
 * pipeline to bind into the statements (as byproducts) and write with
 * everything else.
 *
 * The package database must be there when the producer recorded one: a base
 * whose build-base provenance says dpkg (or apk), or a variant whose
 * provenance does, and whose image does not give it back, is an error naming
 * the image and the database file — never an SBOM that silently lists nothing.
 */










const SBOM_DIR = 'meta/sbom';
/** meta/sbom/base.cdx.json and meta/sbom/variant-<v>.cdx.json (variant names are [a-z0-9-]). */
function imageSbomRel(variant) {
    return variant === null ? `${SBOM_DIR}/base.cdx.json` : `${SBOM_DIR}/variant-${variant}.cdx.json`;
}
const DATABASE = { dpkg: _image_fs_installed_packages_js__WEBPACK_IMPORTED_MODULE_5__/* .DPKG_STATUS */ .ok, apk: _image_fs_installed_packages_js__WEBPACK_IMPORTED_MODULE_5__/* .APK_INSTALLED */ ._e };
async function readFromImage(image, workDir) {
    const root = await (0,_image_fs_image_root_js__WEBPACK_IMPORTED_MODULE_4__/* .openImageRoot */ .Q_)(image.path, workDir);
    try {
        return await (0,_image_fs_installed_packages_js__WEBPACK_IMPORTED_MODULE_5__/* .readInstalledPackages */ .AJ)(root);
    }
    finally {
        await root.close();
    }
}
async function readSoftware(image, recorded, recordedIn, workDir, fromGate) {
    const software = await (fromGate?.get(image) ?? readFromImage(image, workDir));
    if (recorded !== 'none' && software.manager !== recorded)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DataError */ .fL(`${image.path}: ${recordedIn} records a ${recorded} package database, but ${DATABASE[recorded]} ` +
            `cannot be read from the image (${software.manager === 'none' ? 'it is missing' : `found ${software.manager}'s instead`}): ` +
            'the SBOM would not list what is installed');
    return software;
}
function sbomImage(a) {
    return {
        name: a.rel,
        sha256: a.sha256,
        kind: a.variant ? 'variant' : 'base',
        variant: a.variant,
        arch: a.arch,
    };
}
/**
 * The SBOMs of one tree: the base first, then each variant's overlay. Images the gate
 * read (`fromGate`) are not read again; any other is opened here.
 */
async function buildTreeSboms(up, artifacts, fromGate) {
    const work = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(process.env.RUNNER_TEMP?.trim() || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'attest-sbom-'));
    try {
        const bp = up.buildProvenance;
        const epoch = bp.doc.source.source_date_epoch;
        const tool = { name: _statement_js__WEBPACK_IMPORTED_MODULE_8__/* .SUITE */ .J3.name, version: _statement_js__WEBPACK_IMPORTED_MODULE_8__/* .SUITE */ .J3.version };
        const base = artifacts.find((a) => a.kind === 'base-image');
        const overlays = artifacts.filter((a) => a.kind === 'overlay');
        // An image the gate did not read is read by its own processes (qemu-img, e2fsck, debugfs): two at once.
        const softwareOf = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_9__/* .mapBounded */ .y)([base, ...overlays], _artifacts_js__WEBPACK_IMPORTED_MODULE_7__/* .IMAGES_READ_AT_ONCE */ .Os, (image) => {
            if (image === base)
                return readSoftware(base, bp.doc.installed_packages.manager, bp.rel, work, fromGate);
            const v = up.variants.find((d) => d.doc.variant === image.variant);
            // A variant keeps its base's database: it is required whenever either provenance records one.
            const recorded = v.doc.installed_packages.manager !== 'none'
                ? v.doc.installed_packages.manager
                : bp.doc.installed_packages.manager;
            return readSoftware(image, recorded, v.rel, work, fromGate);
        });
        const baseSoftware = softwareOf[0];
        const out = [];
        const baseDoc = await (0,_sbom_image_sbom_js__WEBPACK_IMPORTED_MODULE_6__/* .imageSbomDocument */ .GZ)({
            image: sbomImage(base),
            software: baseSoftware,
            sourceDateEpoch: epoch,
            tool,
        });
        out.push({ ...baseDoc, rel: imageSbomRel(null), image: base, software: baseSoftware });
        for (const [i, overlay] of overlays.entries()) {
            const software = softwareOf[i + 1];
            const doc = await (0,_sbom_image_sbom_js__WEBPACK_IMPORTED_MODULE_6__/* .imageSbomDocument */ .GZ)({
                image: sbomImage(overlay),
                software,
                base: { image: sbomImage(base), software: baseSoftware },
                sourceDateEpoch: epoch,
                tool,
            });
            out.push({ ...doc, rel: imageSbomRel(overlay.variant), image: overlay, software });
        }
        return out;
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(work, { recursive: true, force: true });
    }
}


/***/ })

};
