import type { Command } from 'commander';
import { SynthError, type Seed } from '../../core/index.js';
import { evaluateFiles, type EvaluateFilesInput, type EvaluateFilesOutput } from '../../pipeline/index.js';
import { parseSeed } from '../options.js';
import { progressSink } from '../progress.js';
import { table } from './keys.js';

type ReportLike = EvaluateFilesOutput['report'];

function num(x: number | null): string {
  return x === null ? 'n/a' : Number.isInteger(x) ? String(x) : x.toFixed(3);
}

function short(text: string, max = 90): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The report as text: verdict, properties, the failing and warning rows first, notes and the seed. */
export function formatReport(report: ReportLike, maxRows = 15): string {
  const t = report.tables;
  const lines: string[] = [];
  lines.push(`${t.syntheticRows.toLocaleString('en-US')} synthetic rows${t.realRows === null ? '' : ` vs ${t.realRows.toLocaleString('en-US')} real rows`}, ${t.commonColumns.length} column(s) compared`);
  lines.push(`verdict ${report.verdict.toUpperCase()}${report.score === null ? '' : `   quality score ${num(report.score)}`}`, '');
  lines.push(table(['property', 'score', 'verdict', 'why'], report.properties.map((p) => [p.name.replace(/_/g, ' '), num(p.score), p.verdict, short(p.reason)])).trimEnd(), '');
  const rows = Object.values(report.details).flatMap((d) => d ?? []);
  const flagged = rows.filter((r) => r.verdict !== 'pass').sort((a, b) => (a.verdict === b.verdict ? 0 : a.verdict === 'fail' ? -1 : 1));
  if (flagged.length > 0) {
    lines.push(`needs attention (${flagged.length} row${flagged.length === 1 ? '' : 's'}${flagged.length > maxRows ? `, first ${maxRows}` : ''}):`);
    lines.push(table(['verdict', 'metric', 'columns', 'score', 'why'], flagged.slice(0, maxRows).map((r) => [r.verdict, r.metric, short(r.columns.join(', '), 30), num(r.score), short(r.reason)])).trimEnd(), '');
  } else {
    lines.push('every detail row passed', '');
  }
  for (const n of report.notes) lines.push(`note: ${n}`);
  lines.push(`seed ${report.seed}`);
  return lines.join('\n') + '\n';
}

/** Parses `--threshold id=pass[:warn]` values into overrides. */
export function parseThresholdFlags(values: readonly string[]): EvaluateFilesInput['thresholds'] {
  const out: Record<string, { pass: number; warn?: number }> = {};
  for (const v of values) {
    const m = /^([a-z_]+)=([-\d.eE]+)(?::([-\d.eE]+))?$/.exec(v.trim());
    if (m === null || !Number.isFinite(Number(m[2])) || (m[3] !== undefined && !Number.isFinite(Number(m[3])))) {
      throw new SynthError('INVALID_ARGUMENT', `--threshold must look like metric=pass or metric=pass:warn (e.g. ks_complement=0.9:0.8), got "${v}"`, { path: '--threshold', received: v });
    }
    out[m[1]!] = m[3] === undefined ? { pass: Number(m[2]) } : { pass: Number(m[2]), warn: Number(m[3]) };
  }
  return out;
}

/** Splits a comma-separated flag into trimmed names. */
export function listFlag(s: string | undefined): string[] | undefined {
  return s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter((x) => x.length > 0);
}

