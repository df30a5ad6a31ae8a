import type { Cell, Table } from '../core/index.js';
import { cellText } from './classify.js';
import { PiiFaker } from './fake.js';
import type { LeakageResult } from './leakage.js';
import { piiToken } from './policy.js';
import type { RedactOptions } from './types.js';

/** The token that replaces a run of text copied from the source. */
export const LEAKED_TEXT_TOKEN = '[LEAKED_TEXT]';

/**
 * Replaces every leak found by `checkLeakage` (run with `maxLeaks: Infinity`) in the output table: identifier values
 * by their typed token or a fake, copied text spans by `[LEAKED_TEXT]`.
 */
export function redactLeaks(output: Table, leakage: LeakageResult, options: Pick<RedactOptions, 'style' | 'rng'> = {}): { table: Table; redactedCells: number } {
  const faker = options.style === 'fake' && options.rng !== undefined ? new PiiFaker(options.rng) : undefined;
  const spans = new Map<string, { start: number; end: number; replacement: string }[]>();
  const add = (row: number, column: string, start: number, end: number, replacement: string): void => {
    const key = `${column}\u0000${row}`;
    const list = spans.get(key) ?? [];
    list.push({ start, end, replacement });
    spans.set(key, list);
  };
  for (const l of leakage.identifierLeaks) {
    const replacement = l.type === undefined ? '[IDENTIFIER]' : faker !== undefined ? faker.fake(l.type, l.value) : piiToken(l.type);
    add(l.outputRow, l.outputColumn, l.start, l.end, replacement);
  }
  for (const l of leakage.textLeaks) add(l.outputRow, l.outputColumn, l.start, l.end, LEAKED_TEXT_TOKEN);
  let redactedCells = 0;
  const columns = output.fields.map((f, c) => {
    const src = output.columns[c]!;
    let dst: Cell[] | undefined;
    for (let row = 0; row < src.length; row++) {
      const list = spans.get(`${f.name}\u0000${row}`);
      if (list === undefined) continue;
      let text = cellText(src[row]) ?? '';
      // Right to left, skipping spans that overlap one already replaced.
      let limit = Number.POSITIVE_INFINITY;
      for (const s of list.sort((a, b) => b.start - a.start)) {
        if (s.end > limit) continue;
        text = text.slice(0, s.start) + s.replacement + text.slice(s.end);
        limit = s.start;
      }
      dst ??= src.slice() as Cell[];
      dst[row] = text;
      redactedCells++;
    }
    return dst ?? src;
  });
  const fields = output.fields.map((f, c) => (columns[c] !== output.columns[c] && f.kind !== 'string' ? { ...f, kind: 'string' as const } : f));
  return { table: { fields, columns, length: output.length }, redactedCells };
}
