import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSynthError } from '../../core/index.js';
import { fitFile } from './fit.js';
import { sampleFile } from './sample.js';
import { synthesiseFile, synthesisePreview } from './synthesise.js';

const PENGUINS = new URL('../../../test/fixtures/datasets/penguins.csv', import.meta.url).pathname;

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return isSynthError(e) ? e.code : `other: ${String(e)}`;
  }
  return undefined;
}

describe('fit, sample and synthesise ops', () => {
  const dir = mkdtempSync(join(tmpdir(), 'synthdata-learn-'));
  const modelPath = join(dir, 'model.json');

  it('fits a model file and samples the same bytes for the same seed', async () => {
    const fit = await fitFile({ dataPath: PENGUINS, out: modelPath, seed: 1 });
    expect(fit).toMatchObject({ synthesizer: 'cart', seed: '1', rows: 344 });
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    await sampleFile({ modelPath, rows: 500, out: a, seed: 9, where: { Species: 'Adelie' } });
    await sampleFile({ modelPath, rows: 500, out: b, seed: 9, where: { Species: 'Adelie' } });
    const text = readFileSync(a, 'utf8');
    expect(text).toBe(readFileSync(b, 'utf8'));
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(501);
    expect(lines.slice(1).every((l) => l.startsWith('Adelie,'))).toBe(true);
  });

  it('learns from a seeded uniform sample of a file bigger than maxFitRows, and says so', async () => {
    const warnings: string[] = [];
    const onEvent = (e: { type: string; message?: string }) => {
      if (e.type === 'warning' && e.message !== undefined) warnings.push(e.message);
    };
    const out = join(dir, 'sampled.json');
    const fit = await fitFile({ dataPath: PENGUINS, out, seed: 4, maxFitRows: 120, onEvent });
    expect(fit).toMatchObject({ rows: 120, inputRows: 344 });
    expect(warnings.some((w) => w.includes('120 of the 344 rows'))).toBe(true);
    const again = join(dir, 'sampled-again.json');
    await fitFile({ dataPath: PENGUINS, out: again, seed: 4, maxFitRows: 120 });
    const strip = (path: string) => JSON.stringify({ ...(JSON.parse(readFileSync(path, 'utf8')) as object), createdAt: null });
    expect(strip(again)).toBe(strip(out));
    // synthesise makes as many rows as the file holds, not as the sample.
    const synth = await synthesiseFile({ inputPath: PENGUINS, outputPath: join(dir, 'sampled.csv'), seed: 4, maxFitRows: 120 });
    expect(synth).toMatchObject({ rows: 344, inputRows: 344 });
    expect(await codeOf(fitFile({ dataPath: PENGUINS, out, maxFitRows: 0 }))).toBe('INVALID_ARGUMENT');
  });

  it('synthesise writes the rows that fit then sample write for the same seed', async () => {
    const one = join(dir, 'one-shot.csv');
    await synthesiseFile({ inputPath: PENGUINS, outputPath: one, seed: 12, count: 400 });
    const model = join(dir, 'two-step.json');
    await fitFile({ dataPath: PENGUINS, out: model, seed: 12 });
    const two = join(dir, 'two-step.csv');
    await sampleFile({ modelPath: model, rows: 400, out: two });
    expect(readFileSync(one, 'utf8')).toBe(readFileSync(two, 'utf8'));
  });

  it('writes the format of the extension', async () => {
    const out = join(dir, 'out.jsonl');
    const r = await synthesiseFile({ inputPath: PENGUINS, outputPath: out, count: 20, seed: 2 });
    expect(r).toMatchObject({ format: 'jsonl', rows: 20, inputRows: 344 });
    expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => Object.keys(JSON.parse(l) as object).length)[0]).toBeGreaterThan(5);
    const preview = await synthesisePreview({ inputPath: PENGUINS, count: 3, seed: 2 });
    expect(preview.rows).toHaveLength(3);
  });

  it('reports bad input with a code and leaves no file behind', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, 'a,b\n');
    expect(await codeOf(fitFile({ dataPath: empty, out: join(dir, 'x.json') }))).toMatch(/IO_EMPTY|LEARN_BAD_TABLE/);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
    const newer = join(dir, 'newer.json');
    writeFileSync(newer, JSON.stringify({ ...JSON.parse(readFileSync(modelPath, 'utf8')) as object, version: 99 }));
    expect(await codeOf(sampleFile({ modelPath: newer, rows: 5, out: join(dir, 'y.csv') }))).toBe('LEARN_MODEL_VERSION');
    expect(await codeOf(sampleFile({ modelPath, rows: 5, out: join(dir, 'y.csv'), where: { Species: 'Emperor' } }))).toBe('LEARN_BAD_CONDITION');
    expect(existsSync(join(dir, 'y.csv'))).toBe(false);
  });
});
