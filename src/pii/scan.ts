import { noEvents, type EventSink, type RecordBatch, type Table } from '../core/index.js';
import { classifyWithPlan, cellText } from './classify.js';
import { fieldHints } from './column-hints.js';
import { detectPlan, runDetectPlan, type DetectPlan } from './detect.js';
import type { CellFinding, ColumnPiiClass, ColumnScan, PiiFinding, PiiScanResult, PiiType, ScanOptions } from './types.js';

const SEEN_PER_COLUMN = 2048;

/** Called for every cell that holds findings: column index, row within the batch, the cell text and its findings. */
export type CellVisitor = (column: number, row: number, text: string, findings: readonly PiiFinding[]) => void;

/**
 * Scans a table batch by batch: columns are classified from the first batch, every text cell is searched, and the
 * counts add up across batches. scanTable and the streaming redaction share it, so both see the same findings.
 */
export class PiiScanner {
  private readonly plan: DetectPlan;
  private readonly maxFindings: number;
  private readonly onEvent: EventSink;
  private readonly findings: CellFinding[] = [];
  private readonly counts: Partial<Record<PiiType, number>> = {};
  private names: string[] | undefined;
  private classes: (ColumnPiiClass | undefined)[] = [];
  private colCounts: Partial<Record<PiiType, number>>[] = [];
  private cellsWithPii: number[] = [];
  private hints: Set<PiiType>[] = [];
  // Findings by cell text, per column: a column's mode and hints are fixed after the first batch, so a repeated
  // value (a country, a status, a city) is searched once. Capped so a column of unique values costs little memory.
  private seen: Map<string, PiiFinding[]>[] = [];
  private rows = 0;
  private total = 0;

  constructor(private readonly options: ScanOptions = {}) {
    this.plan = detectPlan(options);
    this.maxFindings = options.maxFindings ?? 1000;
    this.onEvent = options.onEvent ?? noEvents;
  }

  /** The class of column `c` (known after the first batch). */
  classification(c: number): ColumnPiiClass | undefined {
    return this.classes[c];
  }

  /** Scans one batch; `visit` sees each cell with findings. */
  scanBatch(batch: RecordBatch, visit?: CellVisitor): void {
    if (this.names === undefined) {
      this.onEvent({ type: 'step', step: 'scan', phase: 'start' });
      this.names = batch.fields.map((f) => f.name);
      const hints = batch.fields.map(fieldHints);
      const sampled = this.names.map(() => new Map<string, PiiFinding[]>());
      this.classes = batch.fields.map((f, c) => classifyWithPlan(this.plan, f.name, batch.columns[c]!, this.options, hints[c], sampled[c]));
      this.colCounts = this.names.map(() => ({}));
      this.cellsWithPii = this.names.map(() => 0);
      // A classified column's type counts as a hint for every cell, so looser whole-value rules apply.
      this.hints = hints.map((h, c) => (this.classes[c] === undefined ? h : new Set([...h, this.classes[c]!.type])));
      // Cells the classification searched in value mode with the same hints need not be searched again.
      this.seen = sampled.map((found, c) => (this.classes[c] !== undefined && this.hints[c]!.size === hints[c]!.size ? found : new Map()));
    }
    // Row by row, so kept findings (when capped) come from whole rows, in reading order.
    const nCols = Math.min(batch.columns.length, this.names.length);
    const modes = this.classes.map((cls) => (cls !== undefined ? 'value' : 'text') as 'value' | 'text');
    for (let i = 0; i < batch.length; i++) {
      for (let c = 0; c < nCols; c++) {
        const text = cellText(batch.columns[c]![i]);
        if (text === undefined) continue;
        const seen = this.seen[c]!;
        let found = seen.get(text);
        if (found === undefined) {
          found = runDetectPlan(this.plan, text, modes[c]!, this.names[c], this.hints[c]);
          if (seen.size < SEEN_PER_COLUMN) seen.set(text, found);
        }
        if (found.length === 0) continue;
        this.cellsWithPii[c]!++;
        for (const f of found) {
          this.counts[f.type] = (this.counts[f.type] ?? 0) + 1;
          this.colCounts[c]![f.type] = (this.colCounts[c]![f.type] ?? 0) + 1;
          this.total++;
          if (this.findings.length < this.maxFindings) this.findings.push({ ...f, row: this.rows + i, column: this.names[c]! });
        }
        visit?.(c, i, text, found);
      }
    }
    this.rows += batch.length;
    this.onEvent({ type: 'progress', step: 'scan', done: this.rows, unit: 'rows' });
  }

  /** The scan so far, as a versioned document. */
  result(): PiiScanResult {
    const columns: ColumnScan[] = (this.names ?? []).map((name, c) => ({ name, classification: this.classes[c], counts: this.colCounts[c]!, cellsWithPii: this.cellsWithPii[c]! }));
    this.onEvent({ type: 'step', step: 'scan', phase: 'end', detail: { rows: this.rows, findings: this.total } });
    return {
      format: 'synthdata.pii-scan',
      version: 1,
      rows: this.rows,
      columns,
      findings: [...this.findings],
      counts: { ...this.counts },
      totalFindings: this.total,
      truncated: this.total > this.findings.length,
    };
  }
}

function isTable(x: Table | AsyncIterable<RecordBatch> | Iterable<RecordBatch>): x is Table {
  return (x as Table).columns !== undefined && (x as Table).fields !== undefined && typeof (x as Table).length === 'number';
}

/** The input as a stream of batches (a whole table is one batch, whatever its length). */
export async function* asBatches(input: Table | AsyncIterable<RecordBatch> | Iterable<RecordBatch>): AsyncGenerator<RecordBatch> {
  if (isTable(input)) yield input;
  else yield* input;
}

/**
 * Scans a table (or a stream of batches) for personal data: each column is classified from its name and values
 * (from the first batch when streaming), and every text cell is searched for findings, kept with row and column.
 * @example const result = await scanTable(table); result.counts // { email: 120, phone: 4 }
 */
export async function scanTable(input: Table | AsyncIterable<RecordBatch> | Iterable<RecordBatch>, options: ScanOptions = {}): Promise<PiiScanResult> {
  const scanner = new PiiScanner(options);
  for await (const batch of asBatches(input)) scanner.scanBatch(batch);
  return scanner.result();
}
