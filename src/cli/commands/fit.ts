import type { Command } from 'commander';
import { SynthError, systemClock } from '../../core/index.js';
import { fitFile } from '../../pipeline/index.js';
import { parsePositiveInt, parseSeed } from '../options.js';
import { progressSink } from '../progress.js';

interface FitFlags {
  out?: string;
  synthesizer?: string;
  epsilon?: string;
  seed?: string;
  keepRare?: boolean;
  maxFitRows?: string;
  quiet?: boolean;
  json?: boolean;
}

/** Parses `--epsilon`: a number (range checked by the op). */
export function parseEpsilon(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const e = Number(raw);
  if (!Number.isFinite(e)) throw new SynthError('LEARN_EPSILON_INVALID', `--epsilon must be a number between 0.1 and 10, got "${raw}"`, { path: '--epsilon', received: raw });
  return e;
}

/** `synthdata fit DATA --out model.json`: learns a model from a real table. */
export function register(program: Command): void {
  program
    .command('fit')
    .description('learn a synthesizer model from a real table (written as versioned JSON)')
    .argument('<data>', 'the real table: CSV, JSON, JSONL, YAML, XLSX or Parquet')
    .option('-o, --out <file>', 'where to write the model', 'model.json')
    .option('--synthesizer <name>', 'cart (default), gaussian-copula or bayes-net')
    .option('--epsilon <e>', 'differential privacy budget, 0.1 to 10 (bayes-net)')
    .option('--seed <seed>', 'seed for a reproducible fit (printed when not given)')
    .option('--keep-rare', 'keep categories seen in fewer than 5 rows (merged by default)')
    .option('--max-fit-rows <n>', 'learn from at most this many rows, sampled uniformly from a bigger file (default 100000)')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print the result as JSON')
    .action(async (data: string, flags: FitFlags) => {
      const progress = progressSink({ enabled: !flags.quiet });
      try {
        const result = await fitFile({
          dataPath: data,
          out: flags.out ?? 'model.json',
          ...(flags.synthesizer !== undefined ? { synthesizer: flags.synthesizer } : {}),
          ...(flags.epsilon !== undefined ? { epsilon: parseEpsilon(flags.epsilon)! } : {}),
          ...(flags.seed !== undefined ? { seed: parseSeed(flags.seed)! } : {}),
          ...(flags.keepRare ? { rareThreshold: 0 } : {}),
          ...(flags.maxFitRows !== undefined ? { maxFitRows: parsePositiveInt('--max-fit-rows', flags.maxFitRows) } : {}),
          clock: systemClock,
          onEvent: progress,
        });
        progress.finish();
        if (flags.quiet) return;
        if (flags.json) {
          process.stdout.write(JSON.stringify(result) + '\n');
          return;
        }
        const kinds = result.columns.map((c) => `${c.name}: ${c.kind}`).join(', ');
        process.stderr.write(
          `fitted ${result.synthesizer} on ${result.rows.toLocaleString('en-US')} rows${result.inputRows > result.rows ? ` (a uniform sample of ${result.inputRows.toLocaleString('en-US')})` : ''} in ${(result.durationMs / 1000).toFixed(2)} s -> ${result.path}\n` +
            `columns: ${kinds}\n` +
            `seed ${result.seed}${result.epsilon !== null ? `, differentially private with epsilon ${result.epsilon}` : ''}\n`,
        );
      } finally {
        progress.finish();
      }
    });
}
