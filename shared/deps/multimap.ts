/** Appends to the list under `key` in place (copying the list each time would make grouping quadratic). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Records index `i` under `key`: the number alone while the key has one, a list from its second. Most keys
 * of a large input are seen once, and a list for each would be mostly garbage.
 */
export function pushIndex<K>(map: Map<K, number | number[]>, key: K, i: number): void {
  const seen = map.get(key);
  if (seen === undefined) map.set(key, i);
  else if (typeof seen === 'number') map.set(key, [seen, i]);
  else seen.push(i);
}
