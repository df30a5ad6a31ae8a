import type { Rng, Table } from '../core/index.js';
import { distanceToClosestRecord, identifierLeakage, kAnonymity, membershipInferenceAuc, textSpanLeakage, tokenize, type MixedRecords } from '../privacy/index.js';
import type { DetailRow, Thresholds } from './report-types.js';
import type { PreparedColumn, PreparedValues } from './prepare.js';
import { SCORED_SDTYPES, isNullCell } from './column-types.js';
import { sampleIndices, splitIndices } from './sampling.js';
import { rowHashes } from './row-hash.js';
import { formatNumber, judgeScore } from './thresholds.js';

/** Options of the privacy checks. */
export interface PrivacyOptions {
  /** Real records never shown to the synthesizer; without it the real table is split (see the report note). */
  readonly holdout?: readonly PreparedColumn[];
  /** Quasi-identifier columns for k-anonymity. */
  readonly quasiIdentifiers?: readonly string[];
  /** Synthetic records compared by distance (sampled above it; default 2000). */
  readonly maxQueryRows?: number;
  /** Real records searched by distance (sampled above it; default 10000). */
  readonly maxReferenceRows?: number;
}

function row(metric: string, columns: readonly string[], score: number | null, thresholds: Thresholds, label: string, extra: Record<string, unknown>, error?: string): DetailRow {
  if (score === null || !Number.isFinite(score)) {
    const why = error ?? 'the score is undefined';
    return { columns, metric, score: null, verdict: 'warn', reason: `${label} could not be computed: ${why}`, error: why, extra };
  }
  const j = judgeScore(score, thresholds[metric]!, label);
  return { columns, metric, score, verdict: j.verdict, reason: j.reason, extra };
}

function length(p: PreparedValues): number {
  return p.kind === 'cont' ? p.values.length : p.codes.length;
}

