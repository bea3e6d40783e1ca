export const id = 346;
export const ids = [346];
export const modules = {

/***/ 3346:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   packagesApi: () => (/* binding */ packagesApi)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2541);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6856);
/**
 * The GitHub REST client for prune-packages: @actions/github's Octokit with
 * the throttling plugin (a 403/429 naming the secondary rate limit, or a
 * primary-limit 403, is retried after what GitHub asks, at most 3 times) and
 * the retry plugin (5xx retried with backoff; 400/401/403/404/410/422/451
 * never). Built here because only the action adapters touch the toolkit.
 */



function packagesApi(token, apiUrl, log, 
/** Multiplies GitHub's Retry-After seconds (1000 in production; tests shorten it). */
retryAfterBaseMs = 1000) {
    let requests = 0;
    const onLimit = (what) => (after, options, _octokit, count) => {
        log(`${what} on ${options.method} ${options.url}; retrying in ${after} s (retry ${count + 1})`);
        return count < 3;
    };
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: apiUrl,
        throttle: {
            retryAfterBaseValue: retryAfterBaseMs,
            onRateLimit: onLimit('rate limit reached'),
            onSecondaryRateLimit: onLimit('secondary rate limit'),
        },
        retry: { retryAfterBaseValue: retryAfterBaseMs },
    }, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_1__/* .throttling */ .A, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L);
    octokit.hook.before('request', () => {
        requests++;
    });
    return {
        request: (route, params) => octokit.request(route, params),
        pages: (route, params) => octokit.paginate.iterator(route, params),
        requests: () => requests,
    };
}


/***/ })

};
