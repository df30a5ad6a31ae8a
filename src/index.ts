/**
 * synthdata: synthetic data from JSON Schema, descriptions, templates or real samples.
 * The root entry exports the library API most people need; each folder has its own subpath export too.
 * @example
 * import { generate } from 'synthdata';
 * for await (const batch of generate(schema, { rows: 1000, seed: 42 })) console.log(batch.length);
 * @module
 */
export { generate, generateSync, generateRows, compilePlan } from './generate/index.js';
export type { GenerateOptions } from './generate/index.js';
export { checkSchema, assertSchema, resolveSchema, compileValidator, inferSchema, semanticHint, parseSchemaText } from './schema/index.js';
export type { JsonSchema, SchemaObject, SemanticHint } from './schema/index.js';
export { generateToFile } from './pipeline/index.js';
export type { GenerateToFileInput, GenerateToFileOutput } from './pipeline/index.js';
export { SynthError, isSynthError, Rng, fingerprint, canonicalJson, batchRows, collectRows } from './core/index.js';
export type { RecordBatch, Field, Kind, Seed, Table, Issue, ErrorCode } from './core/index.js';
export { buildCharts, renderChart, renderReport, renderReportHtml, reportBundle } from './visualize/index.js';
export type { Chart, ChartKind, ChartOptions, RenderOptions, ReportBundle } from './visualize/index.js';
export { detectPii, classifyColumn, scanTable, redactText, applyPolicy, checkLeakage, PII_TYPES, PII_DETECTORS } from './pii/index.js';
export type { PiiType, PiiFinding, ColumnPiiClass, PiiScanResult, PiiPolicy, LeakageResult } from './pii/index.js';
export { scanFile } from './pipeline/index.js';
export type { ScanFileInput, ScanFileOutput } from './pipeline/index.js';
export { readTable, readBatches, readBatchesFromStream, openWriter, writeBatches, formatFromPath, TABLE_FORMATS } from './io/index.js';
export type { TableFormat, ReadFormat, ReadOptions, WriteOptions, WriteResult, WriteTarget, TableWriter } from './io/index.js';
export { planDescription, loadTemplate, listTemplates, createTemplate, privacyLevelSettings, applyPrivacyLevel } from './pipeline/index.js';
export type { PlanDescriptionInput, PlanDescriptionOutput, TemplateOutput, PrivacyLevel, PrivacySettings } from './pipeline/index.js';
export { describeSchema, createPlanner, plannerNames, planOffline } from './describe/index.js';
export type { Planner, PlanRequest, PlanDraft, DescribeOptions, DescribeResult } from './describe/index.js';
export { expandGrammar, grammarToExpression } from './templates/index.js';
export type { Grammar } from './templates/index.js';
export { evaluate, DEFAULT_THRESHOLDS, resolveThresholds, METRICS, parseMetadata } from './evaluate/index.js';
export type { Report, DetailRow, PropertyScore, Verdict, EvaluateOptions, Thresholds, Metadata } from './evaluate/index.js';
export { evaluateFiles } from './pipeline/index.js';
export type { EvaluateFilesInput, EvaluateFilesOutput } from './pipeline/index.js';
export { fitModel, sampleModel, parseModel, profileTable, profileToSchema, synthesizerNames, getSynthesizer, DEFAULT_SYNTHESIZER } from './learn/index.js';
export type { ModelDocument, FitOptions, SampleOptions, TableProfile, ColumnProfile, Synthesizer } from './learn/index.js';
export { fitFile, sampleFile, synthesiseFile, synthesisePreview } from './pipeline/index.js';
export type { FitFileInput, FitFileOutput, SampleFileInput, SampleFileOutput, SynthesiseInput, SynthesiseOutput } from './pipeline/index.js';
