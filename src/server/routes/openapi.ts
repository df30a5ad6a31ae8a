import { generateToFileInputSchema, historyInputSchema, createKeyInputSchema, runPipelineInputSchema, evaluateStoredInputSchema, visualizeStoredInputSchema } from '../../pipeline/index.js';
import { ACCESS_MATRIX } from '../access-matrix.js';
import type { Router } from '../router.js';

/** The OpenAPI 3.1 document, built from the ops' own JSON Schemas and the access matrix. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const bodies: Record<string, object> = {
    'POST /api/keys': createKeyInputSchema,
    'POST /api/syntheticDataPipeline': runPipelineInputSchema,
    'POST /api/evaluateSyntheticData': evaluateStoredInputSchema,
    'POST /api/visualizeSyntheticData': visualizeStoredInputSchema,
  };
  const queries: Record<string, object> = { 'GET /api/pipelineHistory': historyInputSchema };
  for (const [spec, roles] of Object.entries(ACCESS_MATRIX)) {
    const [method, url] = spec.split(' ') as [string, string];
    const path = url.replace(/:(\w+)/g, '{$1}');
    const op: Record<string, unknown> = {
      summary: spec,
      description: roles === 'public' ? 'No key needed.' : `Roles: ${roles.join(', ')}.`,
      security: roles === 'public' ? [] : [{ bearer: [] }],
      responses: { default: { description: 'problem+json on error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } },
    };
    const params = [...url.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = queries[spec] as { properties?: Record<string, object> } | undefined;
    if (query?.properties) for (const [name, schema] of Object.entries(query.properties)) params.push({ name, in: 'query', required: false, schema: schema as { type: string } });
    if (params.length) op.parameters = params;
    if (bodies[spec]) op.requestBody = { required: true, content: { 'application/json': { schema: bodies[spec] } } };
    (paths[path] ??= {})[method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'synthdata', version: '1', description: 'Synthetic data pipelines: generate, scan, evaluate, visualize, store, export.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Problem: { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, code: { type: 'string' }, path: { type: 'string' }, issues: { type: 'array' } } },
        GenerateInput: generateToFileInputSchema,
      },
    },
    paths,
  };
}

const DOCS_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>synthdata API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1f2430}code{background:#f2f4f7;padding:0 .3em;border-radius:3px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e3e6ea;padding:.4rem;text-align:left;vertical-align:top}</style></head>
<body><h1>synthdata API</h1><p>The machine-readable description is at <a href="/api/openapi.json"><code>/api/openapi.json</code></a>. Send your key as <code>Authorization: Bearer KEY</code>; errors are <code>application/problem+json</code>.</p>
<table id="ops"><thead><tr><th>Endpoint</th><th>Who may call it</th></tr></thead><tbody></tbody></table>
<script>fetch('/api/openapi.json').then(r=>r.json()).then(d=>{const t=document.querySelector('#ops tbody');for(const[p,ops]of Object.entries(d.paths))for(const[m,o]of Object.entries(ops)){const tr=document.createElement('tr');tr.innerHTML='<td><code>'+m.toUpperCase()+' '+p+'</code></td><td>'+o.description+'</td>';t.appendChild(tr)}})</script>
</body></html>`;

/** `GET /api/openapi.json` and the `/docs` page. */
export function registerOpenApiRoutes(router: Router): void {
  const doc = openApiDocument();
  router.route('GET /api/openapi.json', async () => doc);
  router.route('GET /docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(DOCS_HTML));
}
