/**
 * Quick start: the whole chain of the suite's actions, locally and offline on
 * the test image, each step the bundled action run as the GitHub runner runs
 * it (scripts/lib/chain.ts): build-base → build-variant (no-vpn, wireguard) →
 * boot-verify → analyze-deps → attest (throwaway key) → tag-snapshot (bare
 * git remote + a registry started for the run) → verify → prune-packages
 * (dry run), then seed 000's verification commands on the bundle. Prints each
 * step's time and output paths; exit 0 only when everything passed.
 *
 *   npm run pipeline [-- --dir output/pipeline] [--arch x86_64|aarch64] [--boot uefi|kernel]
 *                    [--accel auto|kvm|tcg] [--variants no-vpn,wireguard]
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { runChain, type ChainResult } from './lib/chain.ts';

const USAGE = `usage: npm run pipeline [-- --dir <run directory>] [--arch x86_64|aarch64] [--boot uefi|kernel]
                         [--accel auto|kvm|tcg] [--variants <v1,v2>]`;

function choice<T extends string>(flag: string, value: string, accepted: readonly T[]): T {
  if ((accepted as readonly string[]).includes(value)) return value as T;
  console.error(`--${flag}: '${value}' is not one of ${accepted.join(', ')}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'output/pipeline' },
      arch: { type: 'string', default: 'x86_64' },
      boot: { type: 'string', default: 'uefi' },
      accel: { type: 'string', default: 'auto' },
      variants: { type: 'string', default: 'no-vpn,wireguard' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const variants = values.variants
  .split(',')
  .map((v) => v.trim())
  .filter(Boolean);
if (variants.length === 0) {
  console.error(`--variants: empty; give built-in variant names, e.g. no-vpn,wireguard\n${USAGE}`);
  process.exit(2);
}

/** Outputs worth a maintainer's eye, per step: paths first, then the facts. */
const SHOWN: Record<string, string[]> = {
  'build-base': ['image', 'sha256', 'provenance', 'kernel'],
  'build-variant': ['results'],
  'boot-verify': ['status', 'report', 'console-log', 'accel'],
  'analyze-deps': ['risk-score', 'package-count', 'report', 'sbom', 'build-info'],
  attest: ['signed', 'image-provenance', 'statement', 'subject-count'],
  'tag-snapshot': ['tag', 'bundle', 'checksum-file', 'manifest', 'immutable-tag', 'channel-tags', 'digest'],
  verify: ['verified', 'failed-check'],
  'prune-packages': ['plan', 'to-delete', 'kept'],
};

/** A path as short as it stays clear: relative below the current directory, absolute elsewhere. */
const here = (p: string) => {
  if (!p.startsWith('/')) return p;
  const r = relative(process.cwd(), p);
  return r.startsWith('..') ? p : r || '.';
};
/** An output line as a path from here: actions give paths absolute or relative to the workspace. */
const shown = (line: string, workspace: string) =>
  line.startsWith('/') ? here(line) : existsSync(join(workspace, line)) ? here(join(workspace, line)) : line;

function printOutputs(result: ChainResult): void {
  for (const s of result.steps.filter((s) => s.entry === 'main')) {
    console.log(`\n${s.id}  ${s.seconds.toFixed(1)} s`);
    for (const key of SHOWN[s.id] ?? []) {
      const value = s.outputs[key];
      if (value === undefined || value === '') continue;
      if (key === 'results') {
        for (const v of JSON.parse(value) as { variant: string; overlay: string; provenance: string }[])
          console.log(`  ${v.variant.padEnd(14)} ${here(v.overlay)}  ${here(v.provenance)}`);
        continue;
      }
      const lines = value.split('\n').map((l) => shown(l, result.run.workspace));
      console.log(`  ${key.padEnd(14)} ${lines.join(`\n  ${''.padEnd(14)} `)}`);
    }
  }
}

const t0 = performance.now();
let result: ChainResult;
try {
  result = await runChain({
    dir: values.dir,
    arch: choice('arch', values.arch, ['x86_64', 'aarch64'] as const),
    boot: choice('boot', values.boot, ['uefi', 'kernel'] as const),
    accel: choice('accel', values.accel, ['auto', 'kvm', 'tcg'] as const),
    variants,
    log: (line) => console.log(line),
  });
} catch (e) {
  // Before any step: the run directory, the clone or the key could not be made.
  console.error(`PIPELINE NOT STARTED: ${(e as Error).message}`);
  process.exit(2);
}
const total = (performance.now() - t0) / 1000;

printOutputs(result);
console.log('\nstep times');
for (const s of result.steps)
  console.log(
    `  ${(s.entry === 'post' ? `post ${s.action}` : s.id).padEnd(20)} ${s.seconds.toFixed(1).padStart(6)} s`,
  );
console.log(`  ${'total (with setup)'.padEnd(20)} ${total.toFixed(1).padStart(6)} s`);

const r = result.run;
console.log(
  `\nworkspace  ${here(r.workspace)} (clone of ${r.commit.slice(0, 12)}; output tree: ${here(r.output)})`,
);
console.log(`remote     ${here(r.remote)} (the snapshot tag is pushed here)`);
console.log(`public key ${here(r.publicKey)}`);
console.log(`step logs  ${here(r.logs)}`);

if (result.seedCheck) {
  console.log("\nseed 000's verification commands on the bundle");
  let cwd = '';
  for (const c of result.seedCheck.commands) {
    if (c.cwd !== cwd) console.log(`  $ cd ${(cwd = c.cwd)}`);
    console.log(`  $ ${c.command}`);
    for (const line of c.output.split('\n').filter(Boolean)) console.log(`    ${line}`);
  }
}
if (!result.ok) {
  console.error(`\nPIPELINE FAILED: ${result.failure}`);
  process.exit(1);
}
console.log(`\nPIPELINE PASSED in ${total.toFixed(1)} s`);
