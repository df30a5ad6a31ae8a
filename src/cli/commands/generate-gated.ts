import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { SynthError, type Seed } from '../../core/index.js';
import { exportDataset, runPipeline, type RunPipelineInput } from '../../pipeline/index.js';
import { withLocalContext } from '../context.js';

/** What a gated generation reports. */
export interface GatedResult {
  runId: string;
  path: string | null;
  rows: number;
  seed: string;
  score: number | null;
  verdict: string;
  piiFindings: number;
  piiPolicy: string;
}

/**
 * Generation with gates (`--quality-threshold`, `--privacy-level`): runs the stored pipeline (generate, PII policy,
 * evaluation), refuses the output when the quality is below the threshold or the PII policy blocks, and only then writes
 * the dataset to `out` (atomically).
 */
export async function generateGated(input: {
  schema: object; rows: number; seed?: Seed; format: RunPipelineInput['format']; out: string | undefined;
  piiPolicy: 'report' | 'redact' | 'block'; qualityThreshold?: number;
}): Promise<GatedResult> {
  return withLocalContext(async (ctx) => {
    const run = await runPipeline(ctx, {
      schema: input.schema, rowCount: input.rows, seed: input.seed === undefined ? undefined : (input.seed as number | string), format: input.format,
      options: { piiPolicy: input.piiPolicy, visualizations: ['scores'] },
    });
    // Without a real table the score is that of the checks a table can pass on its own (validity).
    const score = run.evaluation.score ?? run.evaluation.properties.find((p) => p.name === 'validity')?.score ?? null;
    if (input.qualityThreshold !== undefined && (score === null || score < input.qualityThreshold)) {
      throw new SynthError('QUALITY_BELOW_THRESHOLD', `the quality score ${score === null ? '(none)' : score.toFixed(3)} is below --quality-threshold ${input.qualityThreshold} (run ${run.runId}); no dataset was written`, {
        path: '--quality-threshold', hint: `See the report: synthdata history, run ${run.runId}.`,
      });
    }
    const exported = await exportDataset(ctx, { runId: run.runId, format: input.format });
    const out = input.out ?? `${ctx.config.dataDir}/output/${run.runId}.${exported.format}`;
    const temp = `${out}.partial-${process.pid}`;
    try {
      const file = createWriteStream(temp);
      for await (const chunk of exported.body as AsyncIterable<Uint8Array>) if (!file.write(chunk)) await once(file, 'drain');
      file.end();
      await once(file, 'finish');
      await rename(temp, out);
    } catch (e) {
      await rm(temp, { force: true });
      throw new SynthError('IO_UNWRITABLE', `cannot write "${out}": ${(e as Error).message}`, { path: out, cause: e });
    }
    return { runId: run.runId, path: out, rows: run.rowCount, seed: run.seed, score, verdict: run.evaluation.verdict, piiFindings: run.pii.totalFindings, piiPolicy: run.pii.policy };
  });
}
