export const id = 379;
export const ids = [379];
export const modules = {

/***/ 379:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SBOM_FORMATS: () => (/* binding */ SBOM_FORMATS)
/* harmony export */ });
/* harmony import */ var ajv_formats_dist_formats_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(779);
/* harmony import */ var ajv_formats_draft2019_formats_idn_email_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(884);
/**
 * The string formats the CycloneDX schemas use, as the CycloneDX library's
 * own validator defines them (ajv-formats' full formats, idn-email from
 * ajv-formats-draft2019, iri-reference accepted as is), in one module: the
 * runtime-compiled validator gets them as ajv's `formats` option and the
 * precompiled one (./sbom-validator.ts) loads them from here by name, so both
 * check exactly the same formats.
 */


const SBOM_FORMATS = { ...ajv_formats_dist_formats_js__WEBPACK_IMPORTED_MODULE_0__.fullFormats, 'idn-email': ajv_formats_draft2019_formats_idn_email_js__WEBPACK_IMPORTED_MODULE_1__, 'iri-reference': true };


/***/ })

};
