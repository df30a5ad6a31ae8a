/**
 * Keys and identifiers regenerated in the same shape as the real ones (same segments, lengths, alphabets, fixed
 * prefixes), never copied: a generated value equal to a real one is drawn again.
 */
import { hash128, type Rng } from '../core/index.js';

/** One segment of an id shape: a literal chosen from a few frequent values, or random characters by class. */
export type IdSegment =
  | { readonly literal: readonly string[]; readonly weights: readonly number[] }
  | { readonly classes: string; readonly lengths: readonly number[] };

/** The learned shape of an id column. */
export interface IdModel {
  /** Shapes (segments joined by separators) with how often each occurs. */
  readonly shapes: readonly { readonly separators: readonly string[]; readonly segments: readonly IdSegment[]; readonly count: number }[];
  /** 32-bit hashes of every real value, so none is re-emitted (base36, space separated). */
  readonly seen: string;
  /** Whether values must be unique in the output (true when they were unique in the source). */
  readonly unique: boolean;
}

const SPLIT = /([^A-Za-z0-9]+)/;
const CLASS_CHARS: Readonly<Record<string, string>> = {
  d: '0123456789',
  u: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  l: 'abcdefghijklmnopqrstuvwxyz',
};

function classOf(ch: string): string {
  if (ch >= '0' && ch <= '9') return 'd';
  if (ch >= 'A' && ch <= 'Z') return 'u';
  return 'l';
}

/** A stable 32-bit hash of a value, in base 36. */
export function valueHash(v: string): string {
  return hash128(v)[0].toString(36);
}

/**
 * Learns the shape of id values: values split at punctuation into segments; a segment position with a few
 * frequent values stays literal (a prefix such as `easy-ham-1`), any other becomes random characters of the
 * classes seen at each offset.
 */
export function fitIdModel(values: readonly string[], unique: boolean): IdModel {
  const groups = new Map<string, string[][]>();
  for (const v of values) {
    const parts = v.split(SPLIT);
    const seps = parts.filter((_, i) => i % 2 === 1);
    const key = seps.join('\u0000') + `#${parts.length}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(parts);
  }
  const shapes = [...groups.values()]
    .sort((a, b) => b.length - a.length)
    .slice(0, 50)
    .map((rows) => {
      const first = rows[0]!;
      const separators = first.filter((_, i) => i % 2 === 1);
      const segments: IdSegment[] = [];
      for (let s = 0; s < first.length; s += 2) {
        const freq = new Map<string, number>();
        for (const r of rows) freq.set(r[s]!, (freq.get(r[s]!) ?? 0) + 1);
        const frequent = [...freq.entries()].filter(([, c]) => c >= 5);
        if (freq.size <= 16 && frequent.length === freq.size) {
          segments.push({ literal: frequent.map(([k]) => k), weights: frequent.map(([, c]) => c) });
        } else {
          // A loop, not Math.max(...): a spread of a quarter-million lengths overflows the call stack.
          let maxLen = 0;
          for (const r of rows) if (r[s]!.length > maxLen) maxLen = r[s]!.length;
          const sets: Set<string>[] = Array.from({ length: maxLen }, () => new Set<string>());
          const lengths = new Map<number, number>();
          for (const r of rows) {
            const seg = r[s]!;
            lengths.set(seg.length, (lengths.get(seg.length) ?? 0) + 1);
            for (let i = 0; i < seg.length; i++) sets[i]!.add(classOf(seg[i]!));
          }
          const classes = sets.map((set) => [...set].sort().join('')).join(',');
          segments.push({ classes, lengths: [...lengths.entries()].sort((a, b) => a[0] - b[0]).flat() });
        }
      }
      return { separators, segments, count: rows.length };
    });
  const seen = [...new Set(values.map(valueHash))].sort().join(' ');
  return { shapes, seen, unique };
}

/** Generates `n` ids (nulls at `nullRate`) in the learned shape, none equal to a real value. */
export function sampleIdModel(model: IdModel, n: number, nullRate: number, rng: Rng): (string | null)[] {
  const seen = new Set(model.seen === '' ? [] : model.seen.split(' '));
  const made = new Set<string>();
  const cumulative: number[] = [];
  let total = 0;
  for (const s of model.shapes) cumulative.push((total += s.count));
  const out: (string | null)[] = new Array(n);
  for (let r = 0; r < n; r++) {
    if (nullRate > 0 && rng.next() < nullRate) {
      out[r] = null;
      continue;
    }
    let v = '';
    for (let attempt = 0; attempt < 50; attempt++) {
      v = draw(model.shapes[rng.pickCumulative(cumulative)]!, rng);
      if (!seen.has(valueHash(v)) && !(model.unique && made.has(v))) break;
      // A crowded shape: lengthen the last random segment so unique values keep coming.
      if (attempt === 49) v += `-${r}`;
    }
    if (model.unique) made.add(v);
    out[r] = v;
  }
  return out;
}

function draw(shape: IdModel['shapes'][number], rng: Rng): string {
  let s = '';
  for (let i = 0; i < shape.segments.length; i++) {
    const seg = shape.segments[i]!;
    if ('literal' in seg) {
      let total = 0;
      const cum = seg.weights.map((w) => (total += w));
      s += seg.literal[rng.pickCumulative(cum)]!;
    } else {
      const pairs = seg.lengths;
      let total = 0;
      const cum: number[] = [];
      for (let j = 1; j < pairs.length; j += 2) cum.push((total += pairs[j]!));
      const len = pairs[2 * rng.pickCumulative(cum)]!;
      const classes = seg.classes.split(',');
      for (let j = 0; j < len; j++) {
        const cls = classes[j] ?? 'd';
        const chars = [...cls].map((c) => CLASS_CHARS[c] ?? CLASS_CHARS.d!).join('');
        s += chars[rng.int(0, chars.length - 1)];
      }
    }
    if (i < shape.separators.length) s += shape.separators[i];
  }
  return s;
}
