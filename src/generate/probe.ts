import { Rng, SynthError } from '../core/index.js';
import type { ValueGen } from './env.js';

/** Tries a verify-and-retry generator a few times at compile time, so a schema no value satisfies fails before generating. */
export function probe(gen: ValueGen, pointer: string, enabled: boolean): void {
  if (!enabled) return;
  const rng = new Rng('probe', `probe:${pointer}`);
  const ctx = { row: 0, get: () => undefined };
  let last: unknown;
  for (let i = 0; i < 4; i++) {
    try {
      gen(rng, ctx);
      return;
    } catch (e) {
      if (!(e instanceof SynthError) || e.code !== 'GENERATE_EXHAUSTED') throw e;
      last = e;
    }
  }
  throw new SynthError('SCHEMA_UNSATISFIABLE', `no value could be found that satisfies this schema: ${(last as Error).message}`, { path: pointer, cause: last });
}

