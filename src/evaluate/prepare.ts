import type { Cell } from '../core/index.js';
import type { ColumnTypeInfo } from './report-types.js';
import { cellNumber, columnShape, isNullCell } from './column-types.js';
import { parseDatetimeLoose, parseWithFormat } from './datetime-parse.js';

/** A continuous column as numbers: NaN for null or unparsable cells. */
export interface ContinuousValues {
  readonly kind: 'cont';
  readonly values: Float64Array;
}

/** A discrete column as codes into a category dictionary shared by both tables; -1 is null. */
export interface DiscreteValues {
  readonly kind: 'disc';
  readonly codes: Int32Array;
  readonly dictionary: CategoryDictionary;
}

/** A column ready for the metrics. */
export type PreparedValues = ContinuousValues | DiscreteValues;

/** The categories seen so far, shared by the real and synthetic column so codes compare. */
export class CategoryDictionary {
  readonly labels: string[] = [];
  private readonly index = new Map<string, number>();

  /** The code of `label`, adding it when new. */
  code(label: string): number {
    let c = this.index.get(label);
    if (c === undefined) {
      c = this.labels.length;
      this.labels.push(label);
      this.index.set(label, c);
    }
    return c;
  }

  /** The number of categories. */
  get size(): number {
    return this.labels.length;
  }
}

/** True when the sdtype is compared as numbers (KS, correlation). */
export function isContinuous(info: ColumnTypeInfo): boolean {
  return info.sdtype === 'numerical' || info.sdtype === 'datetime';
}

/** Numbers for a numerical or datetime column (datetimes as UTC milliseconds). */
export function continuousValues(cells: readonly Cell[], info: ColumnTypeInfo): ContinuousValues {
  const out = new Float64Array(cells.length);
  const datetime = info.sdtype === 'datetime';
  const format = info.datetimeFormat;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (isNullCell(v)) out[i] = Number.NaN;
    else if (datetime && typeof v === 'string') {
      let t = format === undefined ? Number.NaN : parseWithFormat(v, format);
      if (Number.isNaN(t) && format === undefined) t = parseDatetimeLoose(v);
      out[i] = t;
    } else out[i] = cellNumber(v);
  }
  return { kind: 'cont', values: out };
}

/**
 * Category codes for a column. A column whose cells are all numbers (or numeric text) is keyed by value, so
 * `8`, `8.0` and "8" are one category, and a true/false column by truth, as a CSV reader with types would.
 */
export function discreteValues(cells: readonly Cell[], dictionary: CategoryDictionary): DiscreteValues {
  const shape = columnShape(cells);
  const codes = new Int32Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (isNullCell(v)) {
      codes[i] = -1;
      continue;
    }
    codes[i] = dictionary.code(categoryKey(v, shape));
  }
  return { kind: 'disc', codes, dictionary };
}

function categoryKey(v: Cell, shape: string): string {
  if (shape === 'number') return String(cellNumber(v));
  if (shape === 'boolean') return (typeof v === 'boolean' ? v : String(v).toLowerCase() === 'true') ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  return JSON.stringify(v);
}

/** A column of both tables prepared the same way (the synthetic side only when there is no reference). */
export interface PreparedColumn {
  readonly name: string;
  readonly info: ColumnTypeInfo;
  readonly real: PreparedValues | undefined;
  readonly synthetic: PreparedValues;
}

/** Prepares one column of both tables for the metrics; non-scored sdtypes are treated as categories. */
export function prepareColumn(name: string, info: ColumnTypeInfo, real: readonly Cell[] | undefined, synthetic: readonly Cell[]): PreparedColumn {
  if (isContinuous(info)) {
    return { name, info, real: real === undefined ? undefined : continuousValues(real, info), synthetic: continuousValues(synthetic, info) };
  }
  const dictionary = new CategoryDictionary();
  return {
    name,
    info,
    real: real === undefined ? undefined : discreteValues(real, dictionary),
    synthetic: discreteValues(synthetic, dictionary),
  };
}
