import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/index.js';
import { storeContract } from '../store.contract.js';
import { openSqliteStore } from './sqlite-store.js';

let dir = '';
const clock = fixedClock(1_800_000_000_000);

storeContract('sqlite', {
  async open() {
    dir = mkdtempSync(join(tmpdir(), 'synthdata-store-'));
    // a ticking clock so "newest first" has something to order by
    return openSqliteStore({ dir, clock: { now: () => { clock.advance(1); return clock.now(); } } });
  },
  async tamperAudit(seq, change) {
    const db = new Database(join(dir, 'synthdata.db'));
    db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
    if (change === 'edit') db.prepare("UPDATE audit SET fields = '{\"i\":99}' WHERE seq = ?").run(seq);
    if (change === 'delete') db.prepare('DELETE FROM audit WHERE seq = ?').run(seq);
    if (change === 'swap-with-next') {
      const a = db.prepare('SELECT * FROM audit WHERE seq = ?').get(seq) as Record<string, unknown>;
      const b = db.prepare('SELECT * FROM audit WHERE seq = ?').get(seq + 1) as Record<string, unknown>;
      const set = db.prepare('UPDATE audit SET ts = ?, fields = ?, prev_hash = ?, hash = ? WHERE seq = ?');
      set.run(b.ts, b.fields, b.prev_hash, b.hash, seq);
      set.run(a.ts, a.fields, a.prev_hash, a.hash, seq + 1);
    }
    db.close();
  },
  async cleanup() {
    rmSync(dir, { recursive: true, force: true });
  },
});

describe('sqlite store', () => {
  it('refuses to update or delete audit rows at the database level', async () => {
    const d = mkdtempSync(join(tmpdir(), 'synthdata-store-'));
    const store = openSqliteStore({ dir: d });
    await store.appendAudit({ event: 'KeyCreated', user: 'admin', role: 'admin', project: 'p' });
    await store.close();
    const db = new Database(join(d, 'synthdata.db'));
    expect(() => db.prepare("UPDATE audit SET user = 'eve'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    db.close();
    rmSync(d, { recursive: true, force: true });
  });

  it('reopens an existing database without re-running migrations, keeping data', async () => {
    const d = mkdtempSync(join(tmpdir(), 'synthdata-store-'));
    const a = openSqliteStore({ dir: d });
    const run = await a.createRun({ project: 'p', user: 'u', kind: 'generate' });
    await a.close();
    const b = openSqliteStore({ dir: d });
    expect((await b.getRun(run.id, 'p'))!.id).toBe(run.id);
    await b.close();
    rmSync(d, { recursive: true, force: true });
  });

  it('keeps a single chain when many appends race', async () => {
    const d = mkdtempSync(join(tmpdir(), 'synthdata-store-'));
    const s = openSqliteStore({ dir: d });
    await Promise.all(Array.from({ length: 50 }, (_, i) => s.appendAudit({ event: 'VizCompleted', user: 'u', role: 'admin', project: 'p', fields: { i } })));
    expect(await s.verifyAudit()).toEqual({ ok: true, entries: 50 });
    await s.close();
    rmSync(d, { recursive: true, force: true });
  });
});
