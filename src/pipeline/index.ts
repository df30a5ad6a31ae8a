/**
 * pipeline: one function per operation, each with its input and output JSON Schema. The CLI, the REST API and MCP
 * call these and nothing below them.
 * @module
 */
export { generateToFile, loadSchemaFile, DEFAULT_MAX_ROWS, generateToFileInputSchema, generateToFileOutputSchema } from './ops/generate.js';
export type { GenerateToFileInput, GenerateToFileOutput } from './ops/generate.js';
export { loadConfig, DEFAULT_CONFIG } from './config.js';
export type { SynthConfig, PartialConfig } from './config.js';
export { LOCAL_ACTOR } from './context.js';
export type { OpContext } from './context.js';
export { ACCESS_RULES, allows, apiKeyOf, isLoopback, recordDenial, requireRole, resolveActor } from './access.js';
export type { AccessDeps, AccessRule, AccessTarget, Credentials } from './access.js';
export { createKey, listKeys, revokeKey, createKeyInputSchema } from './ops/keys.js';
export { exportAudit, verifyAudit, AUDIT_EXPORT_FORMATS } from './ops/audit.js';
export { pipelineHistory, getRun, historyInputSchema } from './ops/history.js';
export { validateOpInput } from './validate-input.js';
export { schemaCheck, readSchemaFile, schemaCheckInputSchema, schemaCheckOutputSchema } from './ops/schema-check.js';
export type { SchemaCheckInput, SchemaCheckOutput } from './ops/schema-check.js';
export { schemaInfer, schemaInferInputSchema, schemaInferOutputSchema } from './ops/schema-infer.js';
export type { SchemaInferInput, SchemaInferOutput } from './ops/schema-infer.js';
export { visualizeFile, visualizeInputSchema, visualizeOutputSchema } from './ops/visualize.js';
export type { VisualizeInput, VisualizeOutput } from './ops/visualize.js';
export { planDescription, planDescriptionInputSchema, planDescriptionOutputSchema } from './ops/describe.js';
export type { PlanDescriptionInput, PlanDescriptionOutput } from './ops/describe.js';
export { loadTemplate, listTemplates, createTemplate, privacyLevelSettings, applyPrivacyLevel } from './ops/templates.js';
export type { TemplateOutput, PrivacyLevel, PrivacySettings, CreateTemplateInput } from './ops/templates.js';
export { scanFile, scanFileInputSchema, scanFileOutputSchema } from './ops/scan.js';
export type { ScanFileInput, ScanFileOutput } from './ops/scan.js';
export { evaluateFiles, evaluateInputSchema, evaluateOutputSchema, reportSchema } from './ops/evaluate.js';
export type { EvaluateFilesInput, EvaluateFilesOutput, SchemaMatch } from './ops/evaluate.js';
export { fitFile, readLearnTable, readModelFile, writeJsonAtomic, fitFileInputSchema, fitFileOutputSchema } from './ops/fit.js';
export type { FitFileInput, FitFileOutput } from './ops/fit.js';
export { sampleFile, writeTable, tableBatches, sampleFileInputSchema, sampleFileOutputSchema } from './ops/sample.js';
export type { SampleFileInput, SampleFileOutput } from './ops/sample.js';
export { synthesiseFile, synthesisePreview, synthesiseInputSchema, synthesiseOutputSchema } from './ops/synthesise.js';
export type { SynthesiseInput, SynthesiseOutput } from './ops/synthesise.js';
export { runPipeline, runPipelineInputSchema, EVALUATION_ROWS } from './ops/run-pipeline.js';
export type { RunPipelineInput, RunPipelineOutput } from './ops/run-pipeline.js';
export { uploadDataset, getDataset, readDatasetTable } from './ops/datasets.js';
export type { UploadedDataset } from './ops/datasets.js';
export { exportDataset } from './ops/export.js';
export type { ExportedDataset } from './ops/export.js';
export { evaluateStored, visualizeStored, readStoredTable, evaluateStoredInputSchema, visualizeStoredInputSchema } from './ops/judge-stored.js';
