/**
 * Version ordering against the distributions' own tools: dpkg's order on
 * about 3,000 pairs of real Debian versions (bookworm's Packages indexes),
 * each checked by `dpkg --compare-versions`; apk's order on apk-tools' own
 * test vectors.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from '@jest/globals';
import { compareApkVersions, isValidApkVersion } from '../../shared/vuln/apk-version.ts';
import { compareDpkgVersions, parseDpkgVersion } from '../../shared/vuln/dpkg-version.ts';
import { needTools } from '../support/tools.ts';

const fixtures = new URL('../fixtures/osv/', import.meta.url);
const lines = (name: string) =>
  readFileSync(new URL(name, fixtures), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('# '));

/** `dpkg --compare-versions` on a few pairs: a fixed script, the versions as positional arguments. */
function dpkgAgrees(pairs: [string, string, string][]): string[] {
  const script =
    'while [ $# -gt 0 ]; do dpkg --compare-versions "$1" "$2" "$3" || echo "$1 $2 $3"; shift 3; done';
  const r = spawnSync('sh', ['-c', script, 'sh', ...pairs.flat()], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter(Boolean);
}

/**
 * dpkg's own Perl implementation (Dpkg::Version from libdpkg-perl, built from
 * the dpkg source package) on thousands of pairs in one process: a process
 * per pair costs ~30 ms here. Pairs go in on stdin, never into a command.
 */
function dpkgPerlAgrees(pairs: [string, string, string][]): string[] {
  const script =
    'use Dpkg::Version; while (<STDIN>) { chomp; my ($a, $op, $b) = split / /; ' +
    'print "$_\\n" unless version_compare_relation($a, $op eq "lt" ? REL_LT : $op eq "gt" ? REL_GT : REL_EQ, $b) }';
  const r = spawnSync('perl', ['-e', script], {
    input: pairs.map((p) => p.join(' ')).join('\n') + '\n',
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter(Boolean);
}

test('dpkg order matches dpkg --compare-versions on ~3000 real version pairs', async () => {
  await needTools('dpkg', 'perl');
  const versions = lines('debian-versions.txt');
  assert.ok(versions.length > 1500);
  const sorted = [...versions].sort(compareDpkgVersions);
  const pairs: [string, string][] = sorted.slice(1).map((v, i) => [sorted[i]!, v]);
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * versions.length;
  for (let i = 0; i < 1200; i++) pairs.push([versions[Math.floor(rand())]!, versions[Math.floor(rand())]!]);
  const claims = pairs.map(([a, b]): [string, string, string] => {
    const c = compareDpkgVersions(a, b);
    return [a, c < 0 ? 'lt' : c > 0 ? 'gt' : 'eq', b];
  });
  assert.ok(claims.some((c) => c[1] === 'lt') && claims.some((c) => c[1] === 'gt'));
  assert.deepEqual(dpkgPerlAgrees(claims), [], "pairs where dpkg's Dpkg::Version disagrees");
  // And the dpkg binary itself on an evenly spread sample, including every pair that involves a tilde or an epoch.
  const sample = claims.filter((c, i) => i % 50 === 0 || (/[~:]/.test(c[0] + c[2]) && i % 12 === 0));
  assert.ok(sample.length >= 60);
  assert.deepEqual(dpkgAgrees(sample), [], 'pairs where dpkg --compare-versions disagrees');
});

test('dpkg order: epochs, tilde, revisions (table)', () => {
  const table: [string, string, number][] = [
    ['1:1.0', '2.0', 1],
    ['1.0~rc1', '1.0', -1],
    ['1.0~~', '1.0~', -1],
    ['1.0', '1.0-0', 0],
    ['1.0-1', '1.0-1+deb12u1', -1],
    ['3.0.11-1~deb12u2', '3.0.11-1', -1],
    ['2.36-9+deb12u7', '2.36-9+deb12u14', -1],
    ['1.0a', '1.0+', -1],
    ['0010', '10', 0],
  ];
  for (const [a, b, want] of table) assert.equal(Math.sign(compareDpkgVersions(a, b)), want, `${a} vs ${b}`);
  assert.equal(parseDpkgVersion('x:1'), null);
  assert.throws(() => compareDpkgVersions('', '1'), RangeError);
});

test("apk order passes apk-tools' own test vectors (test/unit/version.data)", () => {
  const vectors = lines('apk-version.data');
  let checked = 0;
  for (const raw of vectors) {
    const line = raw.split('#')[0]!.trim();
    if (!line) continue;
    const parts = line.split(/\s+/);
    if (parts.length === 3) {
      const [a, rawOp, b] = parts as [string, string, string];
      let op = rawOp;
      const invert = op.startsWith('!');
      if (invert) op = op.slice(1);
      const fuzzy = op.includes('~');
      const c = compareApkVersions(a, b, fuzzy);
      const ok =
        (op.includes('<') && c < 0) ||
        (op.includes('>') && c > 0) ||
        ((op.includes('=') || fuzzy) && c === 0);
      assert.equal(ok, !invert, `apk: ${line} (compare gave ${c})`);
    } else {
      const invert = line.startsWith('!');
      const v = invert ? line.slice(1) : line;
      assert.equal(isValidApkVersion(v), !invert, `apk validity: ${line}`);
    }
    checked++;
  }
  assert.ok(checked > 700, `only ${checked} vectors`);
});
