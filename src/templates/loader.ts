/**
 * The template library: expert-made starting schemas per domain and task, kept as JSON data files under data/.
 * Text fields are written by grammars (see grammar.ts); the loader lowers them into `x-expression`s so the
 * schema it returns is plain dialect any engine can generate.
 */
import { SynthError, nearMatches } from '../core/index.js';
import type { SchemaObject } from '../schema/index.js';
import { DOMAIN_FILE, TEMPLATE_FILES } from './catalog.js';
import { lowerConditionals } from './conditionals.js';
import { grammarToExpression, type Grammar } from './grammar.js';

/** One template document as stored in data/<domain>/<task>.json. */
export interface TemplateDocument {
  readonly format: 'synthdata.template';
  readonly version: 1;
  readonly domain: string;
  readonly task: string;
  readonly title: string;
  readonly description: string;
  /** Words that point at this task in a description ("clinical notes", "fraud"). */
  readonly keywords: readonly string[];
  /** The record schema, with grammar-backed text fields as plain string properties. */
  readonly schema: SchemaObject;
  /** Grammars for text fields, by property name. */
  readonly grammars?: Readonly<Record<string, Grammar>>;
}

/** A template ready to use: the document plus its schema with every grammar lowered to an `x-expression`. */
export interface Template extends TemplateDocument {
  /** `domain/task`, the name `templates show` accepts. */
  readonly name: string;
  /** The schema to generate from (a fresh copy each time: callers may edit it). */
  readonly schema: SchemaObject;
}

/** A domain of the library: its title, the other words for it, and its tasks. */
export interface TemplateDomain {
  readonly domain: string;
  readonly title: string;
  readonly aliases: readonly string[];
  readonly defaultTask: string;
  readonly tasks: readonly string[];
}

/** One line of `templates list`. */
export interface TemplateSummary {
  readonly name: string;
  readonly domain: string;
  readonly task: string;
  readonly title: string;
  readonly description: string;
  readonly fields: number;
  readonly aliases: readonly string[];
}

interface DomainEntry {
  readonly title: string;
  readonly aliases: readonly string[];
  readonly defaultTask: string;
}

let documents: ReadonlyMap<string, TemplateDocument> | undefined;
let domains: ReadonlyMap<string, TemplateDomain> | undefined;
let aliasIndex: ReadonlyMap<string, string> | undefined;

