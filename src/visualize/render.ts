import { existsSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as ResvgModule from '@resvg/resvg-js';
import type * as VegaModule from 'vega';
import type * as VegaLiteModule from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { SynthError } from '../core/index.js';
import { chartTemplate, copyRows, datasetName, declaresDatasets, fillTitles } from './chart-template.js';
import type { Chart, VegaLiteSpec } from './types.js';

// vega, vega-lite and resvg take about a second to load; they are loaded on the first chart, not when synthdata starts.
const requireLazy = createRequire(import.meta.url);
let resvgModule: typeof ResvgModule | undefined;
const resvgLib = (): typeof ResvgModule => (resvgModule ??= requireLazy('@resvg/resvg-js') as typeof ResvgModule);
// vega-lite is ESM with top-level await, so it can only be loaded asynchronously.
let chartLibs: Promise<{ vega: typeof VegaModule; vegaLite: typeof VegaLiteModule; silent: VegaModule.LoggerInterface }> | undefined;
const loadChartLibs = () =>
  (chartLibs ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({ vega, vegaLite, silent: vega.logger(vega.None) })));

/** What a chart is turned into: the vega-lite spec as JSON, an SVG image or a PNG image. */
export const CHART_FORMATS = ['svg', 'png', 'spec'] as const;

/** One of {@link CHART_FORMATS}. */
export type ChartFormat = (typeof CHART_FORMATS)[number];

/** How the result is handed back: a Buffer, base64 text, a `data:` URI, a string (svg/spec only) or a file written atomically. */
export type RenderTarget = 'buffer' | 'base64' | 'data-uri' | 'string' | 'file';

/** Options of {@link renderChart}. */
export interface RenderOptions {
  readonly format?: ChartFormat;
  readonly as?: RenderTarget;
  /** The file to write when `as` is `file`. */
  readonly path?: string;
  /** PNG pixels per SVG pixel (default 2, sharp on high-density screens). */
  readonly scale?: number;
}

/** The fonts the PNG renderer uses, and where they came from. */
export interface FontSetup {
  readonly files: readonly string[];
  readonly family: string | undefined;
  /** `files` when known font files were found, `system` when it falls back to scanning the system's fonts. */
  readonly source: 'files' | 'system';
}

