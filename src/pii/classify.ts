import { columnHints } from './column-hints.js';
import { detectPlan, runDetectPlan, type DetectPlan } from './detect.js';
import { coversValue } from './finding.js';
import type { ClassifyOptions, ColumnPiiClass, PiiFinding, PiiType } from './types.js';

/** The text of a cell worth scanning: strings as they are, numbers and bigints as digits, anything else skipped. */
export function cellText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.length === 0 ? undefined : v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  return undefined;
}

/** Evenly spread positions of at most `n` non-empty cells, so a sorted column is not judged by its head alone. */
function samplePositions(values: readonly unknown[], n: number): number[] {
  const nonEmpty: number[] = [];
  for (let i = 0; i < values.length; i++) if (cellText(values[i]) !== undefined) nonEmpty.push(i);
  if (nonEmpty.length <= n) return nonEmpty;
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(nonEmpty[Math.floor((k * nonEmpty.length) / n)]!);
  return out;
}

/** Classifies with a resolved plan (scanTable reuses one plan for every column). */
export function classifyWithPlan(
  plan: DetectPlan,
  name: string,
  values: readonly unknown[],
  options: ClassifyOptions = {},
  knownHints?: ReadonlySet<PiiType>,
  /** Receives the findings of each sampled text, for a scan that would search them again with the same hints. */
  record?: Map<string, PiiFinding[]>,
): ColumnPiiClass | undefined {
  const hints = knownHints ?? columnHints(name);
  const positions = samplePositions(values, options.sampleSize ?? 400);
  if (positions.length === 0) return undefined;
  const stats = new Map<PiiType, { hits: number; confidence: number; samples: number[] }>();
  let longText = 0;
  for (const pos of positions) {
    const text = cellText(values[pos])!;
    if (text.length > 120) {
      // Free text: a cell that merely mentions an address is not an address column; scanTable finds its spans.
      longText++;
      continue;
    }
    const found = runDetectPlan(plan, text, 'value', name, hints);
    record?.set(text, found);
    for (const f of found) {
      if (!coversValue(text, f.start, f.end, f.type === 'address' ? 0.6 : 0.8)) continue;
      const s = stats.get(f.type) ?? { hits: 0, confidence: 0, samples: [] };
      s.hits++;
      s.confidence += f.confidence;
      if (s.samples.length < 5) s.samples.push(pos);
      stats.set(f.type, s);
    }
  }
  if (longText > positions.length / 2) return undefined;
  const threshold = options.threshold ?? 0.5;
  let best: ColumnPiiClass | undefined;
  for (const [type, s] of stats) {
    const share = s.hits / positions.length;
    const meanConfidence = s.confidence / s.hits;
    const nameHint = hints.has(type);
    // Values decide; a telling column name lets a smaller share count (some cells may be malformed or empty-ish).
    const confidence = nameHint ? Math.min(1, (0.4 + 0.6 * share) * meanConfidence + 0.1) : share * meanConfidence;
    if (!nameHint && share < 0.5) continue;
    if (nameHint && share < 0.2) continue;
    if (confidence < threshold) continue;
    if (best === undefined || confidence > best.confidence) {
      best = { column: name, type, confidence: Math.round(confidence * 1000) / 1000, matched: s.hits, sampled: positions.length, samples: s.samples, nameHint };
    }
  }
  return best;
}

/**
 * Judges whether a column holds one type of personal data, from its name and a spread sample of its values.
 * @example classifyColumn('contact', ['ann@x.org', 'bo@y.com']) // { type: 'email', confidence: 0.98, ... }
 */
export function classifyColumn(name: string, values: readonly unknown[], options: ClassifyOptions = {}): ColumnPiiClass | undefined {
  return classifyWithPlan(detectPlan(options), name, values, options);
}
