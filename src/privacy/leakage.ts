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
  // Spans are kept as 53-bit hashes of their token hashes, not as strings: a source of a few MB of text has
  // about a million spans.
  const spans = new Set<number>();
  for (const v of real) {
    if (typeof v !== 'string') continue;
    const h = tokenHashes(tokenize(v));
    for (let i = 0; i + n <= h.length; i++) spans.add(spanHash(h, i, n));
  }
  let leaked = 0;
  let checked = 0;
  const examples: { row: number; value: string }[] = [];
  const positions = options.rows ?? synthetic.map((_, i) => i);
  for (const r of positions) {
    const v = synthetic[r];
    if (typeof v !== 'string' || v === '') continue;
    checked++;
    const t = tokenize(v);
    const h = tokenHashes(t);
    for (let i = 0; i + n <= h.length; i++) {
      if (spans.has(spanHash(h, i, n))) {
        leaked++;
        if (examples.length < 10) examples.push({ row: r, value: t.slice(i, i + n).join(' ') });
        break;
      }
    }
  }
  return { rate: checked === 0 ? 0 : leaked / checked, leaked, checked, examples };
}

function tokenHashes(tokens: readonly string[]): Uint32Array {
  const out = new Uint32Array(tokens.length);
  for (let t = 0; t < tokens.length; t++) {
    const s = tokens[t]!;
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    out[t] = h >>> 0;
  }
  return out;
}

function spanHash(h: Uint32Array, start: number, n: number): number {
  let a = 0x9e3779b9;
  let b = 0x85ebca6b;
  for (let i = start; i < start + n; i++) {
    a = Math.imul(a ^ h[i]!, 0xcc9e2d51);
    a = (a << 15) | (a >>> 17);
    b = Math.imul(b ^ h[i]!, 0x1b873593) + i - start;
    b = (b << 13) | (b >>> 19);
  }
  return (a >>> 0) * 2097152 + ((b >>> 0) >>> 11);
}
