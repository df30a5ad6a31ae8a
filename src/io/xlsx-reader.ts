import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';

// exceljs takes about a second to load; it is loaded when an XLSX file is read, not when synthdata starts.
const requireLazy = createRequire(import.meta.url);
let excel: typeof ExcelJSModule | undefined;
const excelLib = (): typeof ExcelJSModule => (excel ??= requireLazy('exceljs') as typeof ExcelJSModule);
import { SynthError, type Cell } from '../core/index.js';
import type { RawBatch, RawReadOptions } from './raw-source.js';

/** A spreadsheet cell as a plain value: dates as ISO strings (date only at midnight), formulas as their result. */
function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; formula?: unknown; sharedFormula?: unknown; result?: unknown; text?: unknown; hyperlink?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o || o.formula !== undefined || o.sharedFormula !== undefined) return cellValue(o.result);
    if (o.text !== undefined) return cellValue(o.text);
    if (o.error !== undefined) return null;
  }
  return String(v);
}

/** Reads one sheet (the first, or `sheet` by name) of an .xlsx file row by row with exceljs's streaming reader. */
export async function* xlsxRawBatches(path: string, options: RawReadOptions & { readonly sheet?: string }): AsyncGenerator<RawBatch> {
  const { name, batchRows, sheet } = options;
  const reader = new (excelLib().stream.xlsx.WorkbookReader)(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const seen: string[] = [];
  let found = false;
  try {
    for await (const ws of reader) {
      const wsName = (ws as unknown as { name?: string }).name ?? `Sheet${seen.length + 1}`;
      seen.push(wsName);
      if (found || (sheet !== undefined && wsName !== sheet)) {
        // A skipped sheet is read through all the same: exceljs may have parked it in a temporary file that it
        // deletes when the iteration moves on, and an unread stream on a deleted file fails outside any caller.
        for await (const _row of ws) void _row;
        continue;
      }
      found = true;
      let names: string[] | undefined;
      let columns: Cell[][] = [];
      let n = 0;
      let total = 0;
      for await (const row of ws) {
        const values = (row.values as unknown[]) ?? [];
        if (names === undefined) {
          const header = values.slice(1).map((v) => cellValue(v));
          if (header.every((h) => h === null)) continue;
          names = header.map((h, i) => (h === null ? `column_${i + 1}` : String(h)));
          const dup = names.find((h, i) => names!.indexOf(h) !== i);
          if (dup !== undefined) throw new SynthError('IO_DUPLICATE_COLUMN', `Sheet "${wsName}" of "${name}" has two columns named "${dup}".`, { path: `${name}#${wsName}:${row.number}`, hint: 'Rename one of them in the header row.' });
          columns = names.map(() => []);
          continue;
        }
        const cells = values.slice(1).map((v) => cellValue(v));
        if (cells.every((c) => c === null)) continue;
        for (let c = names.length; c < cells.length; c++) {
          if (cells[c] !== null) {
            throw new SynthError('IO_RAGGED_ROW', `Sheet "${wsName}" of "${name}" row ${row.number} has a value in column ${c + 1}, beyond the ${names.length} header columns.`, { path: `${name}#${wsName}:${row.number}:${c + 1}`, hint: 'Give the column a header or clear the cell.' });
          }
        }
        for (let c = 0; c < names.length; c++) columns[c]![n] = cells[c] ?? null;
        n++;
        total++;
        if (n === batchRows) {
          yield { names, columns, length: n };
          columns = names.map(() => []);
          n = 0;
        }
      }
      if (names === undefined || total === 0) throw new SynthError('IO_EMPTY', `Sheet "${wsName}" of "${name}" has ${names === undefined ? 'no rows' : 'a header but no data rows'}.`, { path: `${name}#${wsName}` });
      if (n > 0) yield { names, columns, length: n };
    }
  } catch (e) {
    if (e instanceof SynthError) throw e;
    throw new SynthError('IO_PARSE', `"${name}" could not be read as an .xlsx workbook: ${(e as Error).message}`, { path: name, cause: e });
  }
  if (!found) {
    throw new SynthError('IO_PARSE', sheet === undefined ? `"${name}" has no worksheet.` : `"${name}" has no sheet named "${sheet}"; its sheets are: ${seen.join(', ')}.`, { path: name, received: sheet, expected: seen });
  }
}
