import { BLOCK_ROWS, recordBatch, Rng, SynthError, type Cell, type RecordBatch } from '../core/index.js';
import { valueKey } from './compile-node.js';
import type { RowCtx } from './env.js';
import type { ColumnPlan, Plan } from './plan.js';

/** How many times a duplicate of a set-unique column is redrawn before its value is repaired with a suffix. */
const UNIQUE_TRIES = 16;

/**
 * Generates the rows of a plan block by block. Blocks are the unit of determinism: block `b` holds rows
 * `b * BLOCK_ROWS ...`, and each column's draws in it come from `rng.forBlock(column, b)`.
 */
export class BlockRunner {
  private readonly seen: Map<string, Set<string>>;
  private readonly nameIndex: Map<string, number>;

  constructor(private readonly plan: Plan) {
    this.seen = new Map();
    this.nameIndex = new Map(plan.fields.map((f, i) => [f.name, i]));
  }

  /** How many blocks the run has. */
  get blocks(): number {
    return Math.ceil(this.plan.options.rows / BLOCK_ROWS);
  }

  /** The rows in block `b`. */
  size(b: number): number {
    return Math.max(0, Math.min(BLOCK_ROWS, this.plan.options.rows - b * BLOCK_ROWS));
  }

  /** Generates block `b` into `cols` (one array per field) starting at index `offset`. */
  fill(b: number, cols: Cell[][], offset: number): void {
    const start = b * BLOCK_ROWS;
    const n = this.size(b);
    if (this.plan.rowGen !== undefined) this.runRows(b, start, n, cols, offset);
    else this.runColumns(b, start, n, cols, offset);
  }

  /** The columns of block `b` in new arrays. */
  run(b: number): Cell[][] {
    const n = this.size(b);
    const cols = this.plan.fields.map(() => new Array<Cell>(n));
    this.fill(b, cols, 0);
    return cols;
  }

  private runColumns(b: number, start: number, n: number, cols: Cell[][], offset: number): void {
    const { columns, order, rng } = this.plan;
    const nameIndex = this.nameIndex;
    let i = 0;
    const ctx = {
      row: start,
      get(name: string): unknown {
        const j = nameIndex.get(name);
        return j === undefined ? undefined : cols[j]![offset + i];
      },
    };
    for (const c of order) {
      const col = columns[c]!;
      const out = cols[c]!;
      const cell = col.cell;
      const r = rng.forBlock(col.name, b);
      for (i = 0; i < n; i++) {
        ctx.row = start + i;
        out[offset + i] = cell(r, ctx) as Cell;
      }
      if (col.setUnique) this.dedupe(col, out, offset, n, start, ctx, (k) => (i = k));
    }
  }

  /** Keeps a set-unique column unique across the run: redraw duplicates, then repair with the row number. */
  private dedupe(col: ColumnPlan, out: Cell[], offset: number, n: number, start: number, ctx: { row: number } & RowCtx, setRow: (i: number) => void): void {
    let seen = this.seen.get(col.name);
    if (seen === undefined) this.seen.set(col.name, (seen = new Set()));
    for (let k = 0; k < n; k++) {
      const v = out[offset + k];
      if (v === null || v === undefined) continue;
      let key = valueKey(v);
      if (!seen.has(key)) {
        seen.add(key);
        continue;
      }
      setRow(k);
      ctx.row = start + k;
      const retry = this.plan.rng.fork(`unique:${col.name}`).fork(start + k);
      let fixed: Cell | undefined;
      for (let t = 0; t < UNIQUE_TRIES && fixed === undefined; t++) {
        const c = col.cell(retry, ctx) as Cell;
        if (c !== null && c !== undefined && !seen.has(valueKey(c))) fixed = c;
      }
      if (fixed === undefined) fixed = repair(v, start + k, seen, col);
      key = valueKey(fixed);
      seen.add(key);
      out[offset + k] = fixed;
    }
  }

  private runRows(b: number, start: number, n: number, cols: Cell[][], offset: number): void {
    const { fields, rowGen, rng, rowUnique = [] } = this.plan;
    const r = rng.forBlock('$row', b);
    const ctx = { row: start, get: (): unknown => undefined };
    for (let i = 0; i < n; i++) {
      ctx.row = start + i;
      let obj = rowGen!(r, ctx) as Record<string, unknown>;
      if (rowUnique.length > 0) obj = this.uniqueRow(obj, rowUnique, ctx);
      for (let j = 0; j < fields.length; j++) cols[j]![offset + i] = obj[fields[j]!.name] as Cell;
    }
  }

