import { SEMANTIC_NAMES, type SemanticEntry } from './semantic-names.js';
import type { SemanticHint } from './types.js';

/**
 * A property name as snake_case words: `firstName`, `First Name`, `first-name` and `FIRST_NAME` all become
 * `first_name`; acronyms stay whole (`userIPAddress` -> `user_ip_address`).
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

let index: Map<string, SemanticEntry[]> | undefined;

function table(): Map<string, SemanticEntry[]> {
  if (index !== undefined) return index;
  index = new Map();
  for (const entry of SEMANTIC_NAMES) {
    for (const n of entry.names) {
      const list = index.get(n) ?? [];
      list.push(entry);
      index.set(n, list);
    }
  }
  return index;
}

function fits(entry: SemanticEntry, type: string | undefined): boolean {
  if (type === undefined || entry.types === undefined) return true;
  if (entry.types.includes(type)) return true;
  return type === 'number' && entry.types.includes('integer');
}

function lookup(key: string, type: string | undefined): SemanticEntry | undefined {
  return table().get(key)?.find((e) => fits(e, type));
}

/**
 * A realistic generator for a property from its name and JSON type, or undefined. The whole name is tried first,
 * then its trailing words (`billing_city` -> `city`), then its leading words (`email_address_1` -> `email_address`);
 * `is_`/`has_` names of boolean type are flags.
 * @example semanticHint('customerEmail', 'string') // { name: 'email', format: 'email', faker: 'internet.email' }
 */
export function semanticHint(propertyName: string, type: string | undefined): SemanticHint | undefined {
  const key = normalizeName(propertyName);
  if (key === '') return undefined;
  const words = key.split('_');
  const candidates = [key];
  for (let i = 1; i < words.length; i++) candidates.push(words.slice(i).join('_'));
  for (let i = words.length - 1; i >= 1; i--) candidates.push(words.slice(0, i).join('_'));
  for (const c of candidates) {
    // A one-letter or numeric tail (`address_1`, `x`) says nothing about the value.
    if (c.length < 2 || /^\d+$/.test(c)) continue;
    const entry = lookup(c, type);
    if (entry !== undefined) return { name: entry.names[0]!, ...entry.hint };
  }
  if ((words[0] === 'is' || words[0] === 'has' || words[0] === 'can') && words.length > 1 && (type === undefined || type === 'boolean')) {
    return { name: 'flag', type: 'boolean' };
  }
  return undefined;
}
