import type { DetailRow, Report } from '../../evaluate/index.js';

const shape = (column: string, metric: string, score: number, verdict: DetailRow['verdict'], reason: string): DetailRow => ({ columns: [column], metric, score, verdict, reason });

/** A hand-made report on the penguins table: one column fails, one warns, the rest pass. */
export function penguinReport(): Report {
  return {
    format: 'synthdata.report',
    version: 1,
    verdict: 'fail',
    score: 0.81,
    properties: [
      { name: 'column_shapes', score: 0.84, verdict: 'warn', reason: 'Mean of 7 column scores is 0.84, below the pass mark 0.85.' },
      { name: 'column_pair_trends', score: 0.78, verdict: 'warn', reason: 'Mean of 21 pair scores is 0.78.' },
      { name: 'privacy', score: 1, verdict: 'pass', reason: 'No synthetic row copies a real one.' },
    ],
    details: {
      column_shapes: [
        shape('Species', 'tv_complement', 0.97, 'pass', 'Category shares differ by 3% in total.'),
        shape('Island', 'tv_complement', 0.95, 'pass', 'Category shares differ by 5% in total.'),
        shape('Beak Length (mm)', 'ks_complement', 0.91, 'pass', 'The distributions are close (KS statistic 0.09).'),
        shape('Beak Depth (mm)', 'ks_complement', 0.8, 'warn', 'The distributions differ somewhat (KS statistic 0.20).'),
        shape('Flipper Length (mm)', 'ks_complement', 0.88, 'pass', 'The distributions are close (KS statistic 0.12).'),
        shape('Body Mass (g)', 'ks_complement', 0.52, 'fail', 'The distributions differ a lot (KS statistic 0.48) <check>.'),
        shape('Sex', 'tv_complement', 0.86, 'pass', 'Category shares differ by 14% in total.'),
      ],
      column_pair_trends: [
        { columns: ['Beak Length (mm)', 'Body Mass (g)'], metric: 'correlation_similarity', score: 0.6, verdict: 'fail', reason: 'Correlation 0.60 in real data, -0.20 in synthetic.' },
        { columns: ['Species', 'Island'], metric: 'contingency_similarity', score: 0.93, verdict: 'pass', reason: 'Joint shares differ by 7%.' },
        { columns: ['Species', 'Sex'], metric: 'contingency_similarity', score: null, verdict: 'warn', reason: 'Could not be computed.', error: 'Sex is all null in the synthetic table.' },
      ],
      privacy: [{ columns: [], metric: 'exact_match_rate', score: 0, verdict: 'pass', reason: 'No synthetic row equals a real row.' }],
    },
    thresholds: { ks_complement: { goal: 'maximize', pass: 0.85, warn: 0.7 }, exact_match_rate: { goal: 'minimize', pass: 0.01, warn: 0.05 } },
    seed: '42',
    tables: { realRows: 344, syntheticRows: 500, commonColumns: ['Species', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex'], onlyInReal: [], onlyInSynthetic: ['row_id'] },
    columnTypes: {
      Species: { sdtype: 'categorical', source: 'inferred' },
      Island: { sdtype: 'categorical', source: 'inferred' },
      'Beak Length (mm)': { sdtype: 'numerical', source: 'inferred' },
      'Beak Depth (mm)': { sdtype: 'numerical', source: 'inferred' },
      'Flipper Length (mm)': { sdtype: 'numerical', source: 'inferred' },
      'Body Mass (g)': { sdtype: 'numerical', source: 'inferred' },
      Sex: { sdtype: 'categorical', source: 'inferred' },
    },
    metrics: ['quality', 'privacy'],
    notes: ['The column row_id is only in the synthetic table and was not evaluated.'],
  };
}

/** A PII scan result shaped like the scanner's, with findings in one column. */
export function samplePii() {
  return {
    format: 'synthdata.pii-scan' as const,
    version: 1 as const,
    rows: 500,
    columns: [
      { name: 'contact', classification: { column: 'contact', type: 'email', confidence: 0.97, matched: 388, sampled: 400, samples: [0, 4, 9], nameHint: false }, counts: { email: 480 }, cellsWithPii: 480 },
      { name: 'notes', classification: undefined, counts: { phone: 3, person_name: 2 }, cellsWithPii: 4 },
      { name: 'Species', classification: undefined, counts: {}, cellsWithPii: 0 },
    ],
    findings: [],
    counts: { email: 480, phone: 3, person_name: 2 },
    totalFindings: 485,
    truncated: false,
  };
}
