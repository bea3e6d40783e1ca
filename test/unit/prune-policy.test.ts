import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { InputError } from '../../shared/errors.ts';
import { parseDuration, parsePolicy, parseTagPattern, type PolicyInputs } from '../../shared/prune/policy.ts';

const base: PolicyInputs = { rules: '', 'keep-tags': '', untagged: '', 'untagged-grace': '' };

describe('prune policy inputs', () => {
  const bad: { name: string; inputs: Partial<PolicyInputs>; input: string; message: RegExp }[] = [
    { name: 'rules not YAML', inputs: { rules: '- tags: [' }, input: 'rules', message: /not YAML/ },
    { name: 'rules not a list', inputs: { rules: 'tags: dev-*' }, input: 'rules', message: /YAML list/ },
    {
      name: 'unknown rule key',
      inputs: { rules: '- tags: dev-*\n  keep-last: 3' },
      input: 'rules',
      message: /unknown key 'keep-last'/,
    },
    {
      name: 'rule without a limit',
      inputs: { rules: '- tags: dev-*' },
      input: 'rules',
      message: /neither 'keep' nor 'younger-than'/,
    },
    {
      name: 'negative keep',
      inputs: { rules: '- tags: dev-*\n  keep: -1' },
      input: 'rules',
      message: /not a count/,
    },
    {
      name: 'malformed duration',
      inputs: { rules: '- tags: dev-*\n  younger-than: 3 days' },
      input: 'rules',
      message: /not a duration/,
    },
    {
      name: 'malformed glob',
      inputs: { rules: '- tags: dev/*\n  keep: 1' },
      input: 'rules',
      message: /not a tag pattern/,
    },
    {
      name: 'malformed regex',
      inputs: { 'keep-tags': '/[a-/' },
      input: 'keep-tags',
      message: /not a valid regular expression/,
    },
    {
      name: 'duplicate rules',
      inputs: { rules: '- tags: dev-*\n  keep: 1\n- tags: dev-*\n  keep: 5' },
      input: 'rules',
      message: /two rules for the same pattern/,
    },
    {
      name: 'rule conflicting with keep-tags',
      inputs: { rules: '- tags: prod\n  keep: 0', 'keep-tags': 'prod' },
      input: 'rules',
      message: /conflicts with keep-tags/,
    },
    {
      name: 'unknown untagged mode',
      inputs: { untagged: 'sometimes' },
      input: 'untagged',
      message: /delete \| keep/,
    },
    {
      name: 'malformed grace',
      inputs: { 'untagged-grace': '1 hour' },
      input: 'untagged-grace',
      message: /not a duration/,
    },
  ];
  for (const c of bad) {
    test(`rejects ${c.name}, naming the input`, () => {
      assert.throws(
        () => parsePolicy({ ...base, ...c.inputs }),
        (e: unknown) => e instanceof InputError && e.input === c.input && c.message.test(e.message),
      );
    });
  }

  test('durations combine units', () => {
    assert.equal(parseDuration('x', '1w2d'), 9 * 86_400_000);
    assert.equal(parseDuration('x', '90m'), 5_400_000);
    assert.equal(parseDuration('x', '0'), 0);
  });

  test('globs match whole tags; @semver matches metadata-action semver tags', () => {
    const g = parseTagPattern('x', 'dev-*');
    assert.ok(g.test('dev-1') && !g.test('xdev-1') && !g.test('dev'));
    const s = parseTagPattern('x', '@semver');
    for (const t of ['1.2.3', 'v1.2.3', '1.2', '1', '1.2.3-rc.1']) assert.ok(s.test(t), t);
    for (const t of ['latest', 'sha-abc1234', '01.2.3']) assert.ok(!s.test(t), t);
  });

  test('defaults: untagged delete with a one-hour grace', () => {
    const p = parsePolicy(base);
    assert.equal(p.deleteUntagged, true);
    assert.equal(p.untaggedGraceMs, 3_600_000);
    assert.deepEqual(p.rules, []);
  });
});
