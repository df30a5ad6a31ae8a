/**
 * The personal data a text model must not learn: pii/'s detectors replace it with typed tokens (`[EMAIL]`)
 * before learning, and the tokens are filled with fakes of the same type on sampling. A small regex pass of
 * our own also catches e-mail addresses, URLs and phone numbers the detectors leave.
 */
import type { Rng } from '../core/index.js';
import { PII_TYPES, PiiFaker, classifyColumn, piiToken, redactText as redactPii, type PiiType } from '../pii/index.js';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const URL_RE = /\bhttps?:\/\/[^\s<>"']+/g;
const PHONE = /(?<![\w.])(?:\+?\d{1,3}[-. ]?)?\(?\d{3}\)?[-. ]?\d{3}[-. ]?\d{4}(?![\w.])/g;

/** Placeholder tokens that replace personal data in learned text. */
export const PII_PLACEHOLDERS = { email: '\u27e8EMAIL\u27e9', url: '\u27e8URL\u27e9', phone: '\u27e8PHONE\u27e9' } as const;

/** Replaces personal data in `text` with typed tokens (pii/'s detectors), then any e-mail, URL or phone left with placeholders. */
export function redactText(text: string): string {
  return redactPii(text).replace(EMAIL, PII_PLACEHOLDERS.email).replace(URL_RE, PII_PLACEHOLDERS.url).replace(PHONE, PII_PLACEHOLDERS.phone);
}

/** The PII type of a column (pii/'s classifier, then our own check for whole e-mails, URLs, phones), or undefined. */
export function detectPiiColumn(texts: readonly string[], name = ''): string | undefined {
  const cls = classifyColumn(name, texts);
  if (cls !== undefined) return cls.type;
  const sample = texts.length > 500 ? texts.filter((_, i) => i % Math.ceil(texts.length / 500) === 0) : texts;
  const share = (re: RegExp): number => sample.filter((t) => whole(re, t.trim())).length / sample.length;
  if (share(EMAIL) >= 0.8) return 'email';
  if (share(URL_RE) >= 0.8) return 'url';
  if (share(PHONE) >= 0.8) return 'phone';
  return undefined;
}

function whole(re: RegExp, t: string): boolean {
  re.lastIndex = 0;
  const m = re.exec(t);
  re.lastIndex = 0;
  return m !== null && m.index === 0 && m[0].length === t.length;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

const TOKENS = new Map<string, PiiType>(PII_TYPES.map((t) => [piiToken(t), t]));
const TOKEN_RE = new RegExp([...TOKENS.keys()].map((t) => t.replace(/[[\]]/g, '\\$&')).join('|'), 'g');

/** Fills typed tokens with fakes of their type, and placeholders with invented values (`abcdef@example.com`). */
export function fillPlaceholders(text: string, rng: Rng): string {
  if (text.includes('[')) {
    // The faker keys its fakes by the original value; a fresh key per token gives a fresh fake each time.
    text = text.replace(TOKEN_RE, (tok) => fakerFor(rng).fake(TOKENS.get(tok)!, `${tok}#${rng.uint32()}`));
  }
  if (!text.includes('\u27e8')) return text;
  return text
    .replaceAll(PII_PLACEHOLDERS.email, () => `${word(rng, 6)}@example.com`)
    .replaceAll(PII_PLACEHOLDERS.url, () => `https://example.org/${word(rng, 8)}`)
    .replaceAll(PII_PLACEHOLDERS.phone, () => `555-01${rng.int(0, 9)}${rng.int(0, 9)}`);
}

function word(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += LETTERS[rng.int(0, 25)];
  return s;
}

const fakers = new WeakMap<Rng, PiiFaker>();

/** One faker per stream (building one costs more than the fakes it makes). */
export function fakerFor(rng: Rng): PiiFaker {
  let f = fakers.get(rng);
  if (!f) fakers.set(rng, (f = new PiiFaker(rng)));
  return f;
}

/** True when `type` is a personal-data type pii/ can fake. */
export function isFakeable(type: string): type is PiiType {
  return (PII_TYPES as readonly string[]).includes(type);
}
