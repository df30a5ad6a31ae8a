import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureAccuracy, type LabelledText } from './accuracy.js';
import { classifyColumn } from './classify.js';
import { detectPii } from './detect.js';
import type { PiiType } from './types.js';

const dir = new URL('../../test/fixtures/pii/', import.meta.url);
const texts = readFileSync(new URL('text.jsonl', dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as LabelledText);
const columns = JSON.parse(readFileSync(new URL('columns.json', dir), 'utf8')) as { name: string; expected: PiiType | null; values: string[] }[];

/** The checksum and format types, whose recall must stay at 0.95 or above on the fixtures. */
const FORMAT_TYPES: readonly PiiType[] = ['email', 'phone', 'ssn', 'credit_card', 'iban', 'ip_address', 'mac_address'];

describe('accuracy on the labelled fixtures (test/fixtures/pii)', () => {
  const { types } = measureAccuracy(texts, (t) => detectPii(t));
  const byType = new Map(types.map((t) => [t.type, t]));

  it.each(FORMAT_TYPES)('%s: recall >= 0.95', (type) => {
    const t = byType.get(type)!;
    expect(t.truePositives + t.falseNegatives).toBeGreaterThanOrEqual(50);
    expect(t.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps recall >= 0.9 and precision >= 0.9 for the context types', () => {
    for (const type of ['url_credentials', 'secret', 'address', 'date_of_birth', 'person_name'] as const) {
      expect(byType.get(type)!.recall, type).toBeGreaterThanOrEqual(0.9);
      expect(byType.get(type)!.precision, type).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('keeps precision >= 0.95 for the format types', () => {
    for (const type of FORMAT_TYPES) expect(byType.get(type)!.precision, type).toBeGreaterThanOrEqual(0.95);
  });

  it('classifies at least 95% of the fixture columns right, with no PII class on the negatives', () => {
    let right = 0;
    for (const c of columns) {
      const got = classifyColumn(c.name, c.values)?.type ?? null;
      if (got === c.expected) right++;
      if (c.expected === null) expect(got, c.name).toBeNull();
    }
    expect(right / columns.length).toBeGreaterThanOrEqual(0.95);
  });
});
