import type { Report } from '../evaluate/index.js';
import { attentionRows, columnSummaries, orderCharts, verdictSummary, type AttentionRow, type ColumnSummary, type PiiSummary, type ReportOptions } from './report-content.js';
import type { ChartKind, SkippedChart, VegaLiteSpec } from './types.js';

/** The JSON twin of the HTML report: the same content, in the same order, as a versioned document. */
export interface ReportBundle {
  readonly format: 'synthdata.report-bundle';
  readonly version: 1;
  readonly title: string;
  readonly verdict: Report['verdict'];
  readonly score: number | null;
  readonly summary: string;
  readonly generatedAt?: string;
  readonly sources?: ReportOptions['sources'];
  /** Failing and warning rows, worst first. */
  readonly attention: readonly AttentionRow[];
  /** One line per column, worst first. */
  readonly columns: readonly ColumnSummary[];
  /** Charts in report order, each with its vega-lite spec and, when rendered, its SVG. */
  readonly charts: readonly { name: string; kind: ChartKind; title: string; columns: readonly string[]; spec?: VegaLiteSpec; svg?: string }[];
  readonly skippedCharts: readonly SkippedChart[];
  readonly pii?: PiiSummary;
  readonly report: Report;
}

/**
 * The same content as {@link renderReportHtml}, as JSON: verdict, failing rows first, per-column summary, charts
 * (specs and SVG), PII findings and the full report.
 */
export function reportBundle(report: Report, options: ReportOptions = {}): ReportBundle {
  const columns = columnSummaries(report);
  const charts = orderCharts(options.charts ?? [], columns).map((c) => ({
    name: c.name,
    kind: c.kind,
    title: c.title,
    columns: c.columns,
    ...(c.spec !== undefined ? { spec: c.spec } : {}),
    ...(c.svg !== undefined ? { svg: c.svg } : {}),
  }));
  return {
    format: 'synthdata.report-bundle',
    version: 1,
    title: options.title ?? 'Synthetic data report',
    verdict: report.verdict,
    score: report.score,
    summary: verdictSummary(report),
    ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
    ...(options.sources !== undefined ? { sources: options.sources } : {}),
    attention: attentionRows(report),
    columns,
    charts,
    skippedCharts: options.skippedCharts ?? [],
    ...(options.pii !== undefined ? { pii: options.pii } : {}),
    report,
  };
}
