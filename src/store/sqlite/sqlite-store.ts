import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SynthError, systemClock, type Clock } from '../../core/index.js';
import { auditHash, GENESIS_HASH, verifyChain } from '../audit-chain.js';
import { hashKeySecret, newId, newKeySecret } from '../api-keys.js';
import { ArtifactsFolder, safeFileName } from '../artifacts-folder.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import type {
  Actor, ApiKeyRecord, ArtifactRecord, AuditEntry, AuditFilter, AuditInput, AuditVerification, ModelRecord,
  NewArtifact, NewRun, Page, Role, RunFilter, RunPatch, RunRecord, RunStatus, Store,
} from '../types.js';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** The data folder: `synthdata.db` and `artifacts/` live here. Default `./.synthdata`. */
  readonly dir?: string;
  /** `:memory:` for a throwaway database (artifacts still go to `dir`). */
  readonly filename?: string;
  readonly clock?: Clock;
}

type Row = Record<string, unknown>;

/**
 * The zero-config store: SQLite (WAL) for metadata and an artifacts folder for files.
 * @example const store = openSqliteStore({ dir: '.synthdata' })
 */
export function openSqliteStore(options: SqliteStoreOptions = {}): Store {
  const dir = options.dir ?? '.synthdata';
  try {
    mkdirSync(dir, { recursive: true });
    const db = new Database(options.filename ?? join(dir, 'synthdata.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return new SqliteStore(db, new ArtifactsFolder(join(dir, 'artifacts')), options.clock ?? systemClock);
  } catch (e) {
    if (e instanceof SynthError) throw e;
    throw new SynthError('STORE_FAILED', `cannot open the store in "${dir}": ${(e as Error).message}`, { cause: e });
  }
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const newest = Math.max(0, ...applied);
  const known = Math.max(...SQLITE_MIGRATIONS.map((m) => m.version));
  if (newest > known) {
    throw new SynthError('STORE_FAILED', `the database was written by a newer synthdata (schema version ${newest}, this one knows ${known})`, { hint: 'Upgrade synthdata.' });
  }
  for (const m of SQLITE_MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, 0);
    })();
  }
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));
const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : null);

class SqliteStore implements Store {
  readonly kind = 'sqlite';

  constructor(
    private readonly db: Database.Database,
    private readonly artifacts: ArtifactsFolder,
    private readonly clock: Clock,
  ) {}

  async createRun(run: NewRun): Promise<RunRecord> {
    const now = this.clock.now();
    const id = newId('run');
    this.db.prepare(`INSERT INTO runs (id, project, user, kind, status, seed, schema_fingerprint, row_count, input, result, error, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)`).run(
      id, run.project, run.user, run.kind, run.status ?? 'queued', run.seed ?? null, run.schemaFingerprint ?? null,
      run.rowCount ?? null, json(run.input), now, now,
    );
    return (await this.getRun(id, run.project))!;
  }

  async updateRun(id: string, patch: RunPatch): Promise<RunRecord> {
    const row = this.db.prepare('SELECT project FROM runs WHERE id = ?').get(id) as { project: string } | undefined;
    if (!row) throw new SynthError('NOT_FOUND', `no run "${id}"`, { path: id });
    const sets: string[] = ['updated_at = @now'];
    const params: Row = { id, now: this.clock.now() };
    if (patch.status !== undefined) { sets.push('status = @status'); params.status = patch.status; }
    if (patch.rowCount !== undefined) { sets.push('row_count = @rowCount'); params.rowCount = patch.rowCount; }
    if (patch.result !== undefined) { sets.push('result = @result'); params.result = json(patch.result); }
    if (patch.error !== undefined) { sets.push('error = @error'); params.error = json(patch.error); }
    this.db.prepare(`UPDATE runs SET ${sets.join(', ')} WHERE id = @id`).run(params);
    return (await this.getRun(id, row.project))!;
  }

