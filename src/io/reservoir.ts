import { Rng, type Cell, type Seed } from '../core/index.js';
import type { RawBatch, RawSource } from './raw-source.js';

/** How many rows a reservoir saw, filled in once its source has been read. */
export interface ReservoirCount {
  rowsSeen: number;
}

/**
 * A source that yields at most `maxRows` rows of `src`, a uniform sample drawn while streaming (reservoir sampling,
 * Algorithm R) with an Rng of its own from `seed`, then put back in file order. Memory holds the sample, never the
 * file; a file of `maxRows` rows or fewer comes through whole and unchanged.
 */
export function reservoirSource(src: RawSource, maxRows: number, seed: Seed, count: ReservoirCount): RawSource {
  async function* batches(): AsyncGenerator<RawBatch> {
    const rng = new Rng(seed).fork('fit-sample');
    const names: string[] = [];
    const index = new Map<string, number>();
    // Row-major while sampling: a replaced row is one slot, whatever its columns.
    const rows: Cell[][] = [];
    const order: number[] = [];
    let seen = 0;
    for await (const raw of src.batches) {
      const at = raw.names.map((name) => {
        let k = index.get(name);
        if (k === undefined) {
          k = names.length;
          index.set(name, k);
          names.push(name);
        }
        return k;
      });
      for (let i = 0; i < raw.length; i++, seen++) {
        let slot = rows.length;
        if (seen >= maxRows) {
          slot = rng.int(0, seen);
          if (slot >= maxRows) continue;
        }
        const row: Cell[] = [];
        for (let c = 0; c < at.length; c++) row[at[c]!] = raw.columns[c]![i];
        rows[slot] = row;
        order[slot] = seen;
      }
    }
    count.rowsSeen = seen;
    const byFileOrder = rows.map((_r, k) => k).sort((a, b) => order[a]! - order[b]!);
    const columns = names.map((_n, c) => byFileOrder.map((k) => rows[k]![c]));
    if (byFileOrder.length > 0) yield { names, columns, length: byFileOrder.length };
  }
  return { ...src, meta: () => src.meta(), batches: batches() };
}
