import {
  MAX_BATCH_ROWS, Rng, SynthError, normalizeSeed, recordBatch, seedFromClock, systemClock,
  type Clock, type EventSink, type RecordBatch, type Seed, type Table,
} from '../../core/index.js';
import { formatFromPath, readBatches, readTable, writeBatches, type TableFormat } from '../../io/index.js';
import {
  PII_POLICIES, PII_TYPES, assertNoPii, checkLeakage, redactBatches, redactLeaks, scanTable, summarizeScan,
  type LeakageResult, type RedactStreamSummary, type PiiPolicy, type PiiScanResult, type PiiType, type RedactionStyle,
} from '../../pii/index.js';

/** Input of {@link scanFile}. */
export interface ScanFileInput {
  /** The table to scan (any format io reads). */
  path: string;
  /** The table it was made from: turns on leakage mode (source values or text spans found in `path`). */
  source?: string;
  policy?: PiiPolicy;
  /** How `redact` replaces values: typed tokens (`[EMAIL]`, default) or realistic fakes. */
  style?: RedactionStyle;
  /** Seed for fakes; recorded in the output. */
  seed?: Seed;
  /** Where `redact` writes the redacted table (required with `redact`). */
  out?: string;
  format?: TableFormat;
  detectors?: string[];
  types?: PiiType[];
  minConfidence?: number;
  /** ISO 3166 country for phone numbers written without a country code (default US). */
  defaultCountry?: string;
  sampleSize?: number;
  maxFindings?: number;
  /** Leakage: shared spans of at least this many tokens count (default 8). */
  minTokens?: number;
  clock?: Clock;
  onEvent?: EventSink;
}

/** What {@link scanFile} found and did. */
export interface ScanFileOutput {
  path: string;
  rows: number;
  policy: PiiPolicy;
  scan: PiiScanResult;
  leakage: LeakageResult | null;
  /** The redacted file, when the policy was `redact`. */
  out: { path: string; rows: number; bytes: number; redactedCells: number } | null;
  seed: string | null;
  summary: string;
  durationMs: number;
}

/** JSON Schema of {@link ScanFileInput} (the CLI, REST and MCP validate against it). */
export const scanFileInputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'scan input',
  type: 'object',
  additionalProperties: false,
  properties: {
    path: { type: 'string', minLength: 1, description: 'The table to scan.' },
    source: { type: 'string', minLength: 1, description: 'The source table: compare for leaked identifiers and text spans.' },
    policy: { enum: PII_POLICIES, default: 'report', description: 'report findings, redact them into `out`, or block (PII_BLOCKED).' },
    style: { enum: ['token', 'fake'], default: 'token', description: 'Redaction: typed tokens like [EMAIL], or seeded realistic fakes.' },
    seed: { type: ['integer', 'string'], description: 'Seed for fakes.' },
    out: { type: 'string', minLength: 1, description: 'Where the redacted table is written.' },
    format: { enum: ['csv', 'json', 'jsonl', 'parquet', 'yaml'] },
    detectors: { type: 'array', items: { type: 'string' }, description: 'Detector ids to run (default all).' },
    types: { type: 'array', items: { enum: PII_TYPES }, description: 'PII types to report (default all).' },
    minConfidence: { type: 'number', minimum: 0, maximum: 1, default: 0.5 },
    defaultCountry: { type: 'string', pattern: '^[A-Z]{2}$', default: 'US', description: 'Country for phone numbers without a country code.' },
    sampleSize: { type: 'integer', minimum: 1, default: 400, description: 'Values sampled per column for classification.' },
    maxFindings: { type: 'integer', minimum: 0, default: 1000, description: 'Findings listed (counts stay complete).' },
    minTokens: { type: 'integer', minimum: 2, default: 8, description: 'Leakage: shortest shared token span reported.' },
  },
  required: ['path'],
} as const;

const countsSchema = { type: 'object', propertyNames: { enum: PII_TYPES }, additionalProperties: { type: 'integer' } } as const;

