/**
 * Datetime formats a sample table may use, told from the values themselves, so a synthetic column is written back
 * in the same format and time zone as the real one.
 */

/** A datetime format: a token pattern (`YYYY-MM-DD HH:mm`), whether it holds a zone offset, and its granularity. */
export interface DatetimeFormat {
  /** Tokens: YYYY MM DD HH mm ss SSS MMM (month abbreviation), Z (offset `+07:00` or `Z`, optional); other text literal. */
  readonly pattern: string;
  /** The smallest unit the format can show, in ms (86,400,000 for a day-only format). */
  readonly unitMs: number;
}

interface Parsed {
  readonly ms: number;
  /** Minutes east of UTC, or undefined when the value gave no offset. */
  readonly offset: number | undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = 86_400_000;

// Tried in order; the first that parses every non-null value wins.
const CANDIDATES: readonly DatetimeFormat[] = [
  { pattern: 'YYYY-MM-DD', unitMs: DAY },
  { pattern: 'YYYY-MM-DDTHH:mm:ssZ', unitMs: 1000 },
  { pattern: 'YYYY-MM-DDTHH:mm:ss.SSSZ', unitMs: 1 },
  { pattern: 'YYYY-MM-DDTHH:mmZ', unitMs: 60_000 },
  { pattern: 'YYYY-MM-DD HH:mm:ss', unitMs: 1000 },
  { pattern: 'YYYY-MM-DD HH:mm', unitMs: 60_000 },
  { pattern: 'YYYY/MM/DD HH:mm', unitMs: 60_000 },
  { pattern: 'YYYY/MM/DD HH:mm:ss', unitMs: 1000 },
  { pattern: 'YYYY/MM/DD', unitMs: DAY },
  { pattern: 'MM/DD/YYYY', unitMs: DAY },
  { pattern: 'DD.MM.YYYY', unitMs: DAY },
  { pattern: 'MM/DD/YYYY HH:mm', unitMs: 60_000 },
  { pattern: 'MMM DD YYYY', unitMs: DAY },
  { pattern: 'DD MMM YYYY', unitMs: DAY },
  { pattern: 'MMM DD, YYYY', unitMs: DAY },
  { pattern: 'YYYY-MM', unitMs: DAY },
];

const TOKEN_RE = /YYYY|SSS|MMM|MM|DD|HH|mm|ss|Z/g;
const TOKEN_SOURCE: Readonly<Record<string, string>> = {
  YYYY: '(\\d{4})', MM: '(\\d{1,2})', DD: '(\\d{1,2})', HH: '(\\d{1,2})', mm: '(\\d{2})', ss: '(\\d{2})',
  SSS: '(\\d{1,9})', MMM: '([A-Za-z]{3})', Z: '(Z|[+-]\\d{2}:?\\d{2})?',
};

const compiled = new Map<string, { re: RegExp; tokens: string[] }>();

function compile(pattern: string): { re: RegExp; tokens: string[] } {
  let hit = compiled.get(pattern);
  if (hit) return hit;
  const tokens: string[] = [];
  let src = '';
  let last = 0;
  for (const m of pattern.matchAll(TOKEN_RE)) {
    src += escapeRe(pattern.slice(last, m.index)) + TOKEN_SOURCE[m[0]]!;
    tokens.push(m[0]);
    last = m.index + m[0].length;
  }
  src += escapeRe(pattern.slice(last));
  hit = { re: new RegExp(`^${src}$`), tokens };
  compiled.set(pattern, hit);
  return hit;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Parses `text` in `format`; undefined when it does not match or names an impossible date. */
export function parseDatetime(text: string, format: DatetimeFormat): Parsed | undefined {
  const { re, tokens } = compile(format.pattern);
  const m = re.exec(text.trim());
  if (!m) return undefined;
  let y = 1970, mo = 1, d = 1, h = 0, mi = 0, s = 0, ms = 0;
  let offset: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const v = m[i + 1];
    switch (tokens[i]) {
      case 'YYYY': y = Number(v); break;
      case 'MM': mo = Number(v); break;
      case 'MMM': mo = MONTHS.findIndex((x) => x.toLowerCase() === v!.toLowerCase()) + 1; break;
      case 'DD': d = Number(v); break;
      case 'HH': h = Number(v); break;
      case 'mm': mi = Number(v); break;
      case 'ss': s = Number(v); break;
      case 'SSS': ms = Math.round(Number(`0.${v}`) * 1000); break;
      case 'Z': offset = v === undefined ? undefined : v === 'Z' ? 0 : parseOffset(v); break;
    }
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  if (date.getUTCDate() !== d) return undefined;
  return { ms: date.getTime() - (offset ?? 0) * 60_000, offset };
}

function parseOffset(v: string): number {
  const sign = v.startsWith('-') ? -1 : 1;
  const digits = v.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** Formats epoch `ms` in `format`, shown at `offset` minutes east of UTC (none written when undefined). */
export function formatDatetime(ms: number, format: DatetimeFormat, offset?: number): string {
  const date = new Date(ms + (offset ?? 0) * 60_000);
  const parts: Record<string, string> = {
    YYYY: String(date.getUTCFullYear()).padStart(4, '0'),
    MM: pad2(date.getUTCMonth() + 1),
    MMM: MONTHS[date.getUTCMonth()]!,
    DD: pad2(date.getUTCDate()),
    HH: pad2(date.getUTCHours()),
    mm: pad2(date.getUTCMinutes()),
    ss: pad2(date.getUTCSeconds()),
    SSS: String(date.getUTCMilliseconds()).padStart(3, '0'),
    Z: offset === undefined ? '' : offset === 0 ? 'Z' : formatOffset(offset),
  };
  return format.pattern.replace(TOKEN_RE, (t) => parts[t]!);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `${sign}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
}

/** What a datetime column looks like: its format and the zone offset most of its values carry. */
export interface DatetimeDetection {
  readonly format: DatetimeFormat;
  /** The most common offset (minutes east of UTC) among values that carry one; undefined when none does. */
  readonly offset: number | undefined;
  readonly values: Float64Array;
}

/**
 * The first known format that parses every one of `texts` (nulls excluded), or undefined.
 * @example detectDatetime(['2012-01-01', '2012-01-02'])?.format.pattern // 'YYYY-MM-DD'
 */
export function detectDatetime(texts: readonly string[]): DatetimeDetection | undefined {
  if (texts.length === 0) return undefined;
  const probe = texts[0]!;
  if (!/\d/.test(probe) || probe.length < 6 || probe.length > 40) return undefined;
  for (const format of CANDIDATES) {
    if (parseDatetime(probe, format) === undefined) continue;
    const values = new Float64Array(texts.length);
    const offsets = new Map<number, number>();
    let ok = true;
    for (let i = 0; i < texts.length; i++) {
      const p = parseDatetime(texts[i]!, format);
      if (p === undefined) {
        ok = false;
        break;
      }
      values[i] = p.ms;
      if (p.offset !== undefined) offsets.set(p.offset, (offsets.get(p.offset) ?? 0) + 1);
    }
    if (!ok) continue;
    let offset: number | undefined;
    let best = 0;
    for (const [o, c] of offsets) if (c > best || (c === best && o < (offset ?? Infinity))) [offset, best] = [o, c];
    return { format, offset, values };
  }
  return undefined;
}
