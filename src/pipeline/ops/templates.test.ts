import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRows } from '../../generate/index.js';
import { checkSchema } from '../../schema/index.js';
import { applyPrivacyLevel, createTemplate, listTemplates, loadTemplate, privacyLevelSettings } from './templates.js';

type Row = Record<string, unknown>;
const rowsOf = (name: string, rows = 400, seed = 11): Row[] => generateRows(loadTemplate(name).schema, { rows, seed });
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const where = (rows: Row[], f: (r: Row) => boolean, key: string): number[] => rows.filter(f).map((r) => Number(r[key]));

describe('every template generates', () => {
  it('gives the rows asked for, with every property of the schema, deterministically', () => {
    for (const t of listTemplates().templates) {
      const schema = loadTemplate(t.name).schema;
      const rows = generateRows(schema, { rows: 120, seed: 3 });
      expect(rows.length, t.name).toBe(120);
      expect(Object.keys(rows[0]!).sort(), t.name).toEqual(Object.keys(schema.properties!).sort());
      for (const [field, node] of Object.entries(schema.properties!)) {
        // Text written by grammars is never empty.
        if (typeof (node as { description?: string }).description === 'string' && /grammar/.test((node as { description: string }).description)) {
          expect(rows.every((r) => typeof r[field] === 'string' && (r[field] as string).length > 5), `${t.name} ${field}`).toBe(true);
        }
      }
      expect(generateRows(schema, { rows: 20, seed: 3 }), t.name).toEqual(rows.slice(0, 20));
    }
  });
});

describe('templates are correlated as in life', () => {
  it('healthcare: diabetes raises HbA1c; the diagnosis picks the medication; notes quote the row', () => {
    const labs = rowsOf('healthcare/lab-results', 3000);
    const a1c = (diabetic: boolean) => where(labs, (r) => r.test_name === 'HbA1c' && (r.diagnosis === 'Type 2 diabetes') === diabetic, 'value');
    expect(mean(a1c(true))).toBeGreaterThan(mean(a1c(false)) + 1.5);
    for (const r of labs.slice(0, 200)) expect(r.flag).toBe(Number(r.value) > Number(r.reference_high) ? 'H' : Number(r.value) < Number(r.reference_low) ? 'L' : 'N');

    const encounters = rowsOf('healthcare/encounters', 600);
    const diabetic = encounters.filter((r) => r.diagnosis === 'Type 2 diabetes');
    expect(diabetic.length).toBeGreaterThan(20);
    expect(diabetic.every((r) => ['Metformin', 'Glipizide', 'Empagliflozin'].includes(r.medication as string))).toBe(true);
    const bp = (h: boolean) => where(encounters, (r) => (r.diagnosis === 'Hypertension') === h, 'systolic_bp');
    expect(mean(bp(true))).toBeGreaterThan(mean(bp(false)) + 15);

    for (const r of rowsOf('healthcare/clinical-notes', 100)) {
      const text = r.note_text as string;
      expect(text).toContain(`${r.systolic_bp}/${r.diastolic_bp}`);
      expect(text).toContain(String(r.diagnosis));
      if (r.medication !== 'Supportive care') expect(text).toContain(String(r.medication));
    }

    const patients = rowsOf('healthcare/patients', 1000);
    expect(mean(where(patients, (r) => r.sex === 'male', 'height_cm'))).toBeGreaterThan(mean(where(patients, (r) => r.sex === 'female', 'height_cm')) + 8);
  });

  it('finance: fraud is rare, larger and at night; poor credit defaults more', () => {
    const tx = rowsOf('finance/transactions', 5000);
    const fraud = tx.filter((r) => r.is_fraud === true);
    expect(fraud.length / tx.length).toBeGreaterThan(0.008);
    expect(fraud.length / tx.length).toBeLessThan(0.04);
    expect(mean(fraud.map((r) => Number(r.amount)))).toBeGreaterThan(3 * mean(where(tx, (r) => r.is_fraud === false, 'amount')));
    const night = (rs: Row[]) => rs.filter((r) => Number(r.hour) < 6).length / rs.length;
    expect(night(fraud)).toBeGreaterThan(2 * night(tx.filter((r) => r.is_fraud === false)));

    const loans = rowsOf('finance/loans', 3000);
    const rate = (band: string) => { const b = loans.filter((r) => r.credit_band === band); return b.filter((r) => r.defaulted === true).length / b.length; };
    expect(rate('poor')).toBeGreaterThan(rate('excellent') + 0.1);
    expect(mean(where(loans, (r) => r.credit_band === 'poor', 'credit_score'))).toBeLessThan(mean(where(loans, (r) => r.credit_band === 'excellent', 'credit_score')) - 150);
  });

  it('telecom: churners have shorter tenure and higher charges', () => {
    const rows = rowsOf('telecom/churn', 3000);
    const churned = (c: boolean) => rows.filter((r) => r.churned === c);
    expect(churned(true).length / rows.length).toBeGreaterThan(0.18);
    expect(churned(true).length / rows.length).toBeLessThan(0.35);
    expect(mean(churned(true).map((r) => Number(r.tenure_months)))).toBeLessThan(mean(churned(false).map((r) => Number(r.tenure_months))) - 10);
    expect(mean(churned(true).map((r) => Number(r.monthly_charges)))).toBeGreaterThan(mean(churned(false).map((r) => Number(r.monthly_charges))));
    for (const r of rows.slice(0, 100)) expect(Number(r.total_charges)).toBeCloseTo(Number(r.monthly_charges) * Number(r.tenure_months), 1);
  });

  it('text fields agree with their rows: reviews, contracts, assessments', () => {
    for (const r of rowsOf('e-commerce/reviews', 300)) {
      if (Number(r.rating) <= 2) expect(r.review_text).not.toMatch(/Highly recommend|Would buy again/);
      if (Number(r.rating) === 5) expect(r.review_text).not.toMatch(/Returning it|Would not recommend/);
      expect(r.review_text as string).toContain(String(r.product_name));
    }
    for (const r of rowsOf('legal/contracts', 100)) {
      expect(r.clause_text as string).toContain(String(r.party_a));
      expect(r.clause_text as string).toContain(String(r.governing_law));
    }
    for (const r of rowsOf('education/assessments', 200)) {
      expect(r.student_response === r.correct_answer).toBe(r.is_correct === true);
      expect(r.score).toBe(r.is_correct === true ? 10 : 0);
    }
  });
});

