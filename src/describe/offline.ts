/**
 * The offline planner: deterministic, no network. It reads the description with the lexicon, starts from the
 * closest template, adds and removes the fields asked for, applies ranges, rates and locale, and explains each
 * field. A description it cannot use at all is DESCRIBE_EMPTY, never a random table.
 */
import { SynthError } from '../core/index.js';
import { semanticHint, type SchemaObject } from '../schema/index.js';
import { loadTemplate, templateDocuments } from '../templates/index.js';
import { addField, applyLocale, explainField, removeField } from './edit.js';
import { lexicon, propertyServes, tokenize } from './lexicon.js';
import type { PlanDraft, PlanRequest, Planner } from './types.js';
import { applyBreaks, clauseBreaks, parseNumber, rowsFrom, scan, translate, type Match } from './offline-scan.js';

const serving = new Map<string, string[]>();

/** The templates with a property that serves a lexicon field (memoized: the library does not change). */
function templatesServing(field: string): string[] {
  let names = serving.get(field);
  if (names === undefined) {
    names = templateDocuments()
      .filter((d) => Object.entries(d.schema.properties ?? {}).some(([p, node]) => propertyServes(p, (node as SchemaObject).type, field)))
      .map((d) => `${d.domain}/${d.task}`);
    serving.set(field, names);
  }
  return names;
}

function chooseTemplate(matches: Match[], hints: Readonly<Record<string, unknown>>): { name: string; because: string[] } | undefined {
  if (typeof hints.domain === 'string') {
    const t = loadTemplate(hints.domain, typeof hints.task === 'string' ? hints.task : undefined);
    return { name: t.name, because: [`hint domain ${hints.domain}`] };
  }
  const lex = lexicon();
  const docs = templateDocuments();
  const scores = new Map<string, number>();
  const because = new Map<string, string[]>();
  const bump = (name: string, by: number, word: string): void => {
    scores.set(name, (scores.get(name) ?? 0) + by);
    const list = because.get(name) ?? [];
    if (!list.includes(word)) list.push(word);
    because.set(name, list);
  };
  for (const m of matches) {
    for (const meaning of m.meanings) {
      if (meaning.kind === 'template' && !m.negated) bump(meaning.template, meaning.weight, m.text);
      if (meaning.kind === 'domain' && !m.negated) {
        for (const d of docs.filter((x) => x.domain === meaning.domain)) bump(`${d.domain}/${d.task}`, d.task === lex.defaultTasks.get(d.domain) ? 2 : 1.5, m.text);
      }
      if (meaning.kind === 'field' && !m.negated) {
        for (const name of templatesServing(meaning.field)) scores.set(name, (scores.get(name) ?? 0) + 0.3);
      }
    }
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const best = ranked[0];
  if (best === undefined || best[1] < 1) return undefined;
  return { name: best[0], because: because.get(best[0]) ?? [] };
}

function numericAfter(tokens: string[], from: number): { min?: number; max?: number } | undefined {
  const t = tokens.slice(from, from + 6);
  const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : parseNumber(s.replace(/\+$/, '')));
  const w0 = t[0];
  if ((w0 === 'between' || w0 === 'from') && (t[2] === 'and' || t[2] === 'to')) {
    const a = num(t[1]);
    const b = num(t[3]);
    if (a !== undefined && b !== undefined) return { min: Math.min(a, b), max: Math.max(a, b) };
  }
  const lower = ['over', 'above', 'older', 'at least', 'min', 'minimum', 'greater than', 'more than'];
  const upper = ['under', 'below', 'younger', 'at most', 'max', 'maximum', 'less than', 'up to'];
  for (let k = 1; k <= 2; k++) {
    const phrase = t.slice(0, k).join(' ');
    const value = num(t[k] === 'than' ? t[k + 1] : t[k]);
    if (value === undefined) continue;
    if (lower.includes(phrase)) return { min: value };
    if (upper.includes(phrase)) return { max: value };
  }
  if (w0 !== undefined && /^\d+\+$/.test(w0)) return { min: num(w0) };
  return undefined;
}

