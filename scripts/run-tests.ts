/**
 * Runs the test groups with Node's own test runner (Node 24 runs the
 * TypeScript sources directly). `npm test` runs every group; `npm test -- unit`
 * (or integration, e2e) one group. Integration tests boot QEMU under TCG, so
 * at most two files run at once on a two-core machine.
 */
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const groups = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = groups.length ? groups : ['unit', 'integration', 'e2e'];

const files: string[] = [];
for (const group of selected) {
  const dir = join(root, 'test', group);
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (e.isFile() && e.name.endsWith('.test.ts')) files.push(relative(root, join(e.parentPath, e.name)));
  }
}
if (files.length === 0) {
  console.error(`no test files in ${selected.join(', ')}`);
  process.exit(1);
}
files.sort();
const r = spawnSync(
  process.execPath,
  ['--test', '--test-reporter=spec', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`, ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(r.status ?? 1);
