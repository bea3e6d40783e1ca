import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@jest/globals';
import { detectSourceType } from '../../shared/deps/load.ts';
import {
  parseAnalyzeDepsInputs,
  parseRiskThreshold,
  parseVendorThreshold,
  type RawAnalyzeDepsInputs,
} from '../../shared/deps/options.ts';
import { InputError } from '../../shared/errors.ts';
import { LOCKFILES } from '../fixtures/deps/graphs.ts';

const LOCK = `${LOCKFILES}/ripgrep.Cargo.lock`;
const raw = (over: Partial<RawAnalyzeDepsInputs>): RawAnalyzeDepsInputs => ({
  source: LOCK,
  'source-type': '',
  binaries: '',
  version: 'v1.0.0',
  name: '',
  'risk-threshold': '',
  'vendor-threshold': '',
  allow: '',
  'output-dir': '',
  ...over,
});

test('defaults: risk threshold 50, vendor threshold 0.3, output/, source type from the file name', async () => {
  const o = await parseAnalyzeDepsInputs(raw({}));
  assert.equal(o.riskThreshold, 50);
  assert.equal(o.vendor.threshold, 0.3);
  assert.equal(o.outputDir, 'output');
  assert.equal(o.sourceType, 'cargo-lock');
  assert.equal(parseVendorThreshold('25%'), 0.25);
  assert.equal(parseRiskThreshold('0'), 0);
});

test('binaries: name=path and bare paths, hashed later', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'deps-opt-'));
  await writeFile(join(dir, 'infrasim'), 'x');
  await writeFile(join(dir, 'd'), 'y');
  const o = await parseAnalyzeDepsInputs(
    raw({ binaries: `${join(dir, 'infrasim')}\ninfrasimd=${join(dir, 'd')}\n# comment\n` }),
  );
  assert.deepEqual(o.binaries, [
    { name: 'infrasim', path: join(dir, 'infrasim') },
    { name: 'infrasimd', path: join(dir, 'd') },
  ]);
});

test('content decides when the file name does not', () => {
  assert.equal(
    detectSourceType('meta.json', false, '{"packages":[],"workspace_root":"/x"}'),
    'cargo-metadata',
  );
  assert.equal(detectSourceType('lock.json', false, '{"name":"x","lockfileVersion":3}'), 'npm-lock');
  assert.equal(detectSourceType('locked', false, '# gen\nversion = 4\n'), 'cargo-lock');
  assert.equal(detectSourceType('notes.txt', false, 'hello'), null);
});

const bad: [string, Partial<RawAnalyzeDepsInputs>, RegExp][] = [
  [
    'risk-threshold',
    { 'risk-threshold': '101' },
    /^input 'risk-threshold': '101' is not a score \(accepted: an integer from 0 to 100/,
  ],
  ['risk-threshold', { 'risk-threshold': 'high' }, /^input 'risk-threshold'/],
  ['vendor-threshold', { 'vendor-threshold': '1.5' }, /^input 'vendor-threshold': '1\.5' is not a share/],
  ['vendor-threshold', { 'vendor-threshold': '0' }, /^input 'vendor-threshold'/],
  [
    'source-type',
    { 'source-type': 'yarn' },
    /^input 'source-type': unknown value 'yarn' \(accepted: auto \| cargo-workspace/,
  ],
  [
    'source',
    { source: '/nonexistent/Cargo.lock' },
    /^input 'source': '\/nonexistent\/Cargo\.lock' does not exist$/,
  ],
  [
    'source',
    { source: '/tmp' },
    /^input 'source': the directory '\/tmp' has none of Cargo\.toml, Cargo\.lock, package-lock\.json, npm-shrinkwrap\.json/,
  ],
  ['source', { source: '/etc/hostname' }, /^input 'source': cannot tell what '\/etc\/hostname' is/],
  [
    'source',
    { source: LOCK, 'source-type': 'cargo-workspace' },
    /is a file; source-type cargo-workspace needs the workspace directory/,
  ],
  [
    'binaries',
    { binaries: 'infrasimd=/nonexistent/bin' },
    /^input 'binaries': '\/nonexistent\/bin' does not exist$/,
  ],
  ['binaries', { binaries: 'bad name=/etc/hostname' }, /^input 'binaries': 'bad name' is not a binary name/],
  ['binaries', { binaries: 'a=/etc/hostname\na=/etc/hostname' }, /given twice/],
  ['allow', { allow: 'serde' }, /^input 'allow': 'serde' is not a finding id/],
  ['version', { version: 'v1 beta' }, /^input 'version': 'v1 beta' contains whitespace/],
  ['name', { name: 'a b' }, /^input 'name'/],
];
for (const [input, over, message] of bad) {
  test(`rejects a bad '${input}' before any work: ${JSON.stringify(over)}`, async () => {
    await assert.rejects(
      parseAnalyzeDepsInputs(raw(over)),
      (e: unknown) => e instanceof InputError && e.input === input && message.test(e.message),
    );
  });
}
