import RandExpModule from 'randexp';
import { Rng, SynthError } from '../core/index.js';

interface RandExpInstance {
  max: number;
  defaultRange: { subtract(from: number, to: number): void };
  randInt: (a: number, b: number) => number;
  gen(): string;
}
type RandExpClass = new (pattern: string) => RandExpInstance;
// randexp is CommonJS: under NodeNext the class may sit on `.default`.
const RandExp = ((RandExpModule as unknown as { default?: unknown }).default ?? RandExpModule) as RandExpClass;

/** Generates strings matching a `pattern` (and length bounds), every draw from our Rng. */
export interface PatternGen {
  (rng: Rng): string;
}

/**
 * Compiles a JSON Schema `pattern` into a generator: randexp builds candidates with its `randInt` wired to our Rng;
 * each candidate is checked against the pattern (Unicode mode, as validators run it) and the length bounds, and
 * regenerated when it misses. Throws SCHEMA_UNSATISFIABLE when no candidate of a probe run fits.
 */
export function compilePattern(pattern: string, minLength: number, maxLength: number, pointer: string): PatternGen {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'u');
  } catch (e) {
    throw new SynthError('SCHEMA_UNSATISFIABLE', `pattern does not compile: ${(e as Error).message}`, { path: pointer + '/pattern', received: pattern });
  }
  let current: Rng | undefined;
  const randexp = new RandExp(pattern);
  // Infinite repeats (`+`, `*`) get a short tail: realistic strings, and room inside maxLength.
  randexp.max = Number.isFinite(maxLength) ? Math.max(1, Math.min(maxLength, minLength + 8)) : Math.max(8, minLength + 8);
  randexp.defaultRange.subtract(0, 31);
  randexp.defaultRange.subtract(127, 0x10ffff);
  randexp.randInt = (a: number, b: number) => a + Math.floor(current!.next() * (b - a + 1));
  const fits = (s: string): boolean => {
    if (!re.test(s)) return false;
    const n = codePoints(s);
    return n >= minLength && n <= maxLength;
  };
  const pad = padder(re, minLength, maxLength);
  const attempt = (rng: Rng): string | undefined => {
    current = rng;
    for (let i = 0; i < 24; i++) {
      const s = randexp.gen();
      if (fits(s)) return s;
      const repaired = pad(s, rng);
      if (repaired !== undefined) return repaired;
    }
    return undefined;
  };
  // A pattern (with its length bounds) that no candidate of a probe run fits is unsatisfiable, or beyond us: say so now.
  const probe = new Rng('probe', `pattern:${pointer}`);
  let found = false;
  for (let i = 0; i < 4 && !found; i++) found = attempt(probe) !== undefined;
  if (!found) {
    throw new SynthError('SCHEMA_UNSATISFIABLE', `no string of length ${minLength} to ${maxLength === Infinity ? 'any' : maxLength} matching /${pattern}/ could be generated`, {
      path: pointer + '/pattern',
      received: pattern,
      hint: 'Check the pattern and the length bounds together; lookaheads are not used to build candidates.',
    });
  }
  return (rng) => {
    const s = attempt(rng);
    if (s !== undefined) return s;
    throw new SynthError('GENERATE_EXHAUSTED', `could not generate a string matching /${pattern}/ with length ${minLength} to ${maxLength}`, {
      path: pointer + '/pattern',
    });
  };
}

/** The length of a string in Unicode code points, as JSON Schema counts it. */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/**
 * For unanchored patterns a match may sit inside a longer string: pad a too-short candidate with letters on the
 * side the pattern leaves open, then re-check.
 */
function padder(re: RegExp, minLength: number, maxLength: number): (s: string, rng: Rng) => string | undefined {
  const src = re.source;
  const openStart = !src.startsWith('^');
  const openEnd = !src.endsWith('$') || src.endsWith('\\$');
  if (!openStart && !openEnd) return () => undefined;
  return (s, rng) => {
    const n = codePoints(s);
    if (n >= minLength || !re.test(s)) return undefined;
    let fill = '';
    for (let i = n; i < minLength; i++) fill += String.fromCharCode(97 + Math.floor(rng.next() * 26));
    const out = openEnd ? s + fill : fill + s;
    return re.test(out) && codePoints(out) <= maxLength ? out : undefined;
  };
}
