import { describe, expect, it } from 'vitest';
import { runDetectorContract } from './detectors.contract.js';
import { getPiiDetector, PII_DETECTORS } from './registry.js';
import { PII_TYPES } from './types.js';
import { isSynthError } from '../core/index.js';

for (const detector of Object.values(PII_DETECTORS)) runDetectorContract(detector);

describe('PII detector registry', () => {
  it('covers every PII type', () => {
    const covered = new Set(Object.values(PII_DETECTORS).flatMap((d) => d.types));
    for (const t of PII_TYPES) expect(covered.has(t), t).toBe(true);
  });

  it('rejects an unknown id with UNKNOWN_NAME listing the valid ones', () => {
    try {
      getPiiDetector('emial');
      expect.unreachable();
    } catch (e) {
      expect(isSynthError(e, 'UNKNOWN_NAME')).toBe(true);
      expect((e as Error).message).toContain('email');
      expect((e as Error).message).toContain('person-name');
    }
  });
});
