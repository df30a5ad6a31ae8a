import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isSynthError } from '../core/index.js';
import { checkSchema } from '../schema/index.js';
import { memoryCache } from './cache.js';
import { parseAnswer } from './llm.js';
import { describeSchema } from './plan.js';

/** One recorded answer of the fake server: a status and a body, or a hang. */
type Scripted = { status?: number; content?: string; raw?: string; hang?: true };

const good = {
  schema: {
    type: 'object',
    properties: {
      id: { type: 'integer', 'x-sequence': { start: 1, step: 1 } },
      plan: { type: 'string', enum: ['basic', 'pro'], 'x-distribution': { type: 'weighted', weights: { basic: 0.7, pro: 0.3 } } },
      monthly_fee: { type: 'number', minimum: 5, maximum: 200, 'x-distribution': { type: 'normal', mean: 40, sd: 10 } },
    },
    required: ['id', 'plan', 'monthly_fee'],
  },
  rationale: { plan: 'most customers are on basic' },
  rows: 250,
};
const broken = { schema: { type: 'object', properties: { age: { type: 'integer', minimum: 90, maximum: 10 }, name: { type: 'string', 'x-faker': 'person.fristName' } } }, rationale: {} };

let server: Server;
let base = '';
let script: Scripted[] = [];
const requests: { url: string; body: Record<string, unknown> }[] = [];

