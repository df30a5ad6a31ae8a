import { PII_TYPES, type PiiFinding, type PiiType } from './types.js';

/** A text with its true personal-data spans, as kept in test/fixtures/pii. */
export interface LabelledText {
  readonly id: string;
  readonly text: string;
  readonly spans: readonly { readonly type: PiiType; readonly start: number; readonly end: number }[];
}

/** Precision and recall of one type. */
export interface TypeAccuracy {
  readonly type: PiiType;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Where detection went wrong, for reading the misses. */
export interface AccuracyError {
  readonly id: string;
  readonly kind: 'missed' | 'spurious';
  readonly type: PiiType;
  readonly value: string;
}

/**
 * Precision and recall per type of a detector over labelled texts. A label counts as found when a finding of the
 * same type overlaps it; a finding counts as correct when it overlaps a label of its type.
 */
export function measureAccuracy(samples: readonly LabelledText[], detect: (text: string) => readonly PiiFinding[]): { types: TypeAccuracy[]; errors: AccuracyError[] } {
  const tp = new Map<PiiType, number>();
  const fp = new Map<PiiType, number>();
  const fn = new Map<PiiType, number>();
  const inc = (m: Map<PiiType, number>, t: PiiType): void => void m.set(t, (m.get(t) ?? 0) + 1);
  const errors: AccuracyError[] = [];
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
  for (const s of samples) {
    const found = detect(s.text);
    for (const label of s.spans) {
      if (found.some((f) => f.type === label.type && overlaps(f, label))) inc(tp, label.type);
      else {
        inc(fn, label.type);
        errors.push({ id: s.id, kind: 'missed', type: label.type, value: s.text.slice(label.start, label.end) });
      }
    }
    for (const f of found) {
      if (!s.spans.some((label) => label.type === f.type && overlaps(f, label))) {
        inc(fp, f.type);
        errors.push({ id: s.id, kind: 'spurious', type: f.type, value: f.value });
      }
    }
  }
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const types = PII_TYPES.filter((t) => tp.has(t) || fp.has(t) || fn.has(t)).map((type) => {
    const t = tp.get(type) ?? 0;
    const p = fp.get(type) ?? 0;
    const n = fn.get(type) ?? 0;
    const precision = t + p === 0 ? 1 : t / (t + p);
    const recall = t + n === 0 ? 1 : t / (t + n);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { type, truePositives: t, falsePositives: p, falseNegatives: n, precision: round(precision), recall: round(recall), f1: round(f1) };
  });
  return { types, errors };
}
