import { hash128 } from '../core/index.js';

/** A word token with its character offsets in the text it came from. */
export interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower-cased word tokens with offsets; punctuation and spacing differences do not matter for overlap. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null) out.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return out;
}

/** A 53-bit hash of `k` tokens starting at `i` (two 32-bit halves of a 128-bit hash, so collisions are negligible). */
export function shingleHash(tokens: readonly Token[], i: number, k: number): number {
  let s = tokens[i]!.word;
  for (let j = i + 1; j < i + k; j++) s += ' ' + tokens[j]!.word;
  const [a, b] = hash128(s);
  return (a & 0x1fffff) * 4294967296 + b;
}
