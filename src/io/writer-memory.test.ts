import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { field, recordBatch, type RecordBatch } from '../core/index.js';
import { openWriter } from './index.js';

const fields = [field('id', 'integer'), field('name', 'string'), field('score', 'number'), field('active', 'boolean')];
const NAMES = ['Ada', 'Grace', 'Alan, Jr.', 'Edsger "E.W."'];

/** A cheap generator: fresh arrays for every batch, like a real one, and no state kept between batches. */
function* rows(total: number, size = 65_536): Generator<RecordBatch> {
  for (let start = 0; start < total; start += size) {
    const n = Math.min(size, total - start);
    const id = new Array<number>(n);
    const name = new Array<string>(n);
    const score = new Array<number>(n);
    const active = new Array<boolean>(n);
    for (let i = 0; i < n; i++) {
      const r = start + i;
      id[i] = r;
      name[i] = NAMES[r & 3]!;
      score[i] = (r % 1000) / 8;
      active[i] = (r & 1) === 0;
    }
    yield recordBatch(fields, [id, name, score, active]);
  }
}

// Garbage comes and goes; what the writer keeps is what survives a full collection.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function retained(): number {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

describe('writer memory', () => {
  for (const format of ['csv', 'jsonl'] as const) {
    it(`stays flat writing 2M rows of ${format}`, async () => {
      let bytes = 0;
      const discard = new Writable({
        highWaterMark: 1 << 20,
        write(chunk: Buffer, _enc, cb) {
          bytes += chunk.length;
          setImmediate(cb);
        },
      });
      const w = await openWriter({ stream: discard }, format, fields);
      const before = retained();
      let peak = before;
      let k = 0;
      for (const b of rows(2_000_000)) {
        await w.write(b);
        if (++k % 6 === 0) peak = Math.max(peak, retained());
      }
      const res = await w.close();
      expect(res.rows).toBe(2_000_000);
      expect(res.bytes).toBe(bytes);
      // What stays alive is a batch or two in flight (5-30 MiB, depending on when freed buffers are returned);
      // the output is 55-130 MiB, so keeping it, or half of every batch, would cross this line.
      const growth = (peak - before) / 1048576;
      const output = bytes / 1048576;
      expect(output).toBeGreaterThan(50);
      expect(growth, `retained growth in MiB (output ${output.toFixed(0)} MiB)`).toBeLessThan(output / 2);
    });
  }
});
