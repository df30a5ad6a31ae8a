/**
 * visualize: vega-lite chart specs built from tables and evaluation reports (aggregates computed here, so specs stay
 * small), rendered to SVG and PNG without a browser, and the self-contained HTML report with its JSON twin.
 * @module
 */
export { CHART_KINDS } from './types.js';
export type { Chart, ChartKind, SkippedChart, VegaLiteSpec } from './types.js';
export { buildCharts, parseChartKinds, scoreBars } from './charts.js';
export { RangeAccumulator, BinCounter, ValueCounter, niceBins } from './column-stats.js';
export type { BinGrid, ColumnRole } from './column-stats.js';
export type { ChartInput, ChartOptions, ChartSet } from './charts.js';
export { CHART_FORMATS, renderChart, renderSvg, svgToPng, compileChart, chartFonts, chartExtension, writeFileAtomic } from './render.js';
export type { ChartFormat, RenderTarget, RenderOptions, FontSetup } from './render.js';
export { renderReportHtml, escapeHtml } from './report-html.js';
export { reportBundle } from './report-bundle.js';
export type { ReportBundle } from './report-bundle.js';
export type { ReportChart, PiiSummary, ReportOptions, AttentionRow, ColumnSummary } from './report-content.js';
export { renderReport } from './render-report.js';
export type { RenderReportInput, RenderedReport } from './render-report.js';
export { SERIES_COLORS, VERDICT_COLORS } from './theme.js';
