import type { Clock, EventSink } from '../core/index.js';
import type { Actor, Store } from '../store/index.js';
import type { SynthConfig } from './config.js';

/** What every stored operation runs with: who asks, where things are kept, the clock and an event sink. */
export interface OpContext {
  readonly store: Store;
  readonly actor: Actor;
  readonly config: SynthConfig;
  readonly clock: Clock;
  readonly onEvent?: EventSink;
}

/** The actor of local single-user mode (no key on localhost). */
export const LOCAL_ACTOR: Actor = { user: 'local', role: 'admin', project: 'default' };
