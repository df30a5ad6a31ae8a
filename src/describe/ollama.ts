/**
 * The `ollama` planner: Ollama's native /api/chat with `format: "json"`, for local models without a key.
 */
import { SynthError } from '../core/index.js';
import { planWithModel, type ChatMessage } from './llm.js';
import type { LlmSettings, Planner } from './types.js';

/** The default model and host of the `ollama` planner. */
export const DEFAULT_OLLAMA_MODEL = 'llama3.2';
export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

/** Creates the `ollama` planner for a host (OLLAMA_HOST style, with or without scheme) and model. */
export function ollamaPlanner(settings: LlmSettings = {}): Planner {
  const model = settings.model ?? DEFAULT_OLLAMA_MODEL;
  let host = (settings.baseUrl ?? DEFAULT_OLLAMA_HOST).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(host)) host = `http://${host}`;
  return {
    name: 'ollama',
    remote: true,
    async plan(request) {
      const ask = async (messages: readonly ChatMessage[], signal: AbortSignal): Promise<string> => {
        const res = await fetch(`${host}/api/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ model, messages, format: 'json', stream: false, options: { temperature: 0 } }),
          signal,
        });
        const text = await res.text();
        if (!res.ok) throw Object.assign(new Error(text.slice(0, 300) || res.statusText), { status: res.status });
        let body: { message?: { content?: unknown } };
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          throw new SynthError('DESCRIBE_LLM_FAILED', `the ollama planner got a reply that is not Ollama's JSON: ${text.slice(0, 120)}`);
        }
        const content = body.message?.content;
        if (typeof content !== 'string' || content.trim() === '') throw new SynthError('DESCRIBE_LLM_FAILED', 'the ollama planner got an empty answer');
        return content;
      };
      return planWithModel('ollama', request, settings, ask);
    },
  };
}
