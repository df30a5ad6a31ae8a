import type { Command } from 'commander';
import { planDescription } from '../../pipeline/index.js';
import { withLocalContext } from '../context.js';
import { parsePositiveInt } from '../options.js';

/** `synthdata describe "TEXT"`: plan a schema from plain words and write it for review. */
export function register(program: Command): void {
  program
    .command('describe')
    .description('plan a schema from a plain-language description, with a reason for each field')
    .argument('<text...>', 'what the records are, e.g. "customer churn data for a telecom company, 1000 rows"')
    .option('-o, --out <file>', 'write the schema here (default: standard output)')
    .option('--planner <name>', 'offline (default, no network), openai or ollama')
    .option('--model <model>', 'the LLM model (openai: gpt-4o-mini; ollama: llama3.2)')
    .option('--base-url <url>', 'an OpenAI-compatible endpoint or the Ollama host')
    .option('--timeout <ms>', 'per-request timeout of an LLM planner in milliseconds')
    .option('-n, --rows <n>', 'rows you mean to generate')
    .option('--locale <locale>', 'Faker locale for names and places, e.g. de, fr_CA')
    .option('--no-cache', 'plan again even if this description was planned before')
    .option('--json', 'print the whole result (schema, rationale, understood...) as JSON')
    .action(async (words: string[], flags: { out?: string; planner?: string; model?: string; baseUrl?: string; timeout?: string; rows?: string; locale?: string; cache: boolean; json?: boolean }) => {
      const result = await withLocalContext((ctx) => planDescription({
        store: ctx.store,
        description: words.join(' '),
        ...(flags.planner !== undefined ? { planner: flags.planner as 'offline' } : {}),
        ...(flags.model !== undefined ? { model: flags.model } : {}),
        ...(flags.baseUrl !== undefined ? { baseUrl: flags.baseUrl } : {}),
        ...(flags.timeout !== undefined ? { timeoutMs: parsePositiveInt('--timeout', flags.timeout) } : {}),
        ...(flags.rows !== undefined ? { rows: parsePositiveInt('--rows', flags.rows) } : {}),
        ...(flags.locale !== undefined ? { locale: flags.locale } : {}),
        ...(flags.out !== undefined ? { out: flags.out } : {}),
        noCache: flags.cache === false,
      }));
      if (flags.json) {
        process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        return;
      }
      if (result.path === undefined) process.stdout.write(JSON.stringify(result.schema, null, 2) + '\n');
      const err: string[] = [];
      const fields = Object.keys(result.schema.properties ?? {});
      err.push(`${result.path !== undefined ? `wrote ${result.path}: ` : ''}${fields.length} fields planned by ${result.planner}${result.cached ? ' (cached)' : ''}${result.template !== undefined ? ` from template ${result.template}` : ''}${result.rows !== undefined ? `; rows asked: ${result.rows}` : ''}`);
      for (const [f, why] of Object.entries(result.rationale)) err.push(`  ${f}: ${why}`);
      if (result.understood.length > 0) err.push(`understood: ${result.understood.join('; ')}`);
      if (result.notUnderstood.length > 0) err.push(`not understood: ${result.notUnderstood.join(', ')}`);
      for (const w of result.warnings) err.push(`warning: ${w}`);
      process.stderr.write(err.join('\n') + '\n');
    });
}
