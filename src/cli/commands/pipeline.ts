import type { Command } from 'commander';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, basename } from 'node:path';
import { SynthError } from '../../core/index.js';
import { exportDataset, loadSchemaFile, runPipeline, uploadDataset, type RunPipelineInput } from '../../pipeline/index.js';
import { withLocalContext } from '../context.js';
import { parsePositiveInt, parseSeed } from '../options.js';
import { progressSink } from '../progress.js';

interface PipelineFlags {
  schema?: string;
  describe?: string;
  template?: string;
  input?: string;
  synthesizer?: string;
  rows?: string;
  seed?: string;
  format?: string;
  out: string;
  charts?: string;
  metrics?: string;
  piiPolicy?: string;
  target?: string;
  json?: boolean;
}

/** `synthdata pipeline`: the whole run (generate, scan, evaluate, visualize, store) with its files written to a folder. */
export function register(program: Command): void {
  program
    .command('pipeline')
    .description('run the full pipeline and write the dataset, report.html, report.json and charts to a folder')
    .option('-s, --schema <file>', 'a JSON Schema of one record')
    .option('--describe <text>', 'a plain-English description (offline planner)')
    .option('--template <name>', 'a domain template, "domain" or "domain/task"')
    .option('-i, --input <data>', 'a real sample table to learn from (CSV, JSON, JSONL, YAML, XLSX, Parquet)')
    .option('--synthesizer <name>', 'synthesizer for --input')
    .option('-n, --rows <n>', 'how many rows (default: 1000, or as many as --input has)')
    .option('--seed <seed>', 'seed for reproducible output')
    .option('-f, --format <format>', 'dataset format: csv, json, jsonl, parquet, yaml', 'csv')
    .requiredOption('-o, --out <dir>', 'folder for the dataset, report and charts')
    .option('--charts <list>', 'chart kinds, comma-separated (histogram, scatter, heatmap, scores)', 'histogram,heatmap,scores')
    .option('--metrics <list>', 'metric families, comma-separated')
    .option('--pii-policy <policy>', 'report, redact or block', 'report')
    .option('--target <column>', 'target column for the utility metrics')
    .option('--json', 'print the result as JSON')
    .action(async (flags: PipelineFlags) => {
      const given = [flags.schema, flags.describe, flags.template, flags.input].filter((v) => v !== undefined).length;
      if (given !== 1) {
        throw new SynthError('INVALID_ARGUMENT', 'give exactly one of --schema, --describe, --template or --input', { path: '--schema', hint: 'Try: synthdata pipeline --schema examples/customers.schema.json --rows 1000 --out out/' });
      }
      const progress = progressSink({ enabled: !flags.json });
      const result = await withLocalContext(async (base) => {
        const ctx = { ...base, onEvent: progress };
        const input: RunPipelineInput = {
          rowCount: flags.rows === undefined ? 1000 : parsePositiveInt('--rows', flags.rows, 'GENERATE_ROWS_INVALID'),
          seed: parseSeed(flags.seed),
          format: flags.format as RunPipelineInput['format'],
          synthesizer: flags.synthesizer,
          options: {
            visualizations: split(flags.charts),
            metrics: split(flags.metrics),
            piiPolicy: flags.piiPolicy as 'report',
            target: flags.target,
          },
        };
        if (flags.schema) input.schema = await loadSchemaFile(flags.schema);
        if (flags.describe) input.description = flags.describe;
        if (flags.template) input.template = flags.template;
        if (flags.input) {
          const content = await readFile(flags.input).catch((e: NodeJS.ErrnoException) => {
            throw new SynthError('IO_NOT_FOUND', `cannot read "${flags.input}": ${e.code ?? e.message}`, { path: flags.input });
          });
          const uploaded = await uploadDataset(ctx, { name: basename(flags.input), content });
          input.datasetId = uploaded.datasetId;
          if (flags.rows === undefined) input.rowCount = uploaded.rows;
        }
        const out = await runPipeline(ctx, input);
        progress.finish();
        await mkdir(flags.out, { recursive: true });
        const files: string[] = [];
        for (const art of await ctx.store.listArtifacts(out.runId, ctx.actor.project)) {
          if (art.kind === 'dataset') {
            if (out.status === 'blocked') continue;
            files.push(await save(join(flags.out, `dataset.${out.format}`), (await exportDataset(ctx, { runId: out.runId })).body as AsyncIterable<Uint8Array>));
          } else {
            const name = art.kind === 'chart' ? join('charts', art.name) : art.name;
            await mkdir(join(flags.out, 'charts'), { recursive: true });
            files.push(await save(join(flags.out, name), ctx.store.readArtifact(art)));
          }
        }
        return { ...out, files };
      });
      if (flags.json) {
        process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      } else {
        const ev = result.evaluation;
        process.stderr.write(
          `run ${result.runId}: ${result.status}, ${result.rowCount.toLocaleString('en-US')} rows, seed ${result.seed}\n` +
            `verdict ${ev.verdict.toUpperCase()}${ev.score === null ? '' : ` (score ${ev.score.toFixed(3)})`}: ${ev.properties.map((p) => `${p.name} ${p.verdict}`).join(', ')}\n` +
            // A property's score can be high while one of its checks fails: say which, so the verdict explains itself.
            ev.properties.filter((p) => p.verdict !== 'pass' && p.reason !== '').map((p) => `  ${p.name} ${p.verdict}: ${p.reason}\n`).join('') +
            `PII: ${result.pii.totalFindings} finding(s) under policy "${result.pii.policy}"${result.pii.blocked ? ', dataset BLOCKED' : ''}\n` +
            result.files.map((f) => `  ${f}`).join('\n') + '\n',
        );
      }
      if (result.status === 'blocked') {
        throw new SynthError('PII_BLOCKED', `the PII policy blocked the dataset of run ${result.runId}; the report is in ${flags.out}`, { path: flags.out });
      }
    });
}

function split(list: string | undefined): string[] | undefined {
  return list === undefined ? undefined : list.split(',').map((s) => s.trim()).filter(Boolean);
}

async function save(path: string, body: AsyncIterable<Uint8Array | string>): Promise<string> {
  const out = createWriteStream(path);
  for await (const chunk of body) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return path;
}
