import { dirname as __bundleDirname } from 'node:path';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
const __dirname = __bundleDirname(__bundleFileURLToPath(import.meta.url));
export const id = 74;
export const ids = [74];
export const modules = {

/***/ 2074:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SBOM_SPEC: () => (/* binding */ SBOM_SPEC),
/* harmony export */   buildSbom: () => (/* binding */ buildSbom),
/* harmony export */   serializeSbom: () => (/* binding */ serializeSbom),
/* harmony export */   validateSbom: () => (/* reexport safe */ _sbom_validator_js__WEBPACK_IMPORTED_MODULE_5__.AU)
/* harmony export */ });
/* harmony import */ var _cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6820);
/* harmony import */ var _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(320);
/* harmony import */ var _cyclonedx_cyclonedx_library_Serialize__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1248);
/* harmony import */ var _cyclonedx_cyclonedx_library_Spec__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4321);
/* harmony import */ var _sbom_parts_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9377);
/* harmony import */ var _sbom_validator_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3345);
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

const SBOM_SPEC = _cyclonedx_cyclonedx_library_Spec__WEBPACK_IMPORTED_MODULE_3__.Spec1dot6;
function licenseModel(license) {
    const l = (0,_sbom_parts_js__WEBPACK_IMPORTED_MODULE_4__/* .licenseOf */ .L3)(license);
    if (!l)
        return undefined;
    return l.kind === 'expression' ? new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_1__.LicenseExpression(l.value) : new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_1__.NamedLicense(l.value);
}
function buildSbom(graph, options) {
    const bom = new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_1__.Bom();
    bom.serialNumber = (0,_sbom_parts_js__WEBPACK_IMPORTED_MODULE_4__/* .serialNumber */ .wz)(options.graphSha256);
    bom.metadata.timestamp = options.timestamp;
    bom.metadata.component = new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_1__.Component(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_0__.ComponentType.Application, options.name, {
        version: options.version,
        bomRef: `product:${options.name}`,
    });
    const components = new Map();
    for (const pkg of graph.packages) {
        const c = new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_1__.Component(pkg.workspaceMember ? _cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_0__.ComponentType.Application : _cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_0__.ComponentType.Library, pkg.name, { version: pkg.version, bomRef: pkg.id, purl: (0,_sbom_parts_js__WEBPACK_IMPORTED_MODULE_4__/* .purlOf */ .VA)(pkg, graph.ecosystem) });
        const hash = (0,_sbom_parts_js__WEBPACK_IMPORTED_MODULE_4__/* .hashOf */ .qQ)(pkg.checksum);
        if (hash)
            c.hashes.set(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_0__.HashAlgorithm[hash[0]], hash[1]);
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
    const serializer = new _cyclonedx_cyclonedx_library_Serialize__WEBPACK_IMPORTED_MODULE_2__.JsonSerializer(new _cyclonedx_cyclonedx_library_Serialize__WEBPACK_IMPORTED_MODULE_2__.JSON.Normalize.Factory(SBOM_SPEC));
    return serializer.serialize(bom, { sortLists: true, space: 2 }) + '\n';
}


/***/ })

};
