import type { Cell, EventSink, Field, RecordBatch, Table } from '../core/index.js';
import { cellConverter, inferField, MISFIT, widenField, type CellConverter, type CellMode } from './infer.js';
import type { RawBatch, RawSource } from './raw-source.js';

interface Column {
  field: Field;
  convert: CellConverter;
}

function convertColumn(col: Column, raw: readonly Cell[], n: number, mode: CellMode, onWiden: (from: Field, to: Field, value: Cell) => void): Cell[] {
  const out = new Array<Cell>(n);
  for (let i = 0; i < n; i++) {
    const v = col.convert(raw[i]);
    if (v === MISFIT) {
      // Widen the column and convert this batch again from its raw values, so one batch never mixes kinds.
      const wider = widenField(col.field, raw[i], mode);
      onWiden(col.field, wider, raw[i]);
      col.field = wider;
      col.convert = cellConverter(wider, mode);
      return convertColumn(col, raw, n, mode, onWiden);
    }
    out[i] = v;
  }
  return out;
}

/**
 * Types a stream of raw batches. Kinds are inferred from the first batch; when a later value does not fit its
 * column (text in a numeric column, a date in another format), the column widens from that batch on (integer to
 * number, anything else to string, keeping the original text) and a warning event says so: values are never
 * coerced into a kind they do not fit. Columns that first appear in a later batch are inferred from it.
 */
export async function* typeBatches(src: RawSource, mode: CellMode, onEvent: EventSink, step = 'read'): AsyncGenerator<RecordBatch> {
  const columns = new Map<string, Column>();
  let fields: Field[] = [];
  const it = src.batches[Symbol.asyncIterator]();
  let first = true;
  try {
    // One batch of lookahead: when the first batch is the whole table its fields are exact (nullable only when a
    // null was seen); otherwise later rows may still hold nulls, so columns are marked nullable.
    let next = await it.next();
    while (next.done !== true) {
      const raw = next.value;
      next = await it.next();
      const partial = next.done !== true;
      let changed = fields.length !== raw.names.length;
      const out: Cell[][] = [];
      for (let c = 0; c < raw.names.length; c++) {
        const name = raw.names[c]!;
        let col = columns.get(name);
        if (col === undefined) {
          const f = src.fields?.[c] ?? inferField(name, raw.columns[c]!, mode, src.meta(), partial || !first);
          col = { field: f, convert: cellConverter(f, mode) };
          columns.set(name, col);
          changed = true;
        }
        const before = col.field;
        out.push(
          convertColumn(col, raw.columns[c]!, raw.length, mode, (from, to, value) => {
            onEvent({ type: 'warning', step, path: name, message: `Column "${name}" was read as ${from.kind} from the first rows, but holds ${JSON.stringify(typeof value === 'bigint' ? value.toString() : value)} later; it is ${to.kind} from here on.` });
          }),
        );
        if (col.field !== before) changed = true;
      }
      if (changed) fields = raw.names.map((n) => columns.get(n)!.field);
      first = false;
      yield { fields, columns: out, length: raw.length };
    }
  } finally {
    await it.return?.();
  }
}

/** Reads every raw batch into one table, inferring each column's kind from all of its values (exact, two passes). */
export async function collectTable(src: RawSource, mode: CellMode): Promise<Table> {
  const names: string[] = [];
  const index = new Map<string, number>();
  const raws: Cell[][] = [];
  let length = 0;
  for await (const raw of src.batches) appendRaw(raw);
  function appendRaw(raw: RawBatch): void {
    for (let c = 0; c < raw.names.length; c++) {
      const name = raw.names[c]!;
      let k = index.get(name);
      if (k === undefined) {
        k = names.length;
        index.set(name, k);
        names.push(name);
        raws.push(new Array<Cell>(length).fill(undefined));
      }
      const dst = raws[k]!;
      const col = raw.columns[c]!;
      for (let i = 0; i < raw.length; i++) dst.push(col[i]);
    }
    length += raw.length;
    for (const dst of raws) while (dst.length < length) dst.push(undefined);
  }
  const meta = src.meta();
  const fields: Field[] = [];
  const columns: Cell[][] = [];
  for (let c = 0; c < names.length; c++) {
    const raw = raws[c]!;
    let field = src.fields?.[c] ?? inferField(names[c]!, raw, mode, meta, false);
    let convert = cellConverter(field, mode);
    const col = new Array<Cell>(length);
    let retried = false;
    for (let i = 0; i < length; i++) {
      const v = convert(raw[i]);
      if (v === MISFIT) {
        // Only a recorded field (Parquet metadata) can disagree with the data: infer instead, and as a last
        // resort keep the values untouched as json.
        field = retried ? { ...field, kind: 'json', nullable: true } : inferField(names[c]!, raw, mode, meta, false);
        convert = cellConverter(field, mode);
        retried = true;
        i = -1;
        continue;
      }
      col[i] = v;
    }
    raws[c] = [];
    fields.push(field);
    columns.push(col);
  }
  return { fields, columns, length };
}
