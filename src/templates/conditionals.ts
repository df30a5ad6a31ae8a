/**
 * Templates state correlations the standard way: `allOf` of `if`/`then` branches ("if diagnosis is diabetes,
 * HbA1c is normal(7.9, 1.2)"). The generation engine draws a root `if`/`then`/`else` per column, but treats a
 * root `allOf` by generating whole records and rejecting the misfits, which neither honours the distributions of
 * the branches nor runs fast. This module lowers branches into forms the engine runs column by column:
 *
 * - one branch becomes the root `if`/`then`/`else` (the base distribution moves to `else`);
 * - several branches become an `x-expression` per affected property: a chain of `if(condition, draw, ...)`
 *   where a draw is a weighted pick or a normal/lognormal/Poisson value computed from a pseudo-random number
 *   made of the fractional parts of a numeric field of the row times irrational constants (a low-discrepancy
 *   sequence for sequential ids). Deterministic for a given row, plausible across rows.
 */
import { SynthError } from '../core/index.js';
import type { SchemaObject } from '../schema/index.js';

type Props = Record<string, SchemaObject>;

interface Branch {
  readonly cond: Readonly<Record<string, unknown>>;
  readonly then: Props;
}

// Fractional parts of multiples of these are close to independent uniforms (Weyl sequences).
const CONSTANTS = [0.6180339887, 0.4142135624, 0.7320508076, 0.2360679775, 0.6457513111, 0.1622776602, 0.8284271247, 0.3166247904, 0.5830951895, 0.8740320489, 0.3851648071, 0.9258200998];

function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(value);
}

function branches(schema: SchemaObject): Branch[] | undefined {
  if (!Array.isArray(schema.allOf)) return undefined;
  const out: Branch[] = [];
  for (const b of schema.allOf as SchemaObject[]) {
    const cond = (b.if as SchemaObject | undefined)?.properties as Props | undefined;
    const then = (b.then as SchemaObject | undefined)?.properties as Props | undefined;
    if (cond === undefined || then === undefined || b.else !== undefined) return undefined;
    const consts: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(cond)) {
      if (!('const' in v)) return undefined;
      consts[k] = v.const;
    }
    out.push({ cond: consts, then });
  }
  return out;
}

/** A uniform in [0, 1) from the row, different for each `slot`. */
function uniform(vary: string, slot: number): string {
  const c = CONSTANTS[slot % CONSTANTS.length]! * (1 + Math.floor(slot / CONSTANTS.length));
  return `((abs(${vary}) * 1000 + 1) * ${c} - floor((abs(${vary}) * 1000 + 1) * ${c}))`;
}

/** An approximately standard normal value (Irwin-Hall of three uniforms, rescaled). */
function normal(vary: string, slot: number): string {
  return `((${uniform(vary, slot)} + ${uniform(vary, slot + 1)} + ${uniform(vary, slot + 2)} - 1.5) * 2)`;
}

function decimals(step: number): number {
  const text = String(step);
  return text.includes('.') ? text.split('.')[1]!.length : 0;
}

function drawNumber(node: SchemaObject, vary: string, slot: number): string {
  const d = (node['x-distribution'] ?? {}) as unknown as Record<string, number | string>;
  const lo = typeof node.minimum === 'number' ? node.minimum : undefined;
  const hi = typeof node.maximum === 'number' ? node.maximum : undefined;
  const z = normal(vary, slot);
  let x: string;
  switch (d.type) {
    case 'normal':
      x = `(${d.mean} + ${d.sd} * ${z})`;
      break;
    case 'lognormal': {
      // mean/sd on the value scale -> mu/sigma of the underlying normal.
      const mean = Number(d.mean ?? Math.exp(Number(d.mu ?? 0)));
      const sd = Number(d.sd ?? mean);
      const sigma = Math.sqrt(Math.log(1 + (sd * sd) / (mean * mean)));
      const mu = Math.log(mean) - (sigma * sigma) / 2;
      x = `pow(2.718281828459045, ${mu.toFixed(6)} + ${sigma.toFixed(6)} * ${z})`;
      break;
    }
    case 'exponential': {
      // A lognormal with the exponential's mean and spread: the engine's expressions have no logarithm.
      const mean = Number(d.mean ?? 1 / Number(d.lambda ?? 1));
      const sigma = Math.sqrt(Math.log(2));
      x = `pow(2.718281828459045, ${(Math.log(mean) - (sigma * sigma) / 2).toFixed(6)} + ${sigma.toFixed(6)} * ${z})`;
      break;
    }
    case 'poisson':
      x = `max(0, ${d.lambda} + ${Math.sqrt(Number(d.lambda)).toFixed(6)} * ${z})`;
      break;
    default: {
      const a = lo ?? 0;
      const b = hi ?? a + 1;
      x = `(${a} + ${b - a} * ${uniform(vary, slot)})`;
    }
  }
  const digits = node.type === 'integer' ? 0 : typeof node.multipleOf === 'number' ? decimals(node.multipleOf) : 2;
  const bounded = lo !== undefined || hi !== undefined ? `clamp(${x}, ${lo ?? -1e15}, ${hi ?? 1e15})` : x;
  return `round(${bounded}, ${digits})`;
}

