/** node:assert/strict under jest (see jest-assert-realm.ts and jest-assert.cjs). */
'use strict';
/* global module, require */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS on purpose (above)
module.exports = require('./jest-assert-realm.ts').strict;
