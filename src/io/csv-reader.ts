import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import { SynthError, type Cell } from '../core/index.js';
import type { RawBatch, RawReadOptions } from './raw-source.js';

/** The delimiters sniffing chooses from. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Guesses the delimiter from the first lines: the candidate found the same (non-zero) number of times outside
 * quotes on the most lines wins; ties go to the earlier one in {@link CSV_DELIMITERS}, so plain text reads as comma.
 */
export function sniffDelimiter(sample: string): string {
  const lines: string[] = [];
  let cur = '';
  let inQuotes = false;
  for (let i = 0; i < sample.length && lines.length < 20; i++) {
    const ch = sample[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (cur.length > 0) lines.push(cur);
      cur = '';
    } else if (!inQuotes || ch === '"') cur += ch;
  }
  if (cur.length > 0 && lines.length < 20) lines.push(cur);
  let best: string = CSV_DELIMITERS[0];
  let bestScore = 0;
  for (const d of CSV_DELIMITERS) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Reads the first ~64 KiB of text for sniffing and gives it back with the rest of the stream. */
async function peek(text: AsyncIterable<string>, want: number): Promise<{ head: string; rest: AsyncIterator<string> }> {
  const it = text[Symbol.asyncIterator]();
  let head = '';
  while (head.length < want) {
    const r = await it.next();
    if (r.done === true) break;
    head += r.value;
  }
  return { head, rest: it };
}

async function* prepend(head: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  try {
    if (head.length > 0) yield head;
    for (;;) {
      const r = await rest.next();
      if (r.done === true) return;
      yield r.value;
    }
  } finally {
    // Stopping early (maxRows, an error, a consumer that breaks) must close the file underneath.
    await rest.return?.();
  }
}

/** Parses delimited text into raw batches of strings (empty field -> null), checking the header and every row's width. */
export async function* csvRawBatches(text: AsyncIterable<string>, options: RawReadOptions & { readonly delimiter?: string }): AsyncGenerator<RawBatch> {
  const { name, batchRows } = options;
  const peeked = await peek(text, 1 << 16);
  let head = peeked.head;
  const rest = peeked.rest;
  if (head.trim() === '') throw new SynthError('IO_EMPTY', `"${name}" is empty.`, { path: name, hint: 'Provide a header row and at least one data row.' });
  // Spreadsheet programs write a first line "sep=;" to name the delimiter; honour it and skip it.
  const sep = /^sep=([^\r\n])\r?\n/i.exec(head);
  if (sep !== null) head = head.slice(sep[0].length);
  const skipped = sep === null ? 0 : 1;
  const delimiter = options.delimiter ?? sep?.[1] ?? sniffDelimiter(head);
  // No `info` records: copying the parser's info object per record costs a sixth of the parse time. Ragged rows
  // come back as csv-parse's own error, which carries the line.
  const parser = parse({ delimiter, skip_empty_lines: true, bom: true });
  const feeding = pipeline(Readable.from(prepend(head, rest), { objectMode: true }), parser).catch(() => undefined);
  let names: string[] | undefined;
  let columns: Cell[][] = [];
  let n = 0;
  let total = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (names === undefined) {
        names = headerNames(record, name);
        columns = names.map(() => new Array<Cell>(batchRows));
        continue;
      }
      for (let c = 0; c < record.length; c++) {
        const v = record[c]!;
        columns[c]![n] = v === '' ? null : v;
      }
      n++;
      total++;
      if (n === batchRows) {
        yield { names, columns, length: n };
        columns = names.map(() => new Array<Cell>(batchRows));
        n = 0;
      }
    }
  } catch (e) {
    if (e instanceof SynthError) throw e;
    const ce = e as CsvError & { lines?: number; column?: number; record?: unknown[] };
    if (ce.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
      // The parser runs ahead of this loop, so the header may not have been seen here yet: take the width from it.
      const want = names?.length ?? Number(/expect (\d+)/.exec(ce.message)?.[1] ?? 0);
      throw raggedRow(name, (ce.lines ?? 0) + skipped, want, ce.record?.length ?? 0, delimiter);
    }
    if (typeof ce.code === 'string' && ce.code.startsWith('CSV_')) {
      const line = ce.lines === undefined ? '?' : ce.lines + skipped;
      const at = `${name}:${line}${ce.column !== undefined ? `:${ce.column + 1}` : ''}`;
      throw new SynthError('IO_PARSE', `"${name}" is not valid CSV at line ${line}: ${ce.message}`, { path: at, cause: e, hint: 'Check the quoting near that line: a field with a quote, delimiter or line break must be wrapped in double quotes, with inner quotes doubled.' });
    }
    throw e;
  } finally {
    parser.destroy();
    await feeding;
  }
  if (names === undefined) throw new SynthError('IO_EMPTY', `"${name}" has no header row.`, { path: name });
  if (total === 0) throw new SynthError('IO_EMPTY', `"${name}" has a header but no data rows.`, { path: name, hint: 'Provide at least one data row.' });
  if (n > 0) {
    for (const col of columns) col.length = n;
    yield { names, columns, length: n };
  }
}

function headerNames(record: readonly string[], file: string): string[] {
  const names = record.map((h, i) => (h.trim() === '' ? `column_${i + 1}` : h));
  const seen = new Map<string, number>();
  names.forEach((h, i) => {
    const prev = seen.get(h);
    if (prev !== undefined) {
      throw new SynthError('IO_DUPLICATE_COLUMN', `"${file}" has two columns named "${h}" (columns ${prev + 1} and ${i + 1}).`, { path: `${file}:1:${i + 1}`, received: h, hint: 'Rename one of them in the header row.' });
    }
    seen.set(h, i);
  });
  return names;
}

/** A row whose width differs from the header's; `line` is where the row ends (a quoted field may span lines). */
function raggedRow(file: string, line: number, want: number, got: number, delimiter: string): SynthError {
  const col = Math.min(want, got) + 1;
  const d = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
  return new SynthError('IO_RAGGED_ROW', `"${file}" line ${line} has ${got} fields but the header has ${want} (first difference at field ${col}).`, {
    path: `${file}:${line}:${col}`,
    expected: want,
    received: got,
    hint: `Check the row for an unquoted ${d} inside a value or a missing field; the delimiter used is ${d}.`,
  });
}
