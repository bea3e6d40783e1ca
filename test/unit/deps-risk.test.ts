import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { EMPTY_ALLOW_LIST, parseAllowList } from '../../shared/deps/allow-list.ts';
import { finding, type FindingKind } from '../../shared/deps/findings.ts';
import { RISK_WEIGHTS, scoreRisk } from '../../shared/deps/risk.ts';
import { InputError } from '../../shared/errors.ts';

const f = (kind: FindingKind, subject: string) => finding(kind, subject, `${kind} ${subject}`, []);

test('each finding adds its weight until the kind reaches its cap; each contribution is recorded', () => {
  const findings = [
    f('typosquat', 'a'),
    f('typosquat', 'b'),
    f('typosquat', 'c'),
    f('duplicate', 'x'),
    f('dev-cycle', 'y'),
  ];
  const risk = scoreRisk(findings, EMPTY_ALLOW_LIST);
  assert.equal(risk.score, 41);
  assert.deepEqual(
    risk.findings.map((x) => [x.id, x.contribution]),
    [
      ['dev-cycle:y', 0],
      ['duplicate:x', 1],
      ['typosquat:a', 20],
      ['typosquat:b', 20],
      ['typosquat:c', 0],
    ],
  );
  assert.deepEqual(risk.byKind.typosquat, { findings: 3, allowed: 0, points: 40 });
});

test('the score is clamped to 100 and every weight stays within its cap', () => {
  const many = Object.keys(RISK_WEIGHTS).flatMap((k) =>
    Array.from({ length: 10 }, (_, i) => f(k as FindingKind, String(i))),
  );
  assert.equal(scoreRisk(many, EMPTY_ALLOW_LIST).score, 100);
  for (const [kind, w] of Object.entries(RISK_WEIGHTS)) assert.ok(w.perFinding <= w.cap || w.cap === 0, kind);
});

test('allowed findings stay in the result and add nothing; wildcards match families', () => {
  const allow = parseAllowList('allow', ['typosquat:serde-json', 'duplicate:windows-*']);
  const risk = scoreRisk(
    [f('typosquat', 'serde-json'), f('duplicate', 'windows-sys'), f('duplicate', 'rand')],
    allow,
  );
  assert.equal(risk.score, 1);
  assert.deepEqual(
    risk.findings.map((x) => [x.id, x.allowed]),
    [
      ['duplicate:rand', false],
      ['duplicate:windows-sys', true],
      ['typosquat:serde-json', true],
    ],
  );
  assert.equal(risk.findings.find((x) => x.id === 'duplicate:rand')?.contribution, 1);
});

test('allow-list entries that are not finding ids are rejected naming the input', () => {
  for (const line of ['serde-json', 'typo:serde', 'cycle:', ':x']) {
    assert.throws(
      () => parseAllowList('allow', [line]),
      (e: unknown) =>
        e instanceof InputError && /^input 'allow': '.*' is not a finding id \(accepted: /.test(e.message),
      line,
    );
  }
});
