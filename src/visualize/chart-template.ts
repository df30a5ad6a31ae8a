import type { VegaLiteSpec } from './types.js';

/**
 * Compiling vega-lite and parsing the vega spec were about a third of the cost of drawing a report's charts (the
 * rest is vega's dataflow and the SVG), and the charts of a report differ mostly in their data and titles: fifteen
 * histograms are one spec shape. A template is the spec with its inline data named instead
 * of inlined and its titles replaced by tokens; charts of one template share a single compilation and vega parse,
 * the titles are put back into the parsed spec's JSON, and the data is handed to the view.
 */
export interface ChartTemplate {
  /** The templated spec as JSON: charts with the same key compile to the same vega spec. */
  readonly key: string;
  readonly spec: VegaLiteSpec;
  /** Inline data taken out, in the order of their names ({@link datasetName}). */
  readonly datasets: readonly (readonly unknown[])[];
  /** Titles taken out, in the order of their tokens ({@link titleToken}). */
  readonly titles: readonly string[];
}

const DATA_PREFIX = 'synthdata_data_';
const TOKEN_MARK = '@@';
/** A title is put back by text replacement in the parsed spec's JSON, where it may sit inside a string literal of generated code: only titles that need no escaping at any level are templated. */
const PLAIN_TITLE = /^[^"'`\\\u0000-\u001f\u2028\u2029]*$/;

export const datasetName = (i: number): string => `${DATA_PREFIX}${i}`;
export const titleToken = (i: number): string => `${TOKEN_MARK}synthdata_title_${i}${TOKEN_MARK}`;
const TOKEN_PATTERN = /@@synthdata_title_(\d+)@@/g;

/** The template of a spec, or undefined when a title or data block cannot be taken out safely. */
export function chartTemplate(spec: VegaLiteSpec): ChartTemplate | undefined {
  const datasets: unknown[][] = [];
  const titles: string[] = [];
  let templatable = true;
  const title = (text: string): string => {
    if (!PLAIN_TITLE.test(text) || text.includes(TOKEN_MARK)) templatable = false;
    titles.push(text);
    return titleToken(titles.length - 1);
  };
  const walk = (value: unknown, key: string | undefined, inTitle: boolean): unknown => {
    if (typeof value === 'string') return (key === 'title' || (inTitle && (key === 'text' || key === 'subtitle'))) ? title(value) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, undefined, false));
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (key === 'data') {
      const keys = Object.keys(record);
      if (keys.length === 1 && keys[0] === 'values' && Array.isArray(record.values)) {
        datasets.push(record.values as unknown[]);
        return { name: datasetName(datasets.length - 1) };
      }
      templatable = false;
      return value;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) {
      // Tooltips are interaction: a static SVG has none (the same bytes without them), but computing one per mark
      // costs a tenth of the drawing. The chart's own spec keeps them for interactive use.
      if (k === 'tooltip' && key === 'encoding') continue;
      out[k] = walk(v, k, key === 'title');
    }
    return out;
  };
  const templated = walk(spec, undefined, false) as VegaLiteSpec;
  if (!templatable) return undefined;
  return { key: JSON.stringify(templated), spec: templated, datasets, titles };
}

/** Puts the titles back into JSON text derived from the template (its parsed vega spec). */
export function fillTitles(json: string, template: ChartTemplate): string {
  // One pass over the text, whatever the number of titles.
  return json.replace(TOKEN_PATTERN, (token, i: string) => template.titles[Number(i)] ?? token);
}

/** Whether the compiled vega spec declares every data source of the template at its top level. */
export function declaresDatasets(vega: { readonly data?: readonly { readonly name?: string }[] }, template: ChartTemplate): boolean {
  const names = new Set((vega.data ?? []).map((d) => d.name));
  return template.datasets.every((_rows, i) => names.has(datasetName(i)));
}

/** Copies of a data source's rows: vega tags the rows it is given, and the caller's chart stays re-renderable. */
export function copyRows(rows: readonly unknown[]): unknown[] {
  return rows.map((r) => (r !== null && typeof r === 'object' ? { ...(r as object) } : r));
}
