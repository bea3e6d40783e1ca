import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { cyclicComponents } from '../../shared/deps/tarjan.ts';

const sorted = (components: number[][]): number[][] =>
  components.map((c) => [...c].sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);

function edges(pairs: [number, number][]): { from: number[]; to: number[] } {
  return { from: pairs.map((p) => p[0]), to: pairs.map((p) => p[1]) };
}

test('finds known components, a self-loop, and ignores acyclic parts', () => {
  const g = edges([
    [0, 1],
    [1, 2],
    [2, 0], // cycle 0-1-2
    [2, 3],
    [3, 4], // tail
    [5, 5], // self-loop
    [6, 7],
    [7, 6],
    [7, 8],
    [8, 9],
    [9, 7], // 6..9 one component
  ]);
  assert.deepEqual(sorted(cyclicComponents(10, g)), [[0, 1, 2], [5], [6, 7, 8, 9]]);
});

test('a 200 000-node chain closed into one cycle: no stack overflow, one component', () => {
  const n = 200_000;
  const from = Int32Array.from({ length: n }, (_, i) => i);
  const to = Int32Array.from({ length: n }, (_, i) => (i + 1) % n);
  const components = cyclicComponents(n, { from, to });
  assert.equal(components.length, 1);
  assert.equal(components[0]!.length, n);
});

test('agrees with a brute-force reachability check on random graphs', () => {
  let seed = 42;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let round = 0; round < 30; round++) {
    const n = 2 + Math.floor(random() * 25);
    const pairs: [number, number][] = [];
    for (let i = 0; i < n * 1.5; i++) pairs.push([Math.floor(random() * n), Math.floor(random() * n)]);
    const reach = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
    for (const [a, b] of pairs) reach[a]![b] = true;
    for (let k = 0; k < n; k++)
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) if (reach[i]![k] && reach[k]![j]) reach[i]![j] = true;
    const expected: number[][] = [];
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      if (seen.has(i)) continue;
      const comp = [i];
      for (let j = i + 1; j < n; j++) if (reach[i]![j] && reach[j]![i]) comp.push(j);
      comp.forEach((c) => seen.add(c));
      if (comp.length > 1 || reach[i]![i]) expected.push(comp);
    }
    assert.deepEqual(sorted(cyclicComponents(n, edges(pairs))), sorted(expected), `round ${round}`);
  }
});
