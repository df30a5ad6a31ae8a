import { faker } from '@faker-js/faker/locale/en';
import type { FakerHint } from './types.js';

/** The rough shape of a column of text: how many words, capitals, digits and `@`s, and how long. */
interface Shape {
  words: number;
  capitals: number;
  digits: number;
  at: number;
  length: number;
}

function shapeOf(values: readonly string[]): Shape {
  const n = Math.max(values.length, 1);
  let words = 0;
  let capitals = 0;
  let digits = 0;
  let at = 0;
  let length = 0;
  for (const v of values) {
    words += v.trim().split(/\s+/).length;
    if (/^\p{Lu}/u.test(v)) capitals++;
    if (/\d/.test(v)) digits++;
    if (v.includes('@')) at++;
    length += v.length;
  }
  return { words: words / n, capitals: capitals / n, digits: digits / n, at: at / n, length: length / n };
}

type FakerLike = { seed(seed: number): unknown } & Record<string, unknown>;
let own: FakerLike | undefined;

/** A private, fixed-seed English Faker, so sampling here never disturbs the shared instance or the output. */
function privateFaker(): FakerLike {
  if (own === undefined) {
    const Ctor = faker.constructor as new (options: { locale: unknown }) => FakerLike;
    own = new Ctor({ locale: faker.rawDefinitions });
  }
  own.seed(20240501);
  return own;
}

/**
 * True when sample values look like what a Faker method makes (similar word count, capitals, digits, `@` and
 * length), so a column named `name` that holds car models does not get person names.
 */
export function looksLike(values: readonly string[], hint: FakerHint): boolean {
  const path = typeof hint === 'string' ? hint : hint.method;
  const args = typeof hint === 'string' ? [] : (hint.args ?? []);
  const [module, method] = path.split('.');
  const f = privateFaker();
  const fn = (f[module!] as Record<string, unknown> | undefined)?.[method!];
  if (typeof fn !== 'function') return false;
  const made: string[] = [];
  try {
    for (let i = 0; i < 60; i++) made.push(String(fn.apply(f[module!], args)));
  } catch {
    return false;
  }
  const a = shapeOf(values.slice(0, 500));
  const b = shapeOf(made);
  return (
    Math.abs(a.words - b.words) <= Math.max(1, b.words * 0.5) &&
    Math.abs(a.capitals - b.capitals) <= 0.35 &&
    Math.abs(a.digits - b.digits) <= 0.35 &&
    Math.abs(a.at - b.at) <= 0.35 &&
    a.length <= b.length * 2.5 + 2 &&
    a.length >= b.length / 2.5 - 2
  );
}
