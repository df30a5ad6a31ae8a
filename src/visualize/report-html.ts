import type { DetailRow, PropertyName, Report, Verdict } from '../evaluate/index.js';
import {
  attentionRows,
  columnSummaries,
  formatScore,
  metricLabel,
  orderCharts,
  propertyLabel,
  verdictSummary,
  type PiiSummary,
  type ReportChart,
  type ReportOptions,
} from './report-content.js';
import { REPORT_CSS } from './report-style.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values (column names and reasons come from user data). */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function pill(v: Verdict): string {
  return `<span class="pill ${v}">${v}</span>`;
}

function columnsText(cols: readonly string[]): string {
  return cols.length === 0 ? '<em>table</em>' : cols.map((c) => `<code>${escapeHtml(c)}</code>`).join(' × ');
}

function header(report: Report, opts: ReportOptions): string {
  const t = report.tables;
  const meta: string[] = [];
  if (opts.sources?.synthetic) meta.push(`synthetic: <code>${escapeHtml(opts.sources.synthetic)}</code>`);
  if (opts.sources?.real) meta.push(`real: <code>${escapeHtml(opts.sources.real)}</code>`);
  meta.push(`${t.syntheticRows.toLocaleString('en-US')} synthetic rows`);
  if (t.realRows !== null) meta.push(`${t.realRows.toLocaleString('en-US')} real rows`);
  meta.push(`${t.commonColumns.length} columns compared`);
  meta.push(`seed ${escapeHtml(report.seed)}`);
  if (opts.generatedAt) meta.push(escapeHtml(opts.generatedAt));
  return `<header><h1>${escapeHtml(opts.title ?? 'Synthetic data report')}</h1><p class="meta">${meta.map((m) => `<span>${m}</span>`).join('')}</p></header>`;
}

function banner(report: Report, pii: PiiSummary | undefined): string {
  const score = report.score === null ? '—' : `${Math.round(report.score * 100)}%`;
  const piiLine =
    pii === undefined ? '' : pii.totalFindings > 0 ? `<br>Personal data: ${pii.totalFindings.toLocaleString('en-US')} finding${pii.totalFindings === 1 ? '' : 's'} (see below).` : '<br>No personal data found.';
  return `<section class="banner ${report.verdict}" aria-label="verdict">
<div class="word">${report.verdict.toUpperCase()}</div>
<div class="why"><strong>${escapeHtml(verdictSummary(report))}</strong>${piiLine}</div>
<div class="score"><b>${score}</b><small>overall quality</small></div>
</section>`;
}

function cards(report: Report): string {
  const items = report.properties.map(
    (p) => `<div class="card ${p.verdict}"><div class="name">${escapeHtml(propertyLabel(p.name))}</div><div class="value">${p.score === null ? '—' : formatScore(p.score)} ${pill(p.verdict)}</div><div class="reason">${escapeHtml(p.reason)}</div></div>`,
  );
  return `<div class="cards">${items.join('')}</div>`;
}

function rowCells(row: DetailRow): string {
  const why = row.error !== undefined ? `<td class="err">${escapeHtml(row.error)}</td>` : `<td class="why">${escapeHtml(row.reason)}</td>`;
  return `<td>${columnsText(row.columns)}</td><td>${escapeHtml(metricLabel(row.metric))}</td><td class="num">${formatScore(row.score)}</td><td>${pill(row.verdict)}</td>${why}`;
}

function attention(report: Report): string {
  const rows = attentionRows(report);
  if (rows.length === 0) return '<h2>Needs attention</h2><p class="ok">Nothing fails or warns.</p>';
  const shown = rows.slice(0, 25);
  const body = shown.map((r) => `<tr class="${r.verdict}"><td>${escapeHtml(propertyLabel(r.property))}</td>${rowCells(r)}</tr>`).join('\n');
  const more = rows.length > shown.length ? `<p class="meta">${rows.length - shown.length} more in the details below.</p>` : '';
  return `<h2>Needs attention</h2>
<table><thead><tr><th>Property</th><th>Columns</th><th>Metric</th><th class="num">Score</th><th>Verdict</th><th>Why</th></tr></thead><tbody>
${body}
</tbody></table>${more}`;
}

