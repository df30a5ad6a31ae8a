import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, projectRoot } from '../../../test/e2e/run-cli.js';

const penguins = join(projectRoot, 'test/fixtures/datasets/penguins.csv');
let dir: string;
let synthetic: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthdata-cli-evaluate-'));
  const lines = readFileSync(penguins, 'utf8').trimEnd().split('\n');
  // A synthetic stand-in: every other row, with the rows reversed.
  synthetic = join(dir, 'synthetic.csv');
  writeFileSync(synthetic, [lines[0], ...lines.slice(1).filter((_, i) => i % 2 === 0).reverse()].join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each run starts a CLI process; run them side by side to keep the file fast.
describe.concurrent('synthdata evaluate / validate', () => {
  it('prints the verdict, properties and what needs attention', async () => {
    const r = await runCli(['evaluate', '--real', penguins, '--synthetic', synthetic, '--target', 'Species']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^172 synthetic rows vs 344 real rows, 7 column\(s\) compared/);
    expect(r.stdout).toMatch(/verdict (PASS|WARN|FAIL)\s+quality score 0\.\d{3}/);
    expect(r.stdout).toMatch(/column shapes\s+0\.\d{3}\s+pass/);
    expect(r.stdout).toMatch(/utility\s+\d\.\d{3}/);
    expect(r.stdout).toMatch(/seed 0/);
  });

  it('prints JSON with --json and writes the report file', async () => {
    const out = join(dir, 'report.json');
    const r = await runCli(['evaluate', '--real', penguins, '--synthetic', synthetic, '--metrics', 'quality', '--json', '--report', out, '--seed', '7']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { format: string; seed: string; metrics: string[] };
    expect(report).toMatchObject({ format: 'synthdata.report', seed: '7', metrics: ['quality'] });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(report);
  });

  it('validate runs without a reference, and with one under the requirement names', async () => {
    const a = await runCli(['validate', '--synthetic-dataset', synthetic, '--keys', 'Species']);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/validity\s+\d\.\d{3}\s+fail/);
    expect(a.stdout).toMatch(/key_uniqueness/);
  });

});
