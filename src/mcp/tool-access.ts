import { ACCESS_RULES, type AccessRule } from '../pipeline/index.js';

/**
 * Who may call each MCP tool: the same pipeline rules the REST matrix uses for the same kind of operation, e.g.
 * run_pipeline and generate_dataset like POST /api/syntheticDataPipeline, pipeline_history like GET /api/pipelineHistory.
 * A tool missing here is closed to everyone.
 */
export const TOOL_ACCESS: Readonly<Record<string, AccessRule>> = {
  generate_dataset: ACCESS_RULES.generate,
  fit_synthesizer: ACCESS_RULES.generate,
  evaluate_dataset: ACCESS_RULES.judge,
  visualize_dataset: ACCESS_RULES.judge,
  scan_pii: ACCESS_RULES.judge,
  run_pipeline: ACCESS_RULES.generate,
  pipeline_history: ACCESS_RULES.readRuns,
};

/** Who may list and read run artifacts as resources: like GET /api/runs/:id/artifacts/:artifactId. */
export const RESOURCE_ACCESS: AccessRule = ACCESS_RULES.readRuns;

