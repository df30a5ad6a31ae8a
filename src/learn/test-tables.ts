/**
 * Small tables for learn/'s tests, read from test/fixtures/datasets (kept in the repository, so tests need
 * nothing outside it).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Table } from '../core/index.js';

const FIXTURES = new URL('../../test/fixtures/datasets/', import.meta.url);

/** A fixture CSV as a table of strings (empty cells are null), as the readers give it with type inference off. */
export function fixtureTable(name: 'penguins' | 'cars' | 'seattle_weather'): Table {
  const rows = parse(readFileSync(new URL(`${name}.csv`, FIXTURES)), { bom: true }) as string[][];
  const [header, ...body] = rows;
  return {
    fields: header!.map((n) => ({ name: n, kind: 'string' as const, nullable: true })),
    columns: header!.map((_, c) => body.map((r) => (r[c] === '' ? null : r[c]!))),
    length: body.length,
  };
}

/** A table from column arrays. */
export function tableOf(columns: Record<string, unknown[]>): Table {
  const names = Object.keys(columns);
  return {
    fields: names.map((n) => ({ name: n, kind: 'string' as const, nullable: true })),
    columns: names.map((n) => columns[n]! as never[]),
    length: columns[names[0]!]!.length,
  };
}
