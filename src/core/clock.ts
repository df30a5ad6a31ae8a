/** Time, passed in: library code never reads the system clock itself, so runs can be replayed and tested. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The real clock, for the adapters (CLI, server) to pass in. */
export const systemClock: Clock = { now: () => globalThis.Date.now() };

/** A clock fixed at `ms` (advanced by hand), for tests and reproducible runs. */
export function fixedClock(ms: number): Clock & { advance(by: number): void } {
  let t = ms;
  return { now: () => t, advance: (by: number) => { t += by; } };
}
