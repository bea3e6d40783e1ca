/**
 * Runs the test groups with jest, one jest project per group
 * (jest.config.ts). `npm test` runs every group; `npm test -- unit` (or
 * integration, e2e) one group; other arguments go to jest as they are (a file
 * path pattern, `-t name`, `--bail`). Node 24 runs the TypeScript sources
 * directly; jest needs --experimental-vm-modules for ESM. Integration tests
 * boot QEMU under TCG, so at most two files run at once (maxWorkers: 2). The
 * last line is always `N passed, N failed`, for CI logs and scripts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GROUPS = ['unit', 'integration', 'e2e'];
const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const groups = args.filter((a) => GROUPS.includes(a));
const passThrough = args.filter((a) => !GROUPS.includes(a));

let jestBin: string;
try {
  jestBin = createRequire(import.meta.url).resolve('jest/bin/jest');
} catch {
  console.error('jest is not installed: run `npm ci` (jest is a devDependency)');
  process.exit(1);
}

// jest's JSON result, beside its usual report, for the summary line.
const out = mkdtempSync(join(tmpdir(), 'run-tests-'));
const resultFile = join(out, 'result.json');
const r = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    // the flag's warning on every worker adds nothing
    '--disable-warning=ExperimentalWarning',
    jestBin,
    '--selectProjects',
    ...(groups.length ? groups : GROUPS),
    '--json',
    `--outputFile=${resultFile}`,
    ...passThrough,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' } },
);

let summary:
  { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number } | undefined;
try {
  summary = JSON.parse(readFileSync(resultFile, 'utf8'));
} catch {
  // jest did not get as far as writing results (bad config, bad arguments): its own message says why
}
rmSync(out, { recursive: true, force: true });
if (summary) {
  const broken = summary.numRuntimeErrorTestSuites;
  console.log(
    `${summary.numPassedTests} passed, ${summary.numFailedTests} failed` +
      (broken ? ` (${broken} file(s) failed to load)` : ''),
  );
} else {
  console.log('0 passed, 0 failed (jest did not run)');
}
process.exit(r.status ?? 1);
