import { createRequire } from 'node:module';
import type * as ForestModule from 'ml-random-forest';

// ml-random-forest is loaded on the first utility evaluation, not when synthdata starts.
const requireLazy = createRequire(import.meta.url);
let forest: typeof ForestModule | undefined;
const forestLib = (): typeof ForestModule => (forest ??= requireLazy('ml-random-forest') as typeof ForestModule);
import { hash128, type Rng } from '../core/index.js';
import type { DetailRow, Thresholds } from './report-types.js';
import type { PreparedColumn } from './prepare.js';
import { sampleIndices, splitIndices } from './sampling.js';
import { HistogramForest } from './forest.js';
import { formatNumber, judgeScore } from './thresholds.js';

/** Options of the utility check. */
export interface UtilityOptions {
  readonly target: string;
  /** Rows used to train each model (sampled above it; default 2000). */
  readonly maxTrainRows?: number;
  /** Trees per forest (default 50). */
  readonly trees?: number;
  /**
   * The model: `forest`, our histogram random forest (default, linear in the rows), or `ml-random-forest`, the
   * library's forest, whose split search is quadratic (about 15 s for 2,000 rows), so keep maxTrainRows small.
   */
  readonly model?: 'forest' | 'ml-random-forest';
}

const MAX_ONE_HOT = 12;

interface Encoder {
  readonly width: number;
  encode(col: PreparedColumn, side: 'real' | 'synthetic', row: number, out: number[]): void;
}

