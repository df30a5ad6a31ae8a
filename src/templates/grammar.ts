/**
 * Text grammars: short pieces of text with slots, where a slot is either another rule or a field of the same row.
 * They make clinical notes, contract clauses, reviews and support chats that agree with the row they sit in
 * (a one-star review complains, a diabetic patient's note mentions metformin), without any free-form model.
 *
 * A grammar is plain JSON (see {@link Grammar}) and is expanded two ways:
 * - {@link expandGrammar}: with a seeded Rng, for an engine that supports the `x-grammar` keyword;
 * - {@link grammarToExpression}: lowered to an `x-expression` made of `concat` and `if`, where the choice among
 *   alternatives rotates with a numeric field of the row (`vary`), so any engine that evaluates expressions can use it.
 */
import { Rng, SynthError } from '../core/index.js';

/** A piece of text with `{slot}` references: a slot names a rule of the grammar, or else a field of the row. */
export type GrammarText = string;

/** A rule: one text, a list of alternatives (one is picked), or a switch on the value of a row field. */
export type GrammarRule = GrammarText | readonly GrammarRule[] | GrammarSwitch;

/** A switch on a row field: the case whose key equals the field's value (as text), else `default`. */
export interface GrammarSwitch {
  readonly by: string;
  readonly cases: Readonly<Record<string, GrammarRule>>;
  readonly default?: GrammarRule;
}

/** A grammar: the start text, its named rules, and the numeric field that rotates alternatives when lowered. */
export interface Grammar {
  readonly start: GrammarRule;
  readonly rules?: Readonly<Record<string, GrammarRule>>;
  /** A numeric field of the row (an id, a sequence, an amount) whose value picks alternatives in the lowered form. */
  readonly vary?: string;
}

const SLOT = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const MAX_DEPTH = 24;

function isSwitch(rule: GrammarRule): rule is GrammarSwitch {
  return typeof rule === 'object' && !Array.isArray(rule) && rule !== null && 'by' in rule;
}

/**
 * Expands a grammar for one row with a seeded Rng: alternatives are drawn, switches follow the row's fields.
 * @example expandGrammar({ start: '{greet}, {name}.', rules: { greet: ['Hi', 'Hello'] } }, { name: 'Ada' }, new Rng(1))
 */
export function expandGrammar(grammar: Grammar, row: Readonly<Record<string, unknown>>, rng: Rng): string {
  const rules = grammar.rules ?? {};
  const expand = (rule: GrammarRule, depth: number): string => {
    if (depth > MAX_DEPTH) throw new SynthError('SCHEMA_INVALID', 'grammar rules refer to each other too deeply (a cycle?)');
    if (typeof rule === 'string') {
      return rule.replace(SLOT, (_m, name: string) => {
        const sub = rules[name];
        if (sub !== undefined) return expand(sub, depth + 1);
        const value = row[name];
        return value === null || value === undefined ? '' : String(value);
      });
    }
    if (Array.isArray(rule)) return rule.length === 0 ? '' : expand(rng.pick(rule), depth + 1);
    const sw = rule as GrammarSwitch;
    const key = row[sw.by];
    const chosen = key === null || key === undefined ? undefined : sw.cases[String(key)];
    const next = chosen ?? sw.default;
    return next === undefined ? '' : expand(next, depth + 1);
  };
  return expand(grammar.start, 0).replace(/ {2,}/g, ' ').trim();
}

/** The row fields a grammar reads (slots that are not rules, and the fields switches look at). */
export function grammarFields(grammar: Grammar): string[] {
  const rules = grammar.rules ?? {};
  const out = new Set<string>();
  const seen = new Set<GrammarRule>();
  const visit = (rule: GrammarRule): void => {
    if (seen.has(rule)) return;
    seen.add(rule);
    if (typeof rule === 'string') {
      for (const m of rule.matchAll(SLOT)) {
        const name = m[1]!;
        const sub = rules[name];
        if (sub === undefined) out.add(name);
        else visit(sub);
      }
    } else if (Array.isArray(rule)) {
      for (const r of rule) visit(r);
    } else if (isSwitch(rule)) {
      out.add(rule.by);
      for (const r of Object.values(rule.cases)) visit(r);
      if (rule.default !== undefined) visit(rule.default);
    }
  };
  visit(grammar.start);
  if (grammar.vary !== undefined) out.add(grammar.vary);
  return [...out].sort();
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t')}'`;
}

/**
 * Lowers a grammar to one `x-expression` (only `concat`, `if`, `string`, `floor`, arithmetic and `==`), so an engine
 * without `x-grammar` support still writes text that agrees with the row. Alternatives at the k-th choice point
 * are picked by the digit k of `vary` in a mixed radix, so consecutive ids walk through every combination.
 * @example grammarToExpression({ start: 'Dear {name}' }) // "concat('Dear ', string(name))"
 */
export function grammarToExpression(grammar: Grammar): string {
  const rules = grammar.rules ?? {};
  const vary = grammar.vary;
  let stride = 1;
  const lower = (rule: GrammarRule, depth: number): string => {
    if (depth > MAX_DEPTH) throw new SynthError('SCHEMA_INVALID', 'grammar rules refer to each other too deeply (a cycle?)');
    if (typeof rule === 'string') {
      const parts: string[] = [];
      let last = 0;
      for (const m of rule.matchAll(SLOT)) {
        if (m.index > last) parts.push(quote(rule.slice(last, m.index)));
        const name = m[1]!;
        const sub = rules[name];
        parts.push(sub !== undefined ? lower(sub, depth + 1) : `coalesce(string(${name}), '')`);
        last = m.index + m[0].length;
      }
      if (last < rule.length) parts.push(quote(rule.slice(last)));
      if (parts.length === 0) return "''";
      return parts.length === 1 ? parts[0]! : `concat(${parts.join(', ')})`;
    }
    if (Array.isArray(rule)) {
      const options = rule as readonly GrammarRule[];
      if (options.length === 0) return "''";
      if (options.length === 1 || vary === undefined) return lower(options[0]!, depth + 1);
      const n = options.length;
      const digit = `(floor(abs(${vary}) / ${stride}) - floor(floor(abs(${vary}) / ${stride}) / ${n}) * ${n})`;
      stride = Math.min(stride * n, 1_000_000);
      let out = lower(options[n - 1]!, depth + 1);
      for (let i = n - 2; i >= 0; i--) out = `if(${digit} == ${i}, ${lower(options[i]!, depth + 1)}, ${out})`;
      return out;
    }
    const sw = rule as GrammarSwitch;
    let out = sw.default === undefined ? "''" : lower(sw.default, depth + 1);
    const cases = Object.entries(sw.cases);
    for (let i = cases.length - 1; i >= 0; i--) {
      const [key, sub] = cases[i]!;
      out = `if(string(${sw.by}) == ${quote(key)}, ${lower(sub, depth + 1)}, ${out})`;
    }
    return out;
  };
  const expr = lower(grammar.start, 0);
  // An empty optional part ("{controls}" with no weakness) would leave a trailing space.
  return typeof grammar.start === 'string' && /\{[^}]+\}\s*$/.test(grammar.start) ? `trim(${expr})` : expr;
}