function drawChoice(node: SchemaObject, vary: string, slot: number): string {
  if ('const' in node) return literal(node.const);
  const values = (node.enum ?? []) as unknown[];
  if (values.length === 0) throw new SynthError('INTERNAL', 'a conditional branch has neither const nor enum');
  const d = node['x-distribution'] as { type?: string; weights?: Record<string, number> } | undefined;
  const weights = values.map((v) => (d?.type === 'weighted' ? (d.weights?.[String(v)] ?? 0) : 1));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const u = uniform(vary, slot);
  let cumulative = 0;
  const cuts = weights.map((w) => (cumulative += w / total));
  let out = literal(values[values.length - 1]);
  for (let i = values.length - 2; i >= 0; i--) if (weights[i]! > 0) out = `if(${u} < ${cuts[i]!.toFixed(6)}, ${literal(values[i])}, ${out})`;
  return out;
}

function isChoice(node: SchemaObject): boolean {
  return 'const' in node || Array.isArray(node.enum);
}

function draw(node: SchemaObject, vary: string, slot: number): string {
  return isChoice(node) ? drawChoice(node, vary, slot) : drawNumber(node, vary, slot);
}

/** The numeric field whose value seeds the lowered draws: a sequence, else a wide random number not in any branch. */
function pickVary(props: Props, touched: ReadonlySet<string>): string | undefined {
  const names = Object.keys(props);
  const seq = names.find((n) => props[n]!['x-sequence'] !== undefined);
  if (seq !== undefined) return seq;
  return names.find((n) => {
    const p = props[n]!;
    return (p.type === 'number' || p.type === 'integer') && p['x-expression'] === undefined && !touched.has(n) && !Array.isArray(p.enum) && p['x-distribution'] !== undefined && p['x-distribution'].type !== 'weighted';
  });
}

/** Two branches on one field whose enum has exactly their two values (sex: female / male), setting the same properties. */
function complementaryPair(list: readonly Branch[], props: Props): [Branch, Branch] | undefined {
  if (list.length !== 2) return undefined;
  const [a, b] = list as [Branch, Branch];
  const ka = Object.keys(a.cond);
  const kb = Object.keys(b.cond);
  if (ka.length !== 1 || kb.length !== 1 || ka[0] !== kb[0]) return undefined;
  const values = props[ka[0]!]?.enum;
  if (!Array.isArray(values) || values.length !== 2 || !values.includes(a.cond[ka[0]!]) || !values.includes(b.cond[ka[0]!])) return undefined;
  const same = (x: Props, y: Props): boolean => Object.keys(x).sort().join() === Object.keys(y).sort().join();
  return same(a.then, b.then) ? [a, b] : undefined;
}

/**
 * Lowers a record schema's `allOf` of `if`/`then` branches (each `if` a set of `const`s) as described above;
 * schemas without such branches come back unchanged. The input is not modified.
 */
export function lowerConditionals(input: SchemaObject): SchemaObject {
  const list = branches(input);
  if (list === undefined || list.length === 0) return input;
  const schema = structuredClone(input);
  const props = schema.properties as Props;
  if (list.length === 1) {
    const [only] = list as [Branch];
    const elseProps: Props = {};
    for (const [name, override] of Object.entries(only.then)) {
      const base = props[name];
      if (base === undefined) continue;
      // The engine keeps the base's keywords when merging: move what the branch overrides into `else`.
      const moved: SchemaObject = {};
      for (const k of Object.keys(override)) {
        if (k in base) {
          moved[k] = base[k];
          delete base[k];
        }
      }
      if (Object.keys(moved).length > 0) elseProps[name] = moved;
    }
    delete schema.allOf;
    schema.if = { properties: Object.fromEntries(Object.entries(only.cond).map(([k, v]) => [k, { const: v }])), required: Object.keys(only.cond) };
    schema.then = { properties: only.then };
    if (Object.keys(elseProps).length > 0) schema.else = { properties: elseProps };
    return schema;
  }
  const complementary = complementaryPair(list, props);
  if (complementary !== undefined) {
    const [first, second] = complementary;
    for (const name of new Set([...Object.keys(first.then), ...Object.keys(second.then)])) {
      const base = props[name];
      if (base === undefined) continue;
      // Both branches set it: the base's own keywords would win the engine's merge, so drop those they replace.
      for (const k of new Set([...Object.keys(first.then[name] ?? {}), ...Object.keys(second.then[name] ?? {})])) delete base[k];
    }
    delete schema.allOf;
    schema.if = { properties: Object.fromEntries(Object.entries(first.cond).map(([k, v]) => [k, { const: v }])), required: Object.keys(first.cond) };
    schema.then = { properties: first.then };
    schema.else = { properties: second.then };
    return schema;
  }
  const touched = new Set(list.flatMap((b) => Object.keys(b.then)));
  const vary = pickVary(props, touched);
  if (vary === undefined) return input;
  let slot = 0;
  for (const name of touched) {
    const base = props[name];
    if (base === undefined) continue;
    const own = list.filter((b) => name in b.then);
    let expr = draw(base, vary, slot);
    slot += 3;
    // Later branches are more specific ("HbA1c and diabetic" after "HbA1c"): they are tested first.
    for (let i = 0; i < own.length; i++) {
      const b = own[i]!;
      const merged: SchemaObject = { ...base, ...b.then[name] };
      if (isChoice(b.then[name]!) && !('x-distribution' in b.then[name]!)) delete merged['x-distribution'];
      const cond = Object.entries(b.cond).map(([k, v]) => `${k} == ${literal(v)}`).join(' && ');
      expr = `if(${cond}, ${draw(merged, vary, slot)}, ${expr})`;
      slot += 3;
    }
    const lowered: SchemaObject = { type: base.type ?? 'string', 'x-expression': expr };
    if (typeof base.description === 'string') lowered.description = base.description;
    props[name] = lowered;
  }
  delete schema.allOf;
  return schema;
}