function slug(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

function load(): { documents: ReadonlyMap<string, TemplateDocument>; domains: ReadonlyMap<string, TemplateDomain>; aliases: ReadonlyMap<string, string> } {
  if (documents !== undefined && domains !== undefined && aliasIndex !== undefined) return { documents, domains, aliases: aliasIndex };
  const docs = new Map<string, TemplateDocument>();
  for (const raw of TEMPLATE_FILES) {
    const doc = raw as TemplateDocument;
    if (doc.format !== 'synthdata.template' || doc.version !== 1) throw new SynthError('INTERNAL', `template ${doc.domain}/${doc.task} has an unknown format or version`);
    docs.set(`${doc.domain}/${doc.task}`, doc);
  }
  const entries = (DOMAIN_FILE as { domains: Record<string, DomainEntry> }).domains;
  const doms = new Map<string, TemplateDomain>();
  const aliases = new Map<string, string>();
  for (const [domain, entry] of Object.entries(entries)) {
    const tasks = [...docs.values()].filter((d) => d.domain === domain).map((d) => d.task).sort();
    doms.set(domain, { domain, title: entry.title, aliases: entry.aliases, defaultTask: entry.defaultTask, tasks });
    aliases.set(domain, domain);
    for (const a of entry.aliases) aliases.set(slug(a), domain);
  }
  documents = docs;
  domains = doms;
  aliasIndex = aliases;
  return { documents: docs, domains: doms, aliases };
}

/** The canonical domain for a name or alias ("medical" -> "healthcare"), or undefined. */
export function resolveDomain(name: string): string | undefined {
  return load().aliases.get(slug(name));
}

/** Every domain of the library with its aliases and tasks, in name order. */
export function listDomains(): TemplateDomain[] {
  return [...load().domains.values()].sort((a, b) => a.domain.localeCompare(b.domain));
}

/** Every template as a one-line summary, in name order. */
export function listTemplates(): TemplateSummary[] {
  const { documents: docs, domains: doms } = load();
  return [...docs.values()]
    .map((d) => ({
      name: `${d.domain}/${d.task}`,
      domain: d.domain,
      task: d.task,
      title: d.title,
      description: d.description,
      fields: Object.keys(d.schema.properties ?? {}).length,
      aliases: doms.get(d.domain)?.aliases ?? [],
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Every template document as stored (grammars not yet lowered), for the planner's lexicon and for tests. */
export function templateDocuments(): TemplateDocument[] {
  return [...load().documents.values()];
}

/**
 * Loads a template by domain (or alias) and task; `"domain/task"` in one string works too, and a missing task
 * means the domain's default. Unknown names throw TEMPLATE_NOT_FOUND with near matches.
 * @example loadTemplate('medical', 'clinical-notes').schema
 */
export function loadTemplate(domainOrName: string, task?: string): Template {
  const { documents: docs, domains: doms } = load();
  let domainText = domainOrName;
  let taskText = task;
  if (taskText === undefined && domainOrName.includes('/')) [domainText, taskText] = domainOrName.split('/', 2) as [string, string];
  const domain = resolveDomain(domainText);
  if (domain === undefined) {
    const names = [...doms.keys(), ...[...doms.values()].flatMap((d) => d.aliases)];
    const near = nearMatches(slug(domainText), names, 4);
    throw new SynthError('TEMPLATE_NOT_FOUND', `no template domain "${domainText}"${near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(', ')}?)` : ''}; domains: ${[...doms.keys()].sort().join(', ')}`, {
      path: '--domain',
      received: domainText,
      expected: [...doms.keys()].sort(),
      hint: 'Run `synthdata templates list` for every domain and task.',
    });
  }
  const info = doms.get(domain)!;
  const wanted = taskText === undefined ? info.defaultTask : slug(taskText);
  const doc = docs.get(`${domain}/${wanted}`) ?? docs.get(`${domain}/${info.tasks.find((t) => t.replace(/s$/, '') === wanted.replace(/s$/, '')) ?? ''}`);
  if (doc === undefined) {
    const near = nearMatches(wanted, info.tasks, 3);
    throw new SynthError('TEMPLATE_NOT_FOUND', `domain "${domain}" has no task "${taskText}"${near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(', ')}?)` : ''}; its tasks: ${info.tasks.join(', ')}`, {
      path: '--task',
      received: taskText,
      expected: info.tasks,
      hint: 'Run `synthdata templates list` for every domain and task.',
    });
  }
  const name = `${doc.domain}/${doc.task}`;
  let lowered = loweredSchemas.get(name);
  if (lowered === undefined) {
    lowered = lowerTemplateSchema(doc);
    loweredSchemas.set(name, lowered);
  }
  return { ...doc, name, schema: structuredClone(lowered) };
}

const loweredSchemas = new Map<string, SchemaObject>();

/** The template's schema with each grammar field turned into an `x-expression` and its conditional branches lowered (a deep copy). */
export function lowerTemplateSchema(doc: TemplateDocument): SchemaObject {
  const schema = structuredClone(doc.schema) as SchemaObject;
  const props = (schema.properties ?? {}) as Record<string, SchemaObject>;
  for (const [field, grammar] of Object.entries(doc.grammars ?? {})) {
    const prop = props[field];
    if (prop === undefined) throw new SynthError('INTERNAL', `template ${doc.domain}/${doc.task} has a grammar for "${field}", which is not a property`);
    prop['x-expression'] = grammarToExpression(grammar);
  }
  return lowerConditionals(schema);
}
