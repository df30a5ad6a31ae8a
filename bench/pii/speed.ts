/**
 * Scan speed on a structured table (names, e-mails, phones, cities, amounts, short notes) and on free text.
 * Run: npx tsx bench/pii/speed.ts [rows]
 */
import { faker as enFaker } from '@faker-js/faker/locale/en';
import type { Faker } from '@faker-js/faker';
import { field, Rng, type Table } from '../../src/core/index.js';
import { checkLeakage, scanTable } from '../../src/pii/index.js';

const rows = Number(process.argv[2] ?? 20_000);
const rng = new Rng('pii-speed');
const Ctor = enFaker.constructor as unknown as new (o: object) => Faker;
const f = new Ctor({ locale: enFaker.rawDefinitions, randomizer: { next: () => rng.next(), seed: () => {} } });
const make = (n: number, g: () => unknown): unknown[] => Array.from({ length: n }, g);
const table: Table = {
  fields: [field('name', 'string'), field('email', 'string'), field('phone', 'string'), field('city', 'string'), field('amount', 'number'), field('note', 'string')],
  columns: [
    make(rows, () => f.person.fullName()), make(rows, () => f.internet.email()), make(rows, () => f.phone.number({ style: 'national' })),
    make(rows, () => f.location.city()), make(rows, () => rng.float(0, 1000)), make(rows, () => f.lorem.sentence()),
  ] as Table['columns'],
  length: rows,
};
let t0 = performance.now();
const r = await scanTable(table);
let ms = performance.now() - t0;
console.log(`scanTable: ${rows} rows x 6 columns in ${ms.toFixed(0)} ms = ${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s; classes ${r.columns.map((c) => `${c.name}:${c.classification?.type ?? '-'}`).join(' ')}`);
const half = Math.floor(rows / 2);
const slice = (t: Table, a: number, b: number): Table => ({ fields: t.fields, columns: t.columns.map((c) => c.slice(a, b)), length: b - a });
t0 = performance.now();
const l = checkLeakage(slice(table, 0, half), slice(table, half - 100, rows));
ms = performance.now() - t0;
console.log(`checkLeakage: ${half} output rows vs ${rows - half + 100} source rows in ${ms.toFixed(0)} ms; leaked rows ${l.leakedRows} (expect ~100)`);
