/**
 * Editing a record schema the way a description asks: remove a field (and whatever can no longer be computed
 * without it), add a field, and explain each field in one line.
 */
import { expressionDependencies, type SchemaObject } from '../schema/index.js';

type Props = Record<string, SchemaObject>;

function props(schema: SchemaObject): Props {
  if (schema.properties === undefined) schema.properties = {};
  return schema.properties as Props;
}

function safeDeps(expr: string): string[] {
  try {
    return expressionDependencies(expr);
  } catch {
    return [];
  }
}

function conditionFields(branch: SchemaObject): string[] {
  const cond = branch.if;
  if (typeof cond !== 'object' || cond === null) return [];
  return Object.keys((cond as SchemaObject).properties ?? {});
}

/**
 * Removes `field` from the schema: the property, its `required` entry, the conditional branches that test it,
 * and, in cascade, every derived field that reads it. Returns the names removed (the field first).
 */
export function removeField(schema: SchemaObject, field: string): string[] {
  const removed: string[] = [];
  const queue = [field];
  while (queue.length > 0) {
    const name = queue.shift()!;
    const p = props(schema);
    if (!(name in p)) continue;
    delete p[name];
    removed.push(name);
    for (const [other, node] of Object.entries(p)) {
      const expr = node['x-expression'];
      if (typeof expr === 'string' && safeDeps(expr).includes(name)) queue.push(other);
    }
  }
  if (removed.length === 0) return removed;
  const gone = new Set(removed);
  if (Array.isArray(schema.required)) schema.required = schema.required.filter((r) => !gone.has(r));
  if (Array.isArray(schema.allOf)) {
    const kept: SchemaObject[] = [];
    for (const branch of schema.allOf as SchemaObject[]) {
      if (conditionFields(branch).some((f) => gone.has(f))) continue;
      for (const key of ['then', 'else'] as const) {
        const sub = branch[key] as SchemaObject | undefined;
        if (sub?.properties !== undefined) for (const g of gone) delete (sub.properties as Props)[g];
      }
      const thenEmpty = Object.keys(((branch.then as SchemaObject | undefined)?.properties ?? {}) as object).length === 0;
      const elseEmpty = Object.keys(((branch.else as SchemaObject | undefined)?.properties ?? {}) as object).length === 0;
      if (thenEmpty && elseEmpty) continue;
      kept.push(branch);
    }
    if (kept.length > 0) schema.allOf = kept;
    else delete schema.allOf;
  }
  return removed;
}

/** Adds a property at the end (and to `required`); an existing one is left alone. Returns true when added. */
export function addField(schema: SchemaObject, name: string, node: SchemaObject): boolean {
  const p = props(schema);
  if (name in p) return false;
  p[name] = structuredClone(node);
  const required = Array.isArray(schema.required) ? schema.required : [];
  if (!required.includes(name)) schema.required = [...required, name];
  return true;
}

/** Which fields the conditional branches make this field depend on. */
function conditionedBy(schema: SchemaObject, field: string): string[] {
  const out = new Set<string>();
  for (const branch of (schema.allOf ?? []) as SchemaObject[]) {
    const then = (branch.then as SchemaObject | undefined)?.properties ?? {};
    const els = (branch.else as SchemaObject | undefined)?.properties ?? {};
    if (field in then || field in els) for (const c of conditionFields(branch)) out.add(c);
  }
  return [...out];
}

function distributionText(d: Record<string, unknown>): string {
  const params = Object.entries(d)
    .filter(([k]) => k !== 'type' && k !== 'weights')
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
  if (d.type === 'weighted') {
    const weights = Object.entries((d.weights ?? {}) as Record<string, number>);
    const total = weights.reduce((s, [, w]) => s + w, 0) || 1;
    const top = weights.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, w]) => `${k} ${Math.round((w / total) * 100)}%`);
    return `weighted categories (${top.join(', ')}${weights.length > 3 ? ', ...' : ''})`;
  }
  return `${String(d.type)} distribution${params ? ` (${params})` : ''}`;
}

/** A one-line reason for a field, read from its schema: generator, distribution, derivation and conditions. */
export function explainField(schema: SchemaObject, field: string): string {
  const node = (schema.properties?.[field] ?? {}) as SchemaObject;
  const parts: string[] = [];
  const expr = node['x-expression'];
  if (typeof expr === 'string') {
    const deps = safeDeps(expr);
    parts.push(expr.length > 80 ? `written from ${deps.length > 0 ? deps.join(', ') : 'fixed phrases'} so the text agrees with the row` : `derived: ${expr}`);
  } else if (node['x-sequence'] !== undefined) {
    parts.push('a sequential identifier');
  } else if (node['x-faker'] !== undefined) {
    const f = node['x-faker'];
    parts.push(`Faker ${typeof f === 'string' ? f : (f as { method: string }).method}`);
  } else if (node['x-distribution'] !== undefined) {
    parts.push(distributionText(node['x-distribution'] as unknown as Record<string, unknown>));
  } else if (typeof node.pattern === 'string') {
    parts.push(`identifier matching ${node.pattern}`);
  } else if (Array.isArray(node.enum)) {
    parts.push(`one of ${node.enum.length} values`);
  } else if (typeof node.format === 'string') {
    parts.push(`a ${node.format}`);
  } else {
    parts.push(`a ${String(node.type ?? 'value')} inferred from the name`);
  }
  if (node['x-unique'] === true) parts.push('unique');
  const cond = conditionedBy(schema, field);
  if (cond.length > 0) parts.push(`depends on ${cond.join(', ')}`);
  return parts.join('; ');
}

/** Sets a Faker locale at the root and on each generated text property (the engine reads it per property). */
export function applyLocale(schema: SchemaObject, locale: string): void {
  schema['x-locale'] = locale;
  for (const node of Object.values((schema.properties ?? {}) as Props)) {
    if (node.type === 'string' && node['x-expression'] === undefined && node.enum === undefined && node.pattern === undefined) node['x-locale'] ??= locale;
  }
}
