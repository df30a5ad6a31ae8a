import { SynthError } from '../core/index.js';
import type { At, CompileFn, Compiled, Env, ValueGen } from './env.js';
import { compileValidator, type JsonSchema, type SchemaObject } from './schema-api.js';

/** A key that tells JSON values apart, for uniqueItems. */
function itemKey(v: unknown): string {
  return typeof v === 'object' && v !== null ? 'j' + JSON.stringify(sortKeys(v)) : typeof v + ':' + String(v);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** Compiles an array node: prefixItems, items, a length between minItems and maxItems, uniqueItems kept by retry. */
export function compileArray(node: SchemaObject, env: Env, at: At, compile: CompileFn): Compiled {
  const childAt = (pointer: string): At => ({ pointer, name: at.name, locale: at.locale, roles: {}, depth: at.depth + 1 });
  const prefix = Array.isArray(node.prefixItems) ? (node.prefixItems as JsonSchema[]).map((s, i) => compile(s, env, childAt(`${at.pointer}/prefixItems/${i}`))) : [];
  const itemsFalse = node.items === false;
  const items = itemsFalse ? undefined : compile(node.items ?? {}, env, childAt(`${at.pointer}/items`));
  const minItems = typeof node.minItems === 'number' ? node.minItems : 0;
  let maxItems = typeof node.maxItems === 'number' ? node.maxItems : Math.max(minItems, Math.min(minItems + 3, 5));
  if (itemsFalse) maxItems = Math.min(maxItems, prefix.length);
  if (minItems > maxItems) {
    throw new SynthError('SCHEMA_UNSATISFIABLE', `minItems ${minItems} is above the most items this array can hold (${maxItems})`, { path: `${at.pointer}/minItems` });
  }
  const unique = node.uniqueItems === true;
  if (unique && items !== undefined && items.domain !== undefined && items.domain.size + prefix.length + (items.nullable ? 1 : 0) < minItems) {
    throw new SynthError('SCHEMA_UNSATISFIABLE', `uniqueItems needs ${minItems} different items but the items allow only ${items.domain.size}`, { path: `${at.pointer}/uniqueItems` });
  }
  // Arrays of at least one item read better than empty ones, unless the schema pins the length to zero.
  const lo = typeof node.minItems === 'number' ? minItems : Math.min(1, maxItems);
  const check = node.contains !== undefined || 'minContains' in node || 'maxContains' in node || 'unevaluatedItems' in node ? compileValidator(node) : undefined;
  const once: ValueGen = (rng, ctx) => {
    const n = lo + Math.floor(rng.next() * (maxItems - lo + 1));
    const out: unknown[] = [];
    const seen = unique ? new Set<string>() : undefined;
    for (let i = 0; i < n; i++) {
      const part = i < prefix.length ? prefix[i]! : items;
      if (part === undefined) break;
      let v: unknown;
      let placed = false;
      for (let t = 0; t < (seen ? 24 : 1); t++) {
        v = part.gen(rng, ctx);
        if (seen === undefined) {
          placed = true;
          break;
        }
        const k = itemKey(v);
        if (!seen.has(k)) {
          seen.add(k);
          placed = true;
          break;
        }
      }
      if (!placed) {
        if (out.length >= minItems && i >= prefix.length) break;
        throw new SynthError('GENERATE_EXHAUSTED', `could not find ${minItems} different items for uniqueItems`, { path: `${at.pointer}/uniqueItems` });
      }
      out.push(v === undefined ? null : v);
    }
    return out;
  };
  const gen: ValueGen =
    check === undefined
      ? once
      : (rng, ctx) => {
          for (let i = 0; i < 32; i++) {
            const v = once(rng, ctx);
            if (check(v).valid) return v;
          }
          throw new SynthError('GENERATE_EXHAUSTED', 'could not generate an array that satisfies contains', { path: at.pointer });
        };
  const deps = [...new Set([...prefix.flatMap((p) => p.deps), ...(items?.deps ?? [])])];
  return { gen, kind: 'json', nullable: false, deps };
}