  private uniqueRow(obj: Record<string, unknown>, names: readonly string[], ctx: RowCtx): Record<string, unknown> {
    const sets = names.map((n) => {
      let s = this.seen.get(n);
      if (s === undefined) this.seen.set(n, (s = new Set()));
      return s;
    });
    const clashes = (o: Record<string, unknown>): boolean => names.some((n, j) => o[n] !== undefined && o[n] !== null && sets[j]!.has(valueKey(o[n])));
    let out = obj;
    if (clashes(out)) {
      const retry = this.plan.rng.fork('unique-row').fork(ctx.row);
      let t = 0;
      for (; t < UNIQUE_TRIES * 4 && clashes(out); t++) out = this.plan.rowGen!(retry, ctx) as Record<string, unknown>;
      if (clashes(out)) {
        throw new SynthError('GENERATE_EXHAUSTED', `could not find a record with unique ${names.join(', ')} at row ${ctx.row + 1}`, {
          path: `/properties/${names[0]}/x-unique`,
          hint: 'Widen the value space of the x-unique properties or ask for fewer rows.',
        });
      }
    }
    names.forEach((n, j) => {
      if (out[n] !== undefined && out[n] !== null) sets[j]!.add(valueKey(out[n]));
    });
    return out;
  }
}

/** Makes a duplicate string unique with the row number (before the `@` of an email), when the schema still accepts it. */
function repair(v: Cell, row: number, seen: Set<string>, col: ColumnPlan): Cell {
  if (typeof v === 'string') {
    const at = v.indexOf('@');
    const candidates = at > 0 ? [v.slice(0, at) + '.' + row + v.slice(at)] : [v + '-' + row, v + row];
    for (const c of candidates) if (!seen.has(valueKey(c)) && (col.accepts === undefined || col.accepts(c))) return c;
  }
  throw new SynthError('GENERATE_EXHAUSTED', `could not find a new unique value for "${col.name}" at row ${row + 1}`, {
    path: `/properties/${col.name}/x-unique`,
    hint: 'Widen the value space or ask for fewer rows.',
  });
}

/**
 * The columns of rows [from, to): blocks inside the range are generated in place; a block straddling an edge is
 * generated once into `cache` and copied from. Any thread computes the same cells for the same range.
 */
export function rangeColumns(runner: BlockRunner, width: number, from: number, to: number, cache: { b: number; cols: Cell[][] | undefined }): Cell[][] {
  const n = to - from;
  const cols: Cell[][] = Array.from({ length: width }, () => new Array<Cell>(n));
  for (let b = Math.floor(from / BLOCK_ROWS); b * BLOCK_ROWS < to; b++) {
    const bs = b * BLOCK_ROWS;
    const be = bs + runner.size(b);
    if (bs >= from && be <= to) {
      runner.fill(b, cols, bs - from);
      continue;
    }
    if (cache.b !== b || cache.cols === undefined) {
      cache.cols = runner.run(b);
      cache.b = b;
    }
    const lo = Math.max(bs, from);
    const hi = Math.min(be, to);
    for (let c = 0; c < width; c++) {
      const src = cache.cols[c]!;
      const dst = cols[c]!;
      for (let r = lo; r < hi; r++) dst[r - from] = src[r - bs];
    }
  }
  return cols;
}

/** Every batch of a plan, in order, generated in this thread. */
export function* batchesInProcess(plan: Plan): Generator<RecordBatch> {
  const runner = new BlockRunner(plan);
  const { rows, batchSize } = plan.options;
  const cache = { b: -1, cols: undefined as Cell[][] | undefined };
  for (let from = 0; from < rows; from += batchSize) {
    yield recordBatch(plan.fields, rangeColumns(runner, plan.fields.length, from, Math.min(rows, from + batchSize), cache));
  }
}

/** Emits a progress event per batch. */
export function* withProgress(plan: Plan, batches: Iterable<RecordBatch>): Generator<RecordBatch> {
  const sink = plan.options.onEvent;
  let done = 0;
  for (const b of batches) {
    done += b.length;
    yield b;
    sink?.({ type: 'progress', step: 'generate', done, total: plan.options.rows, unit: 'rows' });
  }
}

export { Rng };
