import type { Cell, Table } from '../core/index.js';
import { countRepeats, rowHashes } from './row-hash.js';
import { compileValidator } from '../schema/index.js';
import type { DetailRow, Thresholds } from './report-types.js';
import type { PreparedColumn, PreparedValues } from './prepare.js';
import { sortedFinite, nullRate, categoryCounts } from './single-column/values.js';
import { formatNumber, judgeScore } from './thresholds.js';
import { quantileSorted } from '../privacy/index.js';

/** Options of the reference-free checks. */
export interface ValidityOptions {
  /** A JSON Schema every row must validate against (our dialect). */
  readonly schema?: unknown;
  /** Columns whose values must be unique and present (a primary key). */
  readonly keys?: readonly string[];
}

function judged(metric: string, columns: readonly string[], score: number, thresholds: Thresholds, label: string, extra?: Record<string, unknown>): DetailRow {
  const j = judgeScore(score, thresholds[metric]!, label);
  return { columns, metric, score, verdict: j.verdict, reason: j.reason, ...(extra ? { extra } : {}) };
}

function rowObject(table: Table, i: number): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (let c = 0; c < table.fields.length; c++) {
    const v = table.columns[c]![i];
    if (v !== undefined) o[table.fields[c]!.name] = v;
  }
  return o;
}

function schemaConformance(table: Table, schema: unknown, thresholds: Thresholds): DetailRow {
  const validate = compileValidator(schema);
  let valid = 0;
  const failures: { row: number; path: string; message: string }[] = [];
  for (let i = 0; i < table.length; i++) {
    const result = validate(rowObject(table, i));
    if (result.valid) valid++;
    else if (failures.length < 10) {
      const first = result.issues[0];
      failures.push({ row: i, path: first?.path ?? '', message: first?.message ?? 'invalid' });
    }
  }
  const score = table.length === 0 ? 1 : valid / table.length;
  return judged('schema_conformance', [], score, thresholds, `schema conformance (${table.length - valid} of ${table.length} rows invalid)`, { invalidRows: table.length - valid, examples: failures });
}

function cellKey(v: Cell): string {
  if (v === null || v === undefined || v === '') return '\u0001';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && !(v instanceof Date)) return JSON.stringify(v);
  return String(v);
}

/** The share of rows that repeat an earlier row exactly over the prepared columns (compared by a 53-bit row hash). */
export function duplicateShare(columns: readonly PreparedColumn[], side: 'real' | 'synthetic', length: number): number {
  if (length === 0) return 0;
  return countRepeats(rowHashes(columns, (c) => (side === 'real' ? c.real! : c.synthetic), length)) / length;
}

function keyUniqueness(table: Table, key: string, thresholds: Thresholds): DetailRow {
  const i = table.fields.findIndex((f) => f.name === key);
  if (i < 0) return { columns: [key], metric: 'key_uniqueness', score: null, verdict: 'warn', reason: `key "${key}" is not a column of the synthetic table`, error: 'no such column' };
  const seen = new Set<string>();
  let good = 0;
  let nulls = 0;
  for (const v of table.columns[i]!) {
    if (v === null || v === undefined || v === '') {
      nulls++;
      continue;
    }
    const k = cellKey(v);
    if (!seen.has(k)) good++;
    seen.add(k);
  }
  const score = table.length === 0 ? 1 : good / table.length;
  return judged('key_uniqueness', [key], score, thresholds, `uniqueness of key "${key}" (${table.length - good - nulls} duplicates, ${nulls} nulls)`, { duplicates: table.length - good - nulls, nulls });
}

function entropy(counts: ArrayLike<number>): { h: number; k: number } {
  let total = 0;
  let k = 0;
  for (let i = 0; i < counts.length; i++) {
    total += counts[i]!;
    if (counts[i]! > 0) k++;
  }
  let h = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c > 0) h -= (c / total) * Math.log(c / total);
  }
  return { h, k };
}

