import { makeFinding, matchAll } from '../finding.js';
import type { PiiDetector, PiiFinding } from '../types.js';

const MONTHS = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const DATE = `(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\.?,?\\s+\\d{4})`;
const KEYWORD = '(?:date\\s+of\\s+birth|birth\\s*date|birthday|d\\.?o\\.?b\\.?|born(?:\\s+on)?|geboren|née?\\s+le)';
const IN_CONTEXT = new RegExp(`\\b${KEYWORD}\\s*(?:[:=\\-]|is|was)?\\s*(?:on\\s+)?(${DATE})(?![\\d])`, 'gi');
const BARE_DATE = new RegExp(`^\\s*(${DATE})(?:[T ][\\d:.]+Z?)?\\s*$`, 'i');

/** True when the day and month in a matched date are plausible (month 1-12, day 1-31). */
function plausible(date: string): boolean {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date);
  if (iso !== null) return Number(iso[2]) >= 1 && Number(iso[2]) <= 12 && Number(iso[3]) >= 1 && Number(iso[3]) <= 31;
  const num = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}$/.exec(date);
  if (num !== null) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    return a >= 1 && b >= 1 && ((a <= 12 && b <= 31) || (b <= 12 && a <= 31));
  }
  return true;
}

/** Dates of birth: a date right after "born", "DOB", "date of birth" or "birthday"; any date in a birth-date column. */
export const dateOfBirthDetector: PiiDetector = {
  id: 'date-of-birth',
  types: ['date_of_birth'],
  description: 'Dates of birth: ISO, numeric and written dates following born / DOB / date of birth / birthday, or in a column named so.',
  detect(text, ctx) {
    const out: PiiFinding[] = [];
    if (ctx.mode === 'value' && ctx.hints.has('date_of_birth')) {
      const m = BARE_DATE.exec(text);
      if (m !== null && plausible(m[1]!)) {
        const start = text.indexOf(m[1]!);
        return [makeFinding(text, 'date_of_birth', 'date-of-birth', start, text.trimEnd().length, 0.9)];
      }
    }
    if (!/\d/.test(text)) return out;
    for (const m of matchAll(IN_CONTEXT, text)) {
      const date = m[1]!;
      if (!plausible(date)) continue;
      const start = m.index + m[0].length - date.length;
      out.push(makeFinding(text, 'date_of_birth', 'date-of-birth', start, start + date.length, 0.92));
    }
    return out;
  },
  examples: {
    match: ['DOB: 1984-03-12', 'She was born on March 3, 1990 in Ohio', 'date of birth 03/12/1984', 'birthday is 12th of June 1975'],
    noMatch: ['meeting on 2024-03-12', 'born in Ohio', 'DOB: unknown', 'invoice date 03/12/1984'],
  },
};
