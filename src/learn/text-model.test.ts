import { describe, expect, it } from 'vitest';
import { Rng } from '../core/index.js';
import { fitIdModel, sampleIdModel } from './id-model.js';
import { fitTextModel, textSampler } from './text-model.js';
import { formatDatetime, parseDatetime } from './datetime-format.js';
import { redactText } from './pii-text.js';

describe('text model', () => {
  const source = Array.from({ length: 30 }, (_, i) =>
    `call me at 555-123-${String(1000 + i)} or write to person${i}@mail.org about the quarterly report number ${i} before friday noon`);

  it('never returns 8 consecutive tokens of a source row, nor a source row whole', () => {
    const draw = textSampler(fitTextModel(source));
    const rng = new Rng(1);
    const grams = new Set<string>();
    for (const s of source) {
      const w = s.split(/\s+/);
      for (let i = 0; i + 8 <= w.length; i++) grams.add(w.slice(i, i + 8).join(' '));
    }
    for (let k = 0; k < 100; k++) {
      const w = draw(rng).split(/\s+/);
      for (let i = 0; i + 8 <= w.length; i++) expect(grams.has(w.slice(i, i + 8).join(' '))).toBe(false);
    }
  });

  it('replaces personal data before learning', () => {
    expect(redactText('mail bob@example.com or call 555-123-4567')).not.toMatch(/bob@|4567/);
    const model = fitTextModel(source);
    expect(model.vocab.some((t) => /@mail\.org|555-123/.test(t))).toBe(false);
    const rng = new Rng(2);
    const draw = textSampler(model);
    const out = Array.from({ length: 50 }, () => draw(rng)).join(' ');
    expect(out).not.toMatch(/person\d+@mail\.org/);
  });
});

describe('id model', () => {
  it('keeps prefixes, lengths and alphabets without copying', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `${i % 2 ? 'easy-ham-1' : 'spam-2'}/${String(i).padStart(5, '0')}`);
    const out = sampleIdModel(fitIdModel(ids, true), 300, 0, new Rng(3)) as string[];
    expect(out.every((v) => /^(easy-ham-1|spam-2)\/\d{5}$/.test(v))).toBe(true);
    expect(out.some((v) => ids.includes(v))).toBe(false);
    expect(new Set(out).size).toBe(300);
  });
});

describe('datetime formats', () => {
  it('round-trips values in their format and zone', () => {
    const f = { pattern: 'YYYY-MM-DDTHH:mm:ssZ', unitMs: 1000 };
    const p = parseDatetime('2002-08-22T18:26:25+07:00', f)!;
    expect(p.offset).toBe(420);
    expect(formatDatetime(p.ms, f, 420)).toBe('2002-08-22T18:26:25+07:00');
    const m = { pattern: 'MMM DD YYYY', unitMs: 86_400_000 };
    expect(formatDatetime(parseDatetime('Jun 12 1998', m)!.ms, m)).toBe('Jun 12 1998');
    expect(parseDatetime('2012-02-30', { pattern: 'YYYY-MM-DD', unitMs: 86_400_000 })).toBeUndefined();
  });
});
