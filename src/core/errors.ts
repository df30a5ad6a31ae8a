import { ERROR_CODES, type ErrorCode } from './error-codes.js';

/** One problem found by a validator: where (JSON pointer), what (code) and a sentence a person understands. */
export interface Issue {
  readonly code: ErrorCode;
  readonly path: string;
  readonly message: string;
  readonly expected?: unknown;
  readonly received?: unknown;
  readonly hint?: string;
}

/** Where, what was expected and what was found, and how to fix it: the details every {@link SynthError} may carry. */
export interface SynthErrorDetails {
  /** A JSON pointer (`/properties/age/minimum`) or a file position (`data.csv:12:4`). */
  readonly path?: string;
  readonly expected?: unknown;
  readonly received?: unknown;
  readonly hint?: string;
  readonly cause?: unknown;
  /** Every issue when a validator found several. */
  readonly issues?: readonly Issue[];
}

/**
 * The one error type of synthdata: a stable code from the catalogue, a message for a person, and where it is.
 * @example throw new SynthError('SCHEMA_INVALID', 'minimum is above maximum', { path: '/properties/age' })
 */
export class SynthError extends Error {
  readonly code: ErrorCode;
  readonly path: string | undefined;
  readonly expected: unknown;
  readonly received: unknown;
  readonly hint: string | undefined;
  readonly issues: readonly Issue[];

  constructor(code: ErrorCode, message: string, details: SynthErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'SynthError';
    this.code = code;
    this.path = details.path;
    this.expected = details.expected;
    this.received = details.received;
    this.hint = details.hint;
    this.issues = details.issues ?? [];
  }

  /** True for errors in the user's input, false for internal faults. */
  get isInputError(): boolean {
    return ERROR_CODES[this.code].kind === 'input';
  }

  /** A plain object safe to serialize (no stack). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.path !== undefined) out.path = this.path;
    if (this.expected !== undefined) out.expected = this.expected;
    if (this.received !== undefined) out.received = this.received;
    if (this.hint !== undefined) out.hint = this.hint;
    if (this.issues.length > 0) out.issues = this.issues;
    return out;
  }
}

/** True when `e` is a {@link SynthError}, optionally with the given code. */
export function isSynthError(e: unknown, code?: ErrorCode): e is SynthError {
  return e instanceof SynthError && (code === undefined || e.code === code);
}

/** Wraps anything thrown into a SynthError: SynthErrors pass through, anything else becomes INTERNAL with its cause. */
export function toSynthError(e: unknown): SynthError {
  if (e instanceof SynthError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new SynthError('INTERNAL', message, { cause: e });
}

/** Throws SCHEMA_INVALID-style errors from a list of issues, when there are any. */
export function throwIfIssues(issues: readonly Issue[], summary: string): void {
  if (issues.length === 0) return;
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
  throw new SynthError(first.code, `${summary}: ${first.message}${more}`, { path: first.path, issues });
}

/**
 * Near matches of `name` among `candidates`, best first, for "did you mean" messages.
 * @example nearMatches('person.firstname', ['person.firstName', 'person.lastName']) // ['person.firstName', ...]
 */
export function nearMatches(name: string, candidates: readonly string[], max = 5): string[] {
  const lower = name.toLowerCase();
  const scored = candidates.map((c) => {
    const cl = c.toLowerCase();
    let d = editDistance(lower, cl);
    if (cl.includes(lower) || lower.includes(cl)) d = Math.min(d, Math.abs(cl.length - lower.length) / 4);
    const tail = lower.split('.').pop() ?? lower;
    if (tail.length > 2 && cl.endsWith(tail)) d = Math.min(d, 1);
    return { c, d };
  });
  const limit = Math.max(3, Math.ceil(name.length / 2));
  return scored.filter((s) => s.d <= limit).sort((a, b) => a.d - b.d || a.c.localeCompare(b.c)).slice(0, max).map((s) => s.c);
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
