import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { isSafeNumber, parse as parseLossless } from 'lossless-json';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { SynthError, type Cell } from '../core/index.js';
import { jsonErrorOffset } from './json-position.js';
import type { RawBatch, RawReadOptions } from './raw-source.js';

const LONG_DIGITS = /\d{16}/;
const INTEGER = /^-?\d+$/;

/** Integers beyond 2^53 as BigInt (the typing stage keeps them exact as text), every other number as JSON.parse reads it. */
function exactNumber(text: string): number | bigint {
  return INTEGER.test(text) && !isSafeNumber(text) ? BigInt(text) : Number(text);
}

/**
 * JSON.parse, except that an integer too big for a double (an 18-digit id) is kept exact. Only text with a run of 16
 * digits can hold one, so everything else takes the native parser.
 */
export function parseJsonExact(text: string): unknown {
  return LONG_DIGITS.test(text) ? parseLossless(text, undefined, exactNumber) : JSON.parse(text);
}

/** Gathers row objects into raw batches, growing the column list as new keys appear (first-seen order). */
class RowCollector {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private columns: Cell[][] = [];
  private n = 0;

  constructor(private readonly batchRows: number) {}

  add(row: Record<string, unknown>): RawBatch | undefined {
    for (const key of Object.keys(row)) {
      let c = this.index.get(key);
      if (c === undefined) {
        c = this.names.length;
        this.index.set(key, c);
        this.names.push(key);
        this.columns.push(new Array<Cell>(this.n).fill(undefined));
      }
      this.columns[c]![this.n] = row[key] as Cell;
    }
    this.n++;
    for (const col of this.columns) if (col.length < this.n) col.length = this.n;
    return this.n >= this.batchRows ? this.flush() : undefined;
  }

  flush(): RawBatch | undefined {
    if (this.n === 0) return undefined;
    const batch: RawBatch = { names: [...this.names], columns: this.columns, length: this.n };
    this.columns = this.names.map(() => []);
    this.n = 0;
    return batch;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function notAnObject(name: string, where: string, v: unknown): SynthError {
  const got = v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
  return new SynthError('IO_PARSE', `"${name}" ${where} is ${got}, not an object; each row must be an object of column values.`, { path: `${name}${where.startsWith('line') ? ':' + where.slice(5) : ''}`, received: got, expected: 'object' });
}

/** Line and column (1-based) of a character offset. */
function position(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

function* batchesOfRows(rows: readonly unknown[], name: string, batchRows: number): Generator<RawBatch> {
  if (rows.length === 0) throw new SynthError('IO_EMPTY', `"${name}" holds no rows.`, { path: name });
  const collect = new RowCollector(batchRows);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!isRecord(r)) throw notAnObject(name, `item ${i + 1}`, r);
    const b = collect.add(r);
    if (b !== undefined) yield b;
  }
  const last = collect.flush();
  if (last !== undefined) yield last;
}

/** A JSON array of objects (read whole: check the size limit before calling). */
export function* jsonRawBatches(text: string, options: RawReadOptions): Generator<RawBatch> {
  const { name } = options;
  if (text.trim() === '') throw new SynthError('IO_EMPTY', `"${name}" is empty.`, { path: name });
  let doc: unknown;
  try {
    doc = parseJsonExact(text);
  } catch (e) {
    const offset = jsonErrorOffset(text);
    const at = offset < 0 ? undefined : position(text, offset);
    throw new SynthError('IO_PARSE', `"${name}" is not valid JSON${at === undefined ? '' : ` at line ${at.line}, column ${at.col}`}: ${(e as Error).message}`, {
      path: at === undefined ? name : `${name}:${at.line}:${at.col}`,
      cause: e,
    });
  }
  if (!Array.isArray(doc)) {
    throw new SynthError('IO_PARSE', `"${name}" must hold a JSON array of objects (one per row), not ${doc === null ? 'null' : typeof doc}.`, { path: name, hint: 'Wrap the rows in [ ], or use JSON Lines (.jsonl) with one object per line.' });
  }
  yield* batchesOfRows(doc, name, options.batchRows);
}

/** A YAML sequence of mappings (read whole: check the size limit before calling). */
export function* yamlRawBatches(text: string, options: RawReadOptions): Generator<RawBatch> {
  const { name } = options;
  if (text.trim() === '') throw new SynthError('IO_EMPTY', `"${name}" is empty.`, { path: name });
  let doc: unknown;
  try {
    // Core schema: "yes", "on" and dates stay strings; big integers stay exact.
    doc = parseYaml(text, { schema: 'core', intAsBigInt: true, uniqueKeys: true });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const at = e.linePos?.[0];
      throw new SynthError('IO_PARSE', `"${name}" is not valid YAML: ${e.message.split('\n')[0]}`, { path: at === undefined ? name : `${name}:${at.line}:${at.col}`, cause: e });
    }
    throw e;
  }
  if (!Array.isArray(doc)) {
    throw new SynthError('IO_PARSE', `"${name}" must hold a YAML sequence of mappings (one per row).`, { path: name, hint: 'Start each row with "- key: value".' });
  }
  yield* batchesOfRows(doc, name, options.batchRows);
}

/** JSON Lines, streamed line by line; errors name the line. Blank lines are skipped. */
export async function* jsonlRawBatches(text: AsyncIterable<string>, options: RawReadOptions): AsyncGenerator<RawBatch> {
  const { name } = options;
  const input = Readable.from(text, { objectMode: true });
  const lines = createInterface({ input, crlfDelay: Infinity });
  const collect = new RowCollector(options.batchRows);
  let lineNo = 0;
  let rows = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      let row: unknown;
      try {
        row = parseJsonExact(line);
      } catch (e) {
        const col = Math.max(0, jsonErrorOffset(line)) + 1;
        throw new SynthError('IO_PARSE', `"${name}" line ${lineNo} is not valid JSON: ${(e as Error).message}`, { path: `${name}:${lineNo}:${col}`, cause: e, hint: 'Each line must hold one complete JSON object.' });
      }
      if (!isRecord(row)) throw notAnObject(name, `line ${lineNo}`, row);
      rows++;
      const b = collect.add(row);
      if (b !== undefined) yield b;
    }
  } finally {
    lines.close();
    // Closing readline leaves its input open; destroying it closes the file underneath.
    input.destroy();
  }
  if (rows === 0) throw new SynthError('IO_EMPTY', `"${name}" holds no rows.`, { path: name });
  const last = collect.flush();
  if (last !== undefined) yield last;
}
