import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSynthError } from '../core/index.js';
import { checkSchema } from '../schema/index.js';
import { TEMPLATE_FILES } from './catalog.js';
import { listDomains, listTemplates, loadTemplate, resolveDomain, templateDocuments } from './loader.js';
import { lowerConditionals } from './conditionals.js';

const dataDir = new URL('./data/', import.meta.url);

describe('the template library', () => {
  it('lists every data file in the catalogue (catalog.ts is in step with data/)', () => {
    const files = readdirSync(dataDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(new URL(`${d.name}/`, dataDir)).filter((f) => f.endsWith('.json')).map((f) => `${d.name}/${f.replace(/\.json$/, '')}`));
    expect(TEMPLATE_FILES.length).toBe(files.length);
    expect(listTemplates().map((t) => t.name).sort()).toEqual(files.sort());
  });

  it('covers at least 15 domains, each with a README and at least one task', () => {
    const domains = listDomains();
    expect(domains.length).toBeGreaterThanOrEqual(15);
    for (const d of domains) {
      expect(d.tasks.length, d.domain).toBeGreaterThan(0);
      expect(d.tasks, d.domain).toContain(d.defaultTask);
      expect(existsSync(new URL(`${d.domain}/README.md`, dataDir)), d.domain).toBe(true);
    }
  });

  it('has the tasks the library promises', () => {
    const names = listTemplates().map((t) => t.name);
    for (const n of [
      'healthcare/patients', 'healthcare/encounters', 'healthcare/clinical-notes', 'healthcare/lab-results', 'healthcare/diagnostic-reports',
      'finance/transactions', 'finance/loans', 'finance/risk-assessments', 'finance/market-ticks',
      'legal/contracts', 'legal/case-summaries', 'legal/regulatory-filings',
      'e-commerce/products', 'e-commerce/orders', 'e-commerce/reviews', 'e-commerce/customer-interactions',
      'education/students', 'education/assessments', 'education/lesson-plans', 'customer-service/support-conversations',
      'code/programming-examples', 'hr/employees', 'telecom/churn', 'insurance/claims', 'real-estate/listings',
      'logistics/shipments', 'iot/sensor-readings', 'social-media/posts', 'marketing/campaigns',
    ]) expect(names).toContain(n);
  });

  it('validates every template, as stored and as loaded (grammars and conditionals lowered)', () => {
    for (const doc of templateDocuments()) {
      const name = `${doc.domain}/${doc.task}`;
      expect(checkSchema(doc.schema, { rows: 1000 }), name).toEqual([]);
      const loaded = loadTemplate(name).schema;
      expect(checkSchema(loaded, { rows: 1000 }), name).toEqual([]);
      for (const field of Object.keys(doc.grammars ?? {})) expect(typeof (loaded.properties![field] as { 'x-expression'?: unknown })['x-expression'], `${name} ${field}`).toBe('string');
      expect(loaded.allOf, name).toBeUndefined();
    }
  });

  it('resolves aliases and "domain/task" names, and defaults to the main task', () => {
    expect(resolveDomain('medical')).toBe('healthcare');
    expect(resolveDomain('Real Estate')).toBe('real-estate');
    expect(loadTemplate('medical', 'clinical-notes').name).toBe('healthcare/clinical-notes');
    expect(loadTemplate('telco').name).toBe('telecom/churn');
    expect(loadTemplate('finance/transaction').name).toBe('finance/transactions');
  });

  it('answers TEMPLATE_NOT_FOUND with near matches for unknown names', () => {
    try {
      loadTemplate('helthcare');
      expect.unreachable();
    } catch (e) {
      expect(isSynthError(e, 'TEMPLATE_NOT_FOUND')).toBe(true);
      expect((e as Error).message).toContain('healthcare');
    }
    expect(() => loadTemplate('healthcare', 'x-rays')).toThrow(/no task "x-rays".*lab-results/);
  });

  it('returns a fresh copy each time', () => {
    const a = loadTemplate('hr');
    delete a.schema.properties!.salary;
    expect(loadTemplate('hr').schema.properties!.salary).toBeDefined();
  });
});

describe('lowerConditionals', () => {
  const base = {
    type: 'object',
    properties: {
      id: { type: 'integer', 'x-sequence': { start: 1, step: 1 } },
      band: { type: 'string', enum: ['a', 'b', 'c'] },
      score: { type: 'integer', minimum: 0, maximum: 100, 'x-distribution': { type: 'normal', mean: 50, sd: 10 } },
    },
  } as const;
  const when = (v: string, mean: number) => ({ if: { properties: { band: { const: v } }, required: ['band'] }, then: { properties: { score: { 'x-distribution': { type: 'normal', mean, sd: 5 } } } } });

  it('turns one branch into a root if/then/else, moving the base distribution to else', () => {
    const out = lowerConditionals({ ...structuredClone(base), allOf: [when('a', 80)] } as never);
    expect(out.allOf).toBeUndefined();
    expect(out.if).toBeDefined();
    expect((out.else as { properties: Record<string, unknown> }).properties.score).toEqual({ 'x-distribution': { type: 'normal', mean: 50, sd: 10 } });
    expect(checkSchema(out)).toEqual([]);
  });

  it('turns several branches into one valid expression per property', () => {
    const out = lowerConditionals({ ...structuredClone(base), allOf: [when('a', 80), when('b', 20)] } as never);
    const score = out.properties!.score as { 'x-expression': string };
    expect(score['x-expression']).toContain("band == 'a'");
    expect(checkSchema(out)).toEqual([]);
  });

  it('leaves schemas without branches alone', () => {
    const s = structuredClone(base) as never;
    expect(lowerConditionals(s)).toBe(s);
  });
});
