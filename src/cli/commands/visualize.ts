import type { Command } from 'commander';
import { visualizeFile, type VisualizeOutput } from '../../pipeline/index.js';
import { parsePositiveInt, parseSeed } from '../options.js';

interface VisualizeFlags {
  reference?: string;
  report?: string;
  charts?: string;
  columns?: string;
  out: string;
  format: string;
  seed?: string;
  bins?: string;
  points?: string;
  pairs?: string;
  scale?: string;
  json?: boolean;
}

function list(s: string | undefined): string[] | undefined {
  return s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter((x) => x.length > 0);
}

function render(result: VisualizeOutput): string {
  const lines = result.files.map((f) => f.path);
  for (const s of result.skipped) lines.push(`skipped ${s.kind}${s.columns.length > 0 ? ` (${s.columns.join(', ')})` : ''}: ${s.reason}`);
  lines.push(`${result.files.length} chart${result.files.length === 1 ? '' : 's'} as ${result.format} in ${Math.round(result.durationMs)} ms (seed ${result.seed})`);
  return lines.join('\n') + '\n';
}

/** `synthdata visualize FILE --out DIR`: writes histograms, scatter plots, heatmaps and scores as SVG, PNG or vega-lite JSON. */
export function register(program: Command): void {
  program
    .command('visualize')
    .description('draw charts of a table, overlaid on its real reference: histograms and value counts, scatter plots, correlation heatmaps, per-column scores')
    .argument('<file>', 'the table to picture (csv, json, jsonl, yaml, parquet, xlsx); the synthetic one when --reference is given')
    .requiredOption('--out <dir>', 'the folder the chart files are written to (created when missing)')
    .option('--reference <file>', 'the real table: every chart overlays real and synthetic')
    .option('--charts <names>', 'comma-separated: histogram, scatter, heatmap, scores (default: all)')
    .option('--format <format>', 'svg, png or spec (the vega-lite JSON)', 'svg')
    .option('--report <file>', 'an evaluation report (JSON from `synthdata evaluate --json`), for the scores chart')
    .option('--columns <names>', 'comma-separated columns to chart (default: all)')
    .option('--seed <seed>', 'seed of the scatter-plot samples (default 0)')
    .option('--bins <n>', 'about this many histogram bins (default 30)')
    .option('--points <n>', 'points sampled per table in a scatter plot (default 800)')
    .option('--pairs <n>', 'most column pairs drawn as scatter plots (default 4)')
    .option('--scale <x>', 'PNG pixels per SVG pixel (default 2)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: VisualizeFlags) => {
      const result = await visualizeFile({
        path: file,
        out: flags.out,
        format: flags.format,
        ...(flags.reference !== undefined ? { reference: flags.reference } : {}),
        ...(flags.report !== undefined ? { report: flags.report } : {}),
        ...(flags.charts !== undefined ? { charts: list(flags.charts) } : {}),
        ...(flags.columns !== undefined ? { columns: list(flags.columns) } : {}),
        ...(flags.seed !== undefined ? { seed: parseSeed(flags.seed) } : {}),
        ...(flags.bins !== undefined ? { bins: parsePositiveInt('--bins', flags.bins) } : {}),
        ...(flags.points !== undefined ? { scatterPoints: parsePositiveInt('--points', flags.points) } : {}),
        ...(flags.pairs !== undefined ? { maxScatterPairs: parsePositiveInt('--pairs', flags.pairs) } : {}),
        ...(flags.scale !== undefined ? { scale: parsePositiveInt('--scale', flags.scale) } : {}),
      });
      process.stdout.write(flags.json ? JSON.stringify(result, null, 2) + '\n' : render(result));
    });
}
