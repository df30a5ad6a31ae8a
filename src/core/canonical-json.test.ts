import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprint, sha256 } from './canonical-json.js';

describe('canonical JSON and fingerprints', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 0 }], u: undefined })).toBe('{"a":[2,{"c":0,"d":1}],"b":1}');
  });

  it('gives equal fingerprints for documents that differ only in key order', () => {
    const a = { type: 'object', properties: { x: { type: 'integer', minimum: 0 } } };
    const b = { properties: { x: { minimum: 0, type: 'integer' } }, type: 'object' };
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fingerprint(a)).not.toBe(fingerprint({ ...a, required: ['x'] }));
  });

  it('hashes with SHA-256', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
