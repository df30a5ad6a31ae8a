/**
 * The offline planner's vocabulary, as data: field synonyms with their schemas, bundles ("purchase history"),
 * entities, locales, a few words of other languages, row-count units and stopwords (lexicon.json), plus the
 * domain aliases and task keywords of the template library.
 */
import type { SchemaObject } from '../schema/index.js';
import { listDomains, templateDocuments } from '../templates/index.js';
import LEXICON_FILE from './lexicon.json' with { type: 'json' };

/** One field the planner can add or remove: its words, its schema and why it looks the way it does. */
export interface LexiconField {
  readonly synonyms: readonly string[];
  readonly schema: SchemaObject;
  readonly rationale: string;
  /** A better definition when other fields are present (email from first and last name). */
  readonly derive?: { readonly requires: readonly string[]; readonly 'x-expression': string; readonly rationale: string };
  /** Template properties that already serve this field (the template's `applicant_name` is a name). */
  readonly coveredBy?: readonly string[];
  /** A regular expression over property names that already serve this field. */
  readonly coveredByPattern?: string;
  /** Property types that already serve this field (any boolean is a label). */
  readonly coveredByTypes?: readonly string[];
  /** Fields this one stands for ("coordinates" -> latitude, longitude). */
  readonly expands?: readonly string[];
}

interface LexiconFile {
  readonly fields: Record<string, LexiconField>;
  readonly bundles: Record<string, string[]>;
  readonly entities: Record<string, string[]>;
  readonly locales: Record<string, string>;
  readonly foreign: Record<string, Record<string, string>>;
  readonly foreignStopwords: string[];
  readonly languages: Record<string, string>;
  readonly rowUnits: string[];
  readonly stopwords: string[];
  readonly negations: string[];
  readonly additions: string[];
}

/** What a phrase of the description can mean. */
export type PhraseMeaning =
  | { readonly kind: 'field'; readonly field: string }
  | { readonly kind: 'bundle'; readonly fields: readonly string[] }
  | { readonly kind: 'entity'; readonly fields: readonly string[] }
  | { readonly kind: 'template'; readonly template: string; readonly weight: number }
  | { readonly kind: 'domain'; readonly domain: string }
  | { readonly kind: 'locale'; readonly locale: string }
  | { readonly kind: 'negation' }
  | { readonly kind: 'addition' }
  | { readonly kind: 'rows' }
  | { readonly kind: 'stop' };

/** The compiled lexicon: phrase -> meanings, and the raw tables. */
export interface Lexicon {
  readonly fields: Readonly<Record<string, LexiconField>>;
  readonly phrases: ReadonlyMap<string, readonly PhraseMeaning[]>;
  readonly maxPhraseWords: number;
  readonly foreign: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly languages: Readonly<Record<string, string>>;
  readonly defaultTasks: ReadonlyMap<string, string>;
}

/** Lower case, accents kept, `_` and `-` as spaces, one space between words. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[_\-/]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The words of a text (letters and digits, with a `%` or `k` suffix kept on numbers). */
export function tokenize(text: string): string[] {
  return normalizeText(text).match(/[\p{L}\p{N}][\p{L}\p{N}'.,%+]*/gu)?.map((t) => t.replace(/[.,']+$/u, '')) ?? [];
}

function plural(word: string): string[] {
  if (/(s|x|ch|sh)$/.test(word)) return [word + 'es'];
  if (/[^aeiou]y$/.test(word)) return [word.slice(0, -1) + 'ies'];
  return [word + 's'];
}

let compiled: Lexicon | undefined;

