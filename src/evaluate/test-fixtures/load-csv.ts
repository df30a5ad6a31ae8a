import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { field, type Cell, type Field, type Table } from '../../core/index.js';

// The missing-value markers of pandas.read_csv, so tests read a CSV the way the reference judge does.
const NA = new Set(['', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null']);
const NUM = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Reads a CSV into a Table typed as pandas would type it: numbers, booleans (True/TRUE/true), text; NA markers as null. */
export function loadCsv(path: string): Table {
  const records = parse(readFileSync(path, 'utf8'), { bom: true, relax_column_count: true }) as string[][];
  const header = records[0] ?? [];
  const rows = records.slice(1);
  const fields: Field[] = [];
  const columns: Cell[][] = [];
  header.forEach((name, c) => {
    const raw = rows.map((r) => (NA.has(r[c] ?? '') ? null : r[c]!));
    const present = raw.filter((v): v is string => v !== null);
    if (present.length > 0 && present.every((v) => NUM.test(v))) {
      fields.push(field(name, 'number', true));
      columns.push(raw.map((v) => (v === null ? null : Number(v))));
    } else if (present.length > 0 && present.every((v) => v === 'True' || v === 'TRUE' || v === 'true' || v === 'False' || v === 'FALSE' || v === 'false')) {
      fields.push(field(name, 'boolean', true));
      columns.push(raw.map((v) => (v === null ? null : v.toLowerCase() === 'true')));
    } else {
      fields.push(field(name, 'string', true));
      columns.push(raw);
    }
  });
  return { fields, columns, length: rows.length };
}