function applyRange(node: SchemaObject, range: { min?: number; max?: number }): void {
  if (range.min !== undefined) node.minimum = range.min;
  if (range.max !== undefined) node.maximum = range.max;
  if (typeof node.minimum === 'number' && typeof node.maximum === 'number' && node.minimum > node.maximum) node.maximum = node.minimum;
  const d = node['x-distribution'] as unknown as Record<string, unknown> | undefined;
  if (d !== undefined && d.type === 'normal' && typeof d.mean === 'number') {
    const lo = typeof node.minimum === 'number' ? node.minimum : -Infinity;
    const hi = typeof node.maximum === 'number' ? node.maximum : Infinity;
    if (d.mean < lo || d.mean > hi) {
      d.mean = Number.isFinite(hi) && Number.isFinite(lo) ? (lo + hi) / 2 : Number.isFinite(lo) ? lo + (d.sd as number) : hi - (d.sd as number);
    }
  }
}

/** Plans a description offline (see the module comment); synchronous at heart, async to fit {@link Planner}. */
export function planOffline(request: PlanRequest): PlanDraft {
  const description = request.description ?? '';
  const lex = lexicon();
  const raw = tokenize(description);
  const { tokens, language, translated } = translate(raw);
  const scanned = scan(tokens);
  const matches = applyBreaks(scanned.matches, clauseBreaks(description));
  const understood: string[] = [];
  const warnings: string[] = [];
  const notUnderstood = [...new Set(scanned.unknown)];
  if (language !== undefined) understood.push(`language: ${lex.languages[language] ?? language} (${translated.join(', ')})`);
  const rows = rowsFrom(tokens, matches);
  if (rows !== undefined) understood.push(`rows: ${rows}`);
  const hints = request.hints ?? {};
  const chosen = chooseTemplate(matches, hints);

  const fieldMentions = matches.filter((m) => m.meanings.some((x) => x.kind === 'field' || x.kind === 'bundle'));
  const entity = matches.find((m) => m.meanings.some((x) => x.kind === 'entity'));
  const empty = (): never => {
    const said = understood.length > 0 ? ` I understood ${understood.join('; ')}, but` : '';
    throw new SynthError('DESCRIBE_EMPTY', `the description ${description.trim() === '' ? 'is empty' : `"${description.trim().slice(0, 80)}"`}:${said} it does not say what the records are about. Say what each row is, e.g. "customer churn data for a telecom company, 1000 rows" or "patients with age, diagnosis and medication".`, {
      path: 'description',
      received: description,
      ...(notUnderstood.length > 0 ? { expected: 'a domain (healthcare, finance, e-commerce...) or the fields you want' } : {}),
      hint: 'Run `synthdata templates list` to see the domains and tasks the offline planner knows.',
    });
  };
  const nothingAsked = chosen === undefined && fieldMentions.every((m) => m.negated) && entity === undefined;

  let schema: SchemaObject;
  const rationale: Record<string, string> = {};
  let templateName: string | undefined;
  if (chosen !== undefined) {
    const t = loadTemplate(chosen.name);
    templateName = t.name;
    schema = t.schema;
    understood.push(`template: ${t.name} (from ${chosen.because.map((b) => `"${b}"`).join(', ')})`);
  } else {
    schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Records', type: 'object', properties: {}, required: [] };
    addField(schema, 'id', lex.fields.id!.schema);
    if (entity !== undefined) {
      const fields = entity.meanings.find((x) => x.kind === 'entity') as { fields: readonly string[] };
      understood.push(`entity: ${entity.text}`);
      for (const f of fields.fields) addLexiconField(schema, f, rationale);
    }
  }

  const serves = (field: string): string[] =>
    Object.entries(schema.properties ?? {}).filter(([p, node]) => propertyServes(p, (node as SchemaObject).type, field)).map(([p]) => p);
  const chosenDomain = templateName?.split('/')[0];
  for (const m of fieldMentions) {
    // Words that chose the template ("credit card transactions") or set the scene ("for a telecom company") are not fields asked for.
    if (!m.negated && m.meanings.some((x) => (x.kind === 'template' && x.template === templateName) || (x.kind === 'domain' && x.domain === chosenDomain))) continue;
    if (!m.negated && isContext(tokens, m)) continue;
    const fields = m.meanings.flatMap((x) => (x.kind === 'field' ? [x.field] : x.kind === 'bundle' ? [...x.fields] : []));
    for (const field of [...new Set(fields)]) {
      if (m.negated) {
        const gone = serves(field).flatMap((p) => removeField(schema, p));
        if (gone.length > 0) {
          understood.push(`without ${m.text}: removed ${gone.join(', ')}`);
          if (gone.length > 1) warnings.push(`removing ${gone[0]} also removed ${gone.slice(1).join(', ')}, which ${gone.length > 2 ? 'were' : 'was'} computed from it`);
        } else {
          understood.push(`without ${m.text}: not present anyway`);
        }
        continue;
      }
      const present = serves(field);
      if (present.length > 0) {
        if (!understood.some((u) => u.startsWith(`${m.text}:`))) understood.push(`${m.text}: already in ${present.join(', ')}`);
        continue;
      }
      const added = addLexiconField(schema, field, rationale);
      if (added.length > 0) understood.push(`with ${m.text}: added ${added.join(', ')}`);
    }
  }

  addSemanticItems(description, schema, rationale, understood, notUnderstood);
  // Nothing recognised at all, not even a field name the semantic table knows: ask for more, never invent a table.
  if (nothingAsked && Object.keys(schema.properties ?? {}).length < 3) empty();
  removeNamedProperties(tokens, schema, understood, warnings);
  applyConstraints(tokens, matches, schema, understood);

  const locale = request.locale ?? localeFrom(matches, understood) ?? (language === undefined ? undefined : ({ es: 'es', de: 'de', fr: 'fr', pt: 'pt_BR' } as Record<string, string>)[language]);
  if (locale !== undefined) {
    applyLocale(schema, locale);
    if (!understood.some((u) => u.startsWith('locale'))) understood.push(`locale: ${locale}`);
  }
  for (const name of Object.keys(schema.properties ?? {})) rationale[name] ??= explainField(schema, name);
  return { schema, rationale, understood, notUnderstood, warnings, ...(rows !== undefined ? { rows } : {}), ...(templateName !== undefined ? { template: templateName } : {}) };
}

