import jsepModule from 'jsep';
import { SynthError, nearMatches, type Issue } from '../core/index.js';
import { EXPRESSION_FUNCTION_LIST, EXPRESSION_FUNCTIONS } from './expression-functions.js';
import { isRecord, joinPointer } from './walk.js';

type JsepFn = typeof jsepModule;
const jsep: JsepFn = (jsepModule as unknown as { default?: JsepFn }).default ?? jsepModule;

/** A parsed `x-expression`: jsep's syntax tree (Identifier, Literal, CallExpression, BinaryExpression...). */
export type ExpressionNode = jsepModule.Expression;

const FUNCTIONS = new Map(EXPRESSION_FUNCTION_LIST.map((f) => [f.name, f]));

/**
 * Parses an `x-expression` with jsep (the grammar both the checker and the engine use), or throws
 * SCHEMA_BAD_EXPRESSION with the character position.
 * @example parseExpression('quantity * unit_price')
 */
export function parseExpression(expr: string, path = ''): ExpressionNode {
  try {
    const node = jsep(expr);
    if (node.type === 'Compound') throw Object.assign(new Error('several expressions; write one'), { index: 0 });
    return node;
  } catch (e) {
    const err = e as { description?: string; message?: string; index?: number };
    const at = typeof err.index === 'number' ? ` at character ${err.index + 1}` : '';
    throw new SynthError('SCHEMA_BAD_EXPRESSION', `x-expression "${expr}" cannot be parsed${at}: ${err.description ?? err.message ?? 'syntax error'}`, {
      path,
      received: expr,
      hint: 'Write an expression over fields of the same record, e.g. "quantity * unit_price" or "concat(first_name, \' \', last_name)".',
    });
  }
}

interface Use {
  readonly fields: string[];
  readonly problems: string[];
}

function visit(node: ExpressionNode, use: Use): void {
  switch (node.type) {
    case 'Identifier':
      if (!use.fields.includes(node.name as string)) use.fields.push(node.name as string);
      return;
    case 'Literal':
      return;
    case 'ThisExpression':
      use.problems.push('"this" is not allowed');
      return;
    case 'MemberExpression':
      visit(node.object as ExpressionNode, use);
      if (node.computed) visit(node.property as ExpressionNode, use);
      return;
    case 'CallExpression': {
      const callee = node.callee as ExpressionNode;
      const args = (node.arguments as ExpressionNode[]) ?? [];
      if (callee.type !== 'Identifier') {
        use.problems.push(`only the listed functions may be called (${EXPRESSION_FUNCTIONS.join(', ')})`);
      } else {
        const name = callee.name as string;
        const f = FUNCTIONS.get(name);
        if (f === undefined) {
          const near = nearMatches(name, EXPRESSION_FUNCTIONS, 3);
          use.problems.push(`unknown function "${name}"${near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(', ')}?)` : ''}`);
        } else if (args.length < f.minArgs || args.length > f.maxArgs) {
          const want = f.minArgs === f.maxArgs ? `${f.minArgs}` : f.maxArgs === Infinity ? `at least ${f.minArgs}` : `${f.minArgs} to ${f.maxArgs}`;
          use.problems.push(`${name}() takes ${want} argument${want === '1' ? '' : 's'}, got ${args.length}`);
        }
      }
      for (const a of args) visit(a, use);
      return;
    }
    default:
      // Binary, unary, logical, conditional and array nodes: visit every child expression.
      for (const value of Object.values(node)) {
        if (Array.isArray(value)) {
          for (const v of value) if (isRecord(v) && typeof v.type === 'string') visit(v as ExpressionNode, use);
        } else if (isRecord(value) && typeof value.type === 'string') {
          visit(value as ExpressionNode, use);
        }
      }
  }
}

/**
 * The fields an `x-expression` reads, in order of first use (function names excluded).
 * @example expressionDependencies('round(quantity * unit_price, 2)') // ['quantity', 'unit_price']
 */
export function expressionDependencies(expr: string): string[] {
  const use: Use = { fields: [], problems: [] };
  visit(parseExpression(expr), use);
  return use.fields;
}

/**
 * Checks the `x-expression`s of one record's properties: parse errors, unknown functions or fields, and cycles.
 * `pointer` is the record's JSON pointer.
 */
export function checkRecordExpressions(properties: Record<string, unknown>, pointer: string): Issue[] {
  const issues: Issue[] = [];
  const names = Object.keys(properties);
  const graph = new Map<string, string[]>();
  for (const [name, prop] of Object.entries(properties)) {
    if (!isRecord(prop) || typeof prop['x-expression'] !== 'string') continue;
    const path = joinPointer(pointer, 'properties', name, 'x-expression');
    const expr = prop['x-expression'];
    let use: Use;
    try {
      use = { fields: [], problems: [] };
      visit(parseExpression(expr, path), use);
    } catch (e) {
      if (e instanceof SynthError) issues.push({ code: e.code, path, message: e.message, received: expr });
      continue;
    }
    for (const field of use.fields) {
      if (names.includes(field)) continue;
      const near = nearMatches(field, names.filter((n) => n !== name), 3).filter((n) => closeEnough(field, n));
      use.problems.push(`unknown field "${field}"${near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(', ')}?)` : ''}`);
    }
    if (use.fields.includes(name)) use.problems.push(`it refers to its own field "${name}"`);
    for (const problem of use.problems) {
      issues.push({ code: 'SCHEMA_BAD_EXPRESSION', path, message: `x-expression of "${name}": ${problem}`, received: expr });
    }
    graph.set(name, use.fields.filter((f) => f !== name && names.includes(f)));
  }
  for (const cycle of findCycles(graph)) {
    issues.push({
      code: 'SCHEMA_EXPRESSION_CYCLE',
      path: joinPointer(pointer, 'properties', cycle[0]!, 'x-expression'),
      message: `derived fields depend on each other in a cycle: ${cycle.join(' -> ')}`,
      hint: 'Give one of these fields a generator of its own instead of an x-expression.',
    });
  }
  return issues;
}

