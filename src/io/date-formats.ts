/** A date, date-time or time format that the readers recognise in text columns. */
export interface DateFormat {
  /** The pattern as people write it, recorded in `field.meta.format` (e.g. `YYYY-MM-DD`). */
  readonly name: string;
  readonly kind: 'date' | 'datetime' | 'time';
  readonly re: RegExp;
  /** Indexes of year, month, day, hour, minute, second in the match (0 when absent). */
  readonly parts: readonly [y: number, m: number, d: number, h: number, mi: number, s: number];
  /** Month names instead of numbers. */
  readonly monthNames?: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MON = '([A-Za-z]{3})';
const TIME = '(\\d{2}):(\\d{2})';
const SEC = ':(\\d{2})';
const FRACTION_ZONE = '(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?';

// Order matters: the first format that fits every value of a column wins, so the common, unambiguous ones lead
// and, for days like 03/04/2020, month-first comes before day-first.
export const DATE_FORMATS: readonly DateFormat[] = [
  { name: 'YYYY-MM-DD', kind: 'date', re: /^(\d{4})-(\d{2})-(\d{2})$/, parts: [1, 2, 3, 0, 0, 0] },
  { name: 'ISO 8601', kind: 'datetime', re: new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})T${TIME}(?:${SEC})?${FRACTION_ZONE}$`), parts: [1, 2, 3, 4, 5, 6] },
  { name: 'YYYY-MM-DD HH:mm:ss', kind: 'datetime', re: new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2}) ${TIME}${SEC}${FRACTION_ZONE}$`), parts: [1, 2, 3, 4, 5, 6] },
  { name: 'YYYY-MM-DD HH:mm', kind: 'datetime', re: new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2}) ${TIME}$`), parts: [1, 2, 3, 4, 5, 0] },
  { name: 'YYYY/MM/DD', kind: 'date', re: /^(\d{4})\/(\d{2})\/(\d{2})$/, parts: [1, 2, 3, 0, 0, 0] },
  { name: 'YYYY/MM/DD HH:mm', kind: 'datetime', re: new RegExp(`^(\\d{4})/(\\d{2})/(\\d{2}) ${TIME}$`), parts: [1, 2, 3, 4, 5, 0] },
  { name: 'YYYY/MM/DD HH:mm:ss', kind: 'datetime', re: new RegExp(`^(\\d{4})/(\\d{2})/(\\d{2}) ${TIME}${SEC}$`), parts: [1, 2, 3, 4, 5, 6] },
  { name: 'MM/DD/YYYY', kind: 'date', re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, parts: [3, 1, 2, 0, 0, 0] },
  { name: 'DD/MM/YYYY', kind: 'date', re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, parts: [3, 2, 1, 0, 0, 0] },
  { name: 'DD.MM.YYYY', kind: 'date', re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, parts: [3, 2, 1, 0, 0, 0] },
  { name: 'MMM DD YYYY', kind: 'date', re: new RegExp(`^${MON} (\\d{1,2}) (\\d{4})$`), parts: [3, 1, 2, 0, 0, 0], monthNames: true },
  { name: 'MMM DD, YYYY', kind: 'date', re: new RegExp(`^${MON} (\\d{1,2}), (\\d{4})$`), parts: [3, 1, 2, 0, 0, 0], monthNames: true },
  { name: 'DD MMM YYYY', kind: 'date', re: new RegExp(`^(\\d{1,2}) ${MON} (\\d{4})$`), parts: [3, 2, 1, 0, 0, 0], monthNames: true },
  { name: 'HH:mm:ss', kind: 'time', re: new RegExp(`^${TIME}${SEC}(?:\\.\\d{1,9})?$`), parts: [0, 0, 0, 1, 2, 3] },
  { name: 'HH:mm', kind: 'time', re: new RegExp(`^${TIME}$`), parts: [0, 0, 0, 1, 2, 0] },
];

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when `text` is a real calendar value in `format` (month 1-12, a day the month has, hours below 24...). */
export function matchesDateFormat(format: DateFormat, text: string): boolean {
  const m = format.re.exec(text);
  if (m === null) return false;
  const [yi, mi, di, hi, ni, si] = format.parts;
  if (mi > 0) {
    const month = format.monthNames === true ? MONTHS.indexOf(m[mi]!.toLowerCase()) + 1 : Number(m[mi]);
    if (month < 1 || month > 12) return false;
    const day = Number(m[di]);
    if (day < 1 || day > DAYS[month - 1]!) return false;
    if (month === 2 && day === 29 && yi > 0) {
      const y = Number(m[yi]);
      if (!(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return false;
    }
  }
  if (hi > 0 && Number(m[hi]) > 23) return false;
  if (ni > 0 && Number(m[ni]) > 59) return false;
  if (si > 0 && m[si] !== undefined && Number(m[si]) > 60) return false;
  return true;
}

/** The formats that every one of `values` fits, in preference order (empty when they are not all dates). */
export function dateFormatsOf(values: readonly string[]): DateFormat[] {
  const candidates = DATE_FORMATS.filter((f) => values.length > 0 && matchesDateFormat(f, values[0]!));
  for (let i = 1; i < values.length && candidates.length > 0; i++) {
    const v = values[i]!;
    for (let k = candidates.length - 1; k >= 0; k--) if (!matchesDateFormat(candidates[k]!, v)) candidates.splice(k, 1);
  }
  return candidates;
}
