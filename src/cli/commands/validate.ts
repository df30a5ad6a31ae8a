import type { Command } from 'commander';
import { addCommonFlags, listFlag, runEvaluation, type CommonEvaluateFlags } from './evaluate.js';

interface ValidateFlags extends CommonEvaluateFlags {
  syntheticDataset: string;
  referenceDataset?: string;
  metrics?: string;
  target?: string;
}

/** `synthdata validate --synthetic-dataset S [--reference-dataset R]`: the evaluation under the requirement document's names. */
export function register(program: Command): void {
  const cmd = program
    .command('validate')
    .description('validate a synthetic dataset: similarity to a reference, diversity and privacy (without a reference: schema, keys, duplicates, nulls, diversity)')
    .requiredOption('--synthetic-dataset <file>', 'the synthetic dataset')
    .option('--reference-dataset <file>', 'the real dataset to compare with')
    .option('--metrics <list>', 'comma-separated: similarity, diversity, privacy (also quality, validity, utility, pii)')
    .option('--target <col>', 'utility target column');
  addCommonFlags(cmd).action(async (flags: ValidateFlags) => {
    const metrics = listFlag(flags.metrics) ?? (flags.referenceDataset === undefined ? ['diversity'] : ['similarity', 'diversity', 'privacy']);
    await runEvaluation({
      synthetic: flags.syntheticDataset,
      ...(flags.referenceDataset !== undefined ? { real: flags.referenceDataset } : {}),
      metrics,
      ...(flags.target !== undefined ? { target: flags.target } : {}),
    }, flags);
  });
}
