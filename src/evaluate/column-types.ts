import { SynthError, type Cell, type Table } from '../core/index.js';
import type { ColumnTypeInfo } from './report-types.js';
import { guessDatetimeFormat } from './datetime-parse.js';

/** SDV's column sdtypes as the report names them. */
export type SdType = ColumnTypeInfo['sdtype'];

/** The sdtypes that quality metrics score; id, text and unknown columns are left out (as SDMetrics does). */
export const SCORED_SDTYPES: readonly SdType[] = ['numerical', 'datetime', 'categorical', 'boolean'];

/** SDV-style single-table metadata: column sdtypes (and datetime formats), optionally the primary key. */
export interface Metadata {
  readonly columns: Readonly<Record<string, { readonly sdtype: string; readonly datetime_format?: string }>>;
  readonly primary_key?: string;
}

const KNOWN_SDTYPES = new Set<string>(['numerical', 'datetime', 'categorical', 'boolean', 'id', 'text', 'unknown']);

/**
 * Reads SDV metadata: `{ columns: {...} }` or `{ tables: { name: { columns } } }` with exactly one table.
 * Any other sdtype (a PII type such as `email`) counts as `unknown` and is not scored.
 */
export function parseMetadata(doc: unknown, path = 'metadata'): Metadata {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new SynthError('INVALID_ARGUMENT', 'metadata must be a JSON object with "columns"', { path, expected: '{ "columns": { ... } }' });
  }
  let meta = doc as Record<string, unknown>;
  if (typeof meta.tables === 'object' && meta.tables !== null) {
    const tables = Object.values(meta.tables as Record<string, unknown>);
    if (tables.length !== 1) {
      throw new SynthError('INVALID_ARGUMENT', `metadata must describe exactly one table, found ${tables.length}`, { path: `${path}/tables` });
    }
    meta = tables[0] as Record<string, unknown>;
  }
  const cols = meta.columns;
  if (typeof cols !== 'object' || cols === null || Array.isArray(cols)) {
    throw new SynthError('INVALID_ARGUMENT', 'metadata has no "columns" object', { path: `${path}/columns`, hint: 'Use SDV metadata: { "columns": { "age": { "sdtype": "numerical" } } }' });
  }
  const columns: Record<string, { sdtype: string; datetime_format?: string }> = {};
  for (const [name, info] of Object.entries(cols as Record<string, unknown>)) {
    const i = (typeof info === 'object' && info !== null ? info : {}) as Record<string, unknown>;
    const sdtype = typeof i.sdtype === 'string' ? i.sdtype : 'unknown';
    columns[name] = typeof i.datetime_format === 'string' ? { sdtype, datetime_format: i.datetime_format } : { sdtype };
  }
  return typeof meta.primary_key === 'string' ? { columns, primary_key: meta.primary_key } : { columns };
}

/** True for a missing value: null, undefined, NaN or the empty string (an empty CSV field). */
export function isNullCell(v: Cell): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
}

const NUMERIC_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** The number a cell holds (numeric text is parsed, booleans are 1/0), or NaN. */
export function cellNumber(v: Cell): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return NUMERIC_TEXT.test(v) ? Number(v) : Number.NaN;
  if (v instanceof Date) return v.getTime();
  return Number.NaN;
}

/** How the non-null cells of a column look, the way a CSV reader with type inference would type them. */
export type CellShape = 'empty' | 'boolean' | 'number' | 'date' | 'text';

/** The shape of a column's non-null cells (`text` as soon as one cell is neither number nor boolean). */
export function columnShape(cells: readonly Cell[]): CellShape {
  let shape: CellShape = 'empty';
  for (const v of cells) {
    if (isNullCell(v)) continue;
    let s: CellShape;
    if (typeof v === 'boolean') s = 'boolean';
    else if (typeof v === 'string' && /^(true|false)$/i.test(v)) s = 'boolean';
    else if (typeof v === 'number' || typeof v === 'bigint') s = 'number';
    else if (typeof v === 'string' && NUMERIC_TEXT.test(v)) s = 'number';
    else if (v instanceof Date) s = 'date';
    else return 'text';
    if (shape === 'empty') shape = s;
    else if (shape !== s) return 'text';
  }
  return shape;
}

/** Python's round(): halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * The sdtype of each column, from metadata when given (columns it does not name are `unknown`), otherwise
 * inferred from the reference table as SDV does: whole non-negative numbers with at most min(rows/10, 10) values
 * are categorical, text that one datetime format parses throughout is datetime, true/false is boolean.
 */
export function detectColumnTypes(table: Table, columns: readonly string[], metadata?: Metadata): Record<string, ColumnTypeInfo> {
  const out: Record<string, ColumnTypeInfo> = {};
  for (const name of columns) {
    if (metadata !== undefined) {
      const info = metadata.columns[name];
      const sdtype = (info !== undefined && KNOWN_SDTYPES.has(info.sdtype) ? info.sdtype : 'unknown') as SdType;
      out[name] = info?.datetime_format !== undefined && sdtype === 'datetime'
        ? { sdtype, source: 'metadata', datetimeFormat: info.datetime_format }
        : { sdtype, source: 'metadata' };
      continue;
    }
    const index = table.fields.findIndex((f) => f.name === name);
    out[name] = index < 0 ? { sdtype: 'unknown', source: 'inferred' } : inferColumnType(table.columns[index]!, table.length);
  }
  return out;
}

function inferColumnType(cells: readonly Cell[], rows: number): ColumnTypeInfo {
  const shape = columnShape(cells);
  if (shape === 'boolean') return { sdtype: 'boolean', source: 'inferred' };
  if (shape === 'date') return { sdtype: 'datetime', source: 'inferred' };
  if (shape === 'number' || shape === 'empty') {
    if (shape === 'number' && rows > 5) {
      const distinct = new Set<number>();
      let whole = true;
      let positive = true;
      for (const v of cells) {
        if (isNullCell(v)) continue;
        const n = cellNumber(v);
        if (!Number.isInteger(n)) whole = false;
        if (n < 0) positive = false;
        distinct.add(n);
      }
      if (whole && positive && distinct.size <= Math.min(roundHalfEven(rows / 10), 10)) return { sdtype: 'categorical', source: 'inferred' };
    }
    return { sdtype: 'numerical', source: 'inferred' };
  }
  const sample: string[] = [];
  for (const v of cells) {
    if (isNullCell(v)) continue;
    sample.push(String(v));
    if (sample.length >= 10_000) break;
  }
  const format = guessDatetimeFormat(sample);
  if (format !== undefined) return { sdtype: 'datetime', source: 'inferred', datetimeFormat: format };
  return { sdtype: 'categorical', source: 'inferred' };
}
