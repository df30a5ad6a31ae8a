/**
 * The `openai` planner: any OpenAI-compatible chat-completions endpoint (OpenAI, Ollama's /v1, vLLM, llama.cpp's
 * server) through the official `openai` package, asking for structured JSON output.
 */
import { createRequire } from 'node:module';
import type OpenAIModule from 'openai';

// The openai package is loaded when this planner is used, not when synthdata starts.
const requireLazy = createRequire(import.meta.url);
let openaiClass: typeof OpenAIModule | undefined;
const OpenAILib = (): typeof OpenAIModule => (openaiClass ??= (requireLazy('openai') as { default?: typeof OpenAIModule } & typeof OpenAIModule).default ?? (requireLazy('openai') as typeof OpenAIModule));
import { SynthError } from '../core/index.js';
import { ANSWER_SCHEMA, boundedTimeout, planWithModel, type ChatMessage } from './llm.js';
import type { LlmSettings, Planner } from './types.js';

/** The default model of the `openai` planner. */
export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';
const OPENAI_URL = 'https://api.openai.com/v1';

/** Creates the `openai` planner with a base URL, key, model and timeout. */
export function openaiPlanner(settings: LlmSettings = {}): Planner {
  const model = settings.model ?? DEFAULT_OPENAI_MODEL;
  const baseURL = (settings.baseUrl ?? OPENAI_URL).replace(/\/+$/, '');
  const timeout = boundedTimeout(settings.timeoutMs);
  return {
    name: 'openai',
    remote: true,
    async plan(request) {
      const isOpenAi = baseURL === OPENAI_URL;
      if (isOpenAi && (settings.apiKey === undefined || settings.apiKey === '')) {
        throw new SynthError('DESCRIBE_LLM_FAILED', 'the openai planner needs an API key', {
          path: 'apiKey',
          hint: 'Set OPENAI_API_KEY (or SYNTHDATA_OPENAI_API_KEY), point SYNTHDATA_OPENAI_BASE_URL at a local server, or use `--planner offline`.',
        });
      }
      // Local servers accept any key; the SDK insists on one.
      const client = new (OpenAILib())({ apiKey: settings.apiKey || 'not-needed', baseURL, timeout, maxRetries: 0 });
      let format: 'json_schema' | 'json_object' = 'json_schema';
      const ask = async (messages: readonly ChatMessage[], signal: AbortSignal): Promise<string> => {
        const send = (f: typeof format) =>
          client.chat.completions.create(
            {
              model,
              temperature: 0,
              messages: messages.map((m) => ({ role: m.role, content: m.content })),
              response_format: f === 'json_schema' ? { type: 'json_schema', json_schema: { name: 'synthdata_plan', schema: ANSWER_SCHEMA as unknown as Record<string, unknown>, strict: false } } : { type: 'json_object' },
            },
            { signal, timeout },
          );
        let res;
        try {
          res = await send(format);
        } catch (e) {
          // Servers without json_schema support say so with a 400: fall back to plain JSON mode once.
          if (format === 'json_schema' && (e as { status?: number }).status === 400) {
            format = 'json_object';
            res = await send(format);
          } else {
            throw e;
          }
        }
        const content = res.choices?.[0]?.message?.content;
        if (typeof content !== 'string' || content.trim() === '') throw new SynthError('DESCRIBE_LLM_FAILED', 'the openai planner got an empty answer');
        return content;
      };
      return planWithModel('openai', request, settings, ask);
    },
  };
}