/** Encodes features from the real training rows: numbers as is (null -> real mean), few categories one-hot, many as frequency rank. */
function buildEncoders(features: readonly PreparedColumn[], trainRows: Int32Array): Encoder[] {
  return features.map((col): Encoder => {
    const real = col.real!;
    if (real.kind === 'cont') {
      let sum = 0;
      let n = 0;
      for (const r of trainRows) {
        const v = real.values[r]!;
        if (!Number.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      const mean = n === 0 ? 0 : sum / n;
      return {
        width: 1,
        encode(c, side, row, out) {
          const p = side === 'real' ? c.real! : c.synthetic;
          const v = p.kind === 'cont' ? p.values[row]! : Number.NaN;
          out.push(Number.isNaN(v) ? mean : v);
        },
      };
    }
    const counts = new Map<number, number>();
    for (const r of trainRows) counts.set(real.codes[r]!, (counts.get(real.codes[r]!) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([code]) => code);
    const rank = new Map(ranked.map((code, i) => [code, i]));
    const oneHot = ranked.length <= MAX_ONE_HOT;
    return {
      width: oneHot ? ranked.length : 1,
      encode(c, side, row, out) {
        const p = side === 'real' ? c.real! : c.synthetic;
        const code = p.kind === 'disc' ? p.codes[row]! : -2;
        const k = rank.get(code);
        if (oneHot) for (let i = 0; i < ranked.length; i++) out.push(k === i ? 1 : 0);
        else out.push(k ?? ranked.length);
      },
    };
  });
}

function macroF1(truth: readonly number[], predicted: readonly number[]): number {
  const labels = [...new Set(truth)];
  let sum = 0;
  for (const l of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < truth.length; i++) {
      const t = truth[i] === l;
      const p = predicted[i] === l;
      if (t && p) tp++;
      else if (p) fp++;
      else if (t) fn++;
    }
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return labels.length === 0 ? Number.NaN : sum / labels.length;
}

function r2(truth: readonly number[], predicted: readonly number[]): number {
  const mean = truth.reduce((a, b) => a + b, 0) / truth.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < truth.length; i++) {
    ssRes += (truth[i]! - predicted[i]!) ** 2;
    ssTot += (truth[i]! - mean) ** 2;
  }
  return ssTot === 0 ? Number.NaN : 1 - ssRes / ssTot;
}

/**
 * Train on synthetic, test on real (TSTR) against train on real, test on real (TRTR): a random forest predicts
 * `target` from the other scored columns; the score is TSTR / TRTR (macro F1 for categories, R² for numbers).
 */
export function computeUtility(columns: readonly PreparedColumn[], options: UtilityOptions, thresholds: Thresholds, rng: Rng): DetailRow {
  const target = columns.find((c) => c.name === options.target);
  const base = { columns: [options.target], metric: 'tstr_ratio' } as const;
  const bad = (why: string, extra?: Record<string, unknown>): DetailRow => ({ ...base, score: null, verdict: 'warn', reason: `utility for target "${options.target}" could not be computed: ${why}`, error: why, ...(extra ? { extra } : {}) });
  if (target === undefined || target.real === undefined) return bad('the target is not a column of both tables');
  const sdtype = target.info.sdtype;
  if (sdtype !== 'categorical' && sdtype !== 'boolean' && sdtype !== 'numerical' && sdtype !== 'datetime') {
    return bad(`the target has sdtype ${sdtype}; choose a categorical, boolean or numerical column`);
  }
  const classification = target.real.kind === 'disc';
  const features = columns.filter((c) => c !== target && c.real !== undefined && ['categorical', 'boolean', 'numerical', 'datetime'].includes(c.info.sdtype));
  if (features.length === 0) return bad('there are no other scored columns to predict it from');

  const present = (p: PreparedColumn['synthetic'], i: number): boolean => (p.kind === 'cont' ? !Number.isNaN(p.values[i]!) : p.codes[i]! >= 0);
  const realRows = [...Array(target.real.kind === 'cont' ? target.real.values.length : target.real.codes.length).keys()].filter((i) => present(target.real!, i));
  const synthLen = target.synthetic.kind === 'cont' ? target.synthetic.values.length : target.synthetic.codes.length;
  const targetValue = (side: 'real' | 'synthetic', i: number): number => {
    const p = side === 'real' ? target.real! : target.synthetic;
    return p.kind === 'cont' ? p.values[i]! : p.codes[i]!;
  };
  const distinct = new Set(realRows.map((i) => targetValue('real', i)));
  if (distinct.size < 2) return bad(`the real target is constant (${distinct.size} distinct non-null value${distinct.size === 1 ? '' : 's'})`);
  if (realRows.length < 20) return bad(`only ${realRows.length} real rows have a target value; at least 20 are needed`);

  const maxTrain = options.maxTrainRows ?? 2000;
  const split = splitIndices(realRows.length, 0.3, rng.fork('utility-split'));
  const trainAll = Int32Array.from(split.train, (k) => realRows[k]!);
  const testAll = Int32Array.from(split.holdout, (k) => realRows[k]!);
  const train = Int32Array.from(sampleIndices(trainAll.length, maxTrain, rng.fork('utility-train')), (k) => trainAll[k]!);
  const test = Int32Array.from(sampleIndices(testAll.length, maxTrain, rng.fork('utility-test')), (k) => testAll[k]!);
  const synthCandidates = [...Array(synthLen).keys()].filter((i) => present(target.synthetic, i));
  if (synthCandidates.length < 2) return bad('the synthetic target has fewer than two non-null values');
  const synthRows = Int32Array.from(sampleIndices(synthCandidates.length, train.length, rng.fork('utility-synthetic')), (k) => synthCandidates[k]!);

  const encoders = buildEncoders(features, train);
  const matrix = (side: 'real' | 'synthetic', rows: Int32Array): number[][] =>
    Array.from(rows, (r) => {
      const out: number[] = [];
      features.forEach((f, i) => encoders[i]!.encode(f, side, r, out));
      return out;
    });
  const seed = hash128(rng.fork('utility-forest').key)[0] & 0x7fffffff;
  const trees = options.trees ?? 50;
  const useLibrary = options.model === 'ml-random-forest';
  const forestOptions = { seed, nEstimators: trees, maxFeatures: 0.7, replacement: true, useSampleBagging: true, noOOB: true, treeOptions: { maxDepth: 12, minNumSamples: 3 } };

  const xTest = matrix('real', test);
  const yTest = Array.from(test, (r) => targetValue('real', r));
  const fitScore = (x: number[][], y: number[]): number => {
    if (new Set(y).size < 2) return classification ? macroF1(yTest, yTest.map(() => y[0]!)) : r2(yTest, yTest.map(() => y[0]!));
    let predicted: number[];
    if (useLibrary) {
      const model = classification ? new (forestLib().RandomForestClassifier)(forestOptions) : new (forestLib().RandomForestRegression)(forestOptions);
      model.train(x, y);
      predicted = model.predict(xTest) as number[];
    } else {
      predicted = new HistogramForest({ task: classification ? 'classification' : 'regression', trees }, rng.fork('utility-forest')).fit(x, y).predict(xTest);
    }
    return classification ? macroF1(yTest, predicted) : r2(yTest, predicted);
  };
  const trtr = fitScore(matrix('real', train), Array.from(train, (r) => targetValue('real', r)));
  const tstr = fitScore(matrix('synthetic', synthRows), Array.from(synthRows, (r) => targetValue('synthetic', r)));
  const measure = classification ? 'macro F1' : 'R²';
  const extra = { task: classification ? 'classification' : 'regression', measure, trtr, tstr, trainRows: train.length, testRows: test.length, syntheticRows: synthRows.length, model: useLibrary ? `ml-random-forest (${trees} trees)` : `histogram random forest (${trees} trees)` };
  if (!Number.isFinite(trtr) || trtr <= 0) return bad(`the model trained on real data has no skill (${measure} ${formatNumber(trtr)}), so the ratio means nothing`, extra);
  const ratio = Math.max(0, Number.isFinite(tstr) ? tstr : 0) / trtr;
  const judged = judgeScore(ratio, thresholds.tstr_ratio!, `TSTR/TRTR ${measure} ratio for "${options.target}" (TSTR ${formatNumber(tstr)}, TRTR ${formatNumber(trtr)})`);
  return { ...base, score: ratio, verdict: judged.verdict, reason: judged.reason, extra };
}