/** Mixed records for the distance metrics: numbers scaled by the real range, categories as codes (null its own). */
function encoder(columns: readonly PreparedColumn[]): (side: (c: PreparedColumn) => PreparedValues, rows: Int32Array) => MixedRecords {
  const scales = columns.map((c) => {
    if (c.real?.kind !== 'cont') return { lo: 0, span: 1 };
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of c.real.values) {
      if (Number.isNaN(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo > hi) return { lo: 0, span: 1 };
    return { lo, span: hi - lo > 0 ? hi - lo : 1 };
  });
  return (side, rows) => {
    const numeric: Float64Array[] = [];
    const categorical: Int32Array[] = [];
    columns.forEach((c, j) => {
      const p = side(c);
      if (p.kind === 'cont') {
        const { lo, span } = scales[j]!;
        numeric.push(Float64Array.from(rows, (r) => (p.values[r]! - lo) / span));
      } else categorical.push(Int32Array.from(rows, (r) => p.codes[r]!));
    });
    return { numeric, categorical, length: rows.length };
  };
}

/** Exact-match rate: the share of synthetic rows equal in every common column to some real row (numbers to 12 significant digits). */
function exactMatchRate(columns: readonly PreparedColumn[], realLen: number, synthLen: number): number {
  if (synthLen === 0) return Number.NaN;
  const real = new Set(rowHashes(columns, (c) => c.real!, realLen, 12));
  const synth = rowHashes(columns, (c) => c.synthetic, synthLen, 12);
  let hits = 0;
  for (const h of synth) if (real.has(h)) hits++;
  return hits / synthLen;
}

/**
 * Privacy rows: exact-match rate, DCR and NNDR against a real holdout, a membership-inference AUC, k-anonymity of
 * the quasi-identifiers and leakage of identifier and free-text values.
 */
export function computePrivacy(columns: readonly PreparedColumn[], synthetic: Table, real: Table, thresholds: Thresholds, rng: Rng, options: PrivacyOptions = {}): { rows: DetailRow[]; notes: string[] } {
  const rows: DetailRow[] = [];
  const notes: string[] = [];
  const realLen = real.length;
  const synthLen = synthetic.length;
  const maxQuery = options.maxQueryRows ?? 2000;
  const maxRef = options.maxReferenceRows ?? 10_000;

  // Exact matches over every common column, on all synthetic rows (a hash set of the real rows).
  const emr = exactMatchRate(columns, realLen, synthLen);
  rows.push(row('exact_match_rate', [], emr, thresholds, 'exact-match rate (share of synthetic rows that copy a real row)', { syntheticRows: synthLen }));

  const scored = columns.filter((c) => SCORED_SDTYPES.includes(c.info.sdtype));
  if (scored.length === 0) {
    notes.push('Distance-based privacy metrics skipped: no numerical, datetime, categorical or boolean column in common.');
  } else if (realLen < 4 || synthLen === 0) {
    notes.push('Distance-based privacy metrics skipped: the real table needs at least 4 rows.');
  } else {
    const encode = encoder(scored);
    let train: MixedRecords;
    let holdout: MixedRecords;
    let holdoutSource: string;
    const holdoutCols = options.holdout;
    if (holdoutCols !== undefined && holdoutCols.length > 0) {
      const byName = new Map(holdoutCols.map((c) => [c.name, c]));
      const hEncode = encoder(scored);
      const hLen = length(holdoutCols[0]!.synthetic);
      const ref = sampleIndices(realLen, maxRef, rng.fork('privacy-reference'));
      train = encode((c) => c.real!, ref);
      holdout = hEncode((c) => byName.get(c.name)?.synthetic ?? c.synthetic, sampleIndices(hLen, maxQuery, rng.fork('privacy-holdout')));
      holdoutSource = 'the holdout table given';
    } else {
      const split = splitIndices(realLen, 0.3, rng.fork('privacy-split'));
      const trainRows = Int32Array.from(sampleIndices(split.train.length, maxRef, rng.fork('privacy-reference')), (k) => split.train[k]!);
      const holdRows = Int32Array.from(sampleIndices(split.holdout.length, maxQuery, rng.fork('privacy-holdout')), (k) => split.holdout[k]!);
      train = encode((c) => c.real!, trainRows);
      holdout = encode((c) => c.real!, holdRows);
      holdoutSource = 'a 30% split of the real table';
      notes.push('Privacy distances compare synthetic rows with 70% of the real rows, and the other 30% of real rows with the same 70% as the yardstick. The membership-inference AUC is only meaningful when the synthesizer was fit on that 70% alone, or when a holdout table it never saw is given.');
    }
    const synthRows = sampleIndices(synthLen, maxQuery, rng.fork('privacy-synthetic'));
    const synth = encode((c) => c.synthetic, synthRows);
    const dcr = distanceToClosestRecord(synth, train, holdout);
    const ratio = (a: number, b: number): number => (b > 0 ? Math.min(1, a / b) : a > 0 ? 1 : 1);
    const dcrScore = dcr.holdoutP5 > 0 ? ratio(dcr.syntheticP5, dcr.holdoutP5) : ratio(dcr.syntheticMedian, dcr.holdoutMedian);
    const dcrExtra = { ...dcr, holdout: holdoutSource, syntheticSampled: synth.length, referenceRows: train.length, holdoutRows: holdout.length };
    rows.push(row('dcr', [], dcrScore, thresholds, `distance to closest record: synthetic 5th percentile ${formatNumber(dcr.syntheticP5)} (median ${formatNumber(dcr.syntheticMedian)}) vs real holdout ${formatNumber(dcr.holdoutP5)} (median ${formatNumber(dcr.holdoutMedian)}), ratio`, dcrExtra));
    rows.push(row('nndr', [], ratio(dcr.syntheticNndr, dcr.holdoutNndr), thresholds, `nearest-neighbour distance ratio: synthetic median ${formatNumber(dcr.syntheticNndr)} vs real holdout ${formatNumber(dcr.holdoutNndr)}, ratio`, { syntheticNndr: dcr.syntheticNndr, holdoutNndr: dcr.holdoutNndr }));
    const members = sampleIndices(train.length, Math.min(holdout.length, maxQuery), rng.fork('privacy-members'));
    const memberRecords: MixedRecords = { numeric: train.numeric.map((c) => Float64Array.from(members, (r) => c[r]!)), categorical: train.categorical.map((c) => Int32Array.from(members, (r) => c[r]!)), length: members.length };
    const auc = membershipInferenceAuc(memberRecords, holdout, synth);
    rows.push(row('membership_inference_auc', [], auc, thresholds, 'membership-inference attack AUC (0.5 = cannot tell members from non-members)', { members: members.length, nonMembers: holdout.length }));
  }

  if (options.quasiIdentifiers !== undefined && options.quasiIdentifiers.length > 0) {
    const qi = options.quasiIdentifiers;
    const idx = qi.map((name) => synthetic.fields.findIndex((f) => f.name === name));
    const missing = qi.filter((_, i) => idx[i]! < 0);
    if (missing.length > 0) {
      rows.push(row('k_anonymity', qi, null, thresholds, 'k-anonymity', {}, `quasi-identifier column(s) not in the synthetic table: ${missing.join(', ')}`));
    } else {
      const k = kAnonymity(idx.map((i) => synthetic.columns[i]!), thresholds.k_anonymity!.pass);
      const realIdx = qi.map((name) => real.fields.findIndex((f) => f.name === name));
      const realK = realIdx.every((i) => i >= 0) ? kAnonymity(realIdx.map((i) => real.columns[i]!)).k : null;
      rows.push(row('k_anonymity', qi, k.k, thresholds, 'k-anonymity of the synthetic table (smallest group sharing these quasi-identifier values)', { ...k, realK }));
    }
  } else {
    notes.push('k-anonymity not computed: no quasi-identifier columns were chosen (option quasiIdentifiers, CLI --quasi-identifiers).');
  }

  for (const c of columns) {
    const kind = leakageKind(c, real);
    if (kind === undefined) continue;
    const ri = real.fields.findIndex((f) => f.name === c.name);
    const si = synthetic.fields.findIndex((f) => f.name === c.name);
    const positions = Array.from(sampleIndices(synthLen, 20_000, rng.fork(`leak:${c.name}`)));
    if (kind === 'identifier') {
      const l = identifierLeakage(real.columns[ri]!, synthetic.columns[si]!, positions);
      rows.push(row('identifier_leakage', [c.name], l.rate, thresholds, `identifier leakage (share of synthetic "${c.name}" values equal to a real one)`, { leaked: l.leaked, checked: l.checked, examples: l.examples }));
    } else {
      const l = textSpanLeakage(real.columns[ri]!, synthetic.columns[si]!, { rows: positions });
      rows.push(row('text_span_leakage', [c.name], l.rate, thresholds, `free-text leakage (share of synthetic "${c.name}" values holding an 8-word span of real text)`, { leaked: l.leaked, checked: l.checked, examples: l.examples }));
    }
  }
  return { rows, notes };
}

/** Identifier columns (sdtype id, or near-unique short values) and free-text columns (8+ words on average). */
function leakageKind(c: PreparedColumn, real: Table): 'identifier' | 'text' | undefined {
  const i = real.fields.findIndex((f) => f.name === c.name);
  if (i < 0 || SCORED_SDTYPES.includes(c.info.sdtype) && c.info.source === 'metadata') return undefined;
  if (c.info.sdtype === 'numerical' || c.info.sdtype === 'datetime' || c.info.sdtype === 'boolean') return undefined;
  const cells = real.columns[i]!;
  let n = 0;
  let tokens = 0;
  const distinct = new Set<string>();
  const step = Math.max(1, Math.floor(cells.length / 2000));
  for (let r = 0; r < cells.length; r += step) {
    const v = cells[r];
    if (isNullCell(v) || typeof v !== 'string') continue;
    n++;
    tokens += tokenize(v).length;
    distinct.add(v);
  }
  if (n === 0) return undefined;
  if (tokens / n >= 8) return 'text';
  if (c.info.sdtype === 'id' || (c.info.sdtype === 'text' && distinct.size / n >= 0.5) || distinct.size / n >= 0.9) return 'identifier';
  return undefined;
}