function histogramCounts(p: PreparedValues, lo: number, hi: number): ArrayLike<number> {
  if (p.kind === 'disc') return categoryCounts(p.codes, p.dictionary.size).counts;
  const out = new Float64Array(20);
  const span = hi - lo || 1;
  for (const v of p.values) {
    if (Number.isNaN(v)) continue;
    out[Math.max(0, Math.min(19, Math.floor(((v - lo) / span) * 20)))]!++;
  }
  return out;
}

function summary(p: PreparedValues): Record<string, unknown> {
  const base = { nullRate: nullRate(p) };
  if (p.kind === 'cont') {
    const s = sortedFinite(p.values);
    if (s.length === 0) return { ...base, count: 0 };
    let sum = 0;
    for (const v of s) sum += v;
    const mean = sum / s.length;
    let ss = 0;
    for (const v of s) ss += (v - mean) ** 2;
    return { ...base, count: s.length, min: s[0], max: s[s.length - 1], mean, sd: Math.sqrt(ss / Math.max(1, s.length - 1)), p25: quantileSorted(s, 0.25), median: quantileSorted(s, 0.5), p75: quantileSorted(s, 0.75) };
  }
  const { counts, total } = categoryCounts(p.codes, p.dictionary.size);
  const top = [...counts.keys()].filter((c) => counts[c]! > 0).sort((a, b) => counts[b]! - counts[a]!).slice(0, 10).map((c) => ({ value: p.dictionary.labels[c]!, count: counts[c]! }));
  const distinct = counts.filter((c) => c > 0).length;
  return { ...base, count: total, distinct, top };
}

/**
 * Checks that need no reference: schema conformance, key uniqueness, duplicate rows, null rates (without a
 * reference), per-column diversity (against the real one when there is one) and distribution summaries.
 */
export function computeValidity(synthetic: Table, columns: readonly PreparedColumn[], thresholds: Thresholds, options: ValidityOptions, real?: Table): DetailRow[] {
  const rows: DetailRow[] = [];
  if (options.schema !== undefined) rows.push(schemaConformance(synthetic, options.schema, thresholds));
  for (const key of options.keys ?? []) rows.push(keyUniqueness(synthetic, key, thresholds));
  const dup = duplicateShare(columns, 'synthetic', synthetic.length);
  const realDup = real === undefined ? undefined : duplicateShare(columns, 'real', real.length);
  rows.push(judged('duplicate_rows', [], dup, thresholds, `duplicate rows (share of synthetic rows repeating an earlier one${realDup === undefined ? '' : `; real table ${formatNumber(realDup)}`})`, realDup === undefined ? undefined : { realDuplicateShare: realDup }));
  for (const c of columns) {
    if (c.real === undefined) {
      const nr = nullRate(c.synthetic);
      rows.push(judged('null_rate', [c.name], nr, thresholds, `null rate of "${c.name}"`));
    }
    let lo = 0;
    let hi = 1;
    if (c.synthetic.kind === 'cont') {
      const s = c.real?.kind === 'cont' && sortedFinite(c.real.values).length > 0 ? sortedFinite(c.real.values) : sortedFinite(c.synthetic.values);
      if (s.length > 0) {
        lo = s[0]!;
        hi = s[s.length - 1]!;
      }
    }
    const hs = entropy(histogramCounts(c.synthetic, lo, hi));
    let score: number;
    let how: string;
    if (c.real !== undefined) {
      const hr = entropy(histogramCounts(c.real, lo, hi));
      score = hr.h === 0 ? 1 : Math.min(1, hs.h / hr.h);
      how = `synthetic entropy ${formatNumber(hs.h)} vs real ${formatNumber(hr.h)}`;
    } else {
      score = hs.k <= 1 ? 0 : hs.h / Math.log(hs.k);
      how = `normalized entropy over ${hs.k} value${hs.k === 1 ? '' : 's'}`;
    }
    rows.push(judged('diversity', [c.name], score, thresholds, `diversity of "${c.name}" (${how})`));
    rows.push({ columns: [c.name], metric: 'distribution_summary', score: null, verdict: 'pass', reason: `summary of "${c.name}" (informational)`, extra: { synthetic: summary(c.synthetic), ...(c.real !== undefined ? { real: summary(c.real) } : {}) } });
  }
  return rows;
}