/** The lexicon, compiled once. */
export function lexicon(): Lexicon {
  if (compiled !== undefined) return compiled;
  const file = LEXICON_FILE as unknown as LexiconFile;
  const phrases = new Map<string, PhraseMeaning[]>();
  let maxWords = 1;
  const add = (phrase: string, meaning: PhraseMeaning, withPlural = false): void => {
    const key = normalizeText(phrase);
    if (key === '') return;
    const forms = [key];
    if (withPlural && !key.includes(' ')) forms.push(...plural(key));
    else if (withPlural) {
      const words = key.split(' ');
      forms.push([...words.slice(0, -1), plural(words[words.length - 1]!)[0]].join(' '));
    }
    for (const form of forms) {
      const list = phrases.get(form) ?? [];
      if (!list.some((m) => JSON.stringify(m) === JSON.stringify(meaning))) list.push(meaning);
      phrases.set(form, list);
      maxWords = Math.max(maxWords, form.split(' ').length);
    }
  };
  for (const [field, entry] of Object.entries(file.fields)) {
    add(field.replace(/_/g, ' '), { kind: 'field', field });
    for (const s of entry.synonyms) add(s, { kind: 'field', field }, !s.endsWith('s'));
  }
  for (const [phrase, fields] of Object.entries(file.bundles)) add(phrase, { kind: 'bundle', fields });
  for (const [phrase, fields] of Object.entries(file.entities)) add(phrase, { kind: 'entity', fields });
  for (const [phrase, locale] of Object.entries(file.locales)) add(phrase, { kind: 'locale', locale });
  for (const w of file.negations) add(w, { kind: 'negation' });
  for (const w of file.additions) add(w, { kind: 'addition' });
  for (const w of file.rowUnits) add(w, { kind: 'rows' });
  for (const w of [...file.stopwords, ...file.foreignStopwords]) add(w, { kind: 'stop' });
  const defaultTasks = new Map<string, string>();
  for (const d of listDomains()) {
    defaultTasks.set(d.domain, d.defaultTask);
    add(d.domain, { kind: 'domain', domain: d.domain });
    add(d.title, { kind: 'domain', domain: d.domain });
    for (const a of d.aliases) add(a, { kind: 'domain', domain: d.domain });
  }
  for (const doc of templateDocuments()) {
    const name = `${doc.domain}/${doc.task}`;
    add(doc.task, { kind: 'template', template: name, weight: 2 }, true);
    for (const k of doc.keywords) add(k, { kind: 'template', template: name, weight: k.includes(' ') ? 2 : 1 }, true);
  }
  compiled = { fields: file.fields, phrases, maxPhraseWords: maxWords, foreign: file.foreign, languages: file.languages, defaultTasks };
  return compiled;
}

const patterns = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = patterns.get(source);
  if (re === undefined) {
    re = new RegExp(source);
    patterns.set(source, re);
  }
  return re;
}

/**
 * The lexicon field a property name stands for (`email_address` -> `email`), by name, synonym or the
 * `coveredBy` lists; undefined when none.
 */
export function canonicalField(property: string, type?: unknown): string | undefined {
  const lex = lexicon();
  const key = normalizeText(property);
  if (lex.fields[property] !== undefined) return property;
  for (const m of lex.phrases.get(key) ?? []) if (m.kind === 'field') return m.field;
  for (const [field, entry] of Object.entries(lex.fields)) {
    if (entry.coveredBy?.includes(property)) return field;
  }
  for (const [field, entry] of Object.entries(lex.fields)) {
    if (entry.coveredByPattern !== undefined && pattern(entry.coveredByPattern).test(property)) return field;
    if (entry.coveredByTypes !== undefined && typeof type === 'string' && entry.coveredByTypes.includes(type)) return field;
  }
  return undefined;
}

/** True when a property (by name and type) serves a lexicon field, directly or as one that covers it. */
export function propertyServes(property: string, type: unknown, field: string): boolean {
  const entry = lexicon().fields[field];
  if (property === field) return true;
  if (entry === undefined) return false;
  if (entry.coveredBy?.includes(property)) return true;
  if (entry.coveredByPattern !== undefined && pattern(entry.coveredByPattern).test(property)) return true;
  if (entry.coveredByTypes !== undefined && typeof type === 'string' && entry.coveredByTypes.includes(type)) return true;
  const key = normalizeText(property);
  return (lexicon().phrases.get(key) ?? []).some((m) => m.kind === 'field' && m.field === field);
}