const NEGATIONS = new Set(['without', 'no', 'not', 'exclude', 'excluding', 'except', 'minus', 'drop', 'remove', 'omit', 'omitting', 'skip']);
const ADDITIONS = new Set(['with', 'including', 'include', 'plus', 'add', 'also', 'w', 'incl']);

/** "without governing law": a property of the plan named after a negation is removed, lexicon or not. */
function removeNamedProperties(tokens: string[], schema: SchemaObject, understood: string[], warnings: string[]): void {
  const text = ` ${tokens.join(' ')} `;
  for (const name of Object.keys(schema.properties ?? {})) {
    const phrase = name.replace(/_/g, ' ');
    const at = text.indexOf(` ${phrase} `);
    if (at < 0 || !(name in (schema.properties ?? {}))) continue;
    const before = text.slice(0, at).trim().split(' ').slice(-4).reverse();
    let negated = false;
    for (const t of before) {
      if (ADDITIONS.has(t)) break;
      if (NEGATIONS.has(t)) {
        negated = true;
        break;
      }
    }
    if (!negated) continue;
    const gone = removeField(schema, name);
    understood.push(`without ${phrase}: removed ${gone.join(', ')}`);
    if (gone.length > 1) warnings.push(`removing ${gone[0]} also removed ${gone.slice(1).join(', ')}, which ${gone.length > 2 ? 'were' : 'was'} computed from it`);
  }
}

