import RandExpModule from 'randexp';

type RandExpClass = new (pattern: string) => { tokens: unknown };
// randexp is CommonJS: under NodeNext its class may arrive on `.default`.
const RandExp = ((RandExpModule as unknown as { default?: unknown }).default ?? RandExpModule) as RandExpClass;

/** ret's token shapes, as randexp parses a pattern. */
interface Token {
  type: number;
  set?: Token[];
  not?: boolean;
  from?: number;
  to?: number;
  stack?: Token[];
  options?: Token[][];
  value?: Token | string;
  min?: number;
  max?: number;
  followedBy?: boolean;
  notFollowedBy?: boolean;
}

const ROOT = 0;
const GROUP = 1;
const POSITION = 2;
const SET = 3;
const RANGE = 4;
const REPETITION = 5;
const REFERENCE = 6;
const CHAR = 7;

/** Compiles a `pattern` as ajv does (Unicode mode); returns the error message when it does not compile. */
export function patternError(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function lengths(tokens: Token[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const t of tokens) {
    const [a, b] = tokenLength(t);
    lo += a;
    hi += b;
  }
  return [lo, hi];
}

function tokenLength(t: Token): [number, number] {
  switch (t.type) {
    case ROOT:
    case GROUP: {
      if (t.followedBy || t.notFollowedBy) return [0, 0];
      if (t.options) {
        const all = t.options.map(lengths);
        return [Math.min(...all.map((x) => x[0])), Math.max(...all.map((x) => x[1]))];
      }
      return lengths(t.stack ?? []);
    }
    case POSITION:
      return [0, 0];
    case REPETITION: {
      const [a, b] = tokenLength(t.value as Token);
      const max = t.max ?? Infinity;
      return [(t.min ?? 0) * a, b === 0 ? 0 : max * b];
    }
    case REFERENCE:
      return [0, Infinity];
    default:
      return [1, 1];
  }
}

function parse(pattern: string): Token | undefined {
  try {
    return new RandExp(pattern).tokens as Token;
  } catch {
    return undefined;
  }
}

/** How many characters a set or range token matches (a negated set: practically unbounded). */
function setSize(t: Token): number {
  if (t.type === CHAR) return 1;
  if (t.type === RANGE) return (t.to ?? 0) - (t.from ?? 0) + 1;
  if (t.type === SET) {
    if (t.not) return Infinity;
    return (t.set ?? []).reduce((n, x) => n + setSize(x), 0);
  }
  return Infinity;
}

const CAP = 1e15;

function countSequence(tokens: Token[]): number {
  let n = 1;
  for (const t of tokens) {
    n *= countToken(t);
    if (n > CAP) return Infinity;
  }
  return n;
}

function countToken(t: Token): number {
  switch (t.type) {
    case ROOT:
    case GROUP:
      if (t.followedBy || t.notFollowedBy) return Infinity;
      if (t.options) return Math.min(CAP + 1, t.options.reduce((n, o) => n + countSequence(o), 0));
      return countSequence(t.stack ?? []);
    case POSITION:
      return 1;
    case REPETITION: {
      const each = countToken(t.value as Token);
      const max = t.max ?? Infinity;
      if (!Number.isFinite(max) || !Number.isFinite(each)) return each <= 1 && Number.isFinite(max) ? 1 : Infinity;
      // One way to write each repetition: one string per allowed count (no loop over a huge {0,1e9}).
      if (each <= 1) return each === 0 ? 1 : max - (t.min ?? 0) + 1;
      let total = 0;
      for (let k = t.min ?? 0; k <= max; k++) {
        total += each ** k;
        if (total > CAP) return Infinity;
      }
      return total;
    }
    case REFERENCE:
      return 1;
    default:
      return setSize(t);
  }
}

/**
 * An upper bound on how many different strings an anchored pattern (`^...$`) can produce, or Infinity when it is
 * unanchored, unbounded or too large to matter. `^[ab]{2}$` gives 4.
 */
export function patternCount(pattern: string): number {
  const root = parse(pattern);
  if (root === undefined) return Infinity;
  const stack = root.stack ?? [];
  const anchored = !root.options && stack[0]?.type === POSITION && stack[0].value === '^' && stack[stack.length - 1]?.type === POSITION && stack[stack.length - 1]!.value === '$';
  return anchored ? countToken(root) : Infinity;
}

/**
 * The shortest and longest strings a pattern can match, and whether it is anchored at both ends (so the whole
 * string is the match). Undefined when the pattern cannot be analysed.
 */
export function patternLengths(pattern: string): { min: number; max: number; anchored: boolean } | undefined {
  const root = parse(pattern);
  if (root === undefined) return undefined;
  const [min, max] = tokenLength(root);
  const stack = root.stack ?? [];
  const first = stack[0];
  const last = stack[stack.length - 1];
  const anchored = !root.options && first?.type === POSITION && first.value === '^' && last?.type === POSITION && last.value === '$';
  return { min, max, anchored };
}
