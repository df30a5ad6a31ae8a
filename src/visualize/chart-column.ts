import type { Cell } from '../core/index.js';
import { toNumbers, type ColumnRole } from './column-stats.js';

/** A column as the chart builders see it: one array of cells per series (synthetic, then real), floats made on demand. */
export interface Column {
  readonly name: string;
  readonly role: ColumnRole;
  readonly integer: boolean;
  readonly cells: (readonly Cell[])[];
  /** Per series, the column as floats (NaN = missing), converted on first use. */
  readonly numbers: (Float64Array | undefined)[];
}

export function numbersOf(col: Column, s: number): Float64Array {
  return (col.numbers[s] ??= toNumbers(col.cells[s]!, col.role));
}

export function usableCount(values: Float64Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
  return n;
}

export function rangeOf(values: Float64Array): { min: number; max: number; count: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    count++;
  }
  return { min, max, count };
}
