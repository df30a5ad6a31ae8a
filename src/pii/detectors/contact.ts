import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { contextBefore, makeFinding, matchAll } from '../finding.js';
import type { PiiDetector, PiiFinding } from '../types.js';

const EMAIL = /(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g;

/** E-mail addresses (RFC 5322 shape, a dotted domain with a letter TLD). */
export const emailDetector: PiiDetector = {
  id: 'email',
  types: ['email'],
  description: 'E-mail addresses: a local part, @, and a dotted domain ending in a 2-24 letter TLD.',
  detect(text) {
    const out: PiiFinding[] = [];
    if (!text.includes('@')) return out;
    for (const m of matchAll(EMAIL, text)) {
      let end = m.index + m[0].length;
      while (text[end - 1] === '.') end--;
      out.push(makeFinding(text, 'email', 'email', m.index, end, 0.98));
    }
    return out;
  },
  examples: {
    match: ['write to jane.doe+news@example.co.uk today', 'kre@munnari.OZ.AU'],
    noMatch: ['no address here', 'user@localhost', '@handle on social media', 'a@b'],
  },
};

const PHONE_CANDIDATE = /(?<![\w.+/-])(?:\+[ \t]?)?(?:\(\d{1,4}\)[ \t.-]?)?\d[\d \t().\/-]{4,22}\d(?:[ \t]*(?:x|ext\.?)[ \t]*\d{1,5})?(?![\w+])/g;
const DATE_LIKE = /\b(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}|(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2})\b/;
// Validation is the costly step, and scans see the same numbers again and again: remember recent answers.
const validity = new Map<string, boolean>();

function validPhone(candidate: string, country: CountryCode): boolean {
  const key = `${country}:${candidate}`;
  let ok = validity.get(key);
  if (ok === undefined) {
    const p = parsePhoneNumberFromString(candidate, country);
    ok = p !== undefined && p.isValid();
    if (validity.size >= 50_000) validity.clear();
    validity.set(key, ok);
  }
  return ok;
}

/** Digits that read as a date or a decimal number, never as a phone. */
function dateOrDecimal(text: string): boolean {
  return DATE_LIKE.test(text) || /^\d+\.\d+$/.test(text);
}

const PHONE_SHAPE = /^[+(]?\d[\d \t().\/-]*\d(?:[ \t]*(?:x|ext\.?)[ \t]*\d{1,5})?$/;

/** Written as a phone number is (digits, phone punctuation, an optional extension) with E.164's 7 to 15 digits. */
function phoneShaped(value: string): boolean {
  if (!PHONE_SHAPE.test(value) || dateOrDecimal(value)) return false;
  const main = value.replace(/[ \t]*(?:x|ext\.?)[ \t]*\d{1,5}$/, '');
  let digits = 0;
  for (let i = 0; i < main.length; i++) if (main.charCodeAt(i) >= 48 && main.charCodeAt(i) <= 57) digits++;
  return digits >= 7 && digits <= 15;
}

const PHONE_CONTEXT = /\b(?:phone|tel|telephone|mobile|cell|call|fax|text|whatsapp|ph)\b\.?\s*[:#]?\s*$/i;

/**
 * Phone numbers: in text, candidates validated against libphonenumber-js's full metadata for their country (numbers
 * without a country code are read as `defaultCountry`); in a column known to hold phones, any phone-shaped value.
 */
export const phoneDetector: PiiDetector = {
  id: 'phone',
  types: ['phone'],
  description: 'Phone numbers: in text found and validated (number plan, length, type) with libphonenumber-js; in a phone column, values written as phone numbers with 7 to 15 digits.',
  detect(text, ctx) {
    const out: PiiFinding[] = [];
    if (!/\d{2}/.test(text)) return out;
    const country = ctx.defaultCountry as CountryCode;
    if (ctx.mode === 'value' && ctx.hints.has('phone')) {
      // In a column known to hold phone numbers, a whole value written like one is one. Number-plan validation
      // (the costliest check of a scan) would call most made-up test numbers something else.
      const t = text.trim();
      if (phoneShaped(t)) {
        const start = text.indexOf(t);
        return [makeFinding(text, 'phone', 'phone', start, start + t.length, 0.92)];
      }
    }
    // Cheap candidates first (7-15 digits with phone punctuation); the library validates only those slices.
    for (const c of matchAll(PHONE_CANDIDATE, text)) {
      const nDigits = c[0].replace(/\D/g, '').length;
      if (nDigits < 7 || dateOrDecimal(c[0])) continue;
      const spans: [number, number][] = [];
      if (nDigits <= 15 && validPhone(c[0], country)) spans.push([c.index, c.index + c[0].length]);
      else if (nDigits >= 12) {
        // Two numbers side by side make one candidate; let the library's matcher split them.
        for (const m of findPhoneNumbersInText(c[0], { defaultCountry: country })) spans.push([c.index + m.startsAt, c.index + m.endsAt]);
      }
      for (const [startsAt, endsAt] of spans) {
        const raw = text.slice(startsAt, endsAt);
        // Bare digit runs are too often order numbers or timestamps; ask for grouping, a + or a keyword before it.
        const grouped = /[\s().+-]/.test(raw);
        const keyword = contextBefore(text, startsAt, PHONE_CONTEXT, 24);
        if (!grouped && !keyword && !ctx.hints.has('phone')) continue;
        // Dots separate phone groups only as 3.3.4 ("6.00.2715.400" is a version).
        if (raw.includes('.') && !raw.startsWith('+') && !/^\(?\d{3}\)?\.\d{3}\.\d{4}$/.test(raw)) continue;
        const confidence = raw.startsWith('+') || keyword ? 0.95 : grouped ? 0.88 : 0.7;
        out.push(makeFinding(text, 'phone', 'phone', startsAt, endsAt, confidence));
      }
    }
    return out;
  },
  examples: {
    match: ['Call me at (212) 555-0187 tomorrow', 'UK office: +44 20 7946 0958', 'phone: 415-867-5309'],
    noMatch: ['order 1234567890 shipped', 'Outlook Express 6.00.2715.400', 'version 2.4.1 released', 'on 2002-08-22 at 10:54'],
  },
};