const HEADS = new Set(['date', 'time', 'timestamp', 'id', 'number', 'name', 'score', 'count', 'price', 'amount', 'rate', 'status', 'type']);
const ITEM_BREAK = /[,;:()+&/]|\b(?:and|with|including|incl|plus|w)\b/;

/**
 * Items of a field list the lexicon does not know ("cars with make, model, year and price"): an item whose name the
 * schema's semantic table knows (`make` is a vehicle manufacturer, `check_in_date` a date) becomes a property.
 */
function addSemanticItems(description: string, schema: SchemaObject, rationale: Record<string, string>, understood: string[], notUnderstood: string[]): void {
  const lex = lexicon();
  const props = (schema.properties ?? {}) as Record<string, SchemaObject>;
  for (const chunk of description.toLowerCase().split(new RegExp(ITEM_BREAK.source, 'g'))) {
    if (chunk === undefined) continue;
    const raw = tokenize(chunk).filter((t) => !/^\d/.test(t));
    if (raw.length > 0 && (lex.phrases.get(raw[0]!) ?? []).some((m) => m.kind === 'negation')) continue;
    const isStop = (t: string): boolean => (lex.phrases.get(t) ?? []).some((m) => m.kind === 'stop');
    // Leading words like "the", "a", "need" go; inner ones stay ("check in date").
    const words = raw.length === 1 ? raw : raw.slice(raw.findIndex((t) => !isStop(t)));
    if (words.length === 0 || words.length > 3 || (words.length > 1 && words.every(isStop))) continue;
    const known = (t: string): boolean => (lex.phrases.get(t) ?? []).some((m) => m.kind === 'field' || m.kind === 'template' || m.kind === 'domain' || m.kind === 'entity' || m.kind === 'bundle');
    // "check-in date": a known head word (date, time, id...) after unknown ones names a new field.
    const head = words.length > 1 && HEADS.has(words[words.length - 1]!) ? words.slice(0, -1) : words;
    if (head.some(known) || (lex.phrases.get(words.join(' ')) ?? []).some((m) => m.kind !== 'stop')) continue;
    const name = words.join('_').replace(/[^\p{L}\p{N}_]/gu, '');
    if (name in props || !/^[a-z][a-z0-9_]*$/.test(name)) continue;
    const hint = semanticHint(name, undefined);
    if (hint === undefined) continue;
    const node: SchemaObject = { type: hint.type ?? 'string' };
    if (hint.faker !== undefined) node['x-faker'] = hint.faker;
    if (hint.format !== undefined) node.format = hint.format;
    if (hint.after !== undefined) node['x-after'] = hint.after;
    if (hint.before !== undefined) node['x-before'] = hint.before;
    if (hint.minimum !== undefined) node.minimum = hint.minimum;
    if (hint.maximum !== undefined) node.maximum = hint.maximum;
    if (hint.multipleOf !== undefined) node.multipleOf = hint.multipleOf;
    if (hint.pattern !== undefined) node.pattern = hint.pattern;
    if (hint.enum !== undefined) node.enum = [...hint.enum];
    if (hint.distribution !== undefined) node['x-distribution'] = { ...hint.distribution };
    if (addField(schema, name, node)) {
      rationale[name] = `named in the description; generator of the semantic name "${hint.name}"`;
      understood.push(`${words.join(' ')}: added ${name}`);
      for (const w of words) {
        const i = notUnderstood.indexOf(w);
        if (i >= 0) notUnderstood.splice(i, 1);
      }
    }
  }
}

const SCENE = new Set(['for', 'at', 'from', 'in']);

/** "for a telecom company": a field word right after a scene-setting preposition (and an article or one word). */
function isContext(tokens: string[], m: Match): boolean {
  for (let k = 1; k <= 3 && m.start - k >= 0; k++) {
    const t = tokens[m.start - k]!;
    if (SCENE.has(t)) return true;
    if (t === 'with' || t === 'including' || t === 'and' || t === 'plus') return false;
  }
  return false;
}

