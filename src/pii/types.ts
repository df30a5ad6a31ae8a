import type { EventSink, Rng } from '../core/index.js';

/** The kinds of personal or secret data the scanner knows. */
export const PII_TYPES = [
  'email',
  'phone',
  'ssn',
  'credit_card',
  'iban',
  'ip_address',
  'mac_address',
  'url_credentials',
  'secret',
  'address',
  'date_of_birth',
  'person_name',
] as const;

/** One of {@link PII_TYPES}. */
export type PiiType = (typeof PII_TYPES)[number];

/** One span of personal data found in a text: `text.slice(start, end) === value`. */
export interface PiiFinding {
  readonly type: PiiType;
  readonly start: number;
  readonly end: number;
  readonly value: string;
  /** How sure the detector is, in (0, 1]. */
  readonly confidence: number;
  /** The id of the detector that found it. */
  readonly detector: string;
}

/**
 * What a detector is told besides the text: whether the text is a whole cell of a column (`value`) or free text,
 * the column name when there is one, and the types that name hints at (so a bare 9-digit number in a column
 * called `ssn` counts as one).
 */
export interface DetectContext {
  readonly mode: 'text' | 'value';
  readonly column: string | undefined;
  readonly hints: ReadonlySet<PiiType>;
  /** ISO 3166 country for phone numbers written without a country code. */
  readonly defaultCountry: string;
}

/** A PII detector plugin: an id, the types it can report and a pure `detect` function. */
export interface PiiDetector {
  readonly id: string;
  readonly types: readonly PiiType[];
  /** One sentence on what it finds and how it checks it. */
  readonly description: string;
  readonly detect: (text: string, context: DetectContext) => PiiFinding[];
  /** Texts it must find something in, and texts it must find nothing in; the contract suite runs both. */
  readonly examples: { readonly match: readonly string[]; readonly noMatch: readonly string[] };
}

/** Options shared by the detection functions. */
export interface DetectOptions {
  /** Detector ids to run (default: all). An unknown id is an UNKNOWN_NAME error. */
  readonly detectors?: readonly string[];
  /** Types to report (default: all). */
  readonly types?: readonly PiiType[];
  /** Findings below this confidence are dropped (default 0.5). */
  readonly minConfidence?: number;
  /** Country for phone numbers without a country code (default `US`). */
  readonly defaultCountry?: string;
  /** The column the text comes from, when it is a cell. */
  readonly column?: string;
  /** `value` when the text is a whole cell (looser, shape-based rules apply), `text` for free text (default). */
  readonly mode?: 'text' | 'value';
}

/** A column judged to hold one type of personal data. */
export interface ColumnPiiClass {
  readonly column: string;
  readonly type: PiiType;
  readonly confidence: number;
  /** Sampled non-empty values whose whole cell is of `type`. */
  readonly matched: number;
  readonly sampled: number;
  /** Row positions (0-based) of a few matching values, as evidence. */
  readonly samples: readonly number[];
  /** True when the column name points at the type. */
  readonly nameHint: boolean;
}

/** Options for {@link ColumnPiiClass} classification. */
export interface ClassifyOptions extends Omit<DetectOptions, 'column' | 'mode'> {
  /** Values looked at per column, spread evenly over the column (default 400). */
  readonly sampleSize?: number;
  /** A column is classified when its confidence reaches this (default 0.5). */
  readonly threshold?: number;
}

/** A finding inside one cell of a table. */
export interface CellFinding extends PiiFinding {
  readonly row: number;
  readonly column: string;
}

/** Per-column part of a {@link PiiScanResult}. */
export interface ColumnScan {
  readonly name: string;
  readonly classification: ColumnPiiClass | undefined;
  /** Findings per type in this column. */
  readonly counts: Partial<Record<PiiType, number>>;
  /** Cells holding at least one finding. */
  readonly cellsWithPii: number;
}

/** The result of scanning a table: a versioned, JSON-safe document. */
export interface PiiScanResult {
  readonly format: 'synthdata.pii-scan';
  readonly version: 1;
  readonly rows: number;
  readonly columns: readonly ColumnScan[];
  /** Findings with row and column, at most `maxFindings` of them (see `truncated`). */
  readonly findings: readonly CellFinding[];
  /** Findings per type over the whole table (complete even when `findings` is truncated). */
  readonly counts: Partial<Record<PiiType, number>>;
  readonly totalFindings: number;
  readonly truncated: boolean;
}

/** Options for scanning a table. */
export interface ScanOptions extends ClassifyOptions {
  /** Findings kept in the result (counts stay complete); default 1000. */
  readonly maxFindings?: number;
  readonly onEvent?: EventSink;
}

/** The three policies: report findings, redact them, or block the output. */
export const PII_POLICIES = ['report', 'redact', 'block'] as const;

/** One of {@link PII_POLICIES}. */
export type PiiPolicy = (typeof PII_POLICIES)[number];

/** How redaction replaces a value: a typed token such as `[EMAIL]`, or a realistic fake of the same type. */
export type RedactionStyle = 'token' | 'fake';

/** Options for redaction. */
export interface RedactOptions extends DetectOptions {
  readonly style?: RedactionStyle;
  /** Needed for `style: 'fake'`; the same input value always maps to the same fake for a given Rng. */
  readonly rng?: Rng;
}
