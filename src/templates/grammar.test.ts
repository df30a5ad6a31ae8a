import { describe, expect, it } from 'vitest';
import { Rng } from '../core/index.js';
import { parseExpression } from '../schema/index.js';
import { expandGrammar, grammarFields, grammarToExpression, type Grammar } from './grammar.js';

const review: Grammar = {
  vary: 'id',
  start: '{opening} {closing}',
  rules: {
    opening: { by: 'rating', cases: { 5: ['Love this {product}.', 'Great {product}!'], 1: 'Awful {product}.' }, default: 'It is a {product}.' },
    closing: ['Bye.', 'Thanks.', 'Cheers.'],
  },
};

describe('expandGrammar', () => {
  it('follows the row: the switch case of its field, its values in the slots', () => {
    const text = expandGrammar(review, { rating: 1, product: 'kettle', id: 1 }, new Rng(1));
    expect(text.startsWith('Awful kettle.')).toBe(true);
    const five = expandGrammar(review, { rating: 5, product: 'kettle', id: 1 }, new Rng(1));
    expect(five).toMatch(/^(Love this kettle\.|Great kettle!) (Bye|Thanks|Cheers)\.$/);
    expect(expandGrammar(review, { rating: 3, product: 'mug' }, new Rng(1))).toMatch(/^It is a mug\./);
  });

  it('is deterministic for a seed and varies across seeds', () => {
    const row = { rating: 5, product: 'lamp' };
    expect(expandGrammar(review, row, new Rng(7))).toBe(expandGrammar(review, row, new Rng(7)));
    const seen = new Set(Array.from({ length: 40 }, (_, i) => expandGrammar(review, row, new Rng(i))));
    expect(seen.size).toBeGreaterThan(3);
  });

  it('reports a cycle instead of recursing forever', () => {
    expect(() => expandGrammar({ start: '{a}', rules: { a: '{b}', b: '{a}' } }, {}, new Rng(1))).toThrow(/too deeply/);
  });
});

describe('grammarFields', () => {
  it('lists the row fields a grammar reads, switches and vary included', () => {
    expect(grammarFields(review)).toEqual(['id', 'product', 'rating']);
  });
});

describe('grammarToExpression', () => {
  it('lowers to an expression the schema parser accepts, with only allowed functions', () => {
    const expr = grammarToExpression(review);
    expect(() => parseExpression(expr)).not.toThrow();
    expect(expr).toContain("string(rating) == '5'");
    expect(expr).not.toMatch(/\bpick\(|random/);
  });

  it('escapes quotes, backslashes and newlines in the text', () => {
    const expr = grammarToExpression({ start: "it's a \\ path\nnext line" });
    expect(() => parseExpression(expr)).not.toThrow();
    expect(expr).toBe("'it\\'s a \\\\ path\\nnext line'");
  });
});
