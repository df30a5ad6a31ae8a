import { isSupportedCountry } from 'libphonenumber-js/max';
import { SynthError } from '../core/index.js';
import { columnHints } from './column-hints.js';
import { getPiiDetector, PII_DETECTORS } from './registry.js';
import { PII_TYPES, type DetectContext, type DetectOptions, type PiiDetector, type PiiFinding, type PiiType } from './types.js';

/** The detectors and context resolved once from options, so scanning many cells does not redo it. */
export interface DetectPlan {
  readonly detectors: readonly PiiDetector[];
  readonly types: ReadonlySet<PiiType>;
  readonly minConfidence: number;
  readonly defaultCountry: string;
}

/** Resolves detect options into a plan; unknown detector ids or types are errors that list the valid ones. */
export function detectPlan(options: DetectOptions = {}): DetectPlan {
  const detectors = options.detectors === undefined ? Object.values(PII_DETECTORS) : options.detectors.map(getPiiDetector);
  for (const t of options.types ?? []) {
    if (!(PII_TYPES as readonly string[]).includes(t)) {
      throw new SynthError('UNKNOWN_NAME', `Unknown PII type "${t}". Valid types are: ${PII_TYPES.join(', ')}.`, { path: '/types', expected: PII_TYPES, received: t });
    }
  }
  const minConfidence = options.minConfidence ?? 0.5;
  if (!(minConfidence >= 0 && minConfidence <= 1)) {
    throw new SynthError('INVALID_ARGUMENT', `minConfidence must be between 0 and 1, got ${minConfidence}`, { path: '/minConfidence', expected: '0..1', received: minConfidence });
  }
  const defaultCountry = options.defaultCountry ?? 'US';
  if (!isSupportedCountry(defaultCountry)) {
    throw new SynthError('INVALID_ARGUMENT', `defaultCountry must be a two-letter ISO 3166 country code such as US or GB, got "${defaultCountry}"`, { path: '/defaultCountry', expected: 'an ISO 3166 alpha-2 code', received: defaultCountry });
  }
  return { detectors, types: new Set(options.types ?? PII_TYPES), minConfidence, defaultCountry };
}

/** Runs a plan over one text: every detector, then overlapping findings resolved (most confident, then longest, wins). */
export function runDetectPlan(plan: DetectPlan, text: string, mode: 'text' | 'value', column: string | undefined, hints?: ReadonlySet<PiiType>): PiiFinding[] {
  if (text.length === 0) return [];
  const context: DetectContext = { mode, column, hints: hints ?? columnHints(column), defaultCountry: plan.defaultCountry };
  const all: PiiFinding[] = [];
  for (const d of plan.detectors) {
    for (const f of d.detect(text, context)) {
      if (f.confidence >= plan.minConfidence && plan.types.has(f.type) && f.end > f.start) all.push(f);
    }
  }
  return resolveOverlaps(all);
}

/** Keeps the best of overlapping findings: higher confidence first, then the longer span, then the earlier one. */
export function resolveOverlaps(findings: readonly PiiFinding[]): PiiFinding[] {
  if (findings.length < 2) return [...findings];
  const ranked = [...findings].sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PiiFinding[] = [];
  for (const f of ranked) {
    if (kept.some((k) => k.start < f.end && f.start < k.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Finds personal data in free text: each finding is `{ type, start, end, value, confidence, detector }`.
 * @example detectPii('mail jane@example.com or call +1 212 555 0187') // [{ type: 'email', ... }, { type: 'phone', ... }]
 */
export function detectPii(text: string, options: DetectOptions = {}): PiiFinding[] {
  return runDetectPlan(detectPlan(options), text, options.mode ?? 'text', options.column);
}