function addLexiconField(schema: SchemaObject, field: string, rationale: Record<string, string>): string[] {
  const entry = lexicon().fields[field];
  if (entry === undefined) return [];
  if (entry.expands !== undefined) return entry.expands.flatMap((f) => addLexiconField(schema, f, rationale));
  const props = schema.properties ?? {};
  const derive = entry.derive;
  if (derive !== undefined && derive.requires.every((r) => r in props)) {
    if (addField(schema, field, { type: entry.schema.type ?? 'string', 'x-expression': derive['x-expression'] })) {
      rationale[field] = derive.rationale;
      return [field];
    }
    return [];
  }
  if (addField(schema, field, entry.schema)) {
    rationale[field] = entry.rationale;
    return [field];
  }
  return [];
}

function localeFrom(matches: Match[], understood: string[]): string | undefined {
  for (const m of matches) {
    const l = m.meanings.find((x) => x.kind === 'locale');
    if (l !== undefined && l.kind === 'locale' && !m.negated) {
      understood.push(`locale: ${l.locale} (from "${m.text}")`);
      return l.locale;
    }
  }
  return undefined;
}

function applyConstraints(tokens: string[], matches: Match[], schema: SchemaObject, understood: string[]): void {
  const props = (schema.properties ?? {}) as Record<string, SchemaObject>;
  for (const m of matches) {
    if (m.negated) continue;
    // "patients over 65", "customers aged between 18 and 30": a range right after the record noun is an age.
    const isNoun = m.meanings.some((x) => x.kind === 'template' || x.kind === 'entity');
    const field = isNoun && 'age' in props ? ({ kind: 'field', field: 'age' } as const) : m.meanings.find((x) => x.kind === 'field');
    if (field === undefined || field.kind !== 'field') continue;
    const target = Object.keys(props).find((p) => propertyServes(p, props[p]!.type, field.field));
    if (target === undefined) continue;
    const node = props[target]!;
    const isNumeric = node.type === 'integer' || node.type === 'number';
    const range = numericAfter(tokens, m.end);
    const birth = props.birth_date;
    if (range !== undefined && target === 'age' && typeof node['x-expression'] === 'string' && birth !== undefined && birth.format === 'date') {
      // A derived age follows the birth date: narrow the birth-date range instead.
      if (range.min !== undefined) birth['x-before'] = `-${range.min}y`;
      if (range.max !== undefined) birth['x-after'] = `-${range.max + 1}y`;
      else if (range.min !== undefined) birth['x-after'] = `-${Math.max(range.min + 30, 100)}y`;
      if (range.min === undefined && range.max !== undefined) birth['x-before'] = '0d';
      understood.push(`age: ${range.min ?? 0}${range.max !== undefined ? ` to ${range.max}` : '+'} (through birth_date)`);
      continue;
    }
    if (range !== undefined && isNumeric && node['x-expression'] === undefined) {
      applyRange(node, range);
      understood.push(`${target}: ${range.min !== undefined ? `from ${range.min}` : ''}${range.min !== undefined && range.max !== undefined ? ' ' : ''}${range.max !== undefined ? `up to ${range.max}` : ''}`);
    }
    // "5% fraud", "a churn rate of 30%": the share of true values of a label.
    if (node.type === 'boolean') {
      const window = tokens.slice(Math.max(0, m.start - 2), m.end + 4);
      const pct = window.find((t) => /^\d+(\.\d+)?%$/.test(t));
      if (pct !== undefined) {
        const p = Math.min(1, Math.max(0, Number(pct.slice(0, -1)) / 100));
        node['x-distribution'] = { type: 'weighted', weights: { true: p, false: Math.round((1 - p) * 10000) / 10000 } };
        understood.push(`${target}: ${pct} true`);
      }
    }
  }
}

/** The offline planner as a {@link Planner}. */
export const offlinePlanner: Planner = {
  name: 'offline',
  remote: false,
  plan: async (request) => planOffline(request),
};
