import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng, type Table } from '../core/index.js';
import { evaluate } from './evaluate.js';
import { loadCsv } from './test-fixtures/load-csv.js';
import { shuffledColumns } from './test-fixtures/tables.js';

// The reference judge re-implements SDMetrics' QualityReport; on the same files our scores must agree within 0.01.
const PYTHON = '/usr/bin/python3';
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const JUDGE = process.env.SYNTHDATA_JUDGE ?? join(SHARED, 'judge/judge.py');
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/datasets/', import.meta.url));

function judgeAvailable(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  if (!existsSync(JUDGE)) return `${JUDGE} not found (set SYNTHDATA_JUDGE)`;
  try {
    execFileSync(PYTHON, ['-c', 'import numpy, pandas, scipy'], { stdio: 'ignore' });
  } catch {
    return `${PYTHON} lacks numpy, pandas or scipy (apt-get install -y python3-pandas python3-scipy)`;
  }
  return undefined;
}

const missing = judgeAvailable();
const tmp = mkdtempSync(join(tmpdir(), 'synthdata-judge-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeCsv(table: Table, path: string): string {
  const lines = [table.fields.map((f) => csvCell(f.name)).join(',')];
  for (let i = 0; i < table.length; i++) lines.push(table.columns.map((c) => csvCell(c[i])).join(','));
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** A perturbed copy: numbers jittered, a share of categories swapped, some cells nulled, rows resampled. */
function perturbed(table: Table, seed: number): Table {
  const rng = new Rng(seed);
  const rows = Array.from({ length: table.length }, () => rng.int(0, table.length - 1));
  const columns = table.columns.map((c, j) => {
    const r = rng.fork(j);
    const present = c.filter((v) => v !== null);
    return rows.map((i) => {
      const v = c[i];
      if (r.bool(0.03)) return null;
      if (typeof v === 'number') return Math.round((v * (1 + r.normal(0, 0.05))) * 100) / 100;
      if (r.bool(0.1) && present.length > 0) return r.pick(present);
      return v;
    });
  });
  return { fields: table.fields, columns, length: table.length };
}

interface JudgeScores {
  overall: number | null;
  column_shapes: number | null;
  column_pair_trends: number | null;
}

// One Python process judges every case: importing pandas costs more than all the scoring.
const DRIVER = `
import json, sys, warnings
sys.path.insert(0, sys.argv[1])
import pandas as pd
import judge as j
out = []
for c in json.loads(sys.stdin.read()):
    real = pd.read_csv(c['real'], low_memory=False)
    synth = pd.read_csv(c['synthetic'], low_memory=False)
    types = j.types_from_metadata(c['metadata'], real.columns) if c.get('metadata') else j.infer_column_types(real)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        res = j.judge(real, synth, types, privacy=False)
    out.append(j._clean({k: res[k] for k in ('overall', 'column_shapes', 'column_pair_trends')}))
print(json.dumps(out))
`;

function runJudge(list: readonly { real: string; synthetic: string; metadata?: string }[]): JudgeScores[] {
  const input = JSON.stringify(list);
  return JSON.parse(execFileSync(PYTHON, ['-c', DRIVER, dirname(JUDGE)], { input, encoding: 'utf8', maxBuffer: 64 << 20 })) as JudgeScores[];
}

async function ours(real: string, synthetic: string, metadata?: string): Promise<JudgeScores> {
  const meta = metadata === undefined ? undefined : (JSON.parse((await import('node:fs')).readFileSync(metadata, 'utf8')) as unknown);
  const r = await evaluate(loadCsv(real), loadCsv(synthetic), { metrics: ['quality'], ...(meta !== undefined ? { metadata: meta } : {}) });
  const prop = (n: string) => r.properties.find((p) => p.name === n)?.score ?? null;
  return { overall: r.score, column_shapes: prop('column_shapes'), column_pair_trends: prop('column_pair_trends') };
}

function expectAgree(a: JudgeScores, b: JudgeScores): void {
  for (const key of ['overall', 'column_shapes', 'column_pair_trends'] as const) {
    if (b[key] === null) expect(a[key], key).toBeNull();
    else expect(Math.abs(a[key]! - b[key]!), `${key}: ours ${a[key]} vs judge ${b[key]}`).toBeLessThan(0.01);
  }
}

const cases: { name: string; real: string; synthetic: () => string; metadata?: string }[] = [];
for (const name of ['penguins', 'cars', 'seattle_weather']) {
  const real = join(FIXTURES, `${name}.csv`);
  cases.push({ name: `${name} vs a perturbed copy`, real, synthetic: () => writeCsv(perturbed(loadCsv(real), 11), join(tmp, `${name}.perturbed.csv`)) });
  cases.push({ name: `${name} vs shuffled columns`, real, synthetic: () => writeCsv(shuffledColumns(loadCsv(real), 5), join(tmp, `${name}.shuffled.csv`)) });
}
// SDV outputs for the shared tables, with their metadata, when ../shared is present.
for (const [table, model] of [['penguins', 'ctgan'], ['cars', 'gaussian_copula'], ['titanic', 'gaussian_copula'], ['movies', 'gaussian_copula']] as const) {
  const real = join(SHARED, `datasets/${table}.csv`);
  const synthetic = join(SHARED, `peers/sdv/synthetic/${table}.${model}.csv`);
  const metadata = join(SHARED, `judge/metadata/${table}.json`);
  if (existsSync(real) && existsSync(synthetic) && existsSync(metadata)) {
    cases.push({ name: `${table} vs SDV ${model} (metadata)`, real, synthetic: () => synthetic, metadata });
    cases.push({ name: `${table} vs SDV ${model} (inferred sdtypes)`, real, synthetic: () => synthetic });
  }
}

describe('agreement with the reference judge (judge.py)', () => {
  if (missing !== undefined) {
    console.warn(`judge agreement tests skipped: ${missing}`);
    it.skip(`skipped: ${missing}`, () => {});
    return;
  }
  const files = cases.map((c) => ({ real: c.real, synthetic: '', ...(c.metadata !== undefined ? { metadata: c.metadata } : {}) }));
  let expected: JudgeScores[] = [];
  beforeAll(() => {
    cases.forEach((c, i) => {
      files[i]!.synthetic = c.synthetic();
    });
    expected = runJudge(files);
  });
  cases.forEach((c, i) => {
    it(`agrees within 0.01 on ${c.name}`, async () => {
      const f = files[i]!;
      expectAgree(await ours(f.real, f.synthetic, f.metadata), expected[i]!);
    });
  });
});
