import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../core/index.js';
import type { OpContext, SynthConfig } from '../pipeline/index.js';
import type { Store } from '../store/index.js';

/** What the server is built from: the configuration, an open store and the clock. */
export interface AppDeps {
  readonly config: SynthConfig;
  readonly store: Store;
  readonly clock?: Clock;
  readonly logger?: boolean;
}

/** A route handler: gets the request, the caller and an op context; returns the JSON body or sends itself. */
export type Handler = (req: FastifyRequest, reply: FastifyReply, ctx: OpContext) => Promise<unknown>;

/** The small API routes use to add themselves: `route('GET /api/runs/:id', handler)`. */
export interface Router {
  route(spec: string, handler: Handler, options?: { bodyLimit?: number }): void;
  readonly deps: AppDeps & { clock: Clock };
  readonly app: FastifyInstance;
}
