/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent
 * transpositions: `sered` is one edit from `serde`), with an early exit once
 * the distance exceeds `limit`, since callers only ask "is it 1?".
 */
export function osaDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = [
    new Array<number>(b.length + 1),
    new Array<number>(b.length + 1),
    new Array<number>(b.length + 1),
  ];
  for (let j = 0; j <= b.length; j++) rows[1]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const [twoBack, prev, cur] = [rows[0]!, rows[1]!, rows[2]!];
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, twoBack[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    rows.push(rows.shift()!);
  }
  return rows[1]![b.length]!;
}

/** Every string obtained by deleting one character (the "symmetric delete" index key set). */
export function oneDeletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}
