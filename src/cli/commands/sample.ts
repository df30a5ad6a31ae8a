import type { Command } from 'commander';
import { SynthError, systemClock } from '../../core/index.js';
import { sampleFile } from '../../pipeline/index.js';
import { parsePositiveInt, parseSeed } from '../options.js';
import { progressSink } from '../progress.js';

interface SampleFlags {
  rows?: string;
  where: string[];
  seed?: string;
  out?: string;
  quiet?: boolean;
  json?: boolean;
}

/** Parses repeated `--where col=value` flags into conditions. */
export function parseWhere(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) {
      throw new SynthError('LEARN_BAD_CONDITION', `--where must look like column=value, got "${item}"`, { path: '--where', received: item, hint: 'Example: --where status=churned' });
    }
    out[item.slice(0, eq).trim()] = item.slice(eq + 1);
  }
  return out;
}

/** `synthdata sample model.json --rows N --out FILE`: draws synthetic rows from a fitted model. */
export function register(program: Command): void {
  program
    .command('sample')
    .description('draw synthetic rows from a model written by `synthdata fit`')
    .argument('<model>', 'the model JSON')
    .option('-n, --rows <n>', 'how many rows', '1000')
    .option('--where <col=value>', 'fix a column to a value (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--seed <seed>', 'seed (default: the model\'s seed)')
    .option('-o, --out <file>', 'output file, format from the extension (csv, json, jsonl, yaml, parquet), or - for standard output', '-')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print the result as JSON')
    .action(async (model: string, flags: SampleFlags) => {
      const rows = parsePositiveInt('--rows', flags.rows);
      const progress = progressSink({ enabled: !flags.quiet });
      try {
        const result = await sampleFile({
          modelPath: model,
          rows,
          where: parseWhere(flags.where),
          ...(flags.seed !== undefined ? { seed: parseSeed(flags.seed)! } : {}),
          out: flags.out ?? '-',
          clock: systemClock,
          onEvent: progress,
        });
        progress.finish();
        if (flags.quiet) return;
        if (flags.json) process.stderr.write(JSON.stringify(result) + '\n');
        else process.stderr.write(`sampled ${result.rows.toLocaleString('en-US')} rows (${result.synthesizer}, seed ${result.seed}) in ${(result.durationMs / 1000).toFixed(2)} s -> ${result.path ?? 'standard output'}\n`);
      } finally {
        progress.finish();
      }
    });
}
