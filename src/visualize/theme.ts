import type { Verdict } from './types.js';

/** The series colours: real data in blue, synthetic in orange (distinguishable in the common colour-vision deficiencies). */
export const SERIES_COLORS = { real: '#3867b0', synthetic: '#e8833a', single: '#3867b0' } as const;

/** The verdict colours shared by charts and the HTML report. */
export const VERDICT_COLORS: Readonly<Record<Verdict, string>> = { pass: '#1f8a4c', warn: '#c98a00', fail: '#c8342f' };

/** The font stack of the charts: the first that exists wins, in browsers and in the PNG renderer alike. */
export const CHART_FONT = "Lato, 'Segoe UI', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

/** The vega-lite `config` every chart carries, so charts look alike wherever they are rendered. */
export function chartConfig(): Record<string, unknown> {
  return {
    font: CHART_FONT,
    background: 'white',
    padding: 8,
    view: { stroke: null },
    // Per-mark ARIA labels would repeat every data row in the SVG; the report captions each chart instead.
    mark: { aria: false },
    axis: {
      labelColor: '#4b5563',
      titleColor: '#1f2937',
      gridColor: '#eef0f3',
      domainColor: '#c4c9d1',
      tickColor: '#c4c9d1',
      labelFontSize: 11,
      titleFontSize: 12,
      titleFontWeight: 600,
      labelLimit: 160,
    },
    legend: { labelFontSize: 11, titleFontSize: 11, labelColor: '#374151', orient: 'top', direction: 'horizontal', symbolType: 'square' },
    title: { fontSize: 14, fontWeight: 600, anchor: 'start', color: '#111827', subtitleColor: '#6b7280', subtitleFontSize: 11, offset: 10 },
    header: { labelFontSize: 12, titleFontSize: 12 },
  };
}