/** Flags shared by `evaluate` and `validate`. */
export interface CommonEvaluateFlags {
  metadata?: string;
  schema?: string;
  holdout?: string;
  keys?: string;
  quasiIdentifiers?: string;
  threshold: string[];
  seed?: string;
  report?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Adds the flags shared by the evaluation commands. */
export function addCommonFlags(cmd: Command): Command {
  return cmd
    .option('--metadata <file>', 'SDV metadata JSON with column sdtypes (default: inferred from the real table)')
    .option('--schema <file>', 'JSON Schema every synthetic row must validate against')
    .option('--holdout <file>', 'real rows the synthesizer never saw (for DCR and membership inference)')
    .option('--keys <cols>', 'comma-separated key columns that must be unique')
    .option('--quasi-identifiers <cols>', 'comma-separated quasi-identifier columns for k-anonymity')
    .option('--threshold <id=pass[:warn]>', 'override a threshold (repeatable), e.g. ks_complement=0.9:0.8', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--seed <seed>', 'seed for sampling and splits (default 0)')
    .option('--report <file>', 'write the report: .html (self-contained, with charts) or .json')
    .option('--json', 'print the report as JSON')
    .option('-q, --quiet', 'no progress bar');
}

/** Runs the op with the shared flags and prints the result (text or JSON). */
export async function runEvaluation(input: Omit<EvaluateFilesInput, 'reportPath' | 'jsonPath' | 'seed' | 'thresholds'>, flags: CommonEvaluateFlags, render: (out: EvaluateFilesOutput) => string = (o) => formatReport(o.report)): Promise<EvaluateFilesOutput> {
  const report = flags.report;
  const isJson = report !== undefined && /\.json$/i.test(report);
  const progress = progressSink({ enabled: !flags.quiet && !flags.json });
  let result: EvaluateFilesOutput;
  try {
    const seed: Seed | undefined = parseSeed(flags.seed);
    result = await evaluateFiles({
      ...input,
      ...(flags.metadata !== undefined ? { metadata: flags.metadata } : {}),
      ...(flags.schema !== undefined ? { schema: flags.schema } : {}),
      ...(flags.holdout !== undefined ? { holdout: flags.holdout } : {}),
      ...(flags.keys !== undefined ? { keys: listFlag(flags.keys)! } : {}),
      ...(flags.quasiIdentifiers !== undefined ? { quasiIdentifiers: listFlag(flags.quasiIdentifiers)! } : {}),
      ...(flags.threshold.length > 0 ? { thresholds: parseThresholdFlags(flags.threshold) } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(report !== undefined ? (isJson ? { jsonPath: report } : { reportPath: report }) : {}),
      onEvent: progress,
    });
  } finally {
    progress.finish();
  }
  if (flags.json) process.stdout.write(JSON.stringify(result.schemaMatch === null ? result.report : { ...result.report, schemaMatch: result.schemaMatch, textSimilarity: result.textSimilarity }, null, 2) + '\n');
  else {
    process.stdout.write(render(result));
    if (result.reportPath !== null) process.stdout.write(`report written to ${result.reportPath}\n`);
    if (result.jsonPath !== null) process.stdout.write(`JSON report written to ${result.jsonPath}\n`);
  }
  return result;
}

interface EvaluateFlags extends CommonEvaluateFlags {
  real: string;
  synthetic: string;
  metrics?: string;
  target?: string;
}

/** `synthdata evaluate --real R --synthetic S`: quality, privacy, utility and PII of a synthetic table, with pass/warn/fail. */
export function register(program: Command): void {
  const cmd = program
    .command('evaluate')
    .description('judge a synthetic table against the real one: quality (SDMetrics scores), privacy, utility, PII; pass/warn/fail with reasons')
    .requiredOption('--real <file>', 'the real table (csv, json, jsonl, yaml, parquet, xlsx)')
    .requiredOption('--synthetic <file>', 'the synthetic table')
    .option('--metrics <list>', 'comma-separated: quality, validity, privacy, utility, pii (default: quality,validity,privacy, plus utility with --target)')
    .option('--target <col>', 'utility: train on synthetic, test on real, against train on real, for this column');
  addCommonFlags(cmd).action(async (flags: EvaluateFlags) => {
    const metrics = listFlag(flags.metrics);
    if (metrics !== undefined && metrics.includes('utility') && flags.target === undefined) {
      throw new SynthError('EVAL_BAD_TARGET', '--metrics utility needs --target COLUMN', { path: '--target', hint: 'Name the column a model should predict, e.g. --target Species.' });
    }
    await runEvaluation({
      real: flags.real,
      synthetic: flags.synthetic,
      ...(metrics !== undefined ? { metrics } : {}),
      ...(flags.target !== undefined ? { target: flags.target } : {}),
    }, flags);
  });
}
