import { fileURLToPath } from 'node:url';
import { Rng, type Cell, type Table } from '../../core/index.js';
import { loadCsv } from './load-csv.js';

/** A fixture table of test/fixtures/datasets by name (penguins, cars, seattle_weather). */
export function fixture(name: string): Table {
  return loadCsv(fileURLToPath(new URL(`../../../test/fixtures/datasets/${name}.csv`, import.meta.url)));
}

/** Each column shuffled on its own: the same column shapes, no pair trends left. */
export function shuffledColumns(table: Table, seed: number): Table {
  const rng = new Rng(seed);
  return { ...table, columns: table.columns.map((c, i) => rng.fork(i).shuffle([...c])) };
}

/** A table with the given columns replaced or added. */
export function withColumns(table: Table, replace: Record<string, Cell[]>): Table {
  const fields = [...table.fields];
  const columns = [...table.columns];
  for (const [name, cells] of Object.entries(replace)) {
    const i = fields.findIndex((f) => f.name === name);
    if (i >= 0) columns[i] = cells;
    else {
      fields.push({ name, kind: 'string', nullable: true });
      columns.push(cells);
    }
  }
  return { fields, columns, length: table.length };
}

/** The first `n` rows of a table. */
export function head(table: Table, n: number): Table {
  return { fields: table.fields, columns: table.columns.map((c) => c.slice(0, n)), length: Math.min(n, table.length) };
}
