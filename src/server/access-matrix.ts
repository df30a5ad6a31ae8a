import { ACCESS_RULES, allows, type AccessRule } from '../pipeline/index.js';
import type { Role } from '../store/index.js';

/**
 * Who may call what: one row per endpoint, the roles allowed. `public` endpoints need no key at all. The rows are the
 * pipeline's {@link ACCESS_RULES}, which the MCP tools use too.
 */
export const ACCESS_MATRIX: Readonly<Record<string, AccessRule>> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/openapi.json': 'public',
  'GET /docs': 'public',
  'POST /api/syntheticDataPipeline': ACCESS_RULES.generate,
  'POST /api/evaluateSyntheticData': ACCESS_RULES.judge,
  'POST /api/visualizeSyntheticData': ACCESS_RULES.judge,
  'POST /api/datasets': ACCESS_RULES.generate,
  'GET /api/pipelineHistory': ACCESS_RULES.readRuns,
  'GET /api/runs/:id': ACCESS_RULES.readRuns,
  'GET /api/runs/:id/events': ACCESS_RULES.readRuns,
  'GET /api/runs/:id/dataset': ACCESS_RULES.exportDataset,
  'GET /api/runs/:id/artifacts/:artifactId': ACCESS_RULES.readRuns,
  'GET /api/audit': ACCESS_RULES.audit,
  'GET /api/audit/verify': ACCESS_RULES.audit,
  'GET /api/keys': ACCESS_RULES.keys,
  'POST /api/keys': ACCESS_RULES.keys,
  'DELETE /api/keys/:id': ACCESS_RULES.keys,
};

/** True when `role` may call `route` (a key of {@link ACCESS_MATRIX}); unknown routes are closed. */
export function mayCall(route: string, role: Role): boolean {
  return allows(ACCESS_MATRIX[route], role);
}
