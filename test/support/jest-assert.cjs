/**
 * node:assert under jest (see jest-assert-realm.ts). CommonJS, so that
 * `require('node:assert')` in dependencies (undici calls `assert(…)`) gets the
 * callable function, as `import assert from 'node:assert'` in the tests does.
 */
'use strict';
/* global module, require */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS on purpose (above)
module.exports = require('./jest-assert-realm.ts').legacy;
