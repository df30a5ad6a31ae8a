/**
 * Datetime text to milliseconds (UTC), for the formats SDV's auto-detection and the reference judge know. Scores
 * only depend on order and linear scale, so any consistent epoch and unit gives the same numbers.
 */

/** The strptime formats tried, in order, to detect a datetime column (the first that parses every value wins). */
export const DATETIME_FORMATS = [
  '%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M',
  '%Y-%m-%dT%H:%M:%S.%f', '%Y-%m-%d %H:%M:%S.%f', '%Y-%m-%dT%H:%M:%SZ',
  '%Y/%m/%d', '%m/%d/%Y', '%d/%m/%Y', '%m/%d/%y', '%d.%m.%Y', '%Y%m%d',
  '%b %d %Y', '%d %b %Y', '%B %d %Y', '%d %B %Y', '%b %d, %Y', '%B %d, %Y',
  '%m/%d/%Y %H:%M', '%m/%d/%Y %H:%M:%S', '%H:%M:%S', '%Y-%m',
] as const;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR = MONTHS.map((m) => m.slice(0, 3));

const DIRECTIVES: Readonly<Record<string, string>> = {
  Y: '(\\d{4})',
  m: '(\\d{1,2})',
  d: '(\\d{1,2})',
  y: '(\\d{2})',
  H: '(\\d{1,2})',
  M: '(\\d{1,2})',
  S: '(\\d{1,2})',
  f: '(\\d{1,6})',
  b: '([A-Za-z]{3})',
  B: '([A-Za-z]+)',
  z: '([+-]\\d{2}:?\\d{2}|Z)',
};

interface CompiledFormat {
  readonly re: RegExp;
  readonly fields: readonly string[];
}

const compiled = new Map<string, CompiledFormat | null>();

function compile(format: string): CompiledFormat | null {
  if (compiled.has(format)) return compiled.get(format)!;
  let source = '^';
  const fields: string[] = [];
  let ok = true;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '%' && i + 1 < format.length) {
      const d = format[++i]!;
      const part = DIRECTIVES[d];
      if (part === undefined) {
        ok = false;
        break;
      }
      source += part;
      fields.push(d);
    } else {
      source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  const result = ok ? { re: new RegExp(source + '$'), fields } : null;
  compiled.set(format, result);
  return result;
}

function monthIndex(text: string, full: boolean): number {
  const lower = text.toLowerCase();
  return (full ? MONTHS : MONTH_ABBR).indexOf(lower);
}

const ISO_TEMPLATE_PARTS = ['', '%z', '%Z', '.%f', '.%f%z', '.%f%Z'];
const isoCache = new Map<string, boolean>();

/**
 * True for formats pandas (1.5) treats as ISO 8601: prefixes of `%Y<sep>%m<sep>%d<T or space>%H:%M:%S...`. For
 * those it accepts any ISO-like text (any of the separators, time optional), and so do we, to agree with it.
 */
export function isIsoFormat(format: string): boolean {
  const cached = isoCache.get(format);
  if (cached !== undefined) return cached;
  let iso = false;
  if (!['%Y%m%d', '%Y%m', '%Y'].includes(format)) {
    for (const dateSep of [' ', '/', '\\', '-', '.', '']) {
      for (const timeSep of [' ', 'T']) {
        for (const tail of ISO_TEMPLATE_PARTS) {
          if (`%Y${dateSep}%m${dateSep}%d${timeSep}%H:%M:%S${tail}`.startsWith(format)) iso = true;
        }
      }
    }
  }
  isoCache.set(format, iso);
  return iso;
}

/** Parses `text` with a strptime `format` into UTC milliseconds, or NaN when it does not match. */
export function parseWithFormat(text: string, format: string): number {
  if (isIsoFormat(format)) return parseIsoLenient(text);
  const f = compile(format);
  if (f === null) return Number.NaN;
  const m = f.re.exec(text.trim());
  if (m === null) return Number.NaN;
  let year = 1900;
  let month = 0;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let offsetMin = 0;
  for (let i = 0; i < f.fields.length; i++) {
    const v = m[i + 1]!;
    switch (f.fields[i]) {
      case 'Y': year = Number(v); break;
      case 'y': { const n = Number(v); year = n < 69 ? 2000 + n : 1900 + n; break; }
      case 'm': month = Number(v) - 1; break;
      case 'd': day = Number(v); break;
      case 'H': hour = Number(v); break;
      case 'M': minute = Number(v); break;
      case 'S': second = Number(v); break;
      case 'f': ms = Number(v.padEnd(6, '0')) / 1000; break;
      case 'b': month = monthIndex(v, false); break;
      case 'B': month = monthIndex(v, true); break;
      case 'z': offsetMin = parseOffset(v); break;
    }
  }
  if (month < 0 || month > 11 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 61) return Number.NaN;
  return Date.UTC(year, month, day, hour, minute, second) + ms - offsetMin * 60_000;
}

function parseOffset(v: string): number {
  if (v === 'Z') return 0;
  const sign = v[0] === '-' ? -1 : 1;
  const digits = v.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

const ISO = /^(\d{4})(?:([-./\\ ])(\d{1,2})(?:\2(\d{1,2})(?:[T ](\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** ISO 8601 with any of the separators `- . / \\ space`, the day and time optional; an offset is converted to UTC. */
export function parseIsoLenient(text: string): number {
  const m = ISO.exec(text.trim());
  if (m === null) return Number.NaN;
  const [, y, , mo, d, h, mi, s, frac, zone] = m;
  const month = mo === undefined ? 0 : Number(mo) - 1;
  const day = d === undefined ? 1 : Number(d);
  if (month < 0 || month > 11 || day < 1 || day > daysInMonth(Number(y), month)) return Number.NaN;
  if (Number(h ?? 0) > 23 || Number(mi ?? 0) > 59 || Number(s ?? 0) > 59) return Number.NaN;
  const base = Date.UTC(Number(y), month, day, Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 6).padEnd(6, '0')) / 1000;
  return base + ms - (zone === undefined ? 0 : parseOffset(zone) * 60_000);
}

/**
 * Parses a datetime without a known format: ISO 8601 (with an offset, converted to UTC), then every format of
 * {@link DATETIME_FORMATS}; NaN when nothing fits.
 */
export function parseDatetimeLoose(text: string): number {
  const t = text.trim();
  const iso = parseIsoLenient(t);
  if (!Number.isNaN(iso)) return iso;
  for (const format of DATETIME_FORMATS) {
    const v = parseWithFormat(t, format);
    if (!Number.isNaN(v)) return v;
  }
  return Number.NaN;
}

/** The first format of {@link DATETIME_FORMATS} that parses every one of `values` (each must hold a digit), or undefined. */
export function guessDatetimeFormat(values: readonly string[]): string | undefined {
  if (values.length === 0) return undefined;
  for (const v of values) if (!/\d/.test(v)) return undefined;
  // pandas refuses a column whose values carry different UTC offsets unless told to convert, so guessing fails.
  const zones = new Set<string>();
  for (const v of values) zones.add(/(Z|[+-]\d{2}:?\d{2})\s*$/.exec(v.trim())?.[1] ?? '');
  const mixedZones = zones.size > 1;
  for (const format of DATETIME_FORMATS) {
    if (mixedZones && isIsoFormat(format)) continue;
    let all = true;
    for (const v of values) {
      if (Number.isNaN(parseWithFormat(v, format))) {
        all = false;
        break;
      }
    }
    if (all) return format;
  }
  return undefined;
}
