import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerSynthesiseValidate } from './synthesise-validate.js';

const cars = fileURLToPath(new URL('../../../test/fixtures/datasets/cars.csv', import.meta.url));
let dir: string;
let synthetic: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthdata-synthesise-validate-'));
  const lines = readFileSync(cars, 'utf8').trimEnd().split('\n');
  synthetic = join(dir, 'synthetic.csv');
  writeFileSync(synthetic, [lines[0]!.replace('Origin', 'Region'), ...lines.slice(1).filter((_, i) => i % 2 === 1)].join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<string> {
  const program = new Command('synthdata').exitOverride();
  registerSynthesiseValidate(program.command('synthesise'));
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'synthdata', 'synthesise', 'validate', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('synthdata synthesise validate', () => {
  it('prints schema match, distribution similarity, PII, text similarity and diversity', async () => {
    const out = await run(['--original', cars, '--synthetic', synthetic, '--quiet']);
    expect(out).toMatch(/^schema match: no \(8 common columns\)/);
    expect(out).toMatch(/only in original: Origin/);
    expect(out).toMatch(/only in synthetic: Region/);
    expect(out).toMatch(/distribution similarity: 0\.\d{3} \(column shapes 0\.\d{3}, column pair trends 0\.\d{3}\)/);
    expect(out).toMatch(/PII detected: /);
    expect(out).toMatch(/semantic similarity of text columns \(TF-IDF cosine of word distributions\):\ncolumn\s+similarity/);
    expect(out).toMatch(/Name\s+0\.\d{3}/);
    expect(out).toMatch(/diversity: \d\.\d{3} \(mean entropy ratio over 8 columns; duplicate rows 0\.\d{3}\)/);
  });

  it('prints JSON with the schema match and text similarity added', async () => {
    const json = JSON.parse(await run(['--original', cars, '--synthetic', synthetic, '--json'])) as { format: string; schemaMatch: { matches: boolean }; textSimilarity: unknown[] };
    expect(json.format).toBe('synthdata.report');
    expect(json.schemaMatch.matches).toBe(false);
    expect(json.textSimilarity).toHaveLength(1);
  });
});
