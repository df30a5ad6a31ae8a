import type { Role } from '../store/index.js';

/** Who may call what: one row per endpoint, the roles allowed. `public` endpoints need no key at all. */
export const ACCESS_MATRIX: Readonly<Record<string, readonly Role[] | 'public'>> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/openapi.json': 'public',
  'GET /docs': 'public',
  'POST /api/syntheticDataPipeline': ['qa-engineer', 'ml-engineer', 'admin'],
  'POST /api/evaluateSyntheticData': ['qa-engineer', 'ml-engineer', 'compliance-admin', 'admin'],
  'POST /api/visualizeSyntheticData': ['qa-engineer', 'ml-engineer', 'compliance-admin', 'admin'],
  'POST /api/datasets': ['qa-engineer', 'ml-engineer', 'admin'],
  'GET /api/pipelineHistory': ['qa-engineer', 'ml-engineer', 'compliance-admin', 'admin'],
  'GET /api/runs/:id': ['qa-engineer', 'ml-engineer', 'compliance-admin', 'admin'],
  'GET /api/runs/:id/events': ['qa-engineer', 'ml-engineer', 'compliance-admin', 'admin'],
  'GET /api/runs/:id/dataset': ['qa-engineer', 'ml-engineer', 'admin'],
  'GET /api/runs/:id/artifacts/:artifactId': ['qa-engineer', 'ml-engineer', 'compliance-admin', 'admin'],
  'GET /api/audit': ['compliance-admin', 'admin'],
  'GET /api/audit/verify': ['compliance-admin', 'admin'],
  'GET /api/keys': ['admin'],
  'POST /api/keys': ['admin'],
  'DELETE /api/keys/:id': ['admin'],
};

/** True when `role` may call `route` (a key of {@link ACCESS_MATRIX}); unknown routes are closed. */
export function mayCall(route: string, role: Role): boolean {
  const allowed = ACCESS_MATRIX[route];
  if (allowed === undefined) return false;
  return allowed === 'public' || allowed.includes(role);
}
