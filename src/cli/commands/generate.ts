import type { Command } from 'commander';
import { SynthError, systemClock } from '../../core/index.js';
import { applyPrivacyLevel, generateToFile, loadConfig, loadTemplate, planDescription, privacyLevelSettings, loadSchemaFile } from '../../pipeline/index.js';
import { withLocalContext } from '../context.js';
import { generateGated } from './generate-gated.js';
import { parsePositiveInt, parseSeed } from '../options.js';
import { progressSink } from '../progress.js';

interface GenerateFlags {
  schema?: string;
  describe?: string;
  planner?: string;
  model?: string;
  showSchema?: boolean;
  domain?: string;
  task?: string;
  qualityThreshold?: string;
  privacyLevel?: string;
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
    .description('generate a dataset from a JSON Schema, a description or a domain template')
    .option('-s, --schema <file>', 'JSON Schema of one record (our dialect: docs/schema.md)')
    .option('-d, --describe <text>', 'describe the data in plain words instead of a schema')
    .option('--planner <name>', 'planner for --describe: offline (default), openai or ollama')
    .option('--model <model>', 'model for the openai or ollama planner')
    .option('--show-schema', 'print the planned or template schema on stderr')
    .option('--domain <domain>', 'start from a domain template (synthdata templates list)')
    .option('--task <task>', 'the template task within --domain')
    .option('--quality-threshold <score>', 'refuse the output when its quality score is below this (0..1)')
    .option('--privacy-level <level>', 'low, medium or high: PII policy and identifier settings (src/templates/README.md)')
    .option('-n, --rows <n>', 'how many rows to generate')
    .option('--count <n>', 'same as --rows')
    .option('--seed <seed>', 'seed for reproducible output (printed when not given)')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')} (default: from --out, else csv)`)
    .option('-o, --out <file>', 'output file, or - for standard output (default: .synthdata/output/<title>.<format>)')
    .option('--locale <locale>', 'locale for names, addresses and phones (default: en)')
    .option('--workers <n>', 'worker threads (default: all cores from 1M rows on, one for Parquet)')
    .option('--batch-size <n>', 'rows per batch (does not change the output)')
    .option('--reference-date <yyyy-mm-dd>', 'the day that "now" means for generated dates (default: today, UTC)')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print the result as JSON')
    .action(async (flags: GenerateFlags) => {
      const result = await runGenerate(flags);
      if (flags.quiet) return;
      if ('runId' in result) {
        const r = result as Awaited<ReturnType<typeof generateGated>>;
        if (flags.json) process.stderr.write(JSON.stringify(r) + '\n');
        else process.stderr.write(`generated ${r.rows.toLocaleString('en-US')} rows -> ${r.path} (run ${r.runId}, seed ${r.seed}); quality ${r.score === null ? 'n/a' : r.score.toFixed(3)} (${r.verdict}); PII findings ${r.piiFindings} under policy "${r.piiPolicy}"\n`);
        return;
      }
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
  const sources = [flags.schema && '--schema', flags.describe && '--describe', flags.domain && '--domain'].filter(Boolean);
  if (sources.length !== 1) {
    throw new SynthError('INVALID_ARGUMENT', sources.length === 0 ? 'say what to generate: --schema FILE, --describe TEXT or --domain NAME' : `give only one of ${sources.join(', ')}`, {
      path: '--schema', hint: 'Try: synthdata generate --schema examples/customers.schema.json --rows 100',
    });
  }
  if (flags.task !== undefined && flags.domain === undefined) throw new SynthError('INVALID_ARGUMENT', '--task needs --domain', { path: '--task' });
  let schema: object | undefined;
  let plannedRows: number | undefined;
  if (flags.describe !== undefined) {
    const plan = await withLocalContext((ctx) => planDescription({
      description: flags.describe!, store: ctx.store, planner: flags.planner as 'offline' | undefined, model: flags.model,
      rows: flags.rows ?? flags.count ? parsePositiveInt('--rows', flags.rows ?? flags.count, 'GENERATE_ROWS_INVALID') : undefined,
    }));
    for (const w of plan.warnings) process.stderr.write(`warning: ${w}\n`);
    if (plan.notUnderstood.length > 0) process.stderr.write(`not understood: ${plan.notUnderstood.join(', ')}\n`);
    schema = plan.schema as object;
    plannedRows = plan.rows;
  } else if (flags.domain !== undefined) {
    schema = loadTemplate(flags.domain, flags.task).schema as object;
  } else {
    schema = await loadSchemaFile(flags.schema!);
  }
  const privacy = flags.privacyLevel === undefined ? undefined : privacyLevelSettings(flags.privacyLevel);
  if (privacy) schema = applyPrivacyLevel(schema as Parameters<typeof applyPrivacyLevel>[0], privacy.level);
  if (flags.showSchema) process.stderr.write(JSON.stringify(schema, null, 2) + '\n');
  if (flags.rows === undefined && flags.count === undefined && plannedRows !== undefined) flags.rows = String(plannedRows);
  if (privacy !== undefined || flags.qualityThreshold !== undefined) {
    const threshold = flags.qualityThreshold === undefined ? undefined : Number(flags.qualityThreshold);
    if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) {
      throw new SynthError('INVALID_ARGUMENT', `--quality-threshold must be a number from 0 to 1, got "${flags.qualityThreshold}"`, { path: '--quality-threshold' });
    }
    if (flags.out === '-') throw new SynthError('INVALID_ARGUMENT', '--quality-threshold and --privacy-level write a checked file; use --out FILE', { path: '--out' });
    return generateGated({
      schema, rows: parsePositiveInt(flags.rows !== undefined ? '--rows' : '--count', flags.rows ?? flags.count, 'GENERATE_ROWS_INVALID'),
      seed: parseSeed(flags.seed), format: flags.format as 'csv' | undefined, out: flags.out, piiPolicy: privacy?.piiPolicy ?? 'report', qualityThreshold: threshold,
    });
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
      schema,
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
