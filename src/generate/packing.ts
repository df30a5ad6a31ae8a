import type { Cell } from '../core/index.js';

/**
 * Columns packed for the trip from a worker thread: strings joined into one text, numbers and booleans in typed
 * arrays (transferred, not copied), nulls and absent cells in a flag array. Cloning one long string or moving one
 * buffer costs far less than cloning thousands of small values; anything else travels as a plain array.
 */
export type PackedColumn =
  | { readonly t: 's'; readonly text: string; readonly flags?: Uint8Array }
  | { readonly t: 'f'; readonly data: Float64Array; readonly flags?: Uint8Array }
  | { readonly t: 'b'; readonly data: Uint8Array; readonly flags?: Uint8Array }
  | { readonly t: 'a'; readonly values: Cell[] };

const SEP = '\u0000';
const NULL = 1;
const ABSENT = 2;

/** Packs one column of `n` cells; the typed arrays to transfer are pushed to `transfer`. */
export function packColumn(values: readonly Cell[], n: number, transfer: ArrayBuffer[]): PackedColumn {
  let kind: 's' | 'f' | 'b' | undefined;
  let flags: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      flags ??= new Uint8Array(n);
      flags[i] = v === null ? NULL : ABSENT;
      continue;
    }
    const k = typeof v === 'string' ? 's' : typeof v === 'number' ? 'f' : typeof v === 'boolean' ? 'b' : undefined;
    if (k === undefined || (kind !== undefined && kind !== k)) return { t: 'a', values: values.slice(0, n) as Cell[] };
    kind = k;
  }
  if (flags !== undefined) transfer.push(flags.buffer as ArrayBuffer);
  const withFlags = <T extends object>(o: T): T => (flags === undefined ? o : { ...o, flags });
  if (kind === 'f') {
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = (values[i] as number | null | undefined) ?? 0;
    transfer.push(data.buffer as ArrayBuffer);
    return withFlags({ t: 'f' as const, data });
  }
  if (kind === 'b') {
    const data = new Uint8Array(n);
    for (let i = 0; i < n; i++) data[i] = values[i] === true ? 1 : 0;
    transfer.push(data.buffer as ArrayBuffer);
    return withFlags({ t: 'b' as const, data });
  }
  let text = '';
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    parts[i] = typeof v === 'string' ? v : '';
  }
  text = parts.join(SEP);
  // A value holding the separator itself would split wrongly: such a column travels as it is.
  if (text.length > 0 && countSeparators(text) !== n - 1) return { t: 'a', values: values.slice(0, n) as Cell[] };
  return withFlags({ t: 's' as const, text });
}

function countSeparators(text: string): number {
  let count = 0;
  for (let i = text.indexOf(SEP); i >= 0; i = text.indexOf(SEP, i + 1)) count++;
  return count;
}

/** Unpacks a column packed by {@link packColumn}. */
export function unpackColumn(p: PackedColumn, n: number): Cell[] {
  let out: Cell[];
  switch (p.t) {
    case 'a':
      return p.values;
    case 's':
      out = n === 0 ? [] : p.text.split(SEP);
      break;
    case 'f':
      out = Array.from(p.data);
      break;
    case 'b':
      out = new Array<Cell>(n);
      for (let i = 0; i < n; i++) out[i] = p.data[i] === 1;
      break;
  }
  const flags = p.flags;
  if (flags !== undefined) for (let i = 0; i < n; i++) if (flags[i] !== 0) out[i] = flags[i] === NULL ? null : undefined;
  return out;
}
