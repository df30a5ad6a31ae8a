/**
 * The contract every synthesizer keeps, run by each synthesizer's test file: reproducible fits, deterministic
 * sampling per seed, columns, kinds, ranges and nulls kept, model JSON that round-trips, conditions honoured.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, isSynthError } from '../core/index.js';
import { fitModel, sampleModel } from './runner.js';
import type { ModelDocument } from './model.js';
import { fixtureTable } from './test-tables.js';

/**
 * Registers the shared contract tests for the synthesizer called `name`. `minBiscoe` is how many of 200 Gentoo rows
 * must be on Biscoe (all real ones are): a model that captures category-to-category dependence gets nearly all.
 */
export function synthesizerContract(name: string, fitOptions: Record<string, unknown> = {}, minBiscoe = 170): void {
  describe(`synthesizer contract: ${name}`, () => {
    const penguins = fixtureTable('penguins');
    const model: ModelDocument = fitModel(penguins, { synthesizer: name, seed: 11, ...fitOptions });
    const col = (t: { fields: readonly { name: string }[]; columns: readonly (readonly unknown[])[] }, n: string) => t.columns[t.fields.findIndex((f) => f.name === n)]!;

    it('fits reproducibly for a seed', () => {
      const again = fitModel(penguins, { synthesizer: name, seed: 11, ...fitOptions });
      expect(canonicalJson(again)).toBe(canonicalJson(model));
      expect(model).toMatchObject({ format: 'synthdata.model', version: 1, synthesizer: name, seed: '11' });
      expect(model.sourceFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    });

    it('samples the same rows for the same seed, and other rows for another', () => {
      const a = sampleModel(model, 300, { seed: 5 });
      const b = sampleModel(model, 300, { seed: 5 });
      const c = sampleModel(model, 300, { seed: 6 });
      expect(canonicalJson(a.columns)).toBe(canonicalJson(b.columns));
      expect(canonicalJson(a.columns)).not.toBe(canonicalJson(c.columns));
    });

    it('round-trips through JSON text', () => {
      const fromFile = JSON.parse(JSON.stringify(model)) as unknown;
      expect(canonicalJson(sampleModel(fromFile, 100, { seed: 3 }).columns)).toBe(canonicalJson(sampleModel(model, 100, { seed: 3 }).columns));
    });

    it('keeps columns, kinds, ranges, integer-ness and nulls', () => {
      const s = sampleModel(model, 1000, { seed: 1 });
      expect(s.fields.map((f) => f.name)).toEqual(penguins.fields.map((f) => f.name));
      expect(s.fields.find((f) => f.name === 'Body Mass (g)')?.kind).toBe('integer');
      const mass = col(s, 'Body Mass (g)').filter((v) => v !== null) as number[];
      expect(mass.every((v) => Number.isInteger(v) && v >= 2700 && v <= 6300)).toBe(true);
      const beak = col(s, 'Beak Length (mm)').filter((v) => v !== null) as number[];
      expect(beak.every((v) => v >= 32.1 && v <= 59.6 && Math.round(v * 10) === v * 10)).toBe(true);
      expect(new Set(col(s, 'Species'))).toEqual(new Set(['Adelie', 'Gentoo', 'Chinstrap']));
      expect(col(s, 'Species').includes(null)).toBe(false);
      expect(col(s, 'Sex').filter((v) => v === null).length).toBeGreaterThan(0);
    });

    it('honours conditions', () => {
      const s = sampleModel(model, 200, { seed: 2, conditions: { Species: 'Gentoo' } });
      expect(col(s, 'Species').every((v) => v === 'Gentoo')).toBe(true);
      // Gentoo penguins live on Biscoe only: a condition must carry through to the other columns.
      expect(col(s, 'Island').filter((v) => v === 'Biscoe').length).toBeGreaterThan(minBiscoe);
      const heavy = sampleModel(model, 50, { seed: 2, conditions: { 'Body Mass (g)': 6000 } });
      expect(col(heavy, 'Body Mass (g)').every((v) => v === 6000)).toBe(true);
    });

    it('rejects unknown columns and impossible values in conditions', () => {
      const codeOf = (f: () => unknown): string | undefined => {
        try {
          f();
        } catch (e) {
          return isSynthError(e) ? e.code : 'other';
        }
        return undefined;
      };
      expect(codeOf(() => sampleModel(model, 5, { conditions: { Specis: 'Gentoo' } }))).toBe('LEARN_BAD_CONDITION');
      expect(codeOf(() => sampleModel(model, 5, { conditions: { Species: 'Emperor' } }))).toBe('LEARN_BAD_CONDITION');
      expect(codeOf(() => sampleModel(model, 5, { conditions: { 'Body Mass (g)': 99999 } }))).toBe('LEARN_BAD_CONDITION');
    });
  });
}
