/**
 * Schema migrations of the SQLite store, applied in order and recorded in `schema_migrations`. Never edit a shipped
 * migration: add the next one.
 */
export const SQLITE_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        project TEXT NOT NULL,
        user TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        seed TEXT,
        schema_fingerprint TEXT,
        row_count INTEGER,
        input TEXT,
        result TEXT,
        error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX runs_project_created ON runs(project, created_at DESC, id DESC);
      CREATE INDEX runs_status ON runs(status);

      CREATE TABLE artifacts (
        id TEXT PRIMARY KEY,
        project TEXT NOT NULL,
        run_id TEXT REFERENCES runs(id),
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        media_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        location TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX artifacts_run ON artifacts(run_id);

      CREATE TABLE models (
        id TEXT PRIMARY KEY,
        project TEXT NOT NULL,
        user TEXT NOT NULL,
        synthesizer TEXT NOT NULL,
        document TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        ts INTEGER NOT NULL,
        event TEXT NOT NULL,
        user TEXT NOT NULL,
        role TEXT NOT NULL,
        project TEXT NOT NULL,
        run_id TEXT,
        schema_fingerprint TEXT,
        fields TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      -- Append-only: the store never updates or deletes audit rows, and the database refuses it too.
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        secret_hash TEXT NOT NULL UNIQUE,
        prefix TEXT NOT NULL,
        user TEXT NOT NULL,
        role TEXT NOT NULL,
        project TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );

      CREATE TABLE cache (
        namespace TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (namespace, key)
      );
    `,
  },
];
