/**
 * The model document: versioned JSON that records the synthesizer, seed, options and a fingerprint of the source,
 * the column specs and the synthesizer's parameters. Reading one checks its version and its consistency.
 */
import { SynthError, type Issue } from '../core/index.js';
import type { ColumnSpec } from './columns.js';
import { isStructured } from './columns.js';
import { getSynthesizer } from './registry.js';

/** The version of the model format this code writes and reads. */
export const MODEL_VERSION = 1;

/** A fitted model, as written to `model.json`. */
export interface ModelDocument {
  readonly format: 'synthdata.model';
  readonly version: number;
  readonly synthesizer: string;
  /** The seed of the fit (and the default seed of sampling). */
  readonly seed: string;
  readonly options: Readonly<Record<string, unknown>>;
  /** sha256 of the source table's canonical JSON. */
  readonly sourceFingerprint: string;
  /** Rows of the source table (the default sample size). */
  readonly rows: number;
  readonly columns: readonly ColumnSpec[];
  /** The differential-privacy budget and its ledger, when fitted with an epsilon. */
  readonly privacy?: {
    readonly epsilon: number;
    readonly spent: number;
    readonly entries: readonly { purpose: string; epsilon: number }[];
    /** Text and id columns, which are learned outside the budget. */
    readonly notCovered: readonly string[];
  };
  readonly params: unknown;
  /** Hashes of the real rows, so sampling never re-emits one whole (absent when id or text columns make that impossible). */
  readonly guard?: string;
}

const KINDS = new Set(['numeric', 'categorical', 'constant', 'id', 'text']);

/**
 * Checks a parsed model file and returns it typed. A newer version is LEARN_MODEL_VERSION; anything malformed or
 * inconsistent is LEARN_MODEL_INVALID listing every issue with its JSON pointer.
 */
export function parseModel(doc: unknown, source = 'model'): ModelDocument {
  const invalid = (message: string, path = '/', issues: Issue[] = []): SynthError =>
    new SynthError('LEARN_MODEL_INVALID', `${source}: ${message}`, { path, issues, hint: 'Fit the model again (`synthdata fit`); do not edit model files by hand.' });
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw invalid('not a JSON object');
  const m = doc as Record<string, unknown>;
  if (m.format !== 'synthdata.model') throw invalid(`"format" must be "synthdata.model", got ${JSON.stringify(m.format)}`, '/format');
  if (typeof m.version !== 'number' || !Number.isInteger(m.version) || m.version < 1) throw invalid('"version" must be a positive integer', '/version');
  if (m.version > MODEL_VERSION) {
    throw new SynthError('LEARN_MODEL_VERSION', `${source} was written by a newer synthdata (model version ${m.version}; this one reads up to ${MODEL_VERSION})`, {
      path: '/version', expected: `<= ${MODEL_VERSION}`, received: m.version, hint: 'Upgrade synthdata, or fit the model again with this version.',
    });
  }
  const issues: Issue[] = [];
  const add = (path: string, message: string): void => void issues.push({ code: 'LEARN_MODEL_INVALID', path, message });
  if (typeof m.synthesizer !== 'string') add('/synthesizer', 'must be a string');
  if (typeof m.seed !== 'string') add('/seed', 'must be a string');
  if (typeof m.sourceFingerprint !== 'string') add('/sourceFingerprint', 'must be a string');
  if (typeof m.rows !== 'number' || !(m.rows >= 1)) add('/rows', 'must be a positive number');
  if (m.options === null || typeof m.options !== 'object') add('/options', 'must be an object');
  if (!Array.isArray(m.columns) || m.columns.length === 0) add('/columns', 'must be a non-empty array');
  else {
    const names = new Set<string>();
    m.columns.forEach((c: unknown, i: number) => checkColumn(c, `/columns/${i}`, names, add));
  }
  if (issues.length === 0) {
    const synth = getSynthesizer(m.synthesizer as string, '/synthesizer');
    const specs = (m.columns as ColumnSpec[]).filter(isStructured);
    for (const [path, message] of synth.validate(m.params, specs)) add(path, message);
  }
  if (issues.length > 0) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw invalid(`${issues[0]!.message} at ${issues[0]!.path}${more}`, issues[0]!.path, issues);
  }
  return doc as ModelDocument;
}

function checkColumn(c: unknown, at: string, names: Set<string>, add: (path: string, message: string) => void): void {
  if (c === null || typeof c !== 'object') return add(at, 'must be an object');
  const col = c as Record<string, unknown>;
  if (typeof col.name !== 'string') return add(`${at}/name`, 'must be a string');
  if (names.has(col.name)) add(`${at}/name`, `duplicate column "${col.name}"`);
  names.add(col.name);
  if (!KINDS.has(col.kind as string)) return add(`${at}/kind`, `must be one of ${[...KINDS].join(', ')}`);
  if (col.kind === 'numeric') {
    if (typeof col.min !== 'number' || typeof col.max !== 'number' || !(col.min <= col.max)) add(`${at}/min`, 'min and max must be numbers with min <= max');
    if (typeof col.decimals !== 'number' || col.decimals < 0 || col.decimals > 15) add(`${at}/decimals`, 'must be between 0 and 15');
  } else if (col.kind === 'categorical') {
    if (!Array.isArray(col.levels) || col.levels.length === 0) add(`${at}/levels`, 'must be a non-empty array');
    else if (new Set(col.levels).size !== col.levels.length) add(`${at}/levels`, 'levels must be distinct');
  } else if (col.kind !== 'constant') {
    if (typeof col.nullRate !== 'number' || col.nullRate < 0 || col.nullRate > 1) add(`${at}/nullRate`, 'must be between 0 and 1');
    if (col.model === null || typeof col.model !== 'object') add(`${at}/model`, 'must be an object');
  }
}
