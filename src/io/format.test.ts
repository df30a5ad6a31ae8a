import { describe, expect, it } from 'vitest';
import { isSynthError } from '../core/index.js';
import { formatFromPath, parseTableFormat, readFormatFromPath } from './index.js';

describe('formatFromPath', () => {
  it('tells the format from the extension, case-insensitively', () => {
    expect(formatFromPath('out/people.csv')).toBe('csv');
    expect(formatFromPath('a.JSONL')).toBe('jsonl');
    expect(formatFromPath('a.ndjson')).toBe('jsonl');
    expect(formatFromPath('a.json')).toBe('json');
    expect(formatFromPath('a.yml')).toBe('yaml');
    expect(formatFromPath('a.parquet')).toBe('parquet');
    expect(readFormatFromPath('book.xlsx')).toBe('xlsx');
    expect(readFormatFromPath('data.tsv')).toBe('csv');
  });

  it('rejects unknown extensions with IO_UNKNOWN_FORMAT listing the supported formats', () => {
    for (const p of ['out.xls', 'out', 'book.xlsx']) {
      try {
        formatFromPath(p);
        expect.unreachable();
      } catch (e) {
        expect(isSynthError(e, 'IO_UNKNOWN_FORMAT')).toBe(true);
        expect((e as Error).message).toContain('csv, json, jsonl, parquet, yaml');
      }
    }
    expect(() => parseTableFormat('xml')).toThrow(/supported: csv, json, jsonl, parquet, yaml/);
    expect(parseTableFormat('CSV')).toBe('csv');
  });
});