/** A suggestion is worth making when it shares most characters with the name (not just its length). */
function closeEnough(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.includes(y) || y.includes(x)) return true;
  let same = 0;
  const pool = [...y];
  for (const ch of x) {
    const i = pool.indexOf(ch);
    if (i >= 0) {
      same++;
      pool.splice(i, 1);
    }
  }
  return same >= Math.max(2, Math.ceil(Math.max(x.length, y.length) * 0.6));
}

/** Every elementary cycle reached by depth-first search, each once, written from its first-declared field. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const dfs = (node: string): void => {
    state.set(node, 'active');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      const s = state.get(next);
      if (s === 'active') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...cycle, next]);
        }
      } else if (s === undefined) {
        dfs(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) dfs(node);
  return cycles;
}

/**
 * The order in which a record's derived fields can be computed: each field after the fields it reads.
 * Throws SCHEMA_EXPRESSION_CYCLE when there is none.
 */
export function expressionOrder(properties: Record<string, unknown>): string[] {
  const issues = checkRecordExpressions(properties, '').filter((i) => i.code === 'SCHEMA_EXPRESSION_CYCLE');
  if (issues.length > 0) throw new SynthError('SCHEMA_EXPRESSION_CYCLE', issues[0]!.message, { path: issues[0]!.path, issues });
  const deps = new Map<string, string[]>();
  for (const [name, prop] of Object.entries(properties)) {
    if (isRecord(prop) && typeof prop['x-expression'] === 'string') deps.set(name, expressionDependencies(prop['x-expression']));
  }
  const order: string[] = [];
  const placed = new Set<string>();
  const place = (name: string): void => {
    if (placed.has(name)) return;
    placed.add(name);
    for (const d of deps.get(name) ?? []) if (deps.has(d)) place(d);
    order.push(name);
  };
  for (const name of deps.keys()) place(name);
  return order;
}
