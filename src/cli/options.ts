import { SynthError, type ErrorCode } from '../core/index.js';

/** Parses a positive integer option (`--rows 1000`, `1e6`, `1_000_000`), or throws INVALID_ARGUMENT naming the flag. */
export function parsePositiveInt(flag: string, raw: string | undefined, code: ErrorCode = 'INVALID_ARGUMENT'): number {
  if (raw === undefined) throw new SynthError(code, `${flag} is required`, { path: flag });
  const text = raw.trim().replace(/_/g, '');
  const n = /^\d+(\.\d+)?(e\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new SynthError(code, `${flag} must be a positive whole number, got "${raw}"`, { path: flag, expected: 'a positive integer', received: raw });
  }
  return n;
}

/** Parses a seed option: an integer is a number seed, anything else a string seed. */
export function parseSeed(raw: string | undefined): number | string | undefined {
  if (raw === undefined) return undefined;
  return /^-?\d{1,15}$/.test(raw) ? Number(raw) : raw;
}
