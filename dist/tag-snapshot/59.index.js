export const id = 59;
export const ids = [59];
export const modules = {

/***/ 8059:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   githubClient: () => (/* binding */ githubClient)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2541);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);
/**
 * The GitHub REST client for tags and releases: @actions/github's Octokit
 * with the throttling and retry plugins (secondary rate limits and 5xx are
 * waited out, a bounded number of times), pointed at the run's API URL so
 * GitHub Enterprise Server works.
 */



function githubClient(token, apiUrl, retries = 3) {
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: apiUrl.replace(/\/+$/, ''),
        retry: { retries },
        throttle: {
            // Retry a rate-limited request twice, then fail with GitHub's answer.
            onRateLimit: (_after, _options, _octokit, count) => count < 2,
            onSecondaryRateLimit: (_after, _options, _octokit, count) => count < 2,
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
}


/***/ })

};