function columnTable(report: Report): string {
  const cols = columnSummaries(report);
  if (cols.length === 0) return '';
  const body = cols
    .map(
      (c) =>
        `<tr class="${c.verdict}"><td><code>${escapeHtml(c.column)}</code></td><td>${escapeHtml(c.sdtype ?? '')}</td><td>${c.metric ? escapeHtml(metricLabel(c.metric)) : ''}</td><td class="num">${formatScore(c.score)}</td><td>${pill(c.verdict)}</td><td class="why">${escapeHtml(c.reasons[0] ?? '')}</td></tr>`,
    )
    .join('\n');
  const t = report.tables;
  const mismatch: string[] = [];
  if (t.onlyInReal.length > 0) mismatch.push(`Only in the real table (not evaluated): ${t.onlyInReal.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}.`);
  if (t.onlyInSynthetic.length > 0) mismatch.push(`Only in the synthetic table (not evaluated): ${t.onlyInSynthetic.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}.`);
  return `<h2>Columns</h2>
${mismatch.map((m) => `<p class="alert">${m}</p>`).join('')}
<table><thead><tr><th>Column</th><th>Type</th><th>Shape metric</th><th class="num">Score</th><th>Verdict</th><th>Why</th></tr></thead><tbody>
${body}
</tbody></table>`;
}

function dataUri(chart: ReportChart): string | undefined {
  if (chart.svg !== undefined) return `data:image/svg+xml;base64,${Buffer.from(chart.svg, 'utf8').toString('base64')}`;
  if (chart.png !== undefined) return `data:image/png;base64,${Buffer.from(chart.png).toString('base64')}`;
  return undefined;
}

