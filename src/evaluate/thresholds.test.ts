import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSynthError } from '../core/index.js';
import { DEFAULT_THRESHOLDS, judgeScore, resolveThresholds, worstVerdict } from './thresholds.js';

describe('thresholds', () => {
  it('are documented in docs/evaluation.md exactly as defined', () => {
    const doc = readFileSync(new URL('../../docs/evaluation.md', import.meta.url), 'utf8');
    for (const [id, t] of Object.entries(DEFAULT_THRESHOLDS)) {
      expect(doc, id).toContain(`| \`${id}\` | ${t.goal} | ${t.pass} | ${t.warn} |`);
    }
  });

  it('judge a score and say why', () => {
    const t = { goal: 'maximize' as const, pass: 0.8, warn: 0.6 };
    expect(judgeScore(0.9, t, 'x')).toEqual({ verdict: 'pass', reason: 'x 0.9 is at or above the pass threshold 0.8' });
    expect(judgeScore(0.7, t, 'x').verdict).toBe('warn');
    expect(judgeScore(0.5, t, 'x').reason).toBe('x 0.5 is below the warn threshold 0.6');
    expect(judgeScore(0.02, { goal: 'minimize', pass: 0.01, warn: 0.05 }, 'y').verdict).toBe('warn');
    expect(worstVerdict(['pass', 'warn'])).toBe('warn');
  });

  it('take overrides and refuse unknown ids or out-of-order pairs', () => {
    expect(resolveThresholds({ ks_complement: { pass: 0.95 } }).ks_complement).toEqual({ goal: 'maximize', pass: 0.95, warn: 0.7 });
    const bads: Record<string, { pass: number; warn?: number }>[] = [{ ks_complemnt: { pass: 1 } }, { ks_complement: { pass: 0.5, warn: 0.9 } }];
    for (const bad of bads) {
      try {
        resolveThresholds(bad);
        expect.unreachable();
      } catch (e) {
        expect(isSynthError(e)).toBe(true);
      }
    }
  });
});
