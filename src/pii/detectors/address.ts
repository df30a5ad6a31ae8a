import { piiDictionaries } from '../dictionaries.js';
import { makeFinding, matchAll } from '../finding.js';
import type { PiiDetector, PiiFinding } from '../types.js';

let compiled: { street: RegExp; poBox: RegExp; tail: RegExp } | undefined;

function patterns(): { street: RegExp; poBox: RegExp; tail: RegExp } {
  if (compiled !== undefined) return compiled;
  const dict = piiDictionaries();
  const suffix = dict.streetSuffixes.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const states = [...dict.stateAbbrs, ...dict.states].sort((a, b) => b.length - a.length).join('|');
  const word = "(?:[A-Z][A-Za-z'’-]*|\\d{1,3}(?:st|nd|rd|th))";
  // number, optional direction, one to four capitalised words, a street suffix, then an optional unit.
  const street = new RegExp(
    `(?<![\\w:.,-])\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?[ \\t]+(?:(?:[NSEW]|North|South|East|West|N\\.?[EW]|S\\.?[EW])\\.?[ \\t]+)?(?:${word}[ \\t]+){1,4}(?:${suffix})\\b\\.?` +
      `(?:,?\\s*(?:Apt\\.?|Apartment|Suite|Ste\\.?|Unit|#)\\s*[A-Za-z0-9-]+)?`,
    'g',
  );
  const poBox = /\bP\.?\s?O\.?\s+Box\s+\d{1,6}\b/gi;
  // ", Springfield, IL 62704" or "\nSpringfield, IL 62704-1234" right after the street.
  const tail = new RegExp(`^(?:,|\\s)\\s*(?:[A-Z][A-Za-z'.-]*\\s){0,3}[A-Z][A-Za-z'.-]*,\\s*(?:${states})(?:\\s+\\d{5}(?:-\\d{4})?)?\\b`);
  compiled = { street, poBox, tail };
  return compiled;
}

/** US-style postal addresses: street number, street name and suffix, with an optional unit and city, state and ZIP. */
export const addressDetector: PiiDetector = {
  id: 'address',
  types: ['address'],
  description: 'Postal addresses: number + street name + suffix (faker en list and abbreviations), optional unit, city, state, ZIP; PO boxes.',
  detect(text) {
    const out: PiiFinding[] = [];
    if (!/\d/.test(text)) return out;
    const { street, poBox, tail } = patterns();
    // A street address needs a number followed by a capitalised word; most texts fail this cheap test.
    for (const m of /\d[A-Za-z]?[ \t]+[A-Z\d]/.test(text) ? matchAll(street, text) : []) {
      let end = m.index + m[0].length;
      const t = tail.exec(text.slice(end, end + 80));
      if (t !== null) end += t[0].length;
      out.push(makeFinding(text, 'address', 'address', m.index, end, t !== null ? 0.95 : 0.82));
    }
    for (const m of matchAll(poBox, text)) {
      let end = m.index + m[0].length;
      const t = tail.exec(text.slice(end, end + 80));
      if (t !== null) end += t[0].length;
      out.push(makeFinding(text, 'address', 'address', m.index, end, 0.9));
    }
    return out;
  },
  examples: {
    match: ['ship to 742 Evergreen Terrace, Springfield, IL 62704', 'office at 1600 Pennsylvania Avenue NW', 'PO Box 1234'],
    noMatch: ['we sold 3 Green apples', 'chapter 12 of the book', 'at 10 am'],
  },
};
