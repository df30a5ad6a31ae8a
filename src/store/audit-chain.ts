import { canonicalJson, sha256 } from '../core/index.js';
import type { AuditEntry, AuditVerification } from './types.js';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hash of an entry: SHA-256 over the previous hash and the canonical JSON of every other field. */
export function auditHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { prevHash, ...rest } = entry;
  return sha256(`${prevHash}\n${canonicalJson(rest)}`);
}

/**
 * Walks entries in sequence order and reports the first one that breaks the chain: an edited entry (its hash no
 * longer matches), a deleted one (a gap in the sequence or a prevHash that points elsewhere) or a reordered one.
 */
export function verifyChain(entries: Iterable<AuditEntry>): AuditVerification {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const e of entries) {
    count++;
    if (e.seq !== expectedSeq) {
      const reason = e.seq > expectedSeq
        ? `entries ${expectedSeq}..${e.seq - 1} are missing (deleted)`
        : `entry ${e.seq} appears out of order (expected ${expectedSeq})`;
      return { ok: false, entries: count, firstBad: { seq: e.seq, reason } };
    }
    if (e.prevHash !== prev) {
      return { ok: false, entries: count, firstBad: { seq: e.seq, reason: 'its prevHash does not match the entry before it (an entry was removed, inserted or reordered)' } };
    }
    const { hash, ...rest } = e;
    if (auditHash(rest) !== hash) {
      return { ok: false, entries: count, firstBad: { seq: e.seq, reason: 'its content does not match its hash (the entry was edited)' } };
    }
    prev = hash;
    expectedSeq++;
  }
  return { ok: true, entries: count };
}
