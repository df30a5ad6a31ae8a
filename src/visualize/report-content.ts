import type { DetailRow, PropertyName, Report, Verdict } from '../evaluate/index.js';
import type { ChartKind, SkippedChart, VegaLiteSpec } from './types.js';

/** A chart as the report shows it: what it is, plus the rendered image (SVG text or PNG bytes) and optionally its spec. */
export interface ReportChart {
  readonly name: string;
  readonly kind: ChartKind;
  readonly title: string;
  readonly columns: readonly string[];
  readonly svg?: string;
  readonly png?: Uint8Array;
  readonly spec?: VegaLiteSpec;
}

/**
 * The PII scan result as the report reads it. A `synthdata.pii-scan` document fits this shape; it is declared here
 * because charts and reports do not depend on the scanner itself.
 */
export interface PiiSummary {
  readonly rows: number;
  readonly columns: readonly {
    readonly name: string;
    readonly classification?: { readonly type: string; readonly confidence: number; readonly matched: number; readonly sampled: number; readonly samples: readonly number[] } | undefined;
    readonly counts: Readonly<Partial<Record<string, number>>>;
    readonly cellsWithPii: number;
  }[];
  readonly counts: Readonly<Partial<Record<string, number>>>;
  readonly totalFindings: number;
  readonly truncated?: boolean;
}

/** Options of the HTML report and its JSON twin. */
export interface ReportOptions {
  readonly charts?: readonly ReportChart[];
  readonly pii?: PiiSummary;
  readonly title?: string;
  /** Charts that were not drawn, with the reason. */
  readonly skippedCharts?: readonly SkippedChart[];
  /** When the report was made (ISO text from the caller's clock); left out when not given, so output stays reproducible. */
  readonly generatedAt?: string;
  /** Names of the compared files, shown under the title. */
  readonly sources?: { readonly real?: string; readonly synthetic?: string };
}

/** A detail row with the property it belongs to. */
export interface AttentionRow extends DetailRow {
  readonly property: PropertyName;
}

/** One line of the per-column table: the column's worst verdict and its scores by metric. */
export interface ColumnSummary {
  readonly column: string;
  readonly sdtype: string | undefined;
  readonly verdict: Verdict;
  readonly score: number | null;
  readonly metric: string | undefined;
  readonly reasons: readonly string[];
}

const RANK: Readonly<Record<Verdict, number>> = { fail: 0, warn: 1, pass: 2 };

/** Orders verdicts worst first. */
export function verdictRank(v: Verdict): number {
  return RANK[v];
}

