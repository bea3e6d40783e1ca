/**
 * Where the bundled action runs: the default `source: .` in a checkout of an
 * npm project or of a Cargo.lock without Cargo.toml, a directory with none of
 * them, a directory outside git (the runner's GITHUB_SHA/GITHUB_REF give the
 * version), a known-malicious package, and an SBOM validator that cannot run
 * (the step fails).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@jest/globals';
import { infrasimBuildSchema } from '../../shared/deps/schemas.ts';
import { runActionMain } from '../support/run-action.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const NPM_LOCK = join(ROOT, 'test/fixtures/deps/npm/real-package-lock.json');
const RIPGREP = join(ROOT, 'test/fixtures/deps/lockfiles/ripgrep.Cargo.lock');
const SHA = '0123456789abcdef0123456789abcdef01234567';
/** A runner outside any git checkout: temporary directories under /tmp are not in one. */
const run = (cwd: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
  runActionMain('analyze-deps', inputs, { bundle: true, cwd, env: { GITHUB_SHA: SHA, ...env } });

const buildInfo = async (cwd: string) =>
  infrasimBuildSchema.parse(
    JSON.parse(await readFile(join(cwd, 'output/meta/attestations/infrasim-build.json'), 'utf8')),
  );

test('default source in an npm project outside git: package-lock.json found, version from GITHUB_SHA', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ad-where-npm-'));
  await copyFile(NPM_LOCK, join(dir, 'package-lock.json'));
  const r = await run(dir);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const info = await buildInfo(dir);
  assert.equal(info.dependencies.source, 'npm-lock');
  assert.equal(info.version, SHA.slice(0, 7));
  assert.equal(info.git_commit, SHA);
});

test('a tag push outside git: the version is the tag', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ad-where-tag-'));
  await copyFile(RIPGREP, join(dir, 'Cargo.lock'));
  const r = await run(dir, {}, { GITHUB_REF: 'refs/tags/v2.3.4' });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const info = await buildInfo(dir);
  assert.equal(
    info.dependencies.source,
    'cargo-lock',
    'a Cargo.lock without Cargo.toml is read as a lockfile',
  );
  assert.equal(info.version, 'v2.3.4');
});

test('a directory with no lockfile: exit 1, the error lists what was looked for, nothing written', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ad-where-none-'));
  await writeFile(join(dir, 'README'), 'nothing to analyse');
  const r = await run(dir);
  assert.equal(r.code, 1);
  assert.match(
    r.stdout,
    /input 'source': the directory '\.' has none of Cargo\.toml, Cargo\.lock, package-lock\.json, npm-shrinkwrap\.json/,
  );
  assert.deepEqual(await readdir(dir), ['README']);
});

test('outside git with no GITHUB_SHA: the version input is named', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ad-where-nover-'));
  await copyFile(RIPGREP, join(dir, 'Cargo.lock'));
  const r = await runActionMain('analyze-deps', {}, { bundle: true, cwd: dir, env: { GITHUB_SHA: '' } });
  assert.equal(r.code, 1);
  assert.match(
    r.stdout,
    /input 'version': not given, 'git describe' found no commit .* and GITHUB_SHA is not set/,
  );
});

test('a known-malicious crate (rustdecimal, RUSTSEC-2022-0042) fails the step with the advisory id', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ad-where-mal-'));
  const lock =
    (await readFile(RIPGREP, 'utf8')) +
    '\n[[package]]\nname = "rustdecimal"\nversion = "1.23.1"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n';
  await writeFile(join(dir, 'Cargo.lock'), lock);
  const r = await run(dir);
  assert.equal(r.code, 1);
  assert.match(
    r.stdout,
    /::warning title=analyze-deps%3A known-malicious::rustdecimal 1\.23\.1 is a known malicious package \(RUSTSEC-2022-0042/,
  );
  assert.match(r.stdout, /dependency risk above the threshold: risk score 100/);
});

test('an SBOM validator that cannot load fails the step: no SBOM written unchecked', async () => {
  // The bundle without the chunk of its precompiled validator, as a broken packaging would ship it.
  const copy = await mkdtemp(join(tmpdir(), 'ad-where-dist-'));
  await cp(join(ROOT, 'dist/analyze-deps'), join(copy, 'analyze-deps'), { recursive: true });
  const chunks: string[] = [];
  for (const f of await readdir(join(copy, 'analyze-deps')))
    if (f !== 'index.js' && f.endsWith('.js')) {
      const code = await readFile(join(copy, 'analyze-deps', f), 'utf8');
      if (code.includes('uniqueItemsReplaced =')) chunks.push(f);
    }
  assert.equal(chunks.length, 1, 'one chunk holds the precompiled validator');
  await rm(join(copy, 'analyze-deps', chunks[0]!));
  const dir = await mkdtemp(join(tmpdir(), 'ad-where-noschema-'));
  await copyFile(RIPGREP, join(dir, 'Cargo.lock'));
  const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, [join(copy, 'analyze-deps/index.js')], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        GITHUB_SHA: SHA,
        INPUT_SOURCE: '.',
        INPUT_VERSION: 'v1',
        'INPUT_OUTPUT-DIR': 'output',
      },
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (code) => resolve({ code, stdout }));
  });
  assert.equal(out.code, 1);
  assert.match(out.stdout, /::error[^:]*::.*CycloneDX 1\.6 schema validator could not run/);
  assert.deepEqual(await readdir(dir), ['Cargo.lock']);
});
