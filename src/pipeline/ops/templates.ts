import { rename, unlink, writeFile } from 'node:fs/promises';
import { SynthError } from '../../core/index.js';
import { describeSchema, memoryCache } from '../../describe/index.js';
import type { SchemaObject } from '../../schema/index.js';
import { listDomains, listTemplates as listAll, loadTemplate as load, templateDocuments, type TemplateDomain, type TemplateSummary } from '../../templates/index.js';

/** A template as the adapters show it: names, description, the ready schema and the grammars behind its text. */
export interface TemplateOutput {
  name: string;
  domain: string;
  task: string;
  title: string;
  description: string;
  schema: SchemaObject;
  grammars: Record<string, unknown>;
}

/** The privacy levels of `generate --privacy-level`. */
export type PrivacyLevel = 'low' | 'medium' | 'high';

/** What a privacy level means: the PII policy applied to the output and how the schema's identifiers change. */
export interface PrivacySettings {
  level: PrivacyLevel;
  /** The PII scan policy on the generated table: report findings, redact them, or block the output. */
  piiPolicy: 'report' | 'redact' | 'block';
  /** Identifier fields (`*_id`, sequences, patterns) are made unique. */
  uniqueIdentifiers: boolean;
  /** Direct identifiers (names, emails, phones, street addresses, account numbers) become pseudonymous tokens. */
  pseudonymizeDirectIdentifiers: boolean;
  /** Minimum group size the evaluation should check for quasi-identifiers (k-anonymity); 1 = not checked. */
  kAnonymity: number;
  /** Check that no generated row copies a row of a source table, when one is given. */
  leakageCheck: boolean;
  description: string;
}

const PRIVACY: Record<PrivacyLevel, PrivacySettings> = {
  low: {
    level: 'low', piiPolicy: 'report', uniqueIdentifiers: false, pseudonymizeDirectIdentifiers: false, kAnonymity: 1, leakageCheck: false,
    description: 'Realistic fake names, emails and phones; PII findings are only reported.',
  },
  medium: {
    level: 'medium', piiPolicy: 'redact', uniqueIdentifiers: true, pseudonymizeDirectIdentifiers: false, kAnonymity: 3, leakageCheck: true,
    description: 'Identifiers are unique; anything the PII scanner flags is redacted; k-anonymity of 3 is checked.',
  },
  high: {
    level: 'high', piiPolicy: 'block', uniqueIdentifiers: true, pseudonymizeDirectIdentifiers: true, kAnonymity: 5, leakageCheck: true,
    description: 'Names, emails, phones, street addresses and account numbers become tokens (PERSON-000123); the output is blocked if PII is still found; k-anonymity of 5 is checked (birth dates and places stay, as quasi-identifiers).',
  },
};

/** The documented mapping of a privacy level to PII and uniqueness settings (src/templates/README.md). */
export function privacyLevelSettings(level: string): PrivacySettings {
  const s = PRIVACY[level as PrivacyLevel];
  if (s === undefined) {
    throw new SynthError('INVALID_ARGUMENT', `--privacy-level must be low, medium or high, got "${level}"`, { path: '--privacy-level', received: level, expected: Object.keys(PRIVACY) });
  }
  return { ...s };
}

const DIRECT_FAKER = /^(person\.(firstName|lastName|fullName|middleName)|internet\.(email|username|exampleEmail)|phone\.number|location\.streetAddress|finance\.(iban|accountNumber|creditCardNumber))$/;
const DIRECT_NAME = /(^|_)(first_name|last_name|full_name|email|phone|street|address|ssn)$/;

function fakerMethod(node: SchemaObject): string | undefined {
  const f = node['x-faker'];
  return typeof f === 'string' ? f : typeof f === 'object' && f !== null ? (f as { method: string }).method : undefined;
}

