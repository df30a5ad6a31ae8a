import { SynthError, recordBatch, tableFromBatches, type Cell, type Field, type RecordBatch, type Table } from '../core/index.js';
import { cellText } from './classify.js';
import { detectPlan, runDetectPlan } from './detect.js';
import { PiiFaker } from './fake.js';
import { asBatches, PiiScanner, scanTable } from './scan.js';
import { PII_POLICIES, type PiiFinding, type PiiPolicy, type PiiScanResult, type PiiType, type RedactOptions, type RedactionStyle, type ScanOptions } from './types.js';

/** The typed token that replaces a value of `type`, e.g. `[EMAIL]`. */
export function piiToken(type: PiiType): string {
  return `[${type.toUpperCase()}]`;
}

/** A function that gives the replacement for one found value. */
type Replacer = (type: PiiType, value: string) => string;

function replacer(style: RedactionStyle, options: RedactOptions): Replacer {
  if (style === 'token') return (type) => piiToken(type);
  if (options.rng === undefined) {
    throw new SynthError('INVALID_ARGUMENT', 'Redaction with fakes needs a seeded Rng (options.rng)', { path: '/rng', hint: "Pass { style: 'fake', rng: new Rng(seed) }, or use style 'token'." });
  }
  const faker = new PiiFaker(options.rng);
  return (type, value) => faker.fake(type, value);
}

/** Replaces the given findings in `text` (right to left, so earlier offsets stay valid). */
export function redactFindings(text: string, findings: readonly PiiFinding[], replace: Replacer): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) out = out.slice(0, f.start) + replace(f.type, f.value) + out.slice(f.end);
  return out;
}

/**
 * A reusable redactor: resolves the options (detectors, fakes) once and returns a function for many texts, which is
 * what a loop over a text column wants. The same value always gets the same fake.
 * @example const redact = textRedactor({ style: 'fake', rng }); column.map((v) => redact(v))
 */
export function textRedactor(options: RedactOptions = {}): (text: string) => string {
  const plan = detectPlan(options);
  const replace = replacer(options.style ?? 'token', options);
  const mode = options.mode ?? 'text';
  return (text) => {
    const findings = runDetectPlan(plan, text, mode, options.column);
    return findings.length === 0 ? text : redactFindings(text, findings, replace);
  };
}

/**
 * Replaces every finding in a text with a typed token (`[EMAIL]`) or, with `style: 'fake'` and an Rng, a realistic fake.
 * For many texts, make one {@link textRedactor} instead.
 * @example redactText('mail jane@example.com') // 'mail [EMAIL]'
 */
export function redactText(text: string, options: RedactOptions = {}): string {
  return textRedactor(options)(text);
}

/** Options for {@link applyPolicy}. */
export interface PolicyOptions extends ScanOptions {
  readonly policy: PiiPolicy;
  readonly style?: RedactionStyle;
  readonly rng?: RedactOptions['rng'];
  /** A scan already made of this table (otherwise it is scanned here). */
  readonly scan?: PiiScanResult;
}

/** What a policy did: the scan, and the table to use (redacted under `redact`, unchanged under `report`). */
export interface PolicyResult {
  readonly policy: PiiPolicy;
  readonly scan: PiiScanResult;
  readonly table: Table;
  readonly redactedCells: number;
}

/** One line per type with its columns, e.g. "email: 12 (from_email, body)". */
export function summarizeScan(scan: PiiScanResult): string {
  const parts: string[] = [];
  for (const [type, n] of Object.entries(scan.counts)) {
    const cols = scan.columns.filter((c) => (c.counts[type as PiiType] ?? 0) > 0).map((c) => c.name);
    parts.push(`${type} ${n} (${cols.join(', ')})`);
  }
  return parts.join('; ');
}

/** What a streaming redaction leaves behind once its batches have been read: the scan and the cells it replaced. */
export interface RedactStreamSummary {
  scan: PiiScanResult | undefined;
  redactedCells: number;
}

/**
 * Redacts a stream of batches as they pass: columns classified as PII (from the first batch) are replaced cell by
 * cell, and findings in other text cells span by span. A finding in a non-text column that is not classified (a
 * phone number in an integer column) becomes null, so the column keeps its kind. `summary` is filled as it goes.
 */
export async function* redactBatches(
  input: Table | AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  options: Omit<PolicyOptions, 'policy' | 'scan'>,
  summary: RedactStreamSummary = { scan: undefined, redactedCells: 0 },
): AsyncGenerator<RecordBatch> {
  const replace = replacer(options.style ?? 'token', options);
  const scanner = new PiiScanner(options);
  let fields: Field[] | undefined;
  for await (const batch of asBatches(input)) {
    const columns = batch.columns.map((col) => col.slice() as Cell[]);
    scanner.scanBatch(batch, (c, i, text, found) => {
      if (scanner.classification(c) !== undefined) return;
      columns[c]![i] = batch.fields[c]!.kind === 'string' ? redactFindings(text, found, replace) : null;
      summary.redactedCells++;
    });
    for (let c = 0; c < columns.length; c++) {
      const cls = scanner.classification(c);
      if (cls === undefined) continue;
      // The column is personal data as a whole: replace every value, found or not.
      const col = columns[c]!;
      for (let i = 0; i < col.length; i++) {
        const text = cellText(col[i]);
        if (text === undefined) continue;
        col[i] = replace(cls.type, text);
        summary.redactedCells++;
      }
    }
    fields ??= batch.fields.map((f, c) => (scanner.classification(c) !== undefined && f.kind !== 'string' ? { ...f, kind: 'string' as const } : f));
    yield recordBatch(fields, columns);
  }
  summary.scan = scanner.result();
}

/** Throws PII_BLOCKED, naming types and columns, when a scan found anything: the `block` policy. */
export function assertNoPii(scan: PiiScanResult): void {
  if (scan.totalFindings === 0) return;
  throw new SynthError('PII_BLOCKED', `Blocked: ${scan.totalFindings} personal-data finding${scan.totalFindings === 1 ? '' : 's'}: ${summarizeScan(scan)}`, {
    hint: 'Redact them (policy redact) or remove the columns named.',
    issues: scan.columns
      .filter((c) => c.cellsWithPii > 0)
      .map((c) => ({ code: 'PII_BLOCKED' as const, path: `/columns/${c.name}`, message: `column "${c.name}": ${Object.entries(c.counts).map(([t, n]) => `${t} ${n}`).join(', ')}` })),
  });
}

/**
 * Applies a PII policy to a table: `report` returns the scan, `redact` also returns the table with findings
 * replaced, `block` throws PII_BLOCKED with a summary when anything was found.
 */
export async function applyPolicy(table: Table, options: PolicyOptions): Promise<PolicyResult> {
  if (!(PII_POLICIES as readonly string[]).includes(options.policy)) {
    throw new SynthError('UNKNOWN_NAME', `Unknown PII policy "${options.policy}". Valid policies are: ${PII_POLICIES.join(', ')}.`, { path: '/policy', expected: PII_POLICIES, received: options.policy });
  }
  if (options.policy === 'redact') {
    const summary: RedactStreamSummary = { scan: undefined, redactedCells: 0 };
    const redacted = await tableFromBatches(redactBatches(table, options, summary));
    return { policy: options.policy, scan: summary.scan!, table: redacted, redactedCells: summary.redactedCells };
  }
  const scan = options.scan ?? (await scanTable(table, options));
  if (options.policy === 'block') assertNoPii(scan);
  return { policy: options.policy, scan, table, redactedCells: 0 };
}
