/** The k-anonymity of a table over some quasi-identifier columns. */
export interface KAnonymityResult {
  /** The size of the smallest group of records sharing the same quasi-identifier values (0 for an empty table). */
  readonly k: number;
  readonly groups: number;
  /** The share of records in groups smaller than `minGroup`. */
  readonly shareBelow: number;
  readonly minGroup: number;
}

/**
 * k-anonymity over quasi-identifier columns given as per-row keys (one string per column and row; null as
 * a value of its own): k is the smallest number of records that share one combination.
 */
export function kAnonymity(columns: readonly (readonly unknown[])[], minGroup = 5): KAnonymityResult {
  const rows = columns.length === 0 ? 0 : columns[0]!.length;
  const counts = new Map<string, number>();
  const keys = new Array<string>(rows);
  for (let i = 0; i < rows; i++) {
    let key = '';
    for (const col of columns) key += `${JSON.stringify(col[i] ?? null)}\u0000`;
    keys[i] = key;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let k = rows === 0 ? 0 : Number.POSITIVE_INFINITY;
  for (const c of counts.values()) if (c < k) k = c;
  let below = 0;
  for (const key of keys) if (counts.get(key)! < minGroup) below++;
  return { k, groups: counts.size, shareBelow: rows === 0 ? 0 : below / rows, minGroup };
}