describe('privacy levels', () => {
  it('maps each level to documented PII and uniqueness settings', () => {
    expect(privacyLevelSettings('low')).toMatchObject({ piiPolicy: 'report', uniqueIdentifiers: false, pseudonymizeDirectIdentifiers: false });
    expect(privacyLevelSettings('medium')).toMatchObject({ piiPolicy: 'redact', uniqueIdentifiers: true, kAnonymity: 3 });
    expect(privacyLevelSettings('high')).toMatchObject({ piiPolicy: 'block', pseudonymizeDirectIdentifiers: true, kAnonymity: 5 });
    expect(() => privacyLevelSettings('extreme')).toThrow(/low, medium or high/);
  });

  it('high turns direct identifiers into tokens and keeps the schema valid and generating', () => {
    const schema = applyPrivacyLevel(loadTemplate('e-commerce/customers').schema, 'high');
    expect(checkSchema(schema)).toEqual([]);
    const [row] = generateRows(schema, { rows: 5, seed: 1 });
    expect(row!.first_name).toMatch(/^PERSON-\d{6}$/);
    expect(row!.phone).toMatch(/^PHONE-\d{6}$/);
    expect(String(row!.email)).not.toMatch(/^[a-z]+\.[a-z]+@example\.com$/i);
  });
});

describe('createTemplate', () => {
  it('writes an editable copy with its grammars, or a planned one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tpl-'));
    const out = join(dir, 'contracts.json');
    const r = await createTemplate({ domain: 'legal', task: 'contracts', output: out });
    expect(r.name).toBe('legal/contracts');
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc).toMatchObject({ format: 'synthdata.template', version: 1, domain: 'legal', task: 'contracts' });
    expect(doc.grammars.clause_text).toBeDefined();
    const planned = join(dir, 'nda.json');
    await createTemplate({ domain: 'law', task: 'contracts', fromDescription: 'contracts without governing law', output: planned });
    const doc2 = JSON.parse(readFileSync(planned, 'utf8'));
    expect(doc2.schema.properties.governing_law).toBeUndefined();
    expect(checkSchema(doc2.schema)).toEqual([]);
  });
});
