import type { Rng } from '../core/index.js';

const HEX_DIGITS = '0123456789abcdef';

const HEX_CODES: number[] = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const h = (x: number, shift: number): number => HEX_CODES[(x >>> shift) & 15]!;

/** An RFC 4122 version-4 UUID from four 32-bit draws, built as one flat string (no concatenation chain). */
export function uuidV4(rng: Rng): string {
  const a = rng.uint32();
  const b = rng.uint32();
  const c = rng.uint32();
  const d = rng.uint32();
  return String.fromCharCode(
    h(a, 28), h(a, 24), h(a, 20), h(a, 16), h(a, 12), h(a, 8), h(a, 4), h(a, 0), 45,
    h(b, 28), h(b, 24), h(b, 20), h(b, 16), 45,
    52, h(b, 8), h(b, 4), h(b, 0), 45,
    HEX_CODES[8 | ((c >>> 28) & 3)]!, h(c, 24), h(c, 20), h(c, 16), 45,
    h(c, 12), h(c, 8), h(c, 4), h(c, 0), h(d, 28), h(d, 24), h(d, 20), h(d, 16), h(d, 12), h(d, 8), h(d, 4), h(d, 0),
  );
}

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

const PAD2: string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);

/** The ISO date (`2024-05-01`) of epoch milliseconds. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The ISO date-time with milliseconds and `Z` of epoch milliseconds. */
export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** `HH:MM:SS` + `Z` (RFC 3339 full-time, which JSON Schema's `time` requires) of a second of the day. */
export function isoTime(secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor((secondOfDay % 3600) / 60);
  const s = secondOfDay % 60;
  return PAD2[h]! + ':' + PAD2[m]! + ':' + PAD2[s]! + 'Z';
}

/** A dotted-quad IPv4 address, avoiding 0.x and the 224+ multicast/reserved blocks so it looks like a host. */
export function ipv4(rng: Rng): string {
  const r = rng.uint32();
  return (1 + ((r >>> 24) % 223)) + '.' + ((r >>> 16) & 255) + '.' + ((r >>> 8) & 255) + '.' + (1 + ((r & 255) % 254));
}

/** A full (uncompressed) IPv6 address in lower-case hex. */
export function ipv6(rng: Rng): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    const r = rng.uint32() & 0xffff;
    if (i > 0) out += ':';
    out += r.toString(16);
  }
  return out;
}

/** Lower-case hex digits. */
export function hexString(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += HEX_DIGITS[rng.uint32() & 15]!;
  return out;
}

/** An ISO 8601 duration such as `P3DT4H30M`, `PT45M` or `P1Y2M`. */
export function duration(rng: Rng): string {
  switch (rng.uint32() % 4) {
    case 0:
      return `PT${rng.int(1, 59)}M`;
    case 1:
      return `PT${rng.int(1, 23)}H${rng.int(0, 59)}M`;
    case 2:
      return `P${rng.int(1, 30)}DT${rng.int(0, 23)}H`;
    default:
      return `P${rng.int(0, 5)}Y${rng.int(1, 11)}M`;
  }
}

/** Parses a `date`/`date-time` bound to epoch ms, or undefined when it is not one. */
export function parseDateBound(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value.length === 10 ? value + 'T00:00:00Z' : value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Resolves a relative offset like `-18y`, `+30d`, `-6m`, `-2w`, `-12h` (or an ISO date) against the reference date.
 * Returns epoch ms, or undefined when the text is neither.
 */
export function resolveDateSpec(spec: string, referenceMs: number): number | undefined {
  const m = /^([+-]?)(\d+(?:\.\d+)?)\s*([ymwdh])$/.exec(spec.trim());
  if (m === null) return parseDateBound(spec);
  const sign = m[1] === '-' ? -1 : 1;
  const n = Number(m[2]) * sign;
  const unit = m[3]!;
  if (unit === 'y' || unit === 'm') {
    const d = new Date(referenceMs);
    const months = unit === 'y' ? Math.round(n * 12) : Math.round(n);
    d.setUTCMonth(d.getUTCMonth() + months);
    return d.getTime();
  }
  const per = unit === 'w' ? 7 * DAY_MS : unit === 'd' ? DAY_MS : 3_600_000;
  return referenceMs + Math.round(n * per);
}

/** ISO dates of consecutive days from `firstDay` (days since the epoch), made on first use and looked up after. */
export class DayNames {
  private readonly names: string[];

  constructor(
    private readonly firstDay: number,
    count: number,
  ) {
    this.names = count <= 1_000_000 ? new Array<string>(count).fill('') : [];
  }

  /** The ISO date of day `firstDay + offset`. */
  at(offset: number): string {
    const hit = this.names[offset];
    if (hit !== undefined && hit !== '') return hit;
    const name = isoDate((this.firstDay + offset) * DAY_MS);
    if (hit === '') this.names[offset] = name;
    return name;
  }
}

let timesOfDay: string[] | undefined;

/** `YYYY-MM-DDTHH:MM:SSZ` for a whole second, from a day name and the second of the day. */
export function dateTimeOf(day: string, secondOfDay: number): string {
  // Times of day are made once each and remembered: a value is then two pieces, not eight.
  timesOfDay ??= new Array<string>(86_400).fill('');
  let t = timesOfDay[secondOfDay]!;
  if (t === '') t = timesOfDay[secondOfDay] = 'T' + isoTime(secondOfDay);
  return day + t;
}