  async getRun(id: string, project: string): Promise<RunRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ? AND project = ?').get(id, project) as Row | undefined;
    return row ? toRun(row) : undefined;
  }

  async listRuns(filter: RunFilter): Promise<Page<RunRecord>> {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    const where = ['project = @project'];
    const params: Row = { project: filter.project, limit: limit + 1 };
    if (filter.user !== undefined) { where.push('user = @user'); params.user = filter.user; }
    if (filter.status !== undefined) { where.push('status = @status'); params.status = filter.status; }
    if (filter.from !== undefined) { where.push('created_at >= @from'); params.from = filter.from; }
    if (filter.to !== undefined) { where.push('created_at < @to'); params.to = filter.to; }
    if (filter.cursor) {
      const [t, id] = decodeCursor(filter.cursor);
      where.push('(created_at < @ct OR (created_at = @ct AND id < @cid))');
      params.ct = t;
      params.cid = id;
    }
    const rows = this.db.prepare(`SELECT * FROM runs WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT @limit`).all(params) as Row[];
    const items = rows.slice(0, limit).map(toRun);
    const last = items[items.length - 1];
    return { items, next: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
  }

  async failInterruptedRuns(reason: string): Promise<string[]> {
    const rows = this.db.prepare("SELECT id FROM runs WHERE status IN ('queued', 'running')").all() as { id: string }[];
    const update = this.db.prepare("UPDATE runs SET status = 'failed', error = ?, updated_at = ? WHERE id = ?");
    const now = this.clock.now();
    this.db.transaction(() => {
      for (const r of rows) update.run(json({ code: 'INTERNAL', message: reason }), now, r.id);
    })();
    return rows.map((r) => r.id);
  }

  async putArtifact(a: NewArtifact): Promise<ArtifactRecord> {
    const id = newId('art');
    const location = `${safeFileName(a.project)}/${id}-${safeFileName(a.name)}`;
    const { bytes, sha256 } = await this.artifacts.write(location, a.content);
    const now = this.clock.now();
    try {
      this.db.prepare(`INSERT INTO artifacts (id, project, run_id, name, kind, media_type, bytes, sha256, location, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, a.project, a.runId ?? null, a.name, a.kind, a.mediaType, bytes, sha256, location, now);
    } catch (e) {
      await this.artifacts.remove(location);
      throw new SynthError('STORE_FAILED', `cannot record artifact "${a.name}": ${(e as Error).message}`, { cause: e });
    }
    return (await this.getArtifact(id, a.project))!;
  }

  async getArtifact(id: string, project: string): Promise<ArtifactRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM artifacts WHERE id = ? AND project = ?').get(id, project) as Row | undefined;
    return row ? toArtifact(row) : undefined;
  }

  async listArtifacts(runId: string, project: string): Promise<ArtifactRecord[]> {
    return (this.db.prepare('SELECT * FROM artifacts WHERE run_id = ? AND project = ? ORDER BY created_at, id').all(runId, project) as Row[]).map(toArtifact);
  }

  readArtifact(record: ArtifactRecord): AsyncIterable<Uint8Array> {
    return this.artifacts.read(record.location);
  }

  async putModel(m: Omit<ModelRecord, 'id' | 'createdAt'>): Promise<ModelRecord> {
    const id = newId('mdl');
    const now = this.clock.now();
    this.db.prepare('INSERT INTO models (id, project, user, synthesizer, document, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, m.project, m.user, m.synthesizer, JSON.stringify(m.document), now);
    return { ...m, id, createdAt: now };
  }

  async getModel(id: string, project: string): Promise<ModelRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM models WHERE id = ? AND project = ?').get(id, project) as Row | undefined;
    if (!row) return undefined;
    return { id: String(row.id), project: String(row.project), user: String(row.user), synthesizer: String(row.synthesizer), document: parse(row.document), createdAt: Number(row.created_at) };
  }

  async appendAudit(input: AuditInput): Promise<AuditEntry> {
    // One transaction reads the tail and appends, so concurrent writers still form a single chain.
    return this.db.transaction((): AuditEntry => {
      const tail = this.db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
      const body = {
        seq: (tail?.seq ?? 0) + 1,
        ts: this.clock.now(),
        event: input.event,
        user: input.user,
        role: input.role,
        project: input.project,
        runId: input.runId ?? null,
        schemaFingerprint: input.schemaFingerprint ?? null,
        fields: input.fields ?? {},
        prevHash: tail?.hash ?? GENESIS_HASH,
      };
      const entry: AuditEntry = { ...body, hash: auditHash(body) };
      this.db.prepare(`INSERT INTO audit (seq, ts, event, user, role, project, run_id, schema_fingerprint, fields, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        entry.seq, entry.ts, entry.event, entry.user, entry.role, entry.project, entry.runId, entry.schemaFingerprint,
        JSON.stringify(entry.fields), entry.prevHash, entry.hash,
      );
      return entry;
    }).immediate();
  }

  async listAudit(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: Row = { limit: Math.min(filter.limit ?? 1000, 100_000) };
    if (filter.project !== undefined) { where.push('project = @project'); params.project = filter.project; }
    if (filter.event !== undefined) { where.push('event = @event'); params.event = filter.event; }
    if (filter.runId !== undefined) { where.push('run_id = @runId'); params.runId = filter.runId; }
    if (filter.fromSeq !== undefined) { where.push('seq >= @fromSeq'); params.fromSeq = filter.fromSeq; }
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT @limit`;
    return (this.db.prepare(sql).all(params) as Row[]).map(toAudit);
  }

  async verifyAudit(): Promise<AuditVerification> {
    // Rows are read in the order they were stored (rowid), not by seq, so a reordering shows as a sequence break.
    const iter = this.db.prepare('SELECT * FROM audit ORDER BY rowid').iterate() as Iterable<Row>;
    function* entries(): Iterable<AuditEntry> {
      for (const row of iter) yield toAudit(row);
    }
    return verifyChain(entries());
  }

  async createKey(owner: Actor): Promise<{ record: ApiKeyRecord; secret: string }> {
    const secret = newKeySecret();
    const id = newId('key');
    const now = this.clock.now();
    this.db.prepare('INSERT INTO api_keys (id, secret_hash, prefix, user, role, project, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)')
      .run(id, hashKeySecret(secret), secret.slice(0, 8), owner.user, owner.role, owner.project, now);
    return { record: { id, user: owner.user, role: owner.role, project: owner.project, createdAt: now, revokedAt: null, prefix: secret.slice(0, 8) }, secret };
  }

  async findKey(secret: string): Promise<ApiKeyRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM api_keys WHERE secret_hash = ? AND revoked_at IS NULL').get(hashKeySecret(secret)) as Row | undefined;
    return row ? toKey(row) : undefined;
  }

  async listKeys(project?: string): Promise<ApiKeyRecord[]> {
    const rows = project === undefined
      ? this.db.prepare('SELECT * FROM api_keys ORDER BY created_at, id').all()
      : this.db.prepare('SELECT * FROM api_keys WHERE project = ? ORDER BY created_at, id').all(project);
    return (rows as Row[]).map(toKey);
  }

  async revokeKey(id: string): Promise<ApiKeyRecord | undefined> {
    this.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(this.clock.now(), id);
    const row = this.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(id) as Row | undefined;
    return row ? toKey(row) : undefined;
  }

  async getCache(namespace: string, key: string): Promise<unknown> {
    const row = this.db.prepare('SELECT value FROM cache WHERE namespace = ? AND key = ?').get(namespace, key) as { value: string } | undefined;
    return row ? JSON.parse(row.value) : undefined;
  }

  async putCache(namespace: string, key: string, value: unknown): Promise<void> {
    this.db.prepare('INSERT INTO cache (namespace, key, value, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(namespace, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at')
      .run(namespace, key, JSON.stringify(value), this.clock.now());
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function toRun(r: Row): RunRecord {
  return {
    id: String(r.id), project: String(r.project), user: String(r.user), kind: String(r.kind), status: r.status as RunStatus,
    seed: (r.seed as string | null) ?? null, schemaFingerprint: (r.schema_fingerprint as string | null) ?? null,
    rowCount: r.row_count === null ? null : Number(r.row_count), input: parse(r.input), result: parse(r.result), error: parse(r.error),
    createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
  };
}

function toArtifact(r: Row): ArtifactRecord {
  return {
    id: String(r.id), project: String(r.project), runId: (r.run_id as string | null) ?? null, name: String(r.name), kind: String(r.kind),
    mediaType: String(r.media_type), bytes: Number(r.bytes), sha256: String(r.sha256), location: String(r.location), createdAt: Number(r.created_at),
  };
}

function toAudit(r: Row): AuditEntry {
  return {
    seq: Number(r.seq), ts: Number(r.ts), event: r.event as AuditEntry['event'], user: String(r.user), role: String(r.role), project: String(r.project),
    runId: (r.run_id as string | null) ?? null, schemaFingerprint: (r.schema_fingerprint as string | null) ?? null,
    fields: JSON.parse(String(r.fields)) as Record<string, unknown>, prevHash: String(r.prev_hash), hash: String(r.hash),
  };
}

function toKey(r: Row): ApiKeyRecord {
  return {
    id: String(r.id), user: String(r.user), role: r.role as Role, project: String(r.project), createdAt: Number(r.created_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at), prefix: String(r.prefix),
  };
}

function encodeCursor(t: number, id: string): string {
  return Buffer.from(JSON.stringify([t, id])).toString('base64url');
}

function decodeCursor(cursor: string): [number, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through to the error below
  }
  throw new SynthError('INVALID_ARGUMENT', 'the page cursor is not one this server gave out', { path: 'cursor' });
}
