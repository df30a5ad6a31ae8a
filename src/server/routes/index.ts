import type { Router } from '../router.js';
import { registerHealthRoutes } from './health.js';
import { registerHistoryRoutes } from './history.js';
import { registerAuditRoutes } from './audit.js';
import { registerKeyRoutes } from './keys.js';
import { registerOpenApiRoutes } from './openapi.js';
import { registerPipelineRoutes } from './pipeline.js';
import { registerDatasetRoutes } from './datasets.js';

/** Every route group of the server. */
export async function registerRoutes(router: Router): Promise<void> {
  registerHealthRoutes(router);
  registerHistoryRoutes(router);
  registerAuditRoutes(router);
  registerKeyRoutes(router);
  registerPipelineRoutes(router);
  await registerDatasetRoutes(router);
  registerOpenApiRoutes(router);
}
