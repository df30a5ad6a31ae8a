import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import type { Store } from './types.js';

/** How a store implementation under test is opened, tampered with and closed. */
export interface StoreHarness {
  open(): Promise<Store>;
  /** Edits the audit row with `seq` behind the store's back (as an attacker with database access would). */
  tamperAudit(seq: number, change: 'edit' | 'delete' | 'swap-with-next'): Promise<void>;
  cleanup(): Promise<void>;
}

async function readAll(it: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of it) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** The behaviour every Store implementation must have (SQLite now, PostgreSQL later). */
export function storeContract(name: string, harness: StoreHarness): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
      await harness.cleanup();
    });

    it('creates, updates and reads runs, scoped to their project', async () => {
      const run = await store.createRun({ project: 'p1', user: 'ann', kind: 'generate', seed: '42', input: { rows: 10 } });
      expect(run.status).toBe('queued');
      expect(run.input).toEqual({ rows: 10 });
      const done = await store.updateRun(run.id, { status: 'succeeded', rowCount: 10, result: { ok: true } });
      expect(done.status).toBe('succeeded');
      expect(done.result).toEqual({ ok: true });
      expect(await store.getRun(run.id, 'p1')).toMatchObject({ id: run.id, rowCount: 10 });
      expect(await store.getRun(run.id, 'p2')).toBeUndefined();
      await expect(store.updateRun('run_missing', { status: 'failed' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('lists runs newest first, filtered and paged', async () => {
      for (let i = 0; i < 7; i++) await store.createRun({ project: 'p', user: i % 2 ? 'bob' : 'ann', kind: 'generate', status: i === 3 ? 'failed' : 'succeeded' });
      await store.createRun({ project: 'other', user: 'ann', kind: 'generate' });
      const first = await store.listRuns({ project: 'p', limit: 3 });
      expect(first.items).toHaveLength(3);
      expect(first.next).not.toBeNull();
      const second = await store.listRuns({ project: 'p', limit: 3, cursor: first.next! });
      const third = await store.listRuns({ project: 'p', limit: 3, cursor: second.next! });
      const ids = [...first.items, ...second.items, ...third.items].map((r) => r.id);
      expect(new Set(ids).size).toBe(7);
      expect(third.next).toBeNull();
      expect((await store.listRuns({ project: 'p', user: 'bob' })).items).toHaveLength(3);
      expect((await store.listRuns({ project: 'p', status: 'failed' })).items).toHaveLength(1);
      await expect(store.listRuns({ project: 'p', cursor: 'garbage' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    });

    it('marks interrupted runs as failed', async () => {
      const a = await store.createRun({ project: 'p', user: 'u', kind: 'generate', status: 'running' });
      const b = await store.createRun({ project: 'p', user: 'u', kind: 'generate', status: 'succeeded' });
      expect(await store.failInterruptedRuns('server restarted')).toEqual([a.id]);
      expect((await store.getRun(a.id, 'p'))!.status).toBe('failed');
      expect((await store.getRun(b.id, 'p'))!.status).toBe('succeeded');
    });

    it('stores artifacts from buffers and streams, with size and hash, scoped to the project', async () => {
      const run = await store.createRun({ project: 'p', user: 'u', kind: 'generate' });
      async function* chunks() {
        yield 'a,b\n';
        yield Buffer.from('1,2\n');
      }
      const csv = await store.putArtifact({ project: 'p', runId: run.id, name: 'data.csv', kind: 'dataset', mediaType: 'text/csv', content: chunks() });
      expect(csv.bytes).toBe(8);
      expect(csv.sha256).toHaveLength(64);
      expect((await readAll(store.readArtifact(csv))).toString()).toBe('a,b\n1,2\n');
      await store.putArtifact({ project: 'p', runId: run.id, name: '../../escape.svg', kind: 'chart', mediaType: 'image/svg+xml', content: Buffer.from('<svg/>') });
      expect((await store.listArtifacts(run.id, 'p')).map((a) => a.kind)).toEqual(['dataset', 'chart']);
      expect(await store.getArtifact(csv.id, 'other')).toBeUndefined();
    });

    it('stores models as JSON documents', async () => {
      const m = await store.putModel({ project: 'p', user: 'u', synthesizer: 'gaussian-copula', document: { format: 'synthdata.model', version: 1 } });
      expect((await store.getModel(m.id, 'p'))!.document).toEqual({ format: 'synthdata.model', version: 1 });
      expect(await store.getModel(m.id, 'q')).toBeUndefined();
    });

    it('chains audit entries and verifies the chain', async () => {
      for (let i = 0; i < 5; i++) {
        await store.appendAudit({ event: 'DataGenCompleted', user: 'ann', role: 'qa-engineer', project: 'p', runId: `run_${i}`, fields: { rowCount: i } });
      }
      const entries = await store.listAudit();
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
      expect(await store.verifyAudit()).toEqual({ ok: true, entries: 5 });
      expect(await store.listAudit({ runId: 'run_2' })).toHaveLength(1);
    });

    for (const change of ['edit', 'delete', 'swap-with-next'] as const) {
      it(`detects an audit entry that was tampered with (${change}) and names the first bad one`, async () => {
        for (let i = 0; i < 5; i++) await store.appendAudit({ event: 'EvalCompleted', user: 'u', role: 'admin', project: 'p', fields: { i } });
        await harness.tamperAudit(3, change);
        const v = await store.verifyAudit();
        expect(v.ok).toBe(false);
        expect(v.firstBad!.seq).toBeGreaterThanOrEqual(3);
        expect(v.firstBad!.seq).toBeLessThanOrEqual(4);
        expect(v.firstBad!.reason.length).toBeGreaterThan(10);
      });
    }

    it('keeps only key hashes, finds live keys, and revokes', async () => {
      const { record, secret } = await store.createKey({ user: 'ann', role: 'qa-engineer', project: 'p' });
      expect(secret).toMatch(/^sd_/);
      expect(JSON.stringify(await store.listKeys())).not.toContain(secret);
      expect((await store.findKey(secret))!.id).toBe(record.id);
      expect(await store.findKey(secret + 'x')).toBeUndefined();
      expect((await store.revokeKey(record.id))!.revokedAt).not.toBeNull();
      expect(await store.findKey(secret)).toBeUndefined();
      expect(await store.listKeys('p')).toHaveLength(1);
      expect(await store.listKeys('q')).toHaveLength(0);
    });

    it('caches JSON values by namespace and key', async () => {
      expect(await store.getCache('plans', 'k')).toBeUndefined();
      await store.putCache('plans', 'k', { a: 1 });
      await store.putCache('plans', 'k', { a: 2 });
      expect(await store.getCache('plans', 'k')).toEqual({ a: 2 });
    });
  });
}
