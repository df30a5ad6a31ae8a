/**
 * pii: personal-data detectors (a plugin table), column classification, table scans, policies (report, redact,
 * block) and the leakage check of an output against its source.
 * @module
 */
export { PII_TYPES, PII_POLICIES } from './types.js';
export type {
  PiiType,
  PiiFinding,
  PiiDetector,
  DetectContext,
  DetectOptions,
  ColumnPiiClass,
  ClassifyOptions,
  CellFinding,
  ColumnScan,
  PiiScanResult,
  ScanOptions,
  PiiPolicy,
  RedactionStyle,
  RedactOptions,
} from './types.js';
export { PII_DETECTORS, getPiiDetector, definePiiDetector } from './registry.js';
export { detectPii, resolveOverlaps } from './detect.js';
export { classifyColumn } from './classify.js';
export { columnHints, fieldHints } from './column-hints.js';
export { scanTable, PiiScanner } from './scan.js';
export type { CellVisitor } from './scan.js';
export { redactText, textRedactor, applyPolicy, assertNoPii, redactBatches, piiToken, summarizeScan } from './policy.js';
export type { PolicyOptions, PolicyResult, RedactStreamSummary } from './policy.js';
export { PiiFaker } from './fake.js';
export { checkLeakage } from './leakage.js';
export type { LeakageOptions, LeakageResult, IdentifierLeak, TextLeak } from './leakage.js';
export { luhnValid, ibanValid, ssnValid } from './checksums.js';
export { redactLeaks, LEAKED_TEXT_TOKEN } from './leakage-redact.js';
export { measureAccuracy } from './accuracy.js';
export type { LabelledText, TypeAccuracy, AccuracyError } from './accuracy.js';
