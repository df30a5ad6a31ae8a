/**
 * The synthesizers by name: a lookup table, not a switch. An unknown name is UNKNOWN_NAME listing the valid ones.
 */
import { SynthError, nearMatches } from '../core/index.js';
import { bayesNetSynthesizer } from './synth-bayes-net.js';
import { cartSynthesizer } from './synth-cart.js';
import { gaussianCopulaSynthesizer } from './synth-gaussian-copula.js';
import type { Synthesizer } from './synthesizer.js';

/** The synthesizer used when none is named. */
export const DEFAULT_SYNTHESIZER = 'cart';

const SYNTHESIZERS: Readonly<Record<string, Synthesizer<never>>> = {
  cart: cartSynthesizer as Synthesizer<never>,
  'gaussian-copula': gaussianCopulaSynthesizer as Synthesizer<never>,
  'bayes-net': bayesNetSynthesizer as Synthesizer<never>,
};

/** Names of every registered synthesizer. */
export function synthesizerNames(): string[] {
  return Object.keys(SYNTHESIZERS);
}

/** The synthesizer called `name`, or UNKNOWN_NAME listing the valid names. */
export function getSynthesizer(name: string, path = 'synthesizer'): Synthesizer<unknown> {
  const s = Object.hasOwn(SYNTHESIZERS, name) ? SYNTHESIZERS[name] : undefined;
  if (!s) {
    const near = nearMatches(name, synthesizerNames());
    throw new SynthError('UNKNOWN_NAME', `unknown synthesizer "${name}"; valid names: ${synthesizerNames().join(', ')}`, {
      path, expected: synthesizerNames(), received: name, ...(near.length > 0 ? { hint: `Did you mean "${near[0]}"?` } : {}),
    });
  }
  return s as Synthesizer<unknown>;
}
