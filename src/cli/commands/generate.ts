import type { Command } from 'commander';
import { SynthError, systemClock } from '../../core/index.js';
import { generateToFile, loadConfig } from '../../pipeline/index.js';
import { parsePositiveInt, parseSeed } from '../options.js';
import { progressSink } from '../progress.js';

interface GenerateFlags {
  schema?: string;
  rows?: string;
  count?: string;
  seed?: string;
  format?: string;
  out?: string;
  locale?: string;
  workers?: string;
  batchSize?: string;
  referenceDate?: string;
  quiet?: boolean;
  json?: boolean;
}

const FORMATS = ['csv', 'json', 'jsonl', 'parquet', 'yaml'];

/** `synthdata generate`: a dataset from a JSON Schema, streamed to a file or standard output. */
export function register(program: Command): void {
  program
    .command('generate')
    .description('generate a dataset from a JSON Schema')
    .option('-s, --schema <file>', 'JSON Schema of one record (our dialect: docs/schema.md)')
    .option('-n, --rows <n>', 'how many rows to generate')
    .option('--count <n>', 'same as --rows')
    .option('--seed <seed>', 'seed for reproducible output (printed when not given)')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')} (default: from --out, else csv)`)
    .option('-o, --out <file>', 'output file, or - for standard output (default: .synthdata/output/<title>.<format>)')
    .option('--locale <locale>', 'locale for names, addresses and phones (default: en)')
    .option('--workers <n>', 'worker threads (default: all cores for large jobs)')
    .option('--batch-size <n>', 'rows per batch (does not change the output)')
    .option('--reference-date <yyyy-mm-dd>', 'the day that "now" means for generated dates (default: today, UTC)')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print the result as JSON')
    .action(async (flags: GenerateFlags) => {
      const result = await runGenerate(flags);
      if (flags.quiet) return;
      if (flags.json) {
        process.stderr.write(JSON.stringify(result) + '\n');
        return;
      }
      const where = result.path ?? 'standard output';
      process.stderr.write(
        `generated ${result.rows.toLocaleString('en-US')} rows (${result.fields.length} columns, ${formatBytes(result.bytes)}) in ${(result.durationMs / 1000).toFixed(2)} s -> ${where}\n` +
          `seed ${result.seed}, reference date ${result.referenceDate} (rerun with --seed ${result.seed} --reference-date ${result.referenceDate} for the same bytes)\n`,
      );
    });
}

async function runGenerate(flags: GenerateFlags) {
  if (!flags.schema) {
    throw new SynthError('INVALID_ARGUMENT', 'say what to generate: --schema FILE', { path: '--schema', hint: 'Try: synthdata generate --schema examples/customers.schema.json --rows 100' });
  }
  const rowsFlag = flags.rows !== undefined ? '--rows' : '--count';
  const rows = parsePositiveInt(rowsFlag, flags.rows ?? flags.count, 'GENERATE_ROWS_INVALID');
  if (flags.format !== undefined && !FORMATS.includes(flags.format)) {
    throw new SynthError('IO_UNKNOWN_FORMAT', `unknown format "${flags.format}"; use one of ${FORMATS.join(', ')}`, { path: '--format', received: flags.format });
  }
  if (flags.referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.referenceDate)) {
    throw new SynthError('INVALID_ARGUMENT', `--reference-date must look like 2026-01-31, got "${flags.referenceDate}"`, { path: '--reference-date' });
  }
  const config = loadConfig();
  const progress = progressSink({ enabled: !flags.quiet });
  try {
    return await generateToFile({
      schemaPath: flags.schema,
      rows,
      maxRows: config.maxRows,
      dataDir: config.dataDir,
      seed: parseSeed(flags.seed),
      format: flags.format as 'csv' | undefined,
      out: flags.out,
      locale: flags.locale,
      workers: flags.workers === undefined ? undefined : parsePositiveInt('--workers', flags.workers),
      batchSize: flags.batchSize === undefined ? undefined : parsePositiveInt('--batch-size', flags.batchSize),
      referenceDate: flags.referenceDate,
      clock: systemClock,
      onEvent: progress,
    });
  } finally {
    progress.finish();
  }
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
