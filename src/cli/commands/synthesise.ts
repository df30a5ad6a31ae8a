import type { Command } from 'commander';
import { systemClock } from '../../core/index.js';
import { synthesiseFile, synthesisePreview } from '../../pipeline/index.js';
import { parsePositiveInt, parseSeed } from '../options.js';
import { progressSink } from '../progress.js';
import { parseEpsilon } from './fit.js';
import { table } from './keys.js';
import { registerSynthesiseValidate } from './synthesise-validate.js';

interface SynthesiseFlags {
  input?: string;
  output?: string;
  count?: string;
  synthesizer?: string;
  epsilon?: string;
  seed?: string;
  keepRare?: boolean;
  maxFitRows?: string;
  quiet?: boolean;
  json?: boolean;
}

function common(cmd: Command): Command {
  return cmd
    .requiredOption('-i, --input <file>', 'the real table: CSV, JSON, JSONL, YAML, XLSX or Parquet')
    .option('--synthesizer <name>', 'cart (default), gaussian-copula or bayes-net')
    .option('--epsilon <e>', 'differential privacy budget, 0.1 to 10 (bayes-net)')
    .option('--seed <seed>', 'seed for reproducible output')
    .option('--keep-rare', 'keep categories seen in fewer than 5 rows (merged by default)')
    .option('--max-fit-rows <n>', 'learn from at most this many rows, sampled uniformly from a bigger input (default 100000)');
}

function learnOptions(flags: SynthesiseFlags) {
  return {
    inputPath: flags.input!,
    ...(flags.synthesizer !== undefined ? { synthesizer: flags.synthesizer } : {}),
    ...(flags.epsilon !== undefined ? { epsilon: parseEpsilon(flags.epsilon)! } : {}),
    ...(flags.seed !== undefined ? { seed: parseSeed(flags.seed)! } : {}),
    ...(flags.keepRare ? { rareThreshold: 0 } : {}),
    ...(flags.maxFitRows !== undefined ? { maxFitRows: parsePositiveInt('--max-fit-rows', flags.maxFitRows) } : {}),
    clock: systemClock,
  };
}

/** `synthdata synthesise`: fit on a real table and write a synthetic one in one step; `preview` prints a few rows. */
export function register(program: Command): void {
  const parent = program
    .command('synthesise')
    .alias('synthesize')
    .description('learn from a real table and write a synthetic one in one step (also: preview, validate)')
    .usage('--input FILE --output FILE [--count N] [--synthesizer NAME] [--epsilon E] [--seed S] | preview | validate')
    .addHelpText('after', [
      '',
      'Options of the one-step form:',
      '  -i, --input <file>     the real table: CSV, JSON, JSONL, YAML, XLSX or Parquet',
      '  -o, --output <file>    output file, format from the extension (csv, json, jsonl, yaml, parquet), or -',
      '  -n, --count <n>        rows to produce (default: as many as the input)',
      '  --synthesizer <name>   cart (default), gaussian-copula or bayes-net',
      '  --epsilon <e>          differential privacy budget, 0.1 to 10 (bayes-net)',
      '  --seed <seed>          seed for reproducible output',
      '  --keep-rare            keep categories seen in fewer than 5 rows',
      '  --max-fit-rows <n>     learn from at most n rows, sampled from a bigger input (default 100000)',
      '',
      'Example: synthdata synthesise --input interviews.csv --output synthetic.csv',
    ].join('\n'));
  common(parent.command('run', { isDefault: true, hidden: true }))
    .description('fit on --input and write --count synthetic rows to --output')
    .option('-o, --output <file>', 'output file, format from the extension (csv, json, jsonl, yaml, parquet), or -', '-')
    .option('-n, --count <n>', 'rows to produce (default: as many as the input)')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print the result as JSON')
    .action(async (flags: SynthesiseFlags) => {
      const progress = progressSink({ enabled: !flags.quiet });
      try {
        const result = await synthesiseFile({
          ...learnOptions(flags),
          outputPath: flags.output ?? '-',
          ...(flags.count !== undefined ? { count: parsePositiveInt('--count', flags.count) } : {}),
          onEvent: progress,
        });
        progress.finish();
        if (flags.quiet) return;
        if (flags.json) process.stderr.write(JSON.stringify(result) + '\n');
        else process.stderr.write(`synthesised ${result.rows.toLocaleString('en-US')} rows from ${result.inputRows.toLocaleString('en-US')} real ones (${result.synthesizer}, seed ${result.seed}) in ${(result.durationMs / 1000).toFixed(2)} s -> ${result.path ?? 'standard output'}\n`);
      } finally {
        progress.finish();
      }
    });
  common(parent.command('preview'))
    .description('fit on --input and print a few synthetic rows as a table')
    .option('-n, --count <n>', 'rows to show', '5')
    .action(async (flags: SynthesiseFlags) => {
      const result = await synthesisePreview({ ...learnOptions(flags), count: parsePositiveInt('--count', flags.count) });
      const cell = (v: unknown): string => (v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ').slice(0, 40));
      process.stdout.write(table(result.columns, result.rows.map((r) => r.map(cell))));
    });
  registerSynthesiseValidate(parent);
}
