/**
 * Hostile inputs against the bundled analyze-deps action (dist/analyze-deps):
 * devices, FIFOs, oversized, unreadable and ill-pathed files as `source` and
 * `binaries` are refused naming the input and the rule, before anything is
 * written; an allow pattern with many stars is matched at once; forged
 * package-lock keys, an ambiguous Cargo.lock reference and invisible
 * characters in names give exact findings or errors.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { MAX_SOURCE_FILE_BYTES } from '../../shared/deps/load.ts';
import { MAX_BINARY_BYTES } from '../../shared/deps/options.ts';
import { depsReportSchema } from '../../shared/deps/schemas.ts';
import { LOCKFILES, npmLock } from '../fixtures/deps/graphs.ts';
import { runActionMain, type ActionRun } from '../support/run-action.ts';

const RIPGREP = `${LOCKFILES}/ripgrep.Cargo.lock`;
/** The unprivileged user the permission cases run as (the test runner is root). */
const NOBODY = 65534;
let dir: string;

async function analyze(inputs: Record<string, string>, as?: number): Promise<ActionRun> {
  const cwd = await mkdtemp(join(tmpdir(), 'ad-hostile-run-'));
  if (as !== undefined) await chmod(cwd, 0o777);
  return runActionMain(
    'analyze-deps',
    { version: 'v1', ...inputs },
    { bundle: true, cwd, ...(as !== undefined ? { uid: as, gid: as } : {}) },
  );
}

