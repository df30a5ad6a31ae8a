import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isSynthError } from '../../core/index.js';
import { penguinReport } from '../../visualize/test-fixtures/report.js';
import { visualizeFile, visualizeInputSchema, visualizeOutputSchema } from './visualize.js';
import { validateOpInput } from '../validate-input.js';

const penguins = fileURLToPath(new URL('../../../test/fixtures/datasets/penguins.csv', import.meta.url));
const weather = fileURLToPath(new URL('../../../test/fixtures/datasets/seattle_weather.csv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'synthdata-visualize-op-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('visualizeFile', () => {
  it('writes one file per chart and lists them, with the scores chart from a report file', async () => {
    const reportPath = join(dir, 'report.json');
    writeFileSync(reportPath, JSON.stringify({ report: penguinReport() }));
    const out = join(dir, 'charts');
    const result = await visualizeFile({ path: penguins, reference: penguins, report: reportPath, out, charts: ['scores', 'histogram'], columns: ['Species', 'Body Mass (g)'], format: 'spec' });
    expect(result.files.map((f) => f.name)).toEqual(['scores-columns', 'histogram-species', 'histogram-body-mass-g']);
    expect(readdirSync(out).sort()).toEqual(['histogram-body-mass-g.vl.json', 'histogram-species.vl.json', 'scores-columns.vl.json']);
    expect(JSON.parse(readFileSync(result.files[2]!.path, 'utf8'))).toHaveProperty('encoding');
    expect(validateOpInput(visualizeOutputSchema, JSON.parse(JSON.stringify(result)), 'output')).toBeDefined();
  });

  it('writes PNG files for a lone table, typing CSV text columns from their values', async () => {
    const out = join(dir, 'png');
    const result = await visualizeFile({ path: weather, out, charts: ['heatmap'], format: 'png', scale: 1 });
    expect(result.files).toHaveLength(1);
    expect(readFileSync(result.files[0]!.path).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('computes the quality scores from the reference when no report is given', async () => {
    const out = join(dir, 'scores');
    const result = await visualizeFile({ path: penguins, reference: penguins, out, charts: ['scores'], format: 'svg' });
    expect(result.files.map((f) => f.name)).toEqual(['scores-columns']);
    expect(readFileSync(result.files[0]!.path, 'utf8')).toContain('Body Mass (g)');
  });

  it('rejects an unknown chart or format with UNKNOWN_NAME before reading anything', async () => {
    const chart = await visualizeFile({ path: 'nope.csv', out: dir, charts: ['pie'] }).catch((e: unknown) => e);
    expect(isSynthError(chart, 'UNKNOWN_NAME')).toBe(true);
    expect((chart as Error).message).toContain('histogram, scatter, heatmap, scores');
    const format = await visualizeFile({ path: 'nope.csv', out: dir, format: 'gif' }).catch((e: unknown) => e);
    expect(isSynthError(format, 'UNKNOWN_NAME')).toBe(true);
    const missing = await visualizeFile({ path: join(dir, 'nope.csv'), out: dir }).catch((e: unknown) => e);
    expect(isSynthError(missing, 'IO_NOT_FOUND')).toBe(true);
  });

  it('says so when the report file is not a report', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"synthdata.model"}');
    const err = await visualizeFile({ path: penguins, out: dir, report: bad, charts: ['scores'] }).catch((e: unknown) => e);
    expect(isSynthError(err, 'INVALID_ARGUMENT')).toBe(true);
  });

  it('has an input schema that accepts the CLI input', () => {
    expect(validateOpInput(visualizeInputSchema, { path: 'a.csv', out: 'dir', charts: ['histogram'], format: 'png' })).toBeDefined();
  });
});
