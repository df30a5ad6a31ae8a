import type { Table } from '../core/index.js';
import { cellText, classifyWithPlan } from './classify.js';
import { columnHints } from './column-hints.js';
import { detectPlan, runDetectPlan } from './detect.js';
import { shingleHash, tokenize } from './shingles.js';
import type { ClassifyOptions, PiiType } from './types.js';

/** Options for {@link checkLeakage}. */
export interface LeakageOptions extends ClassifyOptions {
  /** Source columns whose values identify a person (default: the columns classified as PII). */
  readonly identifierColumns?: readonly string[];
  /** Shared spans of at least this many consecutive tokens count as leaked text (default 8). */
  readonly minTokens?: number;
  /** Identifier values shorter than this are ignored, since they recur by chance (default 4). */
  readonly minValueLength?: number;
  /** Leaks kept in the result; counts stay complete (default 1000). */
  readonly maxLeaks?: number;
}

/** A source identifier value found in the output. */
export interface IdentifierLeak {
  readonly kind: 'identifier';
  readonly outputRow: number;
  readonly outputColumn: string;
  readonly sourceColumn: string;
  readonly type: PiiType | undefined;
  readonly value: string;
  /** Where in the output cell: the whole cell, or a span of free text. */
  readonly start: number;
  readonly end: number;
}

/** A run of `tokens` consecutive tokens shared by an output cell and a source cell. */
export interface TextLeak {
  readonly kind: 'text';
  readonly outputRow: number;
  readonly outputColumn: string;
  readonly sourceRow: number;
  readonly sourceColumn: string;
  readonly start: number;
  readonly end: number;
  readonly tokens: number;
  readonly text: string;
}

/** The result of comparing an output with its source: a versioned, JSON-safe document. */
export interface LeakageResult {
  readonly format: 'synthdata.pii-leakage';
  readonly version: 1;
  readonly leaked: boolean;
  readonly identifierColumns: readonly string[];
  readonly textColumns: readonly string[];
  readonly identifierLeaks: readonly IdentifierLeak[];
  readonly textLeaks: readonly TextLeak[];
  readonly counts: { readonly identifier: number; readonly text: number };
  /** Output rows holding any leak. */
  readonly leakedRows: number;
  readonly outputRows: number;
  readonly truncated: boolean;
}

function normalize(v: string): string {
  return v.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Text columns: those whose cells mostly hold several words. */
function isTextColumn(values: readonly unknown[], minTokens: number): boolean {
  let seen = 0;
  let wordy = 0;
  for (let i = 0; i < values.length && seen < 200; i++) {
    const t = cellText(values[i]);
    if (t === undefined) continue;
    seen++;
    if (t.split(/\s+/).length >= Math.min(minTokens, 5)) wordy++;
  }
  return seen > 0 && wordy / seen >= 0.3;
}

/**
 * Checks whether an output table leaks its source: any value of a source identifier column appearing in the output
 * (as a whole cell or inside free text), and any span of `minTokens`+ consecutive tokens shared with a source text
 * cell, found by hashing token shingles so it scales to large tables.
 */
export function checkLeakage(output: Table, source: Table, options: LeakageOptions = {}): LeakageResult {
  const plan = detectPlan(options);
  const k = options.minTokens ?? 8;
  const minLen = options.minValueLength ?? 4;
  const maxLeaks = options.maxLeaks ?? 1000;

  const idColumns: { name: string; type: PiiType | undefined; c: number }[] = [];
  source.fields.forEach((f, c) => {
    if (options.identifierColumns !== undefined) {
      if (options.identifierColumns.includes(f.name)) idColumns.push({ name: f.name, type: classifyWithPlan(plan, f.name, source.columns[c]!, options)?.type, c });
      return;
    }
    const cls = classifyWithPlan(plan, f.name, source.columns[c]!, options);
    if (cls !== undefined) idColumns.push({ name: f.name, type: cls.type, c });
  });
  const values = new Map<string, { column: string; type: PiiType | undefined }>();
  for (const { name, type, c } of idColumns) {
    for (const v of source.columns[c]!) {
      const t = cellText(v);
      if (t !== undefined && t.trim().length >= minLen) values.set(normalize(t), { column: name, type });
    }
  }

  const textColumns = source.fields.map((f, c) => ({ name: f.name, c })).filter(({ c }) => isTextColumn(source.columns[c]!, k));
  const shingles = new Map<number, number>();
  const shingleSource: { row: number; column: string }[] = [];
  for (const { name, c } of textColumns) {
    const col = source.columns[c]!;
    for (let row = 0; row < col.length; row++) {
      const t = cellText(col[row]);
      if (t === undefined) continue;
      const tokens = tokenize(t);
      if (tokens.length < k) continue;
      const ref = shingleSource.length;
      shingleSource.push({ row, column: name });
      for (let i = 0; i + k <= tokens.length; i++) {
        const h = shingleHash(tokens, i, k);
        if (!shingles.has(h)) shingles.set(h, ref);
      }
    }
  }

  const identifierLeaks: IdentifierLeak[] = [];
  const textLeaks: TextLeak[] = [];
  let idCount = 0;
  let textCount = 0;
  const leakedRows = new Set<number>();
  output.fields.forEach((f, c) => {
    const col = output.columns[c]!;
    const hints = columnHints(f.name);
    for (let row = 0; row < col.length; row++) {
      const t = cellText(col[row]);
      if (t === undefined) continue;
      if (values.size > 0) {
        const whole = values.get(normalize(t));
        if (whole !== undefined) {
          idCount++;
          leakedRows.add(row);
          if (identifierLeaks.length < maxLeaks) identifierLeaks.push({ kind: 'identifier', outputRow: row, outputColumn: f.name, sourceColumn: whole.column, type: whole.type, value: t, start: 0, end: t.length });
        } else if (t.length > 20) {
          for (const finding of runDetectPlan(plan, t, 'text', f.name, hints)) {
            const hit = values.get(normalize(finding.value));
            if (hit === undefined) continue;
            idCount++;
            leakedRows.add(row);
            if (identifierLeaks.length < maxLeaks) identifierLeaks.push({ kind: 'identifier', outputRow: row, outputColumn: f.name, sourceColumn: hit.column, type: hit.type, value: finding.value, start: finding.start, end: finding.end });
          }
        }
      }
      if (shingles.size === 0) continue;
      const tokens = tokenize(t);
      // Consecutive matching shingles merge into one span: a run of m matches covers m + k - 1 tokens.
      let i = 0;
      while (i + k <= tokens.length) {
        const ref = shingles.get(shingleHash(tokens, i, k));
        if (ref === undefined) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j + k <= tokens.length && shingles.has(shingleHash(tokens, j, k))) j++;
        const start = tokens[i]!.start;
        const end = tokens[j + k - 2]!.end;
        textCount++;
        leakedRows.add(row);
        const src = shingleSource[ref]!;
        if (textLeaks.length < maxLeaks) textLeaks.push({ kind: 'text', outputRow: row, outputColumn: f.name, sourceRow: src.row, sourceColumn: src.column, start, end, tokens: j - i + k - 1, text: t.slice(start, end) });
        i = j + k - 1;
      }
    }
  });

  return {
    format: 'synthdata.pii-leakage',
    version: 1,
    leaked: idCount + textCount > 0,
    identifierColumns: idColumns.map((x) => x.name),
    textColumns: textColumns.map((x) => x.name),
    identifierLeaks,
    textLeaks,
    counts: { identifier: idCount, text: textCount },
    leakedRows: leakedRows.size,
    outputRows: output.length,
    truncated: identifierLeaks.length < idCount || textLeaks.length < textCount,
  };
}