/** JSON Schema of {@link ScanFileOutput}. */
export const scanFileOutputSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'scan output',
  type: 'object',
  properties: {
    path: { type: 'string' },
    rows: { type: 'integer' },
    policy: { enum: PII_POLICIES },
    scan: {
      type: 'object',
      properties: {
        format: { const: 'synthdata.pii-scan' },
        version: { const: 1 },
        rows: { type: 'integer' },
        columns: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              classification: {
                type: ['object', 'null'],
                properties: { column: { type: 'string' }, type: { enum: PII_TYPES }, confidence: { type: 'number' }, matched: { type: 'integer' }, sampled: { type: 'integer' }, samples: { type: 'array', items: { type: 'integer' } }, nameHint: { type: 'boolean' } },
              },
              counts: countsSchema,
              cellsWithPii: { type: 'integer' },
            },
            required: ['name', 'counts', 'cellsWithPii'],
          },
        },
        findings: {
          type: 'array',
          items: {
            type: 'object',
            properties: { type: { enum: PII_TYPES }, start: { type: 'integer' }, end: { type: 'integer' }, value: { type: 'string' }, confidence: { type: 'number' }, detector: { type: 'string' }, row: { type: 'integer' }, column: { type: 'string' } },
            required: ['type', 'start', 'end', 'value', 'confidence', 'detector', 'row', 'column'],
          },
        },
        counts: countsSchema,
        totalFindings: { type: 'integer' },
        truncated: { type: 'boolean' },
      },
      required: ['format', 'version', 'rows', 'columns', 'findings', 'counts', 'totalFindings', 'truncated'],
    },
    leakage: {
      type: ['object', 'null'],
      properties: {
        format: { const: 'synthdata.pii-leakage' },
        version: { const: 1 },
        leaked: { type: 'boolean' },
        identifierColumns: { type: 'array', items: { type: 'string' } },
        textColumns: { type: 'array', items: { type: 'string' } },
        identifierLeaks: { type: 'array', items: { type: 'object' } },
        textLeaks: { type: 'array', items: { type: 'object' } },
        counts: { type: 'object', properties: { identifier: { type: 'integer' }, text: { type: 'integer' } } },
        leakedRows: { type: 'integer' },
        outputRows: { type: 'integer' },
        truncated: { type: 'boolean' },
      },
    },
    out: { type: ['object', 'null'], properties: { path: { type: 'string' }, rows: { type: 'integer' }, bytes: { type: 'integer' }, redactedCells: { type: 'integer' } } },
    seed: { type: ['string', 'null'] },
    summary: { type: 'string' },
    durationMs: { type: 'number' },
  },
  required: ['path', 'rows', 'policy', 'scan', 'leakage', 'out', 'seed', 'summary', 'durationMs'],
} as const;

function* tableBatches(table: Table): Generator<RecordBatch> {
  for (let start = 0; start < table.length; start += MAX_BATCH_ROWS) {
    yield recordBatch(table.fields, table.columns.map((c) => c.slice(start, start + MAX_BATCH_ROWS)));
  }
}

async function writeTable(batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>, fields: Table['fields'] | undefined, out: string, format: TableFormat): Promise<{ rows: number; bytes: number; path: string }> {
  const written = await writeBatches(batches, { path: out }, format, fields === undefined ? {} : { fields });
  return { rows: written.rows, bytes: written.bytes, path: written.path ?? out };
}

/**
 * Scans a table file for personal data and applies a policy: `report` lists findings per column and type, `redact`
 * writes a redacted copy to `out` (atomically), `block` throws PII_BLOCKED. With `source`, also checks the table
 * for values and text copied from the source (leakage mode); there `block` and `redact` act on the leaks.
 * @example await scanFile({ path: 'synthetic.csv', source: 'real.csv', policy: 'block' })
 */
