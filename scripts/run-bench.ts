/** Runs the benchmark scripts in bench/ (all, or those named: `npm run bench -- build-base`). */
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const wanted = process.argv.slice(2);
const scripts = (await readdir(join(root, 'bench')))
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.ts$/, '')))
  .sort();
let failed = 0;
for (const script of scripts) {
  console.log(`\n# bench/${script}\n`);
  const r = spawnSync(process.execPath, [join(root, 'bench', script)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
