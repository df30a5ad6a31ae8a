import type { Field } from '../core/index.js';
import { PII_TYPES, type PiiType } from './types.js';

/** Words in a column name that point at a PII type; matched against the name split into lower-case words. */
const HINTS: readonly { readonly type: PiiType; readonly words: readonly string[]; readonly unless?: readonly string[] }[] = [
  { type: 'email', words: ['email', 'e mail', 'mail', 'email address', 'mail address'] },
  { type: 'phone', words: ['phone', 'tel', 'telephone', 'mobile', 'cell', 'fax', 'msisdn', 'phone number', 'contact number'] },
  { type: 'ssn', words: ['ssn', 'social security', 'social security number', 'sin', 'tax id', 'tin'] },
  { type: 'credit_card', words: ['card', 'card number', 'credit card', 'cc', 'cc number', 'pan', 'ccnum'] },
  { type: 'iban', words: ['iban', 'bank account', 'account iban'] },
  { type: 'ip_address', words: ['ip', 'ip address', 'ipv4', 'ipv6', 'ipaddress', 'remote addr', 'client ip', 'host ip'] },
  { type: 'mac_address', words: ['mac', 'mac address', 'macaddress', 'hw address', 'hwaddr'] },
  { type: 'url_credentials', words: ['dsn', 'connection string', 'database url', 'db url', 'conn str'] },
  { type: 'secret', words: ['password', 'passwd', 'pwd', 'secret', 'token', 'api key', 'apikey', 'access key', 'private key', 'client secret'] },
  { type: 'address', words: ['address', 'street', 'addr', 'address line', 'street address', 'home address', 'mailing address', 'shipping address', 'billing address'], unless: ['email', 'mail', 'ip', 'mac', 'web', 'url'] },
  { type: 'date_of_birth', words: ['dob', 'birth', 'birthday', 'birthdate', 'date of birth', 'birth date', 'born'] },
  { type: 'person_name', words: ['name', 'first name', 'last name', 'full name', 'surname', 'given name', 'firstname', 'lastname', 'fullname', 'from name', 'author', 'contact', 'customer', 'patient', 'employee', 'sender', 'recipient', 'director'], unless: ['file', 'user', 'username', 'host', 'hostname', 'domain', 'company', 'product', 'city', 'country', 'street', 'species', 'brand', 'model', 'table', 'column', 'team', 'org', 'organization', 'project', 'app', 'airport', 'state', 'type', 'category', 'event', 'movie', 'title', 'display'] },
];

/** Splits a column name into lower-case words: `fromEmail`, `from_email` and `From Email` all give ["from", "email"]. */
export function columnWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** The PII types a column name points at (e.g. `customer_email` -> email). */
export function columnHints(name: string | undefined): Set<PiiType> {
  const out = new Set<PiiType>();
  if (name === undefined) return out;
  const words = columnWords(name);
  const joined = ` ${words.join(' ')} `;
  const compact = words.join('');
  for (const h of HINTS) {
    if (h.unless?.some((u) => joined.includes(` ${u} `))) continue;
    if (h.words.some((w) => joined.includes(` ${w} `) || compact === w.replace(/ /g, ''))) out.add(h.type);
  }
  // "customer_email" is an e-mail column, not a name column: a role word alone says name only when nothing else is said.
  if (out.size > 1) out.delete('person_name');
  return out;
}

/** JSON Schema formats that name a PII type. */
const FORMAT_HINTS: Readonly<Record<string, PiiType>> = { email: 'email', 'idn-email': 'email', ipv4: 'ip_address', ipv6: 'ip_address' };

/** Hints from a field: its name, plus `meta.pii` (a PII type) and `meta.format` (`email`, `ipv4`...) when present. */
export function fieldHints(f: Field): Set<PiiType> {
  const out = columnHints(f.name);
  const pii = f.meta?.pii;
  if (typeof pii === 'string' && (PII_TYPES as readonly string[]).includes(pii)) out.add(pii as PiiType);
  const format = f.meta?.format;
  if (typeof format === 'string' && FORMAT_HINTS[format] !== undefined) out.add(FORMAT_HINTS[format]);
  if (out.size > 1) out.delete('person_name');
  return out;
}