/** Applies the schema side of a privacy level: unique identifiers, and pseudonymous tokens for direct identifiers. */
export function applyPrivacyLevel(schema: SchemaObject, level: string): SchemaObject {
  const settings = privacyLevelSettings(level);
  const out = structuredClone(schema);
  const props = (out.properties ?? {}) as Record<string, SchemaObject>;
  for (const [name, node] of Object.entries(props)) {
    if (node['x-expression'] !== undefined) continue;
    const isId = /(^|_)id$/.test(name) && node['x-sequence'] === undefined;
    if (settings.uniqueIdentifiers && isId && typeof node.pattern === 'string') node['x-unique'] = true;
    const method = fakerMethod(node);
    if (settings.pseudonymizeDirectIdentifiers && ((method !== undefined && DIRECT_FAKER.test(method)) || DIRECT_NAME.test(name) || node.format === 'email')) {
      const prefix = /email/.test(name) || node.format === 'email' ? 'EMAIL' : /phone/.test(name) ? 'PHONE' : /address|street/.test(name) ? 'ADDRESS' : /ssn/.test(name) ? 'SSN' : /iban|account|card/.test(name) ? 'ACCOUNT' : 'PERSON';
      props[name] = { type: 'string', pattern: `^${prefix}-[0-9]{6}$`, description: `pseudonymous token (privacy level ${settings.level})` };
    }
  }
  return out;
}

/** Every template, and every domain with its aliases and tasks. */
export function listTemplates(): { templates: TemplateSummary[]; domains: TemplateDomain[] } {
  return { templates: listAll(), domains: listDomains() };
}

/**
 * A template by domain (or alias: "medical" is healthcare) and task, with its ready-to-generate schema; unknown
 * names are TEMPLATE_NOT_FOUND with near matches.
 * @example loadTemplate('medical', 'clinical-notes').schema
 */
export function loadTemplate(domain: string, task?: string): TemplateOutput {
  const t = load(domain, task);
  return { name: t.name, domain: t.domain, task: t.task, title: t.title, description: t.description, schema: t.schema, grammars: { ...(t.grammars ?? {}) } };
}

/** Input of {@link createTemplate}. */
export interface CreateTemplateInput {
  domain: string;
  /** The task within the domain (`--template-type`); the domain's default when absent. */
  task?: string;
  /** Plan the template from this description instead, starting from the domain. */
  fromDescription?: string;
  output: string;
}

/**
 * Writes a template document to `output` (atomically): a copy of a library template, or one planned from a
 * description within the domain, for a person to edit and keep.
 */
export async function createTemplate(input: CreateTemplateInput): Promise<{ path: string; name: string; fields: number; warnings: string[] }> {
  const base = load(input.domain, input.task);
  // A plain copy keeps the grammars editable; a planned one carries them already lowered to x-expressions.
  const raw = templateDocuments().find((d) => d.domain === base.domain && d.task === base.task)!;
  let schema: SchemaObject = structuredClone(raw.schema);
  let grammars: Record<string, unknown> | undefined = raw.grammars === undefined ? undefined : structuredClone(raw.grammars) as Record<string, unknown>;
  let warnings: string[] = [];
  let description = base.description;
  if (input.fromDescription !== undefined) {
    const planned = await describeSchema({ description: input.fromDescription, hints: { domain: base.domain, task: base.task } }, { cache: memoryCache() });
    schema = planned.schema;
    warnings = planned.warnings;
    description = input.fromDescription;
    grammars = undefined;
  }
  const doc = { format: 'synthdata.template', version: 1, domain: base.domain, task: base.task, title: base.title, description, keywords: [...base.keywords], schema, ...(grammars !== undefined ? { grammars } : {}) };
  const tmp = `${input.output}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(doc, null, 2) + '\n');
    await rename(tmp, input.output);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new SynthError('IO_UNWRITABLE', `cannot write "${input.output}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { path: input.output, cause: e });
  }
  return { path: input.output, name: base.name, fields: Object.keys(schema.properties ?? {}).length, warnings };
}
