import { ssnValid } from '../checksums.js';
import { contextBefore, makeFinding, matchAll } from '../finding.js';
import type { PiiDetector, PiiFinding } from '../types.js';

const SSN_FORMATTED = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
const SSN_BARE = /(?<![\d-])(\d{3})(\d{2})(\d{4})(?![\d-])/g;
const SSN_CONTEXT = /\b(?:ssn|ss#|ss no|social security(?: number| no\.?| #)?|soc\.? sec\.?|tin|taxpayer id)\b\W{0,4}(?:is\s*)?$/i;

/** US Social Security numbers, with the issuing rules (no area 000, 666 or 9xx, no group 00, no serial 0000). */
export const ssnDetector: PiiDetector = {
  id: 'ssn',
  types: ['ssn'],
  description: 'US Social Security numbers (AAA-GG-SSSS), rejecting areas 000/666/9xx, group 00 and serial 0000; bare 9 digits only in context.',
  detect(text, ctx) {
    const out: PiiFinding[] = [];
    for (const m of matchAll(SSN_FORMATTED, text)) {
      if (!ssnValid(m[1]!, m[3]!, m[4]!)) continue;
      const keyword = contextBefore(text, m.index, SSN_CONTEXT, 30) || ctx.hints.has('ssn');
      // Space-separated triples are often other numbers; dashes are the usual SSN form.
      const confidence = keyword ? 0.99 : m[2] === '-' ? 0.85 : 0.6;
      out.push(makeFinding(text, 'ssn', 'ssn', m.index, m.index + m[0].length, confidence));
    }
    for (const m of matchAll(SSN_BARE, text)) {
      if (!ssnValid(m[1]!, m[2]!, m[3]!)) continue;
      const keyword = contextBefore(text, m.index, SSN_CONTEXT, 30);
      if (!keyword && !ctx.hints.has('ssn')) continue;
      out.push(makeFinding(text, 'ssn', 'ssn', m.index, m.index + m[0].length, keyword ? 0.95 : 0.85));
    }
    return out;
  },
  examples: {
    match: ['SSN: 536-22-1234', 'her social security number is 078-05-1121', 'ssn 536221234'],
    noMatch: ['SSN: 666-12-3456', 'id 900-12-3456', '000-12-3456', 'serial 536-22-0000', 'call 536221234'],
  },
};