function svgSize(svg: string | undefined): { width: number; height: number } | undefined {
  const m = svg === undefined ? null : /<svg[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  return m === null ? undefined : { width: Math.round(Number(m[1])), height: Math.round(Number(m[2])) };
}

function chartsSection(report: Report, opts: ReportOptions): string {
  const charts = orderCharts(opts.charts ?? [], columnSummaries(report));
  const verdictOf = new Map(columnSummaries(report).map((c) => [c.column, c.verdict]));
  const figures = charts.flatMap((c) => {
    const uri = dataUri(c);
    if (uri === undefined) return [];
    const size = svgSize(c.svg);
    const wide = c.kind === 'heatmap' || (size !== undefined && size.width > 640);
    const v = c.kind === 'histogram' && c.columns.length === 1 ? verdictOf.get(c.columns[0]!) : undefined;
    const dims = size === undefined ? '' : ` width="${size.width}" height="${size.height}"`;
    return [
      `<figure class="${wide ? 'wide' : ''}" id="chart-${escapeHtml(c.name)}"><img src="${uri}" alt="${escapeHtml(c.title)}"${dims}><figcaption>${v !== undefined ? pill(v) : ''}${escapeHtml(c.title)}</figcaption></figure>`,
    ];
  });
  const skipped = (opts.skippedCharts ?? []).map((s) => `<li>${escapeHtml(s.reason)}</li>`);
  if (figures.length === 0 && skipped.length === 0) return '';
  return `<h2>Charts</h2>
<div class="charts">
${figures.join('\n')}
</div>${skipped.length > 0 ? `<details><summary>Charts not drawn (${skipped.length})</summary><ul class="notes">${skipped.join('')}</ul></details>` : ''}`;
}

function piiSection(pii: PiiSummary | undefined): string {
  if (pii === undefined) return '';
  const types = Object.entries(pii.counts).filter(([, n]) => (n ?? 0) > 0);
  if (pii.totalFindings === 0) {
    return `<h2>Personal data</h2><p class="ok">No personal data found in ${pii.rows.toLocaleString('en-US')} rows.</p>`;
  }
  const summary = types.map(([t, n]) => `<code>${escapeHtml(t)}</code> ${n!.toLocaleString('en-US')}`).join(', ');
  const rows = pii.columns
    .filter((c) => c.cellsWithPii > 0 || c.classification !== undefined)
    .sort((a, b) => b.cellsWithPii - a.cellsWithPii || a.name.localeCompare(b.name))
    .map((c) => {
      const found = Object.entries(c.counts).filter(([, n]) => (n ?? 0) > 0).map(([t, n]) => `${escapeHtml(t)} ${n}`).join(', ');
      const cls = c.classification;
      const sample = cls === undefined ? '' : cls.samples.slice(0, 5).map((r) => r + 1).join(', ');
      return `<tr class="fail"><td><code>${escapeHtml(c.name)}</code></td><td>${cls ? `${escapeHtml(cls.type)} <span class="meta">(${Math.round(cls.confidence * 100)}%)</span>` : '—'}</td><td class="num">${c.cellsWithPii.toLocaleString('en-US')}</td><td>${found}</td><td class="num">${escapeHtml(sample)}</td></tr>`;
    })
    .join('\n');
  return `<h2>Personal data</h2>
<p class="alert"><strong>${pii.totalFindings.toLocaleString('en-US')} findings</strong> in ${pii.rows.toLocaleString('en-US')} rows: ${summary}.</p>
<table><thead><tr><th>Column</th><th>Classified as</th><th class="num">Cells</th><th>Findings by type</th><th class="num">Example rows</th></tr></thead><tbody>
${rows}
</tbody></table>
<p class="meta">Values are not repeated here; rows are numbered from 1.</p>`;
}

function detailsSection(report: Report): string {
  const blocks = (Object.entries(report.details) as [PropertyName, readonly DetailRow[] | undefined][])
    .filter(([, rows]) => rows !== undefined && rows.length > 0)
    .map(([name, rows]) => {
      const body = rows!.map((r) => `<tr class="${r.verdict}">${rowCells(r)}</tr>`).join('\n');
      return `<details><summary>${escapeHtml(propertyLabel(name))} <span class="meta">(${rows!.length} row${rows!.length === 1 ? '' : 's'})</span></summary>
<table><thead><tr><th>Columns</th><th>Metric</th><th class="num">Score</th><th>Verdict</th><th>Why</th></tr></thead><tbody>
${body}
</tbody></table></details>`;
    });
  return blocks.length === 0 ? '' : `<h2>All details</h2>\n${blocks.join('\n')}`;
}

function notesSection(report: Report): string {
  const thresholds = Object.entries(report.thresholds).map(
    ([k, t]) => `<tr><td>${escapeHtml(metricLabel(k))}</td><td>${t.goal === 'maximize' ? 'higher is better' : 'lower is better'}</td><td class="num">${formatScore(t.pass)}</td><td class="num">${formatScore(t.warn)}</td></tr>`,
  );
  const notes = report.notes.length > 0 ? `<h2>Notes</h2><ul class="notes">${report.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  const th =
    thresholds.length > 0
      ? `<details><summary>Thresholds used</summary><table><thead><tr><th>Metric</th><th>Goal</th><th class="num">Pass at</th><th class="num">Warn at</th></tr></thead><tbody>${thresholds.join('')}</tbody></table></details>`
      : '';
  return notes + th;
}

/**
 * Renders an evaluation report as one self-contained HTML page: the verdict first, then what fails, the columns
 * (worst first), the charts (inline images), the personal-data findings and every detail. Opens without a network.
 * @example writeFileSync('report.html', renderReportHtml(report, { charts, pii, title: 'Customers v2' }))
 */
export function renderReportHtml(report: Report, options: ReportOptions = {}): string {
  const title = escapeHtml(options.title ?? 'Synthetic data report');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="synthdata">
<title>${title} — ${report.verdict.toUpperCase()}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${header(report, options)}
${banner(report, options.pii)}
${cards(report)}
${attention(report)}
${columnTable(report)}
${chartsSection(report, options)}
${piiSection(options.pii)}
${detailsSection(report)}
${notesSection(report)}
<footer>${escapeHtml(report.format)} version ${report.version} · metrics: ${escapeHtml(report.metrics.join(', ') || '—')} · made by synthdata</footer>
</main>
</body>
</html>
`;
}
