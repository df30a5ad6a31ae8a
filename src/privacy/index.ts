/**
 * privacy: differential-privacy mechanisms and budget accounting, k-anonymity, distance-based disclosure risk.
 * @module
 */
export { laplace, laplaceCounts, exponentialMechanism } from './dp-mechanisms.js';
export { PrivacyBudget, EPSILON_RANGE, checkEpsilonRange } from './dp-budget.js';
export type { BudgetEntry } from './dp-budget.js';
export { nearestDistances, quantile, quantileSorted } from './distance.js';
export type { MixedRecords, NearestResult } from './distance.js';
export { distanceToClosestRecord, membershipInferenceAuc, rocAuc } from './disclosure.js';
export type { DcrSummary } from './disclosure.js';
export { kAnonymity } from './k-anonymity.js';
export type { KAnonymityResult } from './k-anonymity.js';
export { identifierLeakage, textSpanLeakage, tokenize } from './leakage.js';
export type { LeakageResult } from './leakage.js';
