/**
 * Privacy budget accounting under sequential composition: every mechanism spends a named share of a total
 * epsilon, and the ledger is recorded (in models, reports) so the spend can be audited.
 */
import { SynthError } from '../core/index.js';

/** The range of epsilon the tools accept. */
export const EPSILON_RANGE = { min: 0.1, max: 10 } as const;

/** One spend of the budget. */
export interface BudgetEntry {
  readonly purpose: string;
  readonly epsilon: number;
}

/** A total epsilon and what was spent from it; spending more than the total throws. */
export class PrivacyBudget {
  readonly total: number;
  private readonly entries: BudgetEntry[] = [];

  /** @example const budget = new PrivacyBudget(1); budget.spend('structure', 0.3) */
  constructor(total: number) {
    checkEpsilonRange(total);
    this.total = total;
  }

  /** Records `epsilon` spent on `purpose` and returns it. */
  spend(purpose: string, epsilon: number): number {
    if (!(epsilon > 0)) throw new RangeError(`PrivacyBudget.spend: epsilon must be positive, got ${epsilon}`);
    if (this.spent + epsilon > this.total * (1 + 1e-9)) {
      throw new SynthError('INTERNAL', `privacy budget exceeded: ${purpose} asks ${epsilon}, ${this.remaining} left of ${this.total}`);
    }
    this.entries.push({ purpose, epsilon });
    return epsilon;
  }

  /** Epsilon spent so far. */
  get spent(): number {
    return this.entries.reduce((s, e) => s + e.epsilon, 0);
  }

  /** Epsilon not yet spent. */
  get remaining(): number {
    return Math.max(0, this.total - this.spent);
  }

  /** The ledger as JSON, for a model or report. */
  toJSON(): { total: number; spent: number; entries: BudgetEntry[] } {
    return { total: this.total, spent: round(this.spent), entries: this.entries.map((e) => ({ purpose: e.purpose, epsilon: round(e.epsilon) })) };
  }
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Throws LEARN_EPSILON_INVALID unless 0.1 <= epsilon <= 10. */
export function checkEpsilonRange(epsilon: number, path = 'epsilon'): void {
  if (!(epsilon >= EPSILON_RANGE.min && epsilon <= EPSILON_RANGE.max)) {
    throw new SynthError('LEARN_EPSILON_INVALID', `epsilon must be between ${EPSILON_RANGE.min} and ${EPSILON_RANGE.max}, got ${epsilon}`, {
      path, expected: `${EPSILON_RANGE.min}..${EPSILON_RANGE.max}`, received: epsilon, hint: 'Smaller epsilon is more private and less faithful; 1 is a common choice.',
    });
  }
}
