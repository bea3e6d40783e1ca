/**
 * Bundles every action with ncc: tsc compiles the sources to build/, then ncc
 * turns each entry named in action.yml (runs.main, runs.post) into one file
 * under dist/<name>/. `--check` bundles into a temporary directory and fails
 * (exit 1) on any difference from the committed dist/.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import {
  chmod,
  cp,
  mkdtemp,
  readFile,
  readdir,
  rm,
  mkdir,
  rename,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(new URL('..', import.meta.url).pathname);
const check = process.argv.includes('--check');

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit ${r.status}`);
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)));
  }
  return out.sort();
}

/**
 * Files a bundled library reads from disk at run time, copied beside the
 * bundles. The CycloneDX library's validator reads its JSON schemas from
 * `<its directory>/../res/schema`; inside a bundle its directory is the
 * bundle's (dist/<name>), so they go to dist/res/schema.
 */
const RUNTIME_ASSETS: Record<string, { from: string; to: string }[]> = {
  'analyze-deps': [
    'bom-1.6.SNAPSHOT.schema.json',
    'spdx.SNAPSHOT.schema.json',
    'jsf-0.82.SNAPSHOT.schema.json',
    'cryptography-defs.SNAPSHOT.schema.json',
  ].map((f) => ({
    from: `node_modules/@cyclonedx/cyclonedx-library/res/schema/${f}`,
    to: `res/schema/${f}`,
  })),
};

/**
 * ncc keeps CommonJS modules' `__dirname` as written, but an ES module has
 * none: define it as the bundle's directory, as it is for a CommonJS bundle.
 */
const DIRNAME_SHIM = [
  "import { dirname as __bundleDirname } from 'node:path';",
  "import { fileURLToPath as __bundleFileURLToPath } from 'node:url';",
  'const __dirname = __bundleDirname(__bundleFileURLToPath(import.meta.url));',
  '',
].join('\n');

async function addDirnameShim(file: string): Promise<void> {
  const code = await readFile(file, 'utf8');
  if (/\b__dirname\b/.test(code) && !code.includes(DIRNAME_SHIM)) await writeFile(file, DIRNAME_SHIM + code);
}

/**
 * One bundling at a time per checkout: tsc's build/ is shared, and several
 * people (or agents) running tests against dist/ must never see it half-written.
 */
const lockDir = join(root, 'build.lock');
for (let waited = 0; ; waited += 200) {
  try {
    await mkdir(lockDir);
    break;
  } catch {
    if (waited > 600_000) throw new Error(`${lockDir} held for 10 minutes: remove it if no bundling runs`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
process.on('exit', () => rmSync(lockDir, { recursive: true, force: true }));

// The new dist/ is assembled apart and swapped in at the end, so dist/ is never half-written.
const outRoot = await mkdtemp(join(check ? tmpdir() : root, check ? 'dist-check-' : '.dist-new-'));
await chmod(outRoot, 0o755);
await rm(join(root, 'build'), { recursive: true, force: true });
run(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json']);
// A few action modules import a toolkit module by path (actions/workflow-commands.ts says why): build/ is one
// level deeper than the sources, so it gets the checkout's node_modules beside it for those paths to resolve.
await symlink('../node_modules', join(root, 'build', 'node_modules'));
// analyze-deps validates its SBOM with ajv's standalone code of the CycloneDX schema, generated here.
run(process.execPath, [join(root, 'scripts/precompile-sbom-validator.ts'), join(root, 'build/shared/deps')]);
// ...and loads its typosquat check's index of popular names, serialised here, instead of building it.
run(process.execPath, [join(root, 'scripts/precompile-popular-index.ts'), join(root, 'build/shared/deps')]);
// The names themselves are read only by a run that asks for the index without loading it first (tsc copies
// no JSON file that is not imported): here, for ncc to place them beside the bundle.
for (const file of ['popular-crates.json', 'popular-npm.json'])
  await cp(join(root, 'shared/deps/data', file), join(root, 'build/shared/deps/data', file));

const actions = (await readdir(join(root, 'actions'), { withFileTypes: true })).filter((d) =>
  d.isDirectory(),
);
for (const dir of actions) {
  const yml = parse(await readFile(join(root, 'actions', dir.name, 'action.yml'), 'utf8')) as {
    runs: { main: string; post?: string };
  };
  for (const entry of [yml.runs.main, yml.runs.post].filter((e): e is string => Boolean(e))) {
    // action.yml points at ../../dist/<name>/<file>.js; the source is actions/<name>/<file>.ts.
    const target = resolve(root, 'actions', dir.name, entry);
    const source = join(
      root,
      'build',
      'actions',
      dir.name,
      basename(entry) === 'index.js' ? 'main.js' : basename(entry),
    );
    const stage = await mkdtemp(join(tmpdir(), 'ncc-'));
    run(join(root, 'node_modules/.bin/ncc'), [
      'build',
      source,
      '-o',
      stage,
      '--license',
      'licenses.txt',
      '-q',
    ]);
    const dest = join(outRoot, relative(join(root, 'dist'), dirname(target)));
    await mkdir(dest, { recursive: true });
    await rename(join(stage, 'index.js'), join(stage, basename(target)));
    // A post entry has licenses of its own; keep them beside the main entry's, not over them.
    if (basename(target) !== 'index.js') {
      await rename(
        join(stage, 'licenses.txt'),
        join(stage, basename(target).replace(/\.js$/, '.licenses.txt')),
      );
    }
    // Dynamic imports become chunk files beside the entry; each is a module of its own.
    for (const f of await readdir(stage)) if (f.endsWith('.js')) await addDirnameShim(join(stage, f));
    await cp(stage, dest, { recursive: true });
    await rm(stage, { recursive: true, force: true });
  }
}

for (const [action, assets] of Object.entries(RUNTIME_ASSETS)) {
  if (!actions.some((d) => d.name === action)) continue;
  for (const asset of assets) {
    await mkdir(dirname(join(outRoot, asset.to)), { recursive: true });
    await cp(join(root, asset.from), join(outRoot, asset.to));
  }
}

if (check) {
  const committed = join(root, 'dist');
  const a = await listFiles(committed).catch(() => [] as string[]);
  const b = await listFiles(outRoot);
  const differ: string[] = [];
  for (const f of new Set([...a, ...b])) {
    const x = await readFile(join(committed, f)).catch(() => null);
    const y = await readFile(join(outRoot, f)).catch(() => null);
    if (!x || !y || !x.equals(y)) differ.push(f);
  }
  await rm(outRoot, { recursive: true, force: true });
  if (differ.length) {
    console.error(`dist/ is stale (${differ.join(', ')}): run \`npm run bundle\` and commit the result.`);
    process.exit(1);
  }
  console.log('dist/ matches the sources.');
} else {
  const old = join(root, `.dist-old-${process.pid}`);
  await rename(join(root, 'dist'), old).catch(() => undefined);
  await rename(outRoot, join(root, 'dist'));
  await rm(old, { recursive: true, force: true });
  console.log(`bundled ${actions.length} actions into dist/`);
}