function explain(r: ActionRun): string {
  return `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}

async function written(r: ActionRun): Promise<string[]> {
  return readdir(join(r.cwd, 'output'), { recursive: true }).catch(() => []);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ad-hostile-'));
  await chmod(dir, 0o755);
  execFileSync('mkfifo', [join(dir, 'fifo.lock')]);
  await writeFile(join(dir, 'huge.Cargo.lock'), '');
  await truncate(join(dir, 'huge.Cargo.lock'), MAX_SOURCE_FILE_BYTES + 1);
  await writeFile(join(dir, 'huge-binary'), '');
  await truncate(join(dir, 'huge-binary'), MAX_BINARY_BYTES + 1);
  await writeFile(join(dir, 'Cargo.lock'), await readFile(RIPGREP));
  await writeFile(join(dir, 'secret-lock.json'), npmLock({}));
  await chmod(join(dir, 'secret-lock.json'), 0o000);
  await writeFile(join(dir, 'secret-binary'), 'ELF');
  await chmod(join(dir, 'secret-binary'), 0o000);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('files named by source and binaries: regular, bounded, readable — or refused naming the input', () => {
  const cases: [what: string, inputs: () => Record<string, string>, message: RegExp, as?: number][] = [
    [
      'binaries: /dev/zero (hashed forever before)',
      () => ({ source: RIPGREP, binaries: 'zero=/dev/zero' }),
      /input 'binaries': '\/dev\/zero' is a character device \(accepted: a regular file\)/,
    ],
    [
      'source: /dev/zero (read until memory ran out before)',
      () => ({ source: '/dev/zero' }),
      /input 'source': '\/dev\/zero' is a character device \(accepted: a regular file\)/,
    ],
    [
      'source: /dev/zero with an explicit source-type',
      () => ({ source: '/dev/zero', 'source-type': 'npm-lock' }),
      /input 'source': '\/dev\/zero' is a character device/,
    ],
    [
      'source: a FIFO (its open blocked before)',
      () => ({ source: join(dir, 'fifo.lock'), 'source-type': 'cargo-lock' }),
      /input 'source': '.*\/fifo\.lock' is a FIFO \(accepted: a regular file\)/,
    ],
    [
      'source: a lockfile over the size limit (raw RangeError before)',
      () => ({ source: join(dir, 'huge.Cargo.lock') }),
      new RegExp(
        `input 'source': '.*/huge\\.Cargo\\.lock' is ${MAX_SOURCE_FILE_BYTES + 1} bytes, more than the limit of ${MAX_SOURCE_FILE_BYTES}`,
      ),
    ],
    [
      'binaries: a file over the size limit',
      () => ({ source: RIPGREP, binaries: `big=${join(dir, 'huge-binary')}` }),
      new RegExp(`input 'binaries': '.*/huge-binary' is ${MAX_BINARY_BYTES + 1} bytes, more than the limit`),
    ],
    [
      'source: a path through a file (raw ENOTDIR before)',
      () => ({ source: join(dir, 'Cargo.lock', 'x') }),
      /input 'source': '.*\/Cargo\.lock\/x' has a path component that is not a directory$/m,
    ],
    [
      'binaries: a path through a file (raw ENOTDIR before)',
      () => ({ source: RIPGREP, binaries: `x=${join(dir, 'Cargo.lock', 'x')}` }),
      /input 'binaries': '.*\/Cargo\.lock\/x' has a path component that is not a directory$/m,
    ],
    [
      'source: an unreadable lockfile (raw EACCES before)',
      () => ({ source: join(dir, 'secret-lock.json') }),
      /input 'source': '.*\/secret-lock\.json' cannot be read \(permission denied\)$/m,
      NOBODY,
    ],
    [
      'binaries: an unreadable binary (raw EACCES before)',
      () => ({ source: RIPGREP, binaries: `b=${join(dir, 'secret-binary')}` }),
      /input 'binaries': '.*\/secret-binary' cannot be read \(permission denied\)$/m,
      NOBODY,
    ],
  ];
  for (const [what, inputs, message, as] of cases) {
    it(what, async () => {
      const started = performance.now();
      const r = await analyze(inputs(), as);
      assert.equal(r.code, 1, explain(r));
      assert.match(r.stdout, /::error title=Invalid input::/);
      assert.match(r.stdout, message);
      assert.doesNotMatch(r.stdout, /\b(EACCES|ENOTDIR|EFBIG|EISDIR|ERR_FS_FILE_TOO_LARGE)\b/);
      assert.deepEqual(await written(r), [], 'nothing written');
      assert.deepEqual(r.outputs, {});
      assert.ok(performance.now() - started < 20_000, 'refused before any reading');
    });
  }
});

describe('allow patterns', () => {
  it('match a pattern with many stars against a long name at once and correctly', async () => {
    const name = 'a'.repeat(60);
    const lock = join(dir, 'dup-lock.json');
    await writeFile(
      lock,
      npmLock(
        {
          [`node_modules/${name}`]: { version: '1.0.0' },
          'node_modules/x': { version: '1.0.0', dependencies: { [name]: '2.0.0' } },
          [`node_modules/x/node_modules/${name}`]: { version: '2.0.0' },
        },
        { dependencies: { [name]: '1.0.0', x: '1.0.0' } },
      ),
    );
    const started = performance.now();
    // Before: the regex form of the first pattern backtracked for minutes on this id.
    const miss = await analyze({ source: lock, allow: 'duplicate:*a*a*a*a*a*a*a*a*a*a*a*b' });
    const hit = await analyze({ source: lock, allow: 'duplicate:*a*a*a*a*a*a*a*a*a*a*a*' });
    assert.ok(performance.now() - started < 30_000, 'two runs, seconds each');
    for (const r of [miss, hit]) assert.equal(r.code, 0, explain(r));
    const report = async (r: ActionRun) =>
      depsReportSchema.parse(JSON.parse(await readFile(join(r.cwd, r.outputs.report!), 'utf8')));
    const dup = `duplicate:${name}`;
    assert.equal((await report(miss)).findings.find((f) => f.id === dup)?.allowed, false);
    assert.equal((await report(hit)).findings.find((f) => f.id === dup)?.allowed, true);
    assert.equal(miss.outputs['risk-score'], '1');
    assert.equal(hit.outputs['risk-score'], '0');
  });
});

describe('forged and tricky lockfiles', () => {
  it('package-lock keys and names that climb out of node_modules are critical findings, not SBOM components', async () => {
    const lock = join(dir, 'escape-lock.json');
    await writeFile(
      lock,
      npmLock(
        {
          'node_modules/ok': { version: '1.0.0', dependencies: { '../../evil2': '1.0.0' } },
          'node_modules/../../evil': { version: '6.6.6', resolved: 'https://attacker.example/e.tgz' },
          '../../x': { name: 'x', version: '1.0.0' },
        },
        { dependencies: { ok: '1.0.0' } },
      ),
    );
    const r = await analyze({ source: lock });
    // 60 points for the first escape: above the default threshold of 50 on its own.
    assert.equal(r.code, 1, explain(r));
    assert.equal(r.outputs['risk-score'], '60');
    assert.match(r.stdout, /dependency risk above the threshold: risk score 60 \(threshold 50\)/);
    const report = depsReportSchema.parse(JSON.parse(await readFile(join(r.cwd, r.outputs.report!), 'utf8')));
    assert.deepEqual(
      report.findings.filter((f) => f.kind === 'lockfile-path-escape').map((f) => [f.id, f.severity]),
      [
        ['lockfile-path-escape:../../evil2', 'critical'],
        ['lockfile-path-escape:../../x', 'critical'],
        ['lockfile-path-escape:node_modules/../../evil', 'critical'],
      ],
    );
    assert.deepEqual(report.risk.by_kind['lockfile-path-escape'], {
      findings: 3,
      allowed: 0,
      points: 60,
      severity: 'critical',
      weight: 60,
      cap: 60,
    });
    const sbom = JSON.parse(await readFile(join(r.cwd, r.outputs.sbom!), 'utf8')) as {
      components: { name: string }[];
    };
    // Before: "../../evil" was an SBOM component.
    assert.deepEqual(sbom.components.map((c) => c.name).sort(), ['fixture', 'ok']);
    const build = JSON.parse(await readFile(join(r.cwd, r.outputs['build-info']!), 'utf8')) as {
      analysis: { lockfile_path_escape_count: number };
    };
    assert.equal(build.analysis.lockfile_path_escape_count, 3);
    assert.match(r.summary, /\| lockfile-path-escape \| node_modules\/\.\.\/\.\.\/evil \|/);
  });

  it('a Cargo.lock reference to a name with several versions is reported as ambiguous, not missing', async () => {
    const lock = join(dir, 'ambiguous', 'Cargo.lock');
    await mkdir(join(dir, 'ambiguous'));
    await writeFile(
      lock,
      [
        'version = 3',
        '',
        '[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = ["foo"]',
        '',
        '[[package]]\nname = "foo"\nversion = "1.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"',
        '',
        '[[package]]\nname = "foo"\nversion = "2.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"',
        '',
      ].join('\n'),
    );
    const r = await analyze({ source: lock });
    assert.equal(r.code, 1, explain(r));
    assert.match(
      r.stdout,
      /::error title=DataError::.*\/ambiguous\/Cargo\.lock: dependency 'foo' of app 0\.1\.0 is ambiguous: it matches 2 packages \(foo@1\.0\.0, foo@2\.0\.0\)/,
    );
    assert.doesNotMatch(r.stdout, /is not a package of the lockfile/);
    assert.deepEqual(await written(r), []);
  });

  it('invisible characters in names are homoglyph typosquats, also for short names', async () => {
    const names = ['lo\u200bdash', 'm\u2060s', 're\u200dact', '\ufeffexpress'];
    const lock = join(dir, 'invisible-lock.json');
    await writeFile(
      lock,
      npmLock(Object.fromEntries(names.map((n) => [`node_modules/${n}`, { version: '1.0.0' }])), {
        dependencies: Object.fromEntries(names.map((n) => [n, '1.0.0'])),
      }),
    );
    const r = await analyze({ source: lock, 'risk-threshold': '100' });
    assert.equal(r.code, 0, explain(r));
    const report = depsReportSchema.parse(JSON.parse(await readFile(join(r.cwd, r.outputs.report!), 'utf8')));
    assert.deepEqual(
      report.findings
        .filter((f) => f.kind === 'typosquat')
        .map((f) => [f.subject, f.details.resembles, f.details.technique]),
      [
        ['lo\u200bdash', 'lodash', 'homoglyph'],
        ['m\u2060s', 'ms', 'homoglyph'],
        ['re\u200dact', 'react', 'homoglyph'],
        ['\ufeffexpress', 'express', 'homoglyph'],
      ],
    );
    assert.equal(r.outputs['risk-score'], '40', 'typosquats are capped at 40');
  });
});
