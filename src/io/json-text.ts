/**
 * JSON text of any cell value. A bigint anywhere inside becomes its exact digits (valid JSON, though a reader that
 * parses numbers as doubles will round it); a Date becomes its ISO string; `undefined` becomes `null`.
 */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    // Only bigint makes JSON.stringify throw a TypeError here (cycles cannot come out of a generator).
    const text = JSON.stringify(value, bigintReplacer) ?? 'null';
    return text.replace(MARKED, '$1');
  }
}

const MARK = '\u0000bigint:';
const MARKED = /"\\u0000bigint:(-?\d+)"/g;

function bigintReplacer(_key: string, v: unknown): unknown {
  return typeof v === 'bigint' ? `${MARK}${v.toString()}` : v;
}
