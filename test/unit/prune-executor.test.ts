import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { DeleteBudget, executePlan } from '../../shared/prune/executor.ts';
import type { Decision, Plan, PruneTarget } from '../../shared/prune/types.ts';

const entry = (digest: string, after?: string[]): Decision => ({
  id: digest,
  digest,
  tags: [],
  kind: 'untagged',
  action: 'delete',
  reason: 'test',
  ...(after ? { after } : {}),
});
const plan = (del: Decision[], blocked = false): Plan => ({
  schema: 'infrasim.prune-plan/v1',
  package: 'p',
  target: 'registry',
  generatedAt: '2026-01-01T00:00:00Z',
  blocked: blocked ? [{ digest: 'x', via: 'tag x', reason: 'HTTP 500' }] : [],
  warnings: [],
  delete: del,
  keep: [],
});

function target(
  outcomes: Record<string, 'deleted' | 'already-gone' | 'refused' | Error>,
): PruneTarget & { calls: string[] } {
  const calls: string[] = [];
  return {
    kind: 'registry',
    refusesLastTaggedVersion: false,
    calls,
    inventory: () => Promise.reject(new Error('not used')),
    requestCount: () => calls.length,
    async deleteVersion(v) {
      calls.push(v.digest);
      const o = outcomes[v.digest] ?? 'deleted';
      if (o instanceof Error) throw o;
      return o === 'refused' ? { outcome: o, message: '400: no' } : { outcome: o };
    },
  };
}

describe('prune executor', () => {
  const fastBudget = () => new DeleteBudget(6000, Date.now, () => Promise.resolve());

  test('a failed index keeps its children: they are skipped, never deleted from under it', async () => {
    const t = target({ index: new Error('HTTP 500 (gave up after 5 attempts)') });
    const r = await executePlan(
      plan([entry('index'), entry('other'), entry('child', ['index', 'other'])]),
      t,
      {
        budget: fastBudget(),
        log: () => {},
      },
    );
    assert.deepEqual(t.calls, ['index', 'other']);
    assert.deepEqual(
      r.map((x) => x.outcome),
      ['failed', 'deleted', 'skipped'],
    );
    assert.match(r[2]!.message!, /index still there, referring to it: deleting it would break that manifest/);
  });

  test('404 is done, a refusal is reported once and holds up what depends on it', async () => {
    const t = target({ a: 'already-gone', b: 'refused' });
    const r = await executePlan(plan([entry('a'), entry('b'), entry('c', ['a']), entry('d', ['b'])]), t, {
      budget: fastBudget(),
      log: () => {},
    });
    assert.deepEqual(
      r.map((x) => x.outcome),
      ['already-gone', 'refused', 'deleted', 'skipped'],
    );
    assert.equal(t.calls.filter((c) => c === 'b').length, 1);
  });

  test('a blocked plan deletes nothing', async () => {
    const t = target({});
    assert.deepEqual(
      await executePlan(plan([entry('a')], true), t, { budget: fastBudget(), log: () => {} }),
      [],
    );
    assert.deepEqual(t.calls, []);
  });

  test('the budget spaces deletions evenly: never more than N in any minute', async () => {
    let now = 0;
    const b = new DeleteBudget(
      30,
      () => now,
      async (ms) => {
        now += ms;
      },
    );
    for (let i = 0; i < 100; i++) await b.take();
    assert.equal(b.busiestMinute(), 30);
    assert.equal(now, 99 * 2000);
  });
});
