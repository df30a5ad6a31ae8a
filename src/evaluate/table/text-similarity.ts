import type { Cell, Table } from '../../core/index.js';
import { tokenize } from '../../privacy/index.js';

/** How alike the words of a text column are in two tables. */
export interface TextSimilarity {
  readonly column: string;
  /** Cosine similarity of the two tables' TF-IDF weighted word distributions, 0..1. */
  readonly score: number;
  readonly realTokens: number;
  readonly syntheticTokens: number;
  /** Frequent real words missing from the synthetic column. */
  readonly missingTopWords: readonly string[];
}

const MAX_VALUES = 5000;

function sampleValues(cells: readonly Cell[]): string[] {
  const step = Math.max(1, Math.floor(cells.length / MAX_VALUES));
  const out: string[] = [];
  for (let i = 0; i < cells.length; i += step) {
    const v = cells[i];
    if (typeof v === 'string' && v !== '') out.push(v);
  }
  return out;
}

/** True for a column of words rather than codes or dates: values with 2 or more words (holding a letter) on average, mostly distinct. */
export function isTextColumn(cells: readonly Cell[]): boolean {
  const values = sampleValues(cells).slice(0, 500);
  if (values.length === 0) return false;
  let words = 0;
  for (const v of values) for (const t of tokenize(v)) if (/\p{L}/u.test(t)) words++;
  return words / values.length >= 2 && new Set(values).size / values.length >= 0.2;
}

/**
 * Semantic similarity of a text column: each table's values are pooled into one document, words weighted by
 * TF-IDF (document frequency over the values of both tables), and the two weight vectors compared by cosine.
 */
export function textSimilarity(column: string, real: readonly Cell[], synthetic: readonly Cell[]): TextSimilarity {
  const rv = sampleValues(real);
  const sv = sampleValues(synthetic);
  const df = new Map<string, number>();
  const tf = (values: string[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const v of values) {
      const seen = new Set<string>();
      for (const t of tokenize(v)) {
        counts.set(t, (counts.get(t) ?? 0) + 1);
        if (!seen.has(t)) {
          seen.add(t);
          df.set(t, (df.get(t) ?? 0) + 1);
        }
      }
    }
    return counts;
  };
  const rc = tf(rv);
  const sc = tf(sv);
  const docs = rv.length + sv.length;
  const idf = (t: string): number => Math.log((1 + docs) / (1 + (df.get(t) ?? 0))) + 1;
  let dot = 0;
  let rn = 0;
  let sn = 0;
  for (const [t, c] of rc) {
    const w = c * idf(t);
    rn += w * w;
    const s = sc.get(t);
    if (s !== undefined) dot += w * s * idf(t);
  }
  for (const [t, c] of sc) sn += (c * idf(t)) ** 2;
  const score = rn === 0 || sn === 0 ? 0 : dot / Math.sqrt(rn * sn);
  const missingTopWords = [...rc.entries()].filter(([t]) => !sc.has(t)).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([t]) => t);
  let realTokens = 0;
  for (const c of rc.values()) realTokens += c;
  let syntheticTokens = 0;
  for (const c of sc.values()) syntheticTokens += c;
  return { column, score: Math.min(1, score), realTokens, syntheticTokens, missingTopWords };
}

/** Text similarity of every common text column of two tables. */
export function tableTextSimilarity(real: Table, synthetic: Table): TextSimilarity[] {
  const out: TextSimilarity[] = [];
  real.fields.forEach((f, i) => {
    const j = synthetic.fields.findIndex((g) => g.name === f.name);
    if (j < 0 || !isTextColumn(real.columns[i]!)) return;
    out.push(textSimilarity(f.name, real.columns[i]!, synthetic.columns[j]!));
  });
  return out;
}
