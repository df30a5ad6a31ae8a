import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fingerprint, type Issue } from '../core/index.js';
import { EXTENSION_KEYWORDS, PHONE_PATTERN } from './keywords.js';

// ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv2020) => void;
type AjvInstance = Ajv2020;

let shared: AjvInstance | undefined;

/**
 * The one ajv 2020-12 instance: all errors, every format, our keywords known as annotations. `multipleOf` is
 * checked to 9 decimal places, so that 39.1 is a multiple of 0.1 despite binary floating point.
 */
export function ajv(): AjvInstance {
  if (shared !== undefined) return shared;
  const instance = new Ajv2020({ allErrors: true, strict: false, logger: false, validateSchema: false, multipleOfPrecision: 9 });
  addFormats(instance);
  instance.addFormat('phone', PHONE_PATTERN);
  // Annotations for validation, each with its meta-schema. checkSchema validates the values itself (every issue
  // at once, with pointers), so compiling does not stop at the first bad value.
  for (const [keyword, metaSchema] of Object.entries(EXTENSION_KEYWORDS)) instance.addKeyword({ keyword, metaSchema });
  shared = instance;
  return instance;
}

const keywordValidators = new Map<string, ValidateFunction>();

/** A validator for the value of one extension keyword. */
export function keywordValidator(keyword: string): ValidateFunction | undefined {
  const cached = keywordValidators.get(keyword);
  if (cached !== undefined) return cached;
  const meta = EXTENSION_KEYWORDS[keyword];
  if (meta === undefined) return undefined;
  // ajv compiled the meta-schema when the keyword was added; reuse it rather than compile it twice.
  const definition = ajv().getKeyword(keyword);
  const compiled = typeof definition === 'object' ? (definition as { validateSchema?: ValidateFunction }).validateSchema : undefined;
  const fn = compiled ?? ajv().compile(meta);
  keywordValidators.set(keyword, fn);
  return fn;
}

/**
 * Turns ajv errors into issues, with pointers prefixed by `base`. A failed oneOf/anyOf is explained once: by the
 * errors inside the branch that came closest when there are any, else by one sentence naming every allowed form.
 */
export function ajvIssues(errors: readonly ErrorObject[] | null | undefined, base: string, code: Issue['code'] = 'SCHEMA_INVALID'): Issue[] {
  if (!errors) return [];
  const kept = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'allOf');
  const drop = new Set<ErrorObject>();
  const merged = new Map<ErrorObject, string>();
  for (const choice of kept.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
    const at = choice.instancePath;
    const mismatches = kept.filter((e) => e !== choice && e.instancePath === at && MISMATCH.has(e.keyword));
    const deeper = kept.some((e) => e.instancePath.startsWith(at + '/') || (e.instancePath === at && !MISMATCH.has(e.keyword) && e !== choice && e.keyword !== 'oneOf' && e.keyword !== 'anyOf'));
    for (const m of mismatches) drop.add(m);
    if (deeper) drop.add(choice);
    else if (mismatches.length > 0) merged.set(choice, `${where(choice)} must be ${[...new Set(mismatches.map(alternative))].join(', or ')}`);
  }
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    if (drop.has(e)) continue;
    const path = base + e.instancePath;
    const message = merged.get(e) ?? describeAjvError(e);
    const key = path + '\u0000' + message;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ code, path, message });
  }
  return issues;
}

/** Keywords that say "this branch is the wrong kind of value" rather than "this value is nearly right". */
const MISMATCH = new Set(['type', 'const', 'enum']);

/** The form a mismatched branch asked for, as words: `of type string`, `one of [...]`, `true`. */
function alternative(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'type') return `of type ${String(p.type).replace(/,/g, ' or ')}`;
  if (e.keyword === 'enum') return `one of ${JSON.stringify(p.allowedValues)}`;
  return JSON.stringify(p.allowedValue);
}

function where(e: ErrorObject): string {
  return e.instancePath === '' ? 'value' : `"${e.instancePath.split('/').pop()!.replace(/~1/g, '/').replace(/~0/g, '~')}"`;
}

function describeAjvError(e: ErrorObject): string {
  const at = where(e);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'enum':
      return `${at} must be one of ${JSON.stringify(p.allowedValues)}`;
    case 'const':
      return `${at} must be ${JSON.stringify(p.allowedValue)}`;
    case 'additionalProperties':
      return `unknown key "${String(p.additionalProperty)}" in ${at === 'value' ? 'this object' : at}`;
    case 'required':
      return `${at === 'value' ? 'object' : at} is missing "${String(p.missingProperty)}"`;
    case 'type':
      return `${at} must be of type ${String(p.type).replace(/,/g, ' or ')}`;
    case 'oneOf':
    case 'anyOf':
      return `${at} does not match any allowed form`;
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}

const validators = new Map<string, ValidateFunction>();

/** A compiled validator for `schema`, cached by the schema's fingerprint. */
export function cachedValidator(schema: unknown): ValidateFunction {
  const key = fingerprint(schema);
  const cached = validators.get(key);
  if (cached !== undefined) return cached;
  const id = typeof schema === 'object' && schema !== null ? (schema as { $id?: unknown }).$id : undefined;
  // Two different schemas may share an $id; ajv keeps ids in a registry, so the older one must go first.
  if (typeof id === 'string') ajv().removeSchema(id);
  const fn = ajv().compile(schema as object);
  if (validators.size > 256) validators.clear();
  validators.set(key, fn);
  return fn;
}