function reply(res: ServerResponse, url: string, step: Scripted): void {
  if (step.hang) return;
  res.statusCode = step.status ?? 200;
  res.setHeader('content-type', 'application/json');
  if (step.raw !== undefined) return void res.end(step.raw);
  if (res.statusCode >= 400) return void res.end(JSON.stringify({ error: { message: step.content ?? 'server error', type: 'server_error' } }));
  const content = step.content ?? '';
  if (url.startsWith('/api/chat')) return void res.end(JSON.stringify({ model: 'm', message: { role: 'assistant', content }, done: true }));
  res.end(JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      requests.push({ url: req.url ?? '', body: data ? (JSON.parse(data) as Record<string, unknown>) : {} });
      reply(res, req.url ?? '', script.shift() ?? { status: 500, content: 'no scripted answer left' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  script = [];
  requests.length = 0;
});

const openai = (extra: Record<string, unknown> = {}) => ({ planner: 'openai', baseUrl: `${base}/v1`, apiKey: 'test', model: 'test-model', timeoutMs: 2000, cache: memoryCache(), ...extra });
const lastUserMessage = (i: number): string => {
  const messages = requests[i]!.body.messages as { role: string; content: string }[];
  return messages.filter((m) => m.role === 'user').pop()!.content;
};

describe('openai planner against a local chat-completions server', () => {
  it('asks for structured JSON and returns the validated schema with reasons', async () => {
    script = [{ content: JSON.stringify(good) }];
    const r = await describeSchema({ description: 'saas subscriptions' }, openai());
    expect(r.planner).toBe('openai');
    expect(r.rows).toBe(250);
    expect(checkSchema(r.schema)).toEqual([]);
    expect(r.rationale.plan).toBe('most customers are on basic');
    expect(r.rationale.monthly_fee).toMatch(/normal/);
    expect(requests[0]!.url).toBe('/v1/chat/completions');
    expect(requests[0]!.body.model).toBe('test-model');
    expect((requests[0]!.body.response_format as { type: string }).type).toBe('json_schema');
  });

  it('makes a model\'s schema runnable: weighted booleans get an enum, conditionals are lowered', async () => {
    const answer = structuredClone(good) as { schema: { properties: Record<string, unknown>; required: string[]; allOf?: unknown[] } };
    answer.schema.properties.churned = { type: 'boolean', 'x-distribution': { type: 'weighted', weights: { true: 0.2, false: 0.8 } } };
    answer.schema.required.push('churned');
    const when = (plan: string, mean: number) => ({ if: { properties: { plan: { const: plan } }, required: ['plan'] }, then: { properties: { monthly_fee: { 'x-distribution': { type: 'normal', mean, sd: 5 } } } } });
    answer.schema.allOf = [when('basic', 20), when('pro', 90)];
    script = [{ content: JSON.stringify(answer) }];
    const r = await describeSchema({ description: 'saas subscriptions' }, openai());
    expect(r.schema.properties!.churned).toMatchObject({ enum: [true, false] });
    expect(r.schema.allOf).toBeUndefined();
    expect(checkSchema(r.schema)).toEqual([]);
  });

  it('repairs an answer that is not JSON', async () => {
    script = [{ content: 'Sure! Here is your schema: {oops' }, { content: '```json\n' + JSON.stringify(good) + '\n```' }];
    const r = await describeSchema({ description: 'saas subscriptions' }, openai());
    expect(r.planner).toBe('openai');
    expect(lastUserMessage(1)).toMatch(/not usable/);
    expect(r.warnings.join(' ')).toMatch(/round 1/);
  });

  it('repairs a schema that fails validation by quoting the issues', async () => {
    script = [{ content: JSON.stringify(broken) }, { content: JSON.stringify(good) }];
    const r = await describeSchema({ description: 'saas subscriptions' }, openai());
    expect(r.planner).toBe('openai');
    expect(lastUserMessage(1)).toContain('/properties/age');
    expect(lastUserMessage(1)).toContain('person.fristName');
    expect(r.warnings.join(' ')).toMatch(/repaired in 1 round/);
  });

  it('falls back to the offline planner after two failed repairs, and says so', async () => {
    script = [{ content: JSON.stringify(broken) }, { content: JSON.stringify(broken) }, { content: 'still not json' }];
    const r = await describeSchema({ description: 'telecom churn, 100 rows' }, openai());
    expect(requests.length).toBe(3);
    expect(r.planner).toBe('offline');
    expect(r.template).toBe('telecom/churn');
    expect(r.warnings[0]).toMatch(/openai planner failed/);
  });

  it('throws DESCRIBE_LLM_FAILED instead when asked to', async () => {
    script = [{ status: 500 }];
    await expect(describeSchema({ description: 'telecom churn' }, openai({ onFailure: 'error' }))).rejects.toSatisfy((e) => isSynthError(e, 'DESCRIBE_LLM_FAILED') && /HTTP 500/.test((e as Error).message));
    expect(requests.length).toBe(1);
  });

  it('says both reasons when the offline fallback cannot plan the text either', async () => {
    script = [{ status: 500 }];
    await expect(describeSchema({ description: 'zzz qqq' }, openai())).rejects.toSatisfy((e) => isSynthError(e, 'DESCRIBE_LLM_FAILED') && /offline planner could not/.test((e as Error).message));
  });

  it('falls back on an HTTP 500 without retrying', async () => {
    script = [{ status: 500 }];
    const r = await describeSchema({ description: 'telecom churn' }, openai());
    expect(requests.length).toBe(1);
    expect(r.planner).toBe('offline');
    expect(r.warnings[0]).toMatch(/HTTP 500/);
  });

  it('never hangs: a server that does not answer hits the timeout', async () => {
    script = [{ hang: true }];
    const t0 = performance.now();
    const r = await describeSchema({ description: 'telecom churn' }, openai({ timeoutMs: 300 }));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.planner).toBe('offline');
    expect(r.warnings[0]).toMatch(/timed out after 300 ms/);
  });

  it('falls back on a garbage body that is not a chat completion', async () => {
    script = [{ raw: '<html>bad gateway</html>' }];
    const r = await describeSchema({ description: 'telecom churn' }, openai());
    expect(r.planner).toBe('offline');
    expect(r.warnings[0]).toMatch(/openai planner failed/);
  });

  it('retries in json_object mode when json_schema is not supported', async () => {
    script = [{ status: 400, content: 'response_format json_schema is not supported' }, { content: JSON.stringify(good) }];
    const r = await describeSchema({ description: 'saas subscriptions' }, openai());
    expect(r.planner).toBe('openai');
    expect((requests[1]!.body.response_format as { type: string }).type).toBe('json_object');
  });

  it('reports a missing key at OpenAI itself without calling the network', async () => {
    const r = await describeSchema({ description: 'telecom churn' }, { planner: 'openai', cache: memoryCache() });
    expect(r.planner).toBe('offline');
    expect(r.warnings[0]).toMatch(/needs an API key/);
  });

  it('never caches a fallback, and caches a good plan', async () => {
    const cache = memoryCache();
    script = [{ status: 500 }, { content: JSON.stringify(good) }];
    expect((await describeSchema({ description: 'telecom churn' }, openai({ cache }))).planner).toBe('offline');
    expect((await describeSchema({ description: 'telecom churn' }, openai({ cache }))).cached).toBe(false);
    const again = await describeSchema({ description: 'Telecom  churn.' }, openai({ cache }));
    expect(again).toMatchObject({ cached: true, planner: 'openai' });
    expect(requests.length).toBe(2);
  });
});

describe('ollama planner against a local /api/chat', () => {
  it('uses the native API with format json', async () => {
    script = [{ content: JSON.stringify(good) }];
    const r = await describeSchema({ description: 'saas subscriptions' }, { planner: 'ollama', baseUrl: base.replace('http://', ''), model: 'llama3.2', cache: memoryCache() });
    expect(r.planner).toBe('ollama');
    expect(requests[0]!.url).toBe('/api/chat');
    expect(requests[0]!.body).toMatchObject({ model: 'llama3.2', format: 'json', stream: false });
  });

  it('falls back when the model is missing (HTTP 404)', async () => {
    script = [{ status: 404, content: 'model "nope" not found' }];
    const r = await describeSchema({ description: 'telecom churn' }, { planner: 'ollama', baseUrl: base, model: 'nope', cache: memoryCache() });
    expect(r.planner).toBe('offline');
    expect(r.warnings[0]).toMatch(/HTTP 404/);
  });
});

describe('parseAnswer', () => {
  it('accepts fenced JSON, chatter around it, and a bare schema', () => {
    expect(parseAnswer('Here:\n' + JSON.stringify(good) + '\nDone.').rows).toBe(250);
    expect(parseAnswer(JSON.stringify(good.schema)).schema.properties).toBeDefined();
    expect(() => parseAnswer('no json here')).toThrow(/not JSON/);
    expect(() => parseAnswer('[1, 2]')).toThrow(/not a JSON object|no "schema"/);
  });
});

const live = process.env.OPENAI_API_KEY ? 'openai' : process.env.OLLAMA_HOST ? 'ollama' : undefined;
describe('live planner (opt-in)', () => {
  it.skipIf(live === undefined)(`plans against a real ${live ?? 'model'} (skipped: set OPENAI_API_KEY or OLLAMA_HOST to run)`, async () => {
    const r = await describeSchema(
      { description: 'customer churn data for a telecom company' },
      live === 'openai'
        ? { planner: 'openai', apiKey: process.env.OPENAI_API_KEY!, ...(process.env.OPENAI_BASE_URL ? { baseUrl: process.env.OPENAI_BASE_URL } : {}), timeoutMs: 60_000 }
        : { planner: 'ollama', baseUrl: process.env.OLLAMA_HOST!, ...(process.env.OLLAMA_MODEL ? { model: process.env.OLLAMA_MODEL } : {}), timeoutMs: 120_000 },
    );
    expect(checkSchema(r.schema)).toEqual([]);
    expect(r.warnings.filter((w) => /failed/.test(w))).toEqual([]);
  }, 300_000);
});