/** The human name of a property id. */
export function propertyLabel(name: string): string {
  const labels: Record<string, string> = {
    column_shapes: 'Column shapes',
    column_pair_trends: 'Column pair trends',
    column_details: 'Column details',
    validity: 'Validity',
    privacy: 'Privacy',
    utility: 'Utility',
    pii: 'Personal data',
  };
  return labels[name] ?? name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** The human name of a metric id. */
export function metricLabel(id: string): string {
  const labels: Record<string, string> = {
    ks_complement: 'KS complement',
    tv_complement: 'TV complement',
    correlation_similarity: 'Correlation similarity',
    contingency_similarity: 'Contingency similarity',
    jensen_shannon: 'Jensen-Shannon distance',
    wasserstein: 'Wasserstein distance',
    null_rate_delta: 'Null-rate difference',
    range_coverage: 'Range coverage',
    category_coverage: 'Category coverage',
    new_categories: 'New categories',
    uniqueness: 'Uniqueness',
    key_uniqueness: 'Key uniqueness',
    distribution_summary: 'Distribution summary',
    exact_match_rate: 'Exact-match rate',
    dcr: 'Distance to closest record',
    nndr: 'Nearest-neighbour distance ratio',
    membership_inference_auc: 'Membership-inference AUC',
    k_anonymity: 'k-anonymity',
    identifier_leakage: 'Identifier leakage',
    text_span_leakage: 'Text-span leakage',
    pii_detected: 'Personal data detected',
    tstr_ratio: 'Train synthetic, test real (ratio)',
  };
  return labels[id] ?? id.replace(/_/g, ' ');
}

/** Every failing or warning detail row of the report, worst first (fail before warn, low scores before high). */
export function attentionRows(report: Report): AttentionRow[] {
  const rows: AttentionRow[] = [];
  for (const [property, details] of Object.entries(report.details) as [PropertyName, readonly DetailRow[] | undefined][]) {
    for (const row of details ?? []) if (row.verdict !== 'pass' || row.error !== undefined) rows.push({ ...row, property });
  }
  return rows.sort(
    (a, b) => verdictRank(a.verdict) - verdictRank(b.verdict) || (a.score ?? -Infinity) - (b.score ?? -Infinity) || a.columns.join().localeCompare(b.columns.join()),
  );
}

/** One summary per column from the single-column detail rows, worst verdict first. */
export function columnSummaries(report: Report): ColumnSummary[] {
  type Acc = { verdict: Verdict; score: number | null; metric: string | undefined; reasons: { verdict: Verdict; text: string }[] };
  const by = new Map<string, Acc>();
  for (const name of report.tables.commonColumns) by.set(name, { verdict: 'pass', score: null, metric: undefined, reasons: [] });
  for (const [property, details] of Object.entries(report.details) as [PropertyName, readonly DetailRow[] | undefined][]) {
    for (const row of details ?? []) {
      if (row.columns.length !== 1) continue;
      const name = row.columns[0]!;
      const s: Acc = by.get(name) ?? { verdict: 'pass', score: null, metric: undefined, reasons: [] };
      by.set(name, s);
      if (property === 'column_shapes') {
        s.score = row.score;
        s.metric = row.metric;
      }
      if (verdictRank(row.verdict) < verdictRank(s.verdict)) s.verdict = row.verdict;
      if (row.verdict !== 'pass') s.reasons.push({ verdict: row.verdict, text: row.error ?? row.reason });
    }
  }
  return [...by.entries()]
    .map(([column, s]) => ({
      column,
      sdtype: report.columnTypes[column]?.sdtype,
      verdict: s.verdict,
      score: s.score,
      metric: s.metric,
      // The worst reason first: it is the one that explains the verdict.
      reasons: s.reasons.sort((a, b) => verdictRank(a.verdict) - verdictRank(b.verdict)).map((r) => r.text),
    }))
    .sort((a, b) => verdictRank(a.verdict) - verdictRank(b.verdict) || (a.score ?? 2) - (b.score ?? 2) || a.column.localeCompare(b.column));
}

/** Charts in reading order: scores, then per-column charts of failing columns first, then heatmaps and scatter plots. */
export function orderCharts<T extends { kind: ChartKind; columns: readonly string[] }>(charts: readonly T[], columns: readonly ColumnSummary[]): T[] {
  const rank = new Map(columns.map((c, i) => [c.column, i]));
  const kindOrder: Readonly<Record<ChartKind, number>> = { scores: 0, histogram: 1, heatmap: 2, scatter: 3 };
  return charts
    .map((c, i) => ({ c, i }))
    .sort((a, b) => {
      const k = kindOrder[a.c.kind] - kindOrder[b.c.kind];
      if (k !== 0) return k;
      if (a.c.kind === 'histogram') {
        const ra = rank.get(a.c.columns[0] ?? '') ?? Infinity;
        const rb = rank.get(b.c.columns[0] ?? '') ?? Infinity;
        if (ra !== rb) return ra - rb;
      }
      return a.i - b.i;
    })
    .map(({ c }) => c);
}

/** A one-line reading of the verdict: which properties fail or warn, then how many columns have a failing or warning metric. */
export function verdictSummary(report: Report): string {
  const cols = columnSummaries(report);
  const failing = cols.filter((c) => c.verdict === 'fail').length;
  const warning = cols.filter((c) => c.verdict === 'warn').length;
  const bad = report.properties.filter((p) => p.verdict !== 'pass');
  const sentences: string[] = [];
  if (bad.length === 0) sentences.push(`All ${report.properties.length} ${report.properties.length === 1 ? 'property passes' : 'properties pass'}.`);
  else sentences.push(bad.map((p) => `${propertyLabel(p.name)} ${p.verdict === 'fail' ? 'fails' : 'warns'}`).join('; ') + '.');
  const parts: string[] = [];
  if (failing > 0) parts.push(`${failing} column${failing === 1 ? ' has' : 's have'} a failing metric`);
  if (warning > 0) parts.push(`${warning} ${failing > 0 ? '' : `column${warning === 1 ? ' has' : 's have'} `}a warning`.replace('  ', ' '));
  if (parts.length > 0) sentences.push(parts.join(', ') + '.');
  else if (cols.length > 0) sentences.push(`Every one of the ${cols.length} columns passes.`);
  return sentences.join(' ');
}

/** A score as text: two decimals for scores in [0, 1], three significant digits otherwise, a dash when missing. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '—';
  if (Math.abs(score) <= 1) return score.toFixed(2);
  if (Number.isInteger(score)) return score.toLocaleString('en-US');
  return Number(score.toPrecision(3)).toLocaleString('en-US');
}
