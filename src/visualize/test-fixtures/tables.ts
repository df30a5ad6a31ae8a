import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { field, Rng, type Cell, type Field, type Kind, type Table } from '../../core/index.js';

/** Reads a fixture CSV into a Table, typing each column as integer, number, date or string. */
export function loadCsvTable(path: string): Table {
  const rows = parse(readFileSync(path, 'utf8'), { columns: false, skip_empty_lines: true }) as string[][];
  const header = rows[0]!;
  const data = rows.slice(1);
  const fields: Field[] = [];
  const columns: Cell[][] = [];
  header.forEach((name, c) => {
    const raw = data.map((r) => r[c] ?? '');
    const present = raw.filter((v) => v !== '');
    let kind: Kind = 'string';
    if (present.length > 0 && present.every((v) => /^-?\d+$/.test(v))) kind = 'integer';
    else if (present.length > 0 && present.every((v) => v.trim() !== '' && Number.isFinite(Number(v)))) kind = 'number';
    else if (present.length > 0 && present.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))) kind = 'date';
    fields.push(field(name, kind, present.length < raw.length));
    columns.push(raw.map((v) => (v === '' ? null : kind === 'integer' || kind === 'number' ? Number(v) : v)));
  });
  return { fields, columns, length: data.length };
}

/** A noisy copy of a table standing in for synthetic data: numbers jittered, a share of categories shuffled. */
export function perturbTable(t: Table, seed: number, rows = t.length): Table {
  const rng = new Rng(seed);
  const pick = Array.from({ length: rows }, () => rng.int(0, t.length - 1));
  const columns = t.fields.map((f, c) => {
    const src = t.columns[c]!;
    const values = src.filter((v) => v !== null);
    return pick.map((i) => {
      const v = src[i];
      if (v === null || v === undefined) return v;
      if (typeof v === 'number') {
        const jittered = v * (1 + rng.normal(0, 0.08));
        return f.kind === 'integer' ? Math.round(jittered) : Math.round(jittered * 10) / 10;
      }
      return rng.bool(0.2) ? rng.pick(values) : v;
    });
  });
  return { fields: t.fields, columns, length: rows };
}
