// Peer generators for the benchmark, written as /work/shared/peers/js-bench writes them (same calls, same CSV
// quoting, same buffered sink): a hand-written @faker-js/faker loop and json-schema-faker 0.6 with faker plugged in.
import fs from 'node:fs';
import path from 'node:path';

export const COLUMNS = ['id', 'first_name', 'last_name', 'email', 'age', 'signup_date', 'country', 'balance', 'is_active', 'phone'];
export const HEADER = COLUMNS.join(',') + '\n';
const NEEDS_QUOTE = /[",\r\n]/;
export const esc = (s) => (NEEDS_QUOTE.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);

/** The peers' sink: strings concatenated and flushed with writeSync every 256 Ki chars. */
export class Sink {
  constructor(file) {
    if (file !== '/dev/null') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
    this.buf = '';
    this.bytes = 0;
  }
  write(s) {
    this.buf += s;
    if (this.buf.length >= 1 << 18) this.flush();
  }
  flush() {
    if (this.buf.length === 0) return;
    const b = Buffer.from(this.buf, 'utf8');
    this.buf = '';
    let off = 0;
    while (off < b.length) off += fs.writeSync(this.fd, b, off, b.length - off);
    this.bytes += b.length;
  }
  close() {
    this.flush();
    fs.closeSync(this.fd);
    return this.bytes;
  }
}

/** The faker loop of js-bench/faker-loop.mjs: one faker call per field, line by concatenation. */
export async function fakerLoop(schema) {
  const { faker } = await import('@faker-js/faker');
  const countries = schema.properties.country.enum;
  const AGE = { min: 18, max: 90 };
  const DATES = { from: new Date('2015-01-01T00:00:00.000Z'), to: new Date('2025-12-31T23:59:59.999Z') };
  const BALANCE = { min: 0, max: 100000, fractionDigits: 2 };
  const line = () =>
    faker.string.uuid() + ',' +
    esc(faker.person.firstName()) + ',' +
    esc(faker.person.lastName()) + ',' +
    esc(faker.internet.email()) + ',' +
    faker.number.int(AGE) + ',' +
    faker.date.between(DATES).toISOString() + ',' +
    faker.helpers.arrayElement(countries) + ',' +
    faker.number.float(BALANCE) + ',' +
    (faker.datatype.boolean() ? 'true' : 'false') + ',' +
    esc(faker.phone.number()) + '\n';
  return {
    version: `@faker-js/faker@${faker.constructor.name && (await version('@faker-js/faker'))}`,
    run(rows, out) {
      faker.seed(42);
      const sink = new Sink(out);
      sink.write(HEADER);
      for (let i = 0; i < rows; i++) sink.write(line());
      return sink.close();
    },
  };
}

/** json-schema-faker 0.6 as js-bench/jsf.mjs runs it: createGeneratorSync({ seed, extensions: { faker } }), one generate per row. */
export async function jsonSchemaFaker(schema) {
  const { faker } = await import('@faker-js/faker');
  const { createGeneratorSync } = await import('json-schema-faker');
  const toLine = (o) =>
    o.id + ',' + esc(o.first_name) + ',' + esc(o.last_name) + ',' + esc(o.email) + ',' + o.age + ',' + esc(o.signup_date) + ',' +
    esc(o.country) + ',' + o.balance + ',' + o.is_active + ',' + esc(o.phone) + '\n';
  return {
    version: `json-schema-faker@${await version('json-schema-faker')}`,
    run(rows, out) {
      faker.seed(42);
      const gen = createGeneratorSync({ seed: 42, extensions: { faker } });
      const sink = new Sink(out);
      sink.write(HEADER);
      for (let i = 0; i < rows; i++) sink.write(toLine(gen.generate(schema)));
      return sink.close();
    },
  };
}

async function version(name) {
  const { createRequire } = await import('node:module');
  try {
    return createRequire(import.meta.url)(`${name}/package.json`).version;
  } catch {
    return 'unknown';
  }
}
