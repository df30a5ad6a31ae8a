import { describe, expect, it } from 'vitest';
import { field } from './kind.js';
import { batchFromRows, batchRows, collectRows, recordBatch, sliceBatch } from './record-batch.js';
import { tableFromBatches, tableColumn } from './table.js';

const fields = [field('id', 'integer'), field('name', 'string', true)];

describe('RecordBatch', () => {
  it('round-trips rows, keeping null and leaving absent cells out', () => {
    const rows = [{ id: 1, name: 'a' }, { id: 2, name: null }, { id: 3 }];
    const batch = batchFromRows(fields, rows);
    expect(batch.length).toBe(3);
    expect(batchRows(batch)).toEqual(rows);
    expect(batchRows(sliceBatch(batch, 1, 2))).toEqual([{ id: 2, name: null }]);
  });

  it('refuses columns of different lengths', () => {
    expect(() => recordBatch(fields, [[1, 2], ['a']])).toThrow(/has 1 cells, expected 2/);
  });

  it('collects batches into rows and into a table', async () => {
    const b1 = batchFromRows(fields, [{ id: 1, name: 'a' }]);
    const b2 = batchFromRows(fields, [{ id: 2, name: 'b' }]);
    expect(await collectRows([b1, b2])).toHaveLength(2);
    const table = await tableFromBatches([b1, b2]);
    expect(table.length).toBe(2);
    expect(tableColumn(table, 'name')).toEqual(['a', 'b']);
    expect(tableColumn(table, 'nope')).toBeUndefined();
  });
});