export async function scanFile(input: ScanFileInput): Promise<ScanFileOutput> {
  const clock = input.clock ?? systemClock;
  const started = clock.now();
  const policy = input.policy ?? 'report';
  if (!(PII_POLICIES as readonly string[]).includes(policy)) {
    throw new SynthError('UNKNOWN_NAME', `Unknown PII policy "${policy}". Valid policies are: ${PII_POLICIES.join(', ')}.`, { path: '/policy', expected: PII_POLICIES, received: policy });
  }
  if (policy === 'redact' && input.out === undefined) {
    throw new SynthError('INVALID_ARGUMENT', 'policy "redact" needs an output file for the redacted table', { path: '/out', hint: 'Pass --out redacted.csv.' });
  }
  const format = input.format ?? (input.out !== undefined ? formatFromPath(input.out) : 'csv');
  const style = input.style ?? 'token';
  if (style !== 'token' && style !== 'fake') {
    throw new SynthError('UNKNOWN_NAME', `Unknown redaction style "${String(style)}". Valid styles are: token, fake.`, { path: '/style', expected: ['token', 'fake'], received: style });
  }
  const seed = style === 'fake' ? (input.seed ?? seedFromClock(clock.now())) : undefined;
  const rng = seed === undefined ? undefined : new Rng(seed).fork('pii-redact');
  const detect = { detectors: input.detectors, types: input.types, minConfidence: input.minConfidence, defaultCountry: input.defaultCountry, sampleSize: input.sampleSize, maxFindings: input.maxFindings, onEvent: input.onEvent };

  let leakage: LeakageResult | null = null;
  let scan: PiiScanResult;
  let rows: number;
  let out: ScanFileOutput['out'] = null;
  if (input.source !== undefined) {
    // Leakage needs both tables whole. The output may well hold PII-shaped fakes; only what came from the source blocks.
    const table = await readTable(input.path);
    const source = await readTable(input.source);
    rows = table.length;
    scan = await scanTable(table, detect);
    leakage = checkLeakage(table, source, { ...detect, minTokens: input.minTokens, maxLeaks: policy === 'redact' ? Number.POSITIVE_INFINITY : 1000 });
    if (policy === 'block' && leakage.leaked) {
      throw new SynthError('PII_BLOCKED', `Blocked: "${input.path}" leaks its source "${input.source}": ${leakage.counts.identifier} identifier value(s) and ${leakage.counts.text} copied text span(s) in ${leakage.leakedRows} row(s)`, {
        path: input.path,
        hint: 'Use --policy redact --out FILE to replace the leaked values, or regenerate the data.',
        issues: [...leakage.identifierLeaks.slice(0, 20).map((l) => ({ code: 'PII_BLOCKED' as const, path: `/rows/${l.outputRow}/${l.outputColumn}`, message: `row ${l.outputRow + 1}, column "${l.outputColumn}": value of source column "${l.sourceColumn}"` })),
          ...leakage.textLeaks.slice(0, 20).map((l) => ({ code: 'PII_BLOCKED' as const, path: `/rows/${l.outputRow}/${l.outputColumn}`, message: `row ${l.outputRow + 1}, column "${l.outputColumn}": ${l.tokens} tokens copied from source row ${l.sourceRow + 1}` }))],
      });
    }
    if (policy === 'redact') {
      const { table: redacted, redactedCells } = redactLeaks(table, leakage, { style, rng });
      out = { ...(await writeTable(tableBatches(redacted), redacted.fields, input.out!, format)), redactedCells };
    }
  } else if (policy === 'redact') {
    // Streamed: each batch is scanned, redacted and written before the next is read; the file appears only when complete.
    const summary: RedactStreamSummary = { scan: undefined, redactedCells: 0 };
    const written = await writeTable(redactBatches(readBatches(input.path), { ...detect, style, rng }, summary), undefined, input.out!, format);
    scan = summary.scan!;
    rows = scan.rows;
    out = { ...written, redactedCells: summary.redactedCells };
  } else {
    scan = await scanTable(readBatches(input.path), detect);
    rows = scan.rows;
    if (policy === 'block') assertNoPii(scan);
  }
  const summary = leakage !== null
    ? `${leakage.leaked ? 'leaks' : 'no leaks'}: ${leakage.counts.identifier} identifier value(s), ${leakage.counts.text} text span(s) in ${leakage.leakedRows} of ${rows} rows`
    : scan.totalFindings === 0 ? 'no personal data found' : `${scan.totalFindings} finding(s): ${summarizeScan(scan)}`;
  return {
    path: input.path,
    rows,
    policy,
    scan,
    leakage,
    out,
    seed: seed === undefined ? null : normalizeSeed(seed),
    summary,
    durationMs: clock.now() - started,
  };
}