// Regular and bold of a sans family, in order of preference; the first family with a regular file wins.
const FONT_CANDIDATES: readonly { family: string; files: readonly string[] }[] = [
  { family: 'Lato', files: ['/usr/share/fonts/truetype/lato/Lato-Regular.ttf', '/usr/share/fonts/truetype/lato/Lato-Semibold.ttf', '/usr/share/fonts/truetype/lato/Lato-Bold.ttf'] },
  { family: 'DejaVu Sans', files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'] },
  { family: 'Liberation Sans', files: ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'] },
  { family: 'Noto Sans', files: ['/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf'] },
  { family: 'Arial', files: ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf', 'C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'] },
];

let fontSetup: FontSetup | undefined;

/**
 * The fonts PNG rendering uses: known sans font files when present (fast, the same on every run), else the system's
 * fonts. On a Debian/Ubuntu machine without any, install `fonts-dejavu-core` (or `fonts-lato`) or text is not drawn.
 */
export function chartFonts(): FontSetup {
  if (fontSetup !== undefined) return fontSetup;
  for (const c of FONT_CANDIDATES) {
    const files = c.files.filter((f) => existsSync(f));
    if (files.length > 0) return (fontSetup = { files, family: c.family, source: 'files' });
  }
  return (fontSetup = { files: [], family: undefined, source: 'system' });
}


function specOf(chart: Chart | VegaLiteSpec): VegaLiteSpec {
  return 'spec' in chart && 'kind' in chart && typeof chart.spec === 'object' ? (chart as Chart).spec : (chart as VegaLiteSpec);
}

/** Compiles a vega-lite spec to a vega spec, collecting vega-lite's warnings instead of printing them. */
export async function compileChart(spec: VegaLiteSpec): Promise<{ vega: VegaModule.Spec; warnings: string[] }> {
  const { vegaLite } = await loadChartLibs();
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: readonly unknown[]) => {
      throw new SynthError('VIZ_RENDER_FAILED', `vega-lite rejected the chart: ${args.map(String).join(' ')}`);
    },
    warn: (...args: readonly unknown[]) => {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  try {
    // vega tags the data rows it is given; a copy keeps the caller's spec untouched and re-renderable.
    return { vega: vegaLite.compile(structuredClone(spec) as unknown as TopLevelSpec, { logger: logger as unknown as VegaModule.LoggerInterface }).spec, warnings };
  } catch (e) {
    if (e instanceof SynthError) throw e;
    throw new SynthError('VIZ_RENDER_FAILED', `vega-lite could not compile the chart: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

// Parsed templates (vega runtime specs as JSON) by key, oldest first; '' marks a template that cannot be shared.
// A report's charts share a handful of templates, and a server sees the same ones again and again.
const parsedTemplates = new Map<string, string>();
const TEMPLATE_CACHE_SIZE = 64;

/**
 * A vega view of the chart, its data loaded. Charts whose data and titles can be taken out share one vega-lite
 * compilation and one vega parse (see chart-template.ts); others are compiled and parsed on their own.
 */
async function viewOf(spec: VegaLiteSpec): Promise<VegaModule.View> {
  const { vega, silent } = await loadChartLibs();
  const template = chartTemplate(spec);
  if (template !== undefined) {
    let parsed = parsedTemplates.get(template.key);
    if (parsed === undefined) {
      const compiled = (await compileChart(template.spec)).vega;
      parsed = declaresDatasets(compiled as { data?: { name?: string }[] }, template) ? JSON.stringify(vega.parse(compiled, undefined, { ast: false })) : '';
      if (parsedTemplates.size >= TEMPLATE_CACHE_SIZE) parsedTemplates.delete(parsedTemplates.keys().next().value!);
      parsedTemplates.set(template.key, parsed);
    }
    if (parsed !== '') {
      const view = new vega.View(JSON.parse(fillTitles(parsed, template)) as VegaModule.Runtime, { renderer: 'none', logger: silent });
      template.datasets.forEach((rows, i) => view.data(datasetName(i), copyRows(rows)));
      return view;
    }
  }
  const compiled = (await compileChart(spec)).vega;
  return new vega.View(vega.parse(compiled, undefined, { ast: false }), { renderer: 'none', logger: silent });
}

/** Renders a vega-lite spec (or a {@link Chart}) to SVG text, headless: no browser and no canvas. */
export async function renderSvg(chart: Chart | VegaLiteSpec): Promise<string> {
  const spec = specOf(chart);
  let view: VegaModule.View | undefined;
  try {
    view = await viewOf(spec);
    return renumberIds(await view.toSVG());
  } catch (e) {
    if (e instanceof SynthError) throw e;
    throw new SynthError('VIZ_RENDER_FAILED', `the chart could not be drawn: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  } finally {
    view?.finalize();
  }
}

const VEGA_ID = /(id="|url\(#)(gradient_|clip|pattern_)(\d+)/g;

/** vega numbers gradients and clip paths with process-wide counters; numbering them per SVG makes the same chart give the same bytes. */
function renumberIds(svg: string): string {
  const seen = new Map<string, number>();
  return svg.replace(VEGA_ID, (_m, lead: string, prefix: string, num: string) => {
    const key = prefix + num;
    let n = seen.get(key);
    if (n === undefined) seen.set(key, (n = seen.size));
    return `${lead}${prefix}${n}`;
  });
}

/** Rasterises SVG text to a PNG with resvg (pure native code, no browser), using {@link chartFonts}. */
export function svgToPng(svg: string, scale = 2): Buffer {
  const fonts = chartFonts();
  try {
    const resvg = new (resvgLib().Resvg)(svg, {
      fitTo: { mode: 'zoom', value: scale },
      background: 'white',
      font:
        fonts.source === 'files'
          ? { loadSystemFonts: false, fontFiles: [...fonts.files], defaultFontFamily: fonts.family, sansSerifFamily: fonts.family }
          : { loadSystemFonts: true },
      logLevel: 'off',
    });
    return resvg.render().asPng();
  } catch (e) {
    throw new SynthError('VIZ_RENDER_FAILED', `the SVG could not be turned into a PNG: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

const MIME: Readonly<Record<ChartFormat, string>> = { svg: 'image/svg+xml', png: 'image/png', spec: 'application/json' };

/** Writes a file through a temporary sibling and a rename, so a failure never leaves a partial file. */
export function writeFileAtomic(path: string, data: Buffer | string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file was never created.
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new SynthError(code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' ? 'IO_UNWRITABLE' : 'IO_WRITE_FAILED', `cannot write ${path}: ${(e as Error).message}`, { path, cause: e });
  }
}

/**
 * Renders one chart as its spec (JSON), SVG or PNG, handed back as a Buffer, base64, a data URI, a string or a file.
 * @example await renderChart(chart, { format: 'png', as: 'file', path: 'out/age.png' }) // -> 'out/age.png'
 */
export async function renderChart(chart: Chart | VegaLiteSpec, options: RenderOptions & { as: 'buffer' }): Promise<Buffer>;
export async function renderChart(chart: Chart | VegaLiteSpec, options?: RenderOptions): Promise<string>;
export async function renderChart(chart: Chart | VegaLiteSpec, options: RenderOptions = {}): Promise<Buffer | string> {
  const format = options.format ?? 'svg';
  const as = options.as ?? 'string';
  if (!(CHART_FORMATS as readonly string[]).includes(format)) {
    throw new SynthError('UNKNOWN_NAME', `unknown chart format "${format}"; the formats are: ${CHART_FORMATS.join(', ')}`, { path: '--format', expected: CHART_FORMATS, received: format });
  }
  if (as === 'string' && format === 'png') {
    throw new SynthError('INVALID_ARGUMENT', 'a PNG cannot be returned as a string; ask for buffer, base64, data-uri or file', { received: as });
  }
  let data: Buffer;
  if (format === 'spec') data = Buffer.from(JSON.stringify(specOf(chart), null, 2) + '\n', 'utf8');
  else {
    const svg = await renderSvg(chart);
    data = format === 'svg' ? Buffer.from(svg, 'utf8') : svgToPng(svg, options.scale);
  }
  switch (as) {
    case 'buffer':
      return data;
    case 'string':
      return data.toString('utf8');
    case 'base64':
      return data.toString('base64');
    case 'data-uri':
      return `data:${MIME[format]};base64,${data.toString('base64')}`;
    case 'file':
      if (options.path === undefined) throw new SynthError('INVALID_ARGUMENT', 'renderChart: `path` is required when `as` is "file"');
      writeFileAtomic(options.path, data);
      return options.path;
    default:
      throw new SynthError('UNKNOWN_NAME', `unknown render target "${String(as)}"; use buffer, base64, data-uri, string or file`);
  }
}

/** The file extension for a chart format. */
export function chartExtension(format: ChartFormat): string {
  return format === 'spec' ? 'vl.json' : format;
}
