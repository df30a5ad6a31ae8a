import { SynthError, nearMatches } from '../core/index.js';
import { offlinePlanner } from './offline.js';
import { ollamaPlanner } from './ollama.js';
import { openaiPlanner } from './openai.js';
import type { LlmSettings, Planner } from './types.js';

/** Every planner by name: a lookup table, not a switch. `offline` is the default and needs nothing installed. */
export const PLANNERS: Readonly<Record<string, (settings: LlmSettings) => Planner>> = {
  offline: () => offlinePlanner,
  openai: openaiPlanner,
  ollama: ollamaPlanner,
};

/** The names of every planner. */
export function plannerNames(): string[] {
  return Object.keys(PLANNERS);
}

/** The planner called `name` with these settings; an unknown name is UNKNOWN_NAME listing the valid ones. */
export function createPlanner(name: string, settings: LlmSettings = {}): Planner {
  const make = PLANNERS[name];
  if (make === undefined) {
    const near = nearMatches(name, plannerNames(), 2);
    throw new SynthError('UNKNOWN_NAME', `no planner "${name}"${near.length > 0 ? ` (did you mean "${near[0]}"?)` : ''}; planners: ${plannerNames().join(', ')}`, {
      path: '--planner',
      received: name,
      expected: plannerNames(),
    });
  }
  return make(settings);
}
