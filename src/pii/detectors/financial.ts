import { cardNetwork, IBAN_LENGTHS, ibanValid, luhnValid } from '../checksums.js';
import { contextBefore, makeFinding, matchAll } from '../finding.js';
import type { PiiDetector, PiiFinding } from '../types.js';

// Runs of digit groups separated by single spaces or dashes; card numbers are looked for inside each run.
const DIGIT_RUN = /(?<![\d-])\d+(?:[ -]\d+)*(?!\d)/g;
const CARD_CONTEXT = /\b(?:card|credit|debit|visa|mastercard|amex|cc|pan|payment)\b/i;

/** Payment card numbers: 12-19 digits that pass the Luhn check and fall in a known issuer (IIN) range. */
export const creditCardDetector: PiiDetector = {
  id: 'credit-card',
  types: ['credit_card'],
  description: 'Payment card numbers: Luhn checksum plus issuer ranges (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro).',
  detect(text) {
    const out: PiiFinding[] = [];
    for (const m of matchAll(DIGIT_RUN, text)) {
      if (m[0].length < 12) continue;
      const groups: { start: number; end: number; sep: string }[] = [];
      const groupRe = /\d+/g;
      let g: RegExpExecArray | null;
      while ((g = groupRe.exec(m[0])) !== null) {
        groups.push({ start: m.index + g.index, end: m.index + g.index + g[0].length, sep: g.index > 0 ? m[0][g.index - 1]! : '' });
      }
      // Try each window of whole groups, longest first, so a date or amount next to the card is not swallowed.
      for (let i = 0; i < groups.length; i++) {
        let best = -1;
        let digits = '';
        for (let j = i; j < groups.length; j++) {
          if (j > i && groups[j]!.sep !== groups[i + 1]!.sep) break;
          digits += text.slice(groups[j]!.start, groups[j]!.end);
          if (digits.length > 19) break;
          if (digits.length >= 12 && luhnValid(digits) && cardNetwork(digits) !== undefined) best = j;
        }
        if (best < 0) continue;
        const start = groups[i]!.start;
        const keyword = contextBefore(text, start, CARD_CONTEXT, 40);
        out.push(makeFinding(text, 'credit_card', 'credit-card', start, groups[best]!.end, keyword ? 0.99 : 0.93));
        i = best;
      }
    }
    return out;
  },
  examples: {
    match: ['card 4111 1111 1111 1111 exp 12/27', 'Amex 3782-822463-10005', '5555555555554444'],
    noMatch: ['4111 1111 1111 1112', 'tracking 1234567812345678', 'phone 212 555 0187'],
  },
};

const IBAN = /(?<![A-Za-z0-9])([A-Z]{2})(\d{2})((?:[ ]?[A-Z0-9]){11,31})/g;

/** International bank account numbers: known country, that country's length, and the ISO 7064 mod-97 checksum. */
export const ibanDetector: PiiDetector = {
  id: 'iban',
  types: ['iban'],
  description: 'IBANs: country code with its registered length and a valid mod-97 check (spaces allowed in groups).',
  detect(text) {
    const out: PiiFinding[] = [];
    for (const m of matchAll(IBAN, text)) {
      const len = IBAN_LENGTHS[m[1]!];
      if (len === undefined) continue;
      // Walk the match taking exactly `len` alphanumerics, so a following word in capitals is not swallowed.
      let taken = 0;
      let end = m.index;
      while (end < text.length && taken < len) {
        const ch = text[end]!;
        if (ch === ' ') {
          if (taken === 0) break;
        } else if (/[A-Z0-9]/.test(ch)) taken++;
        else break;
        end++;
      }
      if (taken !== len) continue;
      if (/[A-Za-z0-9]/.test(text[end] ?? '')) continue;
      const compact = text.slice(m.index, end).replace(/ /g, '');
      if (!ibanValid(compact)) continue;
      out.push(makeFinding(text, 'iban', 'iban', m.index, end, 0.99));
    }
    return out;
  },
  examples: {
    match: ['IBAN GB82 WEST 1234 5698 7654 32 please', 'pay to DE89370400440532013000 EUR'],
    noMatch: ['GB82 WEST 1234 5698 7654 33', 'XX89370400440532013000', 'ISO 9001 2015 ABCDEF'],
  },
};
