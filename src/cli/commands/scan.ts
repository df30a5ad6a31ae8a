import type { Command } from 'commander';
import { SynthError } from '../../core/index.js';
import { scanFile, type ScanFileOutput } from '../../pipeline/index.js';
import { parsePositiveInt, parseSeed } from '../options.js';
import { progressSink } from '../progress.js';
import { table } from './keys.js';

interface ScanFlags {
  source?: string;
  policy: string;
  style: string;
  out?: string;
  seed?: string;
  detectors?: string;
  types?: string;
  minConfidence?: string;
  country?: string;
  maxFindings?: string;
  json?: boolean;
  showValues?: boolean;
  quiet?: boolean;
}

/** Hides most of a found value, so the report itself does not spread the personal data it found. */
function mask(value: string): string {
  const v = value.replace(/\s+/g, ' ');
  if (v.length <= 4) return '*'.repeat(v.length);
  const keep = Math.min(3, Math.floor(v.length / 4));
  return `${v.slice(0, keep)}${'*'.repeat(Math.min(12, v.length - 2 * keep))}${v.slice(-keep)}`;
}

function shorten(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

function render(result: ScanFileOutput, showValues: boolean): string {
  const show = (v: string): string => (showValues ? shorten(v) : mask(v));
  const lines: string[] = [`${result.path}: ${result.rows.toLocaleString('en-US')} rows, policy ${result.policy}`, ''];
  const rows = result.scan.columns.map((c) => [
    c.name,
    c.classification ? `${c.classification.type} (${c.classification.confidence.toFixed(2)})` : '',
    Object.entries(c.counts).map(([t, n]) => `${t} ${n}`).join(', '),
    String(c.cellsWithPii),
  ]);
  lines.push(table(['column', 'classified as', 'findings', 'cells'], rows).trimEnd(), '');
  const totals = Object.entries(result.scan.counts).sort((a, b) => b[1] - a[1]);
  if (totals.length > 0) {
    lines.push(table(['type', 'findings'], totals.map(([t, n]) => [t, String(n)])).trimEnd(), '');
    // One example per column and type first, so a long column does not crowd out the rest.
    const seen = new Set<string>();
    const firsts = result.scan.findings.filter((f) => !seen.has(`${f.column}\u0000${f.type}`) && seen.add(`${f.column}\u0000${f.type}`));
    const examples = firsts.slice(0, 12).map((f) => [String(f.row + 1), f.column, f.type, f.confidence.toFixed(2), show(f.value)]);
    lines.push('examples' + (showValues ? '' : ' (values masked; --show-values to see them)') + ':', table(['row', 'column', 'type', 'conf', 'value'], examples).trimEnd(), '');
  }
  if (result.leakage !== null) {
    const l = result.leakage;
    lines.push(`leakage against the source: identifier columns [${l.identifierColumns.join(', ')}], text columns [${l.textColumns.join(', ')}]`);
    const leaks = [
      ...l.identifierLeaks.slice(0, 10).map((x) => [String(x.outputRow + 1), x.outputColumn, `value of ${x.sourceColumn}`, show(x.value)]),
      ...l.textLeaks.slice(0, 10).map((x) => [String(x.outputRow + 1), x.outputColumn, `${x.tokens} tokens of ${x.sourceColumn} row ${x.sourceRow + 1}`, shorten(x.text, 50)]),
    ];
    if (leaks.length > 0) lines.push(table(['row', 'column', 'copied from', 'value'], leaks).trimEnd());
  }
  if (result.out !== null) lines.push(`redacted ${result.out.redactedCells.toLocaleString('en-US')} cell(s) -> ${result.out.path}`);
  if (result.seed !== null) lines.push(`seed ${result.seed}`);
  lines.push(result.summary);
  return lines.join('\n') + '\n';
}

/** `synthdata scan FILE`: finds personal data per column and type; redacts, blocks (exit 3) or checks leakage against a source. */
export function register(program: Command): void {
  program
    .command('scan')
    .description('scan a table for personal data (emails, phones, SSNs, cards, IBANs, IPs, names...), or for leakage from its source')
    .argument('<file>', 'the table to scan (csv, json, jsonl, yaml, parquet, xlsx)')
    .option('--source <src>', 'the real table the file was made from: report source values and 8+ token text spans that came through')
    .option('--policy <policy>', 'report, redact (writes --out) or block (exit code 3 when anything is found or leaked)', 'report')
    .option('--style <style>', 'redaction: token ([EMAIL]) or fake (realistic, seeded)', 'token')
    .option('--out <file>', 'where --policy redact writes the redacted table (atomically)')
    .option('--seed <seed>', 'seed for --style fake')
    .option('--detectors <ids>', 'comma-separated detector ids (default: all)')
    .option('--types <types>', 'comma-separated PII types to report (default: all)')
    .option('--min-confidence <x>', 'drop findings below this confidence (0..1, default 0.5)')
    .option('--country <code>', 'country for phone numbers without a country code (ISO 3166, default US)')
    .option('--max-findings <n>', 'findings listed in --json (counts stay complete; default 1000)')
    .option('--show-values', 'print found values in full instead of masked')
    .option('--json', 'print the result as JSON')
    .option('-q, --quiet', 'no progress bar')
    .action(async (file: string, flags: ScanFlags) => {
      const list = (s: string | undefined): string[] | undefined => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter((x) => x.length > 0));
      let minConfidence: number | undefined;
      if (flags.minConfidence !== undefined) {
        minConfidence = Number(flags.minConfidence);
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
          throw new SynthError('INVALID_ARGUMENT', `--min-confidence must be a number from 0 to 1, got "${flags.minConfidence}"`, { path: '--min-confidence' });
        }
      }
      const progress = progressSink({ enabled: !flags.quiet && !flags.json });
      let result: ScanFileOutput;
      try {
        result = await scanFile({
          path: file,
          source: flags.source,
          policy: flags.policy as ScanFileOutput['policy'],
          style: flags.style as 'token' | 'fake',
          out: flags.out,
          seed: parseSeed(flags.seed),
          detectors: list(flags.detectors),
          types: list(flags.types) as never,
          minConfidence,
          defaultCountry: flags.country?.toUpperCase(),
          maxFindings: flags.maxFindings === undefined ? undefined : parsePositiveInt('--max-findings', flags.maxFindings),
          onEvent: progress,
        });
      } finally {
        progress.finish();
      }
      process.stdout.write(flags.json ? JSON.stringify(result, null, 2) + '\n' : render(result, flags.showValues === true));
    });
}
