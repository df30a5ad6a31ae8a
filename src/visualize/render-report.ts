import type { Table } from '../core/index.js';
import type { Report } from '../evaluate/index.js';
import { buildCharts, type ChartOptions } from './charts.js';
import { renderSvg } from './render.js';
import { reportBundle, type ReportBundle } from './report-bundle.js';
import type { PiiSummary, ReportChart, ReportOptions } from './report-content.js';
import { renderReportHtml } from './report-html.js';
import type { SkippedChart } from './types.js';

const REPORT_SCATTER_POINTS = 500;
const REPORT_SCATTER_PAIRS = 3;

/** What {@link renderReport} draws from. */
export interface RenderReportInput {
  readonly report: Report;
  readonly synthetic: Table;
  readonly real?: Table;
  readonly pii?: PiiSummary;
}

/** The HTML page, its JSON twin and the rendered charts. */
export interface RenderedReport {
  readonly html: string;
  readonly bundle: ReportBundle;
  readonly charts: readonly ReportChart[];
  readonly skipped: readonly SkippedChart[];
}

/**
 * Builds the charts of a report from its tables, renders them to SVG and assembles the HTML page and the JSON bundle:
 * everything `evaluate --report` needs after the metrics are computed.
 * @example const { html } = await renderReport({ report, real, synthetic }, { seed: 1 });
 */
export async function renderReport(
  input: RenderReportInput,
  options: ChartOptions & Omit<ReportOptions, 'charts' | 'pii' | 'skippedCharts'> = {},
): Promise<RenderedReport> {
  // A report holds many charts: fewer, lighter scatter plots keep the page small unless asked otherwise.
  const chartOptions: ChartOptions = { scatterPoints: REPORT_SCATTER_POINTS, maxScatterPairs: REPORT_SCATTER_PAIRS, ...options };
  const set = buildCharts({ synthetic: input.synthetic, ...(input.real ? { real: input.real } : {}), report: input.report }, chartOptions);
  const charts: ReportChart[] = [];
  for (const chart of set.charts) charts.push({ ...chart, svg: await renderSvg(chart) });
  const reportOptions: ReportOptions = {
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
    ...(options.sources !== undefined ? { sources: options.sources } : {}),
    ...(input.pii !== undefined ? { pii: input.pii } : {}),
    charts,
    skippedCharts: set.skipped,
  };
  return { html: renderReportHtml(input.report, reportOptions), bundle: reportBundle(input.report, reportOptions), charts, skipped: set.skipped };
}
