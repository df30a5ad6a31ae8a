import { SynthError, type EventSink } from '../core/index.js';
import {
  generateToFile, generateToFileInputSchema, fitFile, fitFileInputSchema, evaluateFiles, evaluateInputSchema,
  visualizeFile, visualizeInputSchema, scanFile, scanFileInputSchema, pipelineHistory, historyInputSchema,
  runPipeline, runPipelineInputSchema, validateOpInput, type RunPipelineInput,
  type GenerateToFileInput, type FitFileInput, type EvaluateFilesInput, type VisualizeInput, type ScanFileInput,
  type OpContext,
} from '../pipeline/index.js';
import { callerFilesFolder, confinePaths } from './file-scope.js';
import { artifactUri } from './resources.js';

/** What a tool runs with: the operation context (opened on first use) and a sink for progress events. */
export interface ToolDeps {
  readonly context: () => OpContext;
  readonly onEvent?: EventSink;
}

/** One MCP tool: its name, what it does, the op's own input JSON Schema, and the call. */
export interface ToolDefinition {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: { readonly type: 'object'; readonly [key: string]: unknown };
  readonly run: (args: Record<string, unknown>, deps: ToolDeps) => Promise<unknown>;
}

/** Every tool of the MCP server; each one validates its arguments against the op's schema, then calls the op. */
export const TOOLS: readonly ToolDefinition[] = [
  {
    name: 'generate_dataset',
    description: 'Generate rows from a JSON Schema (inline `schema` or a `schemaPath` file) and write them to a file. The same seed gives byte-identical output.',
    inputSchema: generateToFileInputSchema,
    run: async (args, deps) => {
      const ctx = deps.context();
      const checked = validateOpInput<GenerateToFileInput>(generateToFileInputSchema, args, 'the tool input');
      // Standard output carries the MCP protocol itself in stdio mode, so data must go to a file.
      if (checked.out === '-') {
        throw new SynthError('INVALID_ARGUMENT', 'out cannot be "-" over MCP: give a file path', { path: '/out', hint: 'Leave out unset to write under the data folder.' });
      }
      const input = confinePaths('generate_dataset', checked, ctx);
      // A key holder's default output goes to its project's folder too.
      const dataDir = callerFilesFolder(ctx) ?? ctx.config.dataDir;
      return generateToFile({ ...input, dataDir, maxRows: ctx.config.maxRows, clock: ctx.clock, onEvent: deps.onEvent });
    },
  },
  {
    name: 'fit_synthesizer',
    description: 'Learn a synthesizer (gaussian copula, CART, Bayesian network, ...) from a real sample table and write the model as JSON.',
    inputSchema: fitFileInputSchema,
    run: async (args, deps) => {
      const ctx = deps.context();
      const input = confinePaths('fit_synthesizer', validateOpInput<FitFileInput>(fitFileInputSchema, args, 'the tool input'), ctx);
      return fitFile({ ...input, clock: ctx.clock, onEvent: deps.onEvent });
    },
  },
  {
    name: 'evaluate_dataset',
    description: 'Judge a synthetic table (against the real one when given): fidelity, privacy and utility scores with a pass/warn/fail verdict.',
    inputSchema: evaluateInputSchema,
    run: async (args, deps) => {
      const ctx = deps.context();
      const input = confinePaths('evaluate_dataset', validateOpInput<EvaluateFilesInput>(evaluateInputSchema, args, 'the tool input'), ctx);
      return evaluateFiles({ ...input, clock: ctx.clock, onEvent: deps.onEvent });
    },
  },
  {
    name: 'visualize_dataset',
    description: 'Draw charts of a table (overlaid on a reference table when given) into a folder as SVG or PNG files.',
    inputSchema: visualizeInputSchema,
    run: async (args, deps) => {
      const ctx = deps.context();
      const input = confinePaths('visualize_dataset', validateOpInput<VisualizeInput>(visualizeInputSchema, args, 'the tool input'), ctx);
      return visualizeFile({ ...input, clock: ctx.clock, onEvent: deps.onEvent });
    },
  },
  {
    name: 'scan_pii',
    description: 'Scan a table for personal data (emails, phones, names, IDs, ...); report, redact into `out`, or block.',
    inputSchema: scanFileInputSchema,
    run: async (args, deps) => {
      const ctx = deps.context();
      const input = confinePaths('scan_pii', validateOpInput<ScanFileInput>(scanFileInputSchema, args, 'the tool input'), ctx);
      return scanFile({ ...input, clock: ctx.clock, onEvent: deps.onEvent });
    },
  },
  {
    name: 'run_pipeline',
    description: 'One full pipeline run: from a schema, a plain-English description, a template or an uploaded table -> generate -> PII scan -> evaluate -> charts, all stored; its dataset, report and charts become resources.',
    inputSchema: runPipelineInputSchema,
    run: async (args, deps) => {
      const input = validateOpInput<RunPipelineInput>(runPipelineInputSchema, args, 'the tool input');
      const ctx = deps.context();
      const output = await runPipeline(deps.onEvent ? { ...ctx, onEvent: deps.onEvent } : ctx, input);
      // The URLs are the REST API's; an MCP client reads the same files as resources.
      const artifacts = await ctx.store.listArtifacts(output.runId, ctx.actor.project);
      const resources = artifacts
        .filter((a) => a.kind !== 'dataset' || output.status === 'succeeded')
        .map((a) => ({ uri: artifactUri(output.runId, a.id), name: a.name, kind: a.kind, mimeType: a.mediaType }));
      return { ...output, resources };
    },
  },
  {
    name: 'pipeline_history',
    description: 'Past pipeline runs of the project, newest first, filtered by user, status and date; page with `cursor`.',
    inputSchema: historyInputSchema,
    run: async (args, deps) => {
      const input = validateOpInput<Parameters<typeof pipelineHistory>[1]>(historyInputSchema, args, 'the tool input');
      return pipelineHistory(deps.context(), input);
    },
  },
];

/** The tool of this name, if there is one. */
export function findTool(name: string): ToolDefinition | undefined {
  return TOOLS.find((t) => t.name === name);
}
