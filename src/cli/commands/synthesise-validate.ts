import type { Command } from 'commander';
import type { EvaluateFilesOutput } from '../../pipeline/index.js';
import { addCommonFlags, formatReport, runEvaluation, type CommonEvaluateFlags } from './evaluate.js';
import { table } from './keys.js';

interface SynthesiseValidateFlags extends CommonEvaluateFlags {
  original: string;
  synthetic: string;
}

function num(x: number | null): string {
  return x === null ? 'n/a' : x.toFixed(3);
}

/** The `synthesise validate` view: schema match, distribution similarity, PII, text similarity and diversity. */
export function formatValidation(out: EvaluateFilesOutput): string {
  const r = out.report;
  const lines: string[] = [];
  const m = out.schemaMatch;
  if (m !== null) {
    lines.push(`schema match: ${m.matches ? 'yes' : 'no'} (${m.commonColumns} common column${m.commonColumns === 1 ? '' : 's'})`);
    if (m.onlyInReal.length > 0) lines.push(`  only in original: ${m.onlyInReal.join(', ')}`);
    if (m.onlyInSynthetic.length > 0) lines.push(`  only in synthetic: ${m.onlyInSynthetic.join(', ')}`);
    for (const k of m.kindMismatches) lines.push(`  "${k.column}" is ${k.real} in the original, ${k.synthetic} in the synthetic`);
  }
  const prop = (name: string) => r.properties.find((p) => p.name === name);
  const shapes = prop('column_shapes');
  const trends = prop('column_pair_trends');
  lines.push(`distribution similarity: ${num(r.score)} (column shapes ${num(shapes?.score ?? null)}, column pair trends ${num(trends?.score ?? null)}) ${r.score === null ? '' : (shapes?.verdict ?? '')}`);
  const pii = r.details.pii ?? [];
  lines.push(`PII detected: ${pii.length === 0 ? 'none' : pii.map((p) => `${p.columns.join(', ')} (${String(p.extra?.type ?? 'findings')})`).join('; ')}`);
  const text = out.textSimilarity ?? [];
  if (text.length === 0) lines.push('semantic similarity of text columns: no text columns');
  else {
    lines.push('semantic similarity of text columns (TF-IDF cosine of word distributions):');
    lines.push(table(['column', 'similarity', 'missing frequent words'], text.map((t) => [t.column, num(t.score), t.missingTopWords.slice(0, 5).join(' ')])).trimEnd());
  }
  const diversity = (r.details.validity ?? []).filter((d) => d.metric === 'diversity');
  const dScore = diversity.length === 0 ? null : diversity.reduce((a, d) => a + (d.score ?? 0), 0) / diversity.length;
  const dup = (r.details.validity ?? []).find((d) => d.metric === 'duplicate_rows');
  lines.push(`diversity: ${num(dScore)} (mean entropy ratio over ${diversity.length} columns; duplicate rows ${num(dup?.score ?? null)})`, '');
  return lines.join('\n') + '\n' + formatReport(r, 10);
}

/**
 * Adds `validate --original R --synthetic S` under `parent` (the `synthesise` command): schema match, distribution
 * similarity, PII detected, semantic similarity of text columns and diversity.
 */
export function registerSynthesiseValidate(parent: Command): void {
  const cmd = parent
    .command('validate')
    .description('check a synthetic table against its original: schema match, distribution similarity, PII, text similarity, diversity')
    .requiredOption('--original <file>', 'the original (real) table')
    .requiredOption('--synthetic <file>', 'the synthetic table');
  addCommonFlags(cmd).action(async (flags: SynthesiseValidateFlags) => {
    await runEvaluation({ real: flags.original, synthetic: flags.synthetic, metrics: ['quality', 'validity', 'privacy', 'pii'], compare: true }, flags, formatValidation);
  });
}
