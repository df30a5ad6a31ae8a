import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PII_TYPES, type DetectContext, type PiiDetector } from './types.js';

// Printed so a failing property run can be replayed with FC_SEED=<seed>.
const FC_SEED = Number(process.env.FC_SEED ?? 20_261_122);
// eslint-disable-next-line no-console -- the seed must be visible in the test log
console.log(`PII detector contract: fast-check seed ${FC_SEED}`);

const TEXT: DetectContext = { mode: 'text', column: undefined, hints: new Set(), defaultCountry: 'US' };
const VALUE: DetectContext = { mode: 'value', column: 'value', hints: new Set(), defaultCountry: 'US' };

/** The shared contract every PII detector must keep; run it with `runDetectorContract(detector)` inside a test file. */
export function runDetectorContract(detector: PiiDetector): void {
  describe(`PII detector contract: ${detector.id}`, () => {
    it('has a kebab-case id, known types, a description and examples', () => {
      expect(detector.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(detector.types.length).toBeGreaterThan(0);
      for (const t of detector.types) expect(PII_TYPES).toContain(t);
      expect(detector.description.length).toBeGreaterThan(10);
      expect(detector.examples.match.length).toBeGreaterThan(0);
      expect(detector.examples.noMatch.length).toBeGreaterThan(0);
    });

    it('finds something in every "match" example, of its own types', () => {
      for (const text of detector.examples.match) {
        const found = detector.detect(text, TEXT);
        expect(found.length, `no finding in ${JSON.stringify(text)}`).toBeGreaterThan(0);
        for (const f of found) expect(detector.types).toContain(f.type);
      }
    });

    it('finds nothing in any "noMatch" example', () => {
      for (const text of detector.examples.noMatch) {
        expect(detector.detect(text, TEXT), `finding in ${JSON.stringify(text)}`).toEqual([]);
      }
    });

    it('returns nothing for empty text', () => {
      expect(detector.detect('', TEXT)).toEqual([]);
      expect(detector.detect('', VALUE)).toEqual([]);
    });

    it('handles long, repetitive inputs (no catastrophic backtracking: the test timeout would catch it)', () => {
      for (const text of ['key ' + 'a_'.repeat(5000), 'a.'.repeat(5000) + '@', '1-'.repeat(5000), 'Abc, Mr. '.repeat(2000), 'ab:'.repeat(5000), 'Aa1_-+/='.repeat(1500), 'http://' + 'a:'.repeat(3000), '12 ' + 'Main '.repeat(3000)]) {
        expect(Array.isArray(detector.detect(text, TEXT))).toBe(true);
      }
    });

    it('reports well-formed, deterministic findings on any text (fast-check)', () => {
      const examples = [...detector.examples.match, ...detector.examples.noMatch];
      const arb = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.tuple(fc.constantFrom(...examples), fc.string({ maxLength: 20 }), fc.constantFrom(...examples)).map(([a, b, c]) => `${a}${b}${c}`),
      );
      fc.assert(
        fc.property(arb, fc.boolean(), (text, asValue) => {
          const ctx = asValue ? VALUE : TEXT;
          const found = detector.detect(text, ctx);
          for (const f of found) {
            expect(f.start).toBeGreaterThanOrEqual(0);
            expect(f.end).toBeGreaterThan(f.start);
            expect(f.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(f.start, f.end)).toBe(f.value);
            expect(f.confidence).toBeGreaterThan(0);
            expect(f.confidence).toBeLessThanOrEqual(1);
            expect(f.detector).toBe(detector.id);
            expect(detector.types).toContain(f.type);
          }
          expect(detector.detect(text, ctx)).toEqual(found);
        }),
        { numRuns: 150, verbose: 1, seed: FC_SEED },
      );
    });
  });
}
