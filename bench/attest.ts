/**
 * attest benchmark (prints figures, asserts nothing): attesting and verifying
 * an output tree whose base image is a 2 GiB qcow2, against one
 * `openssl dgst -sha256` pass over the same artifact files, interleaved in
 * the same run. Goal: ≤ 1.2× openssl for attest and for verify, i.e. each
 * artifact is hashed once per step and everything else is noise.
 *
 * Measured per round (best of N; the page cache is warm for every one):
 *   openssl      openssl dgst -sha256 <every artifact file>     the reference
 *   core attest  parseAttestInputs + runAttest in this process   (key mode: signing is
 *   core verify  verifyAttestations in this process               milliseconds either way)
 *   action attest / action verify   the bundled dist/attest/index.js run as the runner does
 * and, to show where attest's time goes, its parts on their own: hashing the
 * artifacts (once each), the image SBOMs and the secret gate (both read the
 * images' filesystems, which no sha256 pass does).
 *
 * The tree is the attest tests' (test base, wireguard overlay, analyze-deps and
 * boot-verify documents) with the base grown to 2 GiB by qemu-io writes past
 * its partitions, so it stays a real qcow2 with the same filesystem; the
 * digests the earlier actions recorded are updated to match (boot reports
 * name the old bytes, so the runs use require-boot: false).
 *
 *   node bench/attest.ts [rounds]        (default 3; npm run bench -- attest)
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse as parseYaml } from 'yaml';
import { tmpdir } from 'node:os';
import { collectArtifacts } from '../shared/attest/artifacts.ts';
import { runContextForEnv } from '../actions/run-context.ts';
import { DigestMemo } from '../shared/digest-memo.ts';
import { buildTreeSboms } from '../shared/attest/image-sboms.ts';
import { runSecretGate } from '../shared/attest/secret-gate.ts';
import { readUpstream } from '../shared/attest/upstream.ts';
import { parseAttestInputs, type RawAttestInputs } from '../shared/attest/options.ts';
import { runAttest } from '../shared/attest/pipeline.ts';
import { parseTrustedKeys } from '../shared/attest/signing-key.ts';
import { verifyAttestations } from '../shared/attest/verify.ts';
import { run } from '../shared/exec.ts';
import { sha256File } from '../shared/hash.ts';
import { runActionMain } from '../test/support/run-action.ts';
import { repoRoot } from '../test/support/test-image.ts';
import {
  freshTree,
  GITHUB_PUSH_MAIN,
  opensslKeyPair,
  removeScratch,
} from '../test/integration/attest-tree.ts';

const rounds = Number(process.argv[2] ?? 3);
const GROW_BYTES = 2 * 1024 ** 3;
const ARTIFACTS = ['base.qcow2', 'base.vmlinuz', 'variants/wireguard/overlay-wireguard.qcow2'];

/** Every input of action.yml at its default (as the runner gives them), then the overrides. */
async function actionInputs(overrides: Record<string, string>): Promise<RawAttestInputs> {
  const yml = parseYaml(await readFile(join(repoRoot, 'actions/attest/action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const raw: Record<string, string> = {};
  for (const [name, spec] of Object.entries(yml.inputs))
    raw[name] = String(spec.default ?? '').replace(/\$\{\{.*\}\}/, '');
  return { ...raw, ...overrides } as unknown as RawAttestInputs;
}

async function editJson(path: string, edit: (doc: Record<string, never>) => void): Promise<void> {
  const doc = JSON.parse(await readFile(path, 'utf8'));
  edit(doc);
  await writeFile(path, JSON.stringify(doc, null, 2) + '\n');
}

/** Grows the tree's base to 2 GiB of written clusters and records its new digest where build-base/-variant did. */
async function growBase(tree: string): Promise<string> {
  const base = join(tree, 'base.qcow2');
  const info = JSON.parse((await run('qemu-img', ['info', '--output=json', base])).stdout) as {
    'virtual-size': number;
  };
  const from = Math.ceil(info['virtual-size'] / 2 ** 20) * 2 ** 20;
  await run('qemu-img', ['resize', '-q', '-f', 'qcow2', base, String(from + GROW_BYTES + 2 ** 20)]);
  // Past the old end: the partitions and their filesystem stay as they were.
  const step = 256 * 2 ** 20;
  for (let at = 0; at < GROW_BYTES; at += step)
    await run('qemu-io', [
      '-f',
      'qcow2',
      '-c',
      `write -q -P 0x${((at / step) % 255) + 1} ${from + at} ${step}`,
      base,
    ]);
  const sha = await sha256File(base);
  await editJson(join(tree, 'meta/build-provenance.json'), (d: Record<string, never>) => {
    (d as unknown as { output: { sha256: string } }).output.sha256 = sha;
  });
  await editJson(join(tree, 'meta/variant-wireguard-provenance.json'), (d) => {
    (d as unknown as { base_image: { sha256: string } }).base_image.sha256 = sha;
  });
  return base;
}

const ms = (t0: number) => performance.now() - t0;
async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return ms(t0);
}

try {
  const key = await opensslKeyPair();
  const tree = await freshTree();
  console.log('## attest: 2 GiB base image\n');
  const base = await growBase(tree);
  const files = ARTIFACTS.map((f) => join(tree, f));
  let bytes = 0;
  for (const f of files) bytes += (await stat(f)).size;
  console.log(
    `tree: ${ARTIFACTS.join(', ')} — ${(bytes / 1024 ** 3).toFixed(2)} GiB in all (base ${((await stat(base)).size / 1024 ** 3).toFixed(2)} GiB)\n`,
  );
  const ctx = await runContextForEnv(GITHUB_PUSH_MAIN);
  const trustedKeys = parseTrustedKeys(await readFile(key.publicFile, 'utf8'));
  await run('openssl', ['dgst', '-sha256', ...files]); // warm the page cache

  const best: Record<string, number> = {};
  const hashed: Record<string, number> = {};
  const note = (name: string, t: number) => (best[name] = Math.min(best[name] ?? Infinity, t));
  for (let i = 0; i < rounds; i++) {
    note(
      'openssl dgst -sha256 (reference)',
      await timed(() => run('openssl', ['dgst', '-sha256', ...files])),
    );
    note(
      'core attest (parse inputs + runAttest)',
      await timed(async () => {
        const o = await parseAttestInputs(
          await actionInputs({ 'output-dir': tree, 'private-key': key.privatePem, 'require-boot': 'false' }),
          ctx,
          tree,
        );
        if (o.command !== 'attest') throw new Error('expected attest options');
        hashed['core attest'] = (await runAttest(o, ctx)).hashed;
      }),
    );
    note(
      'core verify (verifyAttestations)',
      await timed(async () => {
        const r = await verifyAttestations({
          root: tree,
          attestations: [],
          artifacts: null,
          policy: { trustedKeys, keyless: null, builderId: null, maxRiskScore: null, requireBoot: false },
        });
        hashed['core verify'] = r.hashed;
      }),
    );
    let artifacts: Awaited<ReturnType<typeof collectArtifacts>> = [];
    const up = await readUpstream(tree, null);
    note(
      'part: hash the artifacts (collectArtifacts)',
      await timed(async () => (artifacts = await collectArtifacts(up, new DigestMemo()))),
    );
    note('part: image SBOMs (buildTreeSboms)', await timed(() => buildTreeSboms(up, artifacts)));
    note(
      'part: secret gate (runSecretGate)',
      await timed(async () => {
        const o = await parseAttestInputs(
          await actionInputs({ 'output-dir': tree, sign: 'never' }),
          ctx,
          tree,
        );
        if (o.command !== 'attest') throw new Error('expected attest options');
        await runSecretGate({
          trees: [{ tree, artifacts }],
          releaseRoot: tree,
          allowList: o.secretAllowList,
          workDir: tmpdir(),
        });
      }),
    );
    note(
      'action attest (dist bundle)',
      await timed(async () => {
        const r = await runActionMain(
          'attest',
          { 'output-dir': '.', 'private-key': key.privatePem, 'require-boot': 'false' },
          { bundle: true, cwd: tree, env: GITHUB_PUSH_MAIN },
        );
        if (r.code !== 0) throw new Error(`bundled attest failed:\n${r.stdout}\n${r.stderr}`);
      }),
    );
    note(
      'action verify (dist bundle)',
      await timed(async () => {
        const r = await runActionMain(
          'attest',
          { command: 'verify', 'output-dir': '.', 'public-key': key.publicFile },
          { bundle: true, cwd: tree, env: {} },
        );
        if (r.code !== 0) throw new Error(`bundled verify failed:\n${r.stdout}\n${r.stderr}`);
      }),
    );
  }

  const reference = best['openssl dgst -sha256 (reference)']!;
  console.log(`| step (best of ${rounds}) | seconds | GiB/s | × openssl |`);
  console.log('|---|---|---|---|');
  for (const [name, t] of Object.entries(best))
    console.log(
      `| ${name} | ${(t / 1000).toFixed(2)} | ${(bytes / 1024 ** 3 / (t / 1000)).toFixed(2)} | ${(t / reference).toFixed(2)} |`,
    );
  // The parts are timed apart from the whole (best of N each): on a busy machine they need not add up.
  console.log(
    '\nattest = hashing (each artifact once) + image SBOMs + secret gate + statements and signatures (milliseconds)',
  );
  console.log(
    `files hashed per step: attest ${hashed['core attest']}, verify ${hashed['core verify']} (${ARTIFACTS.length} artifacts; each once)`,
  );
  console.log('goal: attest ≤ 1.20× and verify ≤ 1.20× openssl');
  await rm(key.dir, { recursive: true, force: true });
} finally {
  await removeScratch();
}
