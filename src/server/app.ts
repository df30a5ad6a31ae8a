import Fastify, { type FastifyInstance } from 'fastify';
import { SynthError, systemClock } from '../core/index.js';
import type { OpContext } from '../pipeline/index.js';
import type { Actor } from '../store/index.js';
import { authorize } from './auth.js';
import { sendProblem } from './problem.js';
import { registerRoutes } from './routes/index.js';
import type { AppDeps, Router } from './router.js';

export type { AppDeps } from './router.js';



/**
 * Builds the REST server (not listening yet): authorization from the access matrix on every route, problem+json for
 * every error, body-size limits, and the routes of routes/.
 * @example const app = await buildApp({ config: loadConfig(), store: openSqliteStore() }); await app.listen({ port: 8080 })
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? systemClock;
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: deps.config.server.bodyLimitBytes, return503OnClosing: true });

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, req, reply) => {
    if (error instanceof SynthError) return sendProblem(reply, error, req.url);
    // Fastify's own errors: malformed JSON, body too large, unsupported media type.
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return sendProblem(reply, new SynthError('REQUEST_TOO_LARGE', `the request body is larger than ${deps.config.server.bodyLimitBytes} bytes`), req.url);
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(reply, new SynthError('REQUEST_INVALID', `unsupported content type "${String(req.headers['content-type'])}"; send application/json`), req.url);
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, new SynthError('REQUEST_INVALID', `the request is malformed: ${error.message}`), req.url);
    }
    req.log.error(error);
    return sendProblem(reply, new SynthError('INTERNAL', error.message, { cause: error }), req.url);
  });
  app.setNotFoundHandler((req, reply) => sendProblem(reply, new SynthError('NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`), req.url));

  const router: Router = {
    app,
    deps: { ...deps, clock },
    route(spec, handler, options) {
      const [method, url] = spec.split(' ') as [string, string];
      app.route({
        method: method as 'GET',
        url,
        bodyLimit: options?.bodyLimit,
        handler: async (req, reply) => {
          const actor: Actor = await authorize(req, spec, deps.store, deps.config);
          const ctx: OpContext = { store: deps.store, actor, config: deps.config, clock };
          let body: unknown;
          try {
            body = await handler(req, reply, ctx);
          } catch (e) {
            if (e instanceof SynthError && e.code === 'AUTH_FORBIDDEN') {
              await deps.store.appendAudit({ event: 'AccessDenied', user: actor.user, role: actor.role, project: actor.project, fields: { route: spec, reason: e.message, ip: req.ip } });
            }
            throw e;
          }
          if (reply.sent) return reply;
          return body;
        },
      });
    },
  };
  await registerRoutes(router);
  return app;
}
