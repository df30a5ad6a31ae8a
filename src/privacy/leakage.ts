/** Where real values came through into a synthetic column. */
export interface LeakageResult {
  /** The share of synthetic non-null values that leaked. */
  readonly rate: number;
  readonly leaked: number;
  readonly checked: number;
  /** Up to ten synthetic row positions that leaked, with the leaked value or span. */
  readonly examples: readonly { readonly row: number; readonly value: string }[];
}

/** The words of a text, lower-cased, for span matching. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Identifier leakage: synthetic values (trimmed text) that equal a value of the real column. */
export function identifierLeakage(real: readonly unknown[], synthetic: readonly unknown[], rows?: readonly number[]): LeakageResult {
  const known = new Set<string>();
  for (const v of real) if (v !== null && v !== undefined && v !== '') known.add(String(v).trim());
  let leaked = 0;
  let checked = 0;
  const examples: { row: number; value: string }[] = [];
  const positions = rows ?? synthetic.map((_, i) => i);
  for (const i of positions) {
    const v = synthetic[i];
    if (v === null || v === undefined || v === '') continue;
    checked++;
    const s = String(v).trim();
    if (known.has(s)) {
      leaked++;
      if (examples.length < 10) examples.push({ row: i, value: s });
    }
  }
  return { rate: checked === 0 ? 0 : leaked / checked, leaked, checked, examples };
}

/**
 * Free-text leakage: synthetic values that contain a run of `minTokens` (8) or more consecutive words that also
 * occurs in some real value of the column.
 */
export function textSpanLeakage(real: readonly unknown[], synthetic: readonly unknown[], options: { minTokens?: number; rows?: readonly number[] } = {}): LeakageResult {
  const n = options.minTokens ?? 8;
  // The synthetic side (usually sampled) is the smaller: its spans go into a set, as 53-bit hashes of their token
  // hashes, and the real text is streamed past it. Looking up a million real spans costs far less than storing them.
  const positions = options.rows ?? synthetic.map((_, i) => i);
  const candidates = new Set<number>();
  const hashed: { row: number; text: string; hashes: Uint32Array }[] = [];
  for (const r of positions) {
    const v = synthetic[r];
    if (typeof v !== 'string' || v === '') continue;
    const hashes = textTokenHashes(v);
    hashed.push({ row: r, text: v, hashes });
    spanHashes(hashes, n, (span) => {
      candidates.add(span);
    });
  }
  const inReal = new Set<number>();
  if (candidates.size > 0) {
    for (const v of real) {
      if (typeof v !== 'string') continue;
      spanHashes(textTokenHashes(v), n, (span) => {
        if (candidates.has(span)) inReal.add(span);
      });
    }
  }
  let leaked = 0;
  const examples: { row: number; value: string }[] = [];
  for (const { row, text, hashes } of hashed) {
    spanHashes(hashes, n, (span, i) => {
      if (!inReal.has(span)) return false;
      leaked++;
      // Token strings only for the few examples shown: the i-th hash is that of the i-th token `tokenize` finds.
      if (examples.length < 10) examples.push({ row, value: tokenize(text).slice(i, i + n).join(' ') });
      return true;
    });
  }
  const checked = hashed.length;
  return { rate: checked === 0 ? 0 : leaked / checked, leaked, checked, examples };
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const nonAsciiWord = new Map<number, boolean>();

/** Whether a code point is a letter or a digit, as `tokenize` reads it. */
function isWordPoint(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
  let word = nonAsciiWord.get(cp);
  if (word === undefined) {
    word = WORD_CHAR.test(String.fromCodePoint(cp));
    if (nonAsciiWord.size < 65_536) nonAsciiWord.set(cp, word);
  }
  return word;
}

/**
 * The FNV-1a hashes of the tokens `tokenize` finds in a text, without making the token strings: a leakage check
 * reads every real text, and only the hashes are needed.
 */
export function textTokenHashes(text: string): Uint32Array {
  const lower = text.toLowerCase();
  const out: number[] = [];
  let h = 0;
  let inWord = false;
  for (let i = 0; i < lower.length; ) {
    const cp = lower.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    if (isWordPoint(cp)) {
      if (!inWord) h = 0x811c9dc5;
      inWord = true;
      for (let u = 0; u < units; u++) h = Math.imul(h ^ lower.charCodeAt(i + u), 0x01000193);
    } else if (inWord) {
      out.push(h >>> 0);
      inWord = false;
    }
    i += units;
  }
  if (inWord) out.push(h >>> 0);
  return Uint32Array.from(out);
}

const BASE_A = 0x01000193;
const BASE_B = 0x5bd1e995;

/**
 * The hash of every run of `n` consecutive tokens, in order: two polynomial hashes mod 2^32 rolled along the
 * tokens (one multiply-add per token, whatever `n`), joined into 53 bits.
 */
function spanHashes(h: Uint32Array, n: number, visit: (hash: number, start: number) => boolean | void): void {
  if (h.length < n) return;
  // BASE^(n-1), to take the token leaving the window out.
  let topA = 1;
  let topB = 1;
  for (let i = 1; i < n; i++) {
    topA = Math.imul(topA, BASE_A);
    topB = Math.imul(topB, BASE_B);
  }
  let a = 0;
  let b = 0;
  for (let i = 0; i < h.length; i++) {
    if (i >= n) {
      a = (a - Math.imul(h[i - n]!, topA)) | 0;
      b = (b - Math.imul(h[i - n]! ^ 0x9e3779b9, topB)) | 0;
    }
    a = (Math.imul(a, BASE_A) + h[i]!) | 0;
    b = (Math.imul(b, BASE_B) + (h[i]! ^ 0x9e3779b9)) | 0;
    if (i >= n - 1 && visit((a >>> 0) * 2097152 + ((b >>> 0) >>> 11), i - n + 1) === true) return;
  }
}
