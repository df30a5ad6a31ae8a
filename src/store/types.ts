/**
 * The Store: where runs, datasets, models, artifacts, the audit trail, API keys and caches live. Every
 * implementation (SQLite by default, PostgreSQL when one machine is not enough) passes store.contract.ts.
 */

/** The roles an API key can carry. */
export const ROLES = ['qa-engineer', 'ml-engineer', 'compliance-admin', 'admin'] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** The states of a run; `failed` is also what an interrupted run becomes on restart. */
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'blocked'] as const;
/** One of {@link RUN_STATUSES}. */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Who asks: every read and write is scoped to a project. */
export interface Actor {
  readonly user: string;
  readonly role: Role;
  readonly project: string;
}

/** A pipeline run as stored. `input` and `result` are JSON documents. */
export interface RunRecord {
  readonly id: string;
  readonly project: string;
  readonly user: string;
  readonly kind: string;
  readonly status: RunStatus;
  readonly seed: string | null;
  readonly schemaFingerprint: string | null;
  readonly rowCount: number | null;
  readonly input: unknown;
  readonly result: unknown;
  readonly error: unknown;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** Fields of a new run. */
export interface NewRun {
  readonly project: string;
  readonly user: string;
  readonly kind: string;
  readonly status?: RunStatus;
  readonly seed?: string | null;
  readonly schemaFingerprint?: string | null;
  readonly rowCount?: number | null;
  readonly input?: unknown;
}

/** What may change on a run. */
export interface RunPatch {
  readonly status?: RunStatus;
  readonly rowCount?: number | null;
  readonly result?: unknown;
  readonly error?: unknown;
}

/** Filters of {@link Store.listRuns}; results come newest first, paged by `cursor`. */
export interface RunFilter {
  readonly project: string;
  readonly user?: string;
  readonly status?: RunStatus;
  readonly from?: number;
  readonly to?: number;
  readonly limit?: number;
  readonly cursor?: string;
}

/** A page of results and the cursor of the next page, if any. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

/** A stored file (dataset, chart, report) belonging to a run or uploaded on its own. */
export interface ArtifactRecord {
  readonly id: string;
  readonly project: string;
  readonly runId: string | null;
  readonly name: string;
  readonly kind: string;
  readonly mediaType: string;
  readonly bytes: number;
  readonly sha256: string;
  /** Path relative to the artifacts folder. */
  readonly location: string;
  readonly createdAt: number;
}

/** A new artifact: its bytes come from a buffer or a stream. */
export interface NewArtifact {
  readonly project: string;
  readonly runId?: string | null;
  readonly name: string;
  readonly kind: string;
  readonly mediaType: string;
  readonly content: Uint8Array | AsyncIterable<Uint8Array | string>;
}

/** A fitted model stored as its JSON document. */
export interface ModelRecord {
  readonly id: string;
  readonly project: string;
  readonly user: string;
  readonly synthesizer: string;
  readonly document: unknown;
  readonly createdAt: number;
}

/** The audit events the pipeline may record (the fixed list). */
export const AUDIT_EVENTS = [
  'DataGenStarted', 'DataGenCompleted', 'DataGenFailed', 'FitCompleted', 'EvalCompleted', 'VizCompleted',
  'PIIDetected', 'ExportTriggered', 'ExportBlocked', 'DatasetUploaded', 'AccessDenied', 'KeyCreated', 'KeyRevoked',
  'RunInterrupted',
] as const;
/** One of {@link AUDIT_EVENTS}. */
export type AuditEventName = (typeof AUDIT_EVENTS)[number];

/** What a caller records; the store adds sequence, time and the hash chain. */
export interface AuditInput {
  readonly event: AuditEventName;
  readonly user: string;
  readonly role: string;
  readonly project: string;
  readonly runId?: string | null;
  readonly schemaFingerprint?: string | null;
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** One entry of the append-only, hash-chained audit log. */
export interface AuditEntry {
  readonly seq: number;
  readonly ts: number;
  readonly event: AuditEventName;
  readonly user: string;
  readonly role: string;
  readonly project: string;
  readonly runId: string | null;
  readonly schemaFingerprint: string | null;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
}

/** Filters of {@link Store.listAudit}. */
export interface AuditFilter {
  readonly project?: string;
  readonly event?: AuditEventName;
  readonly runId?: string;
  readonly fromSeq?: number;
  readonly limit?: number;
}

/** The result of checking the audit chain: where it first breaks, if it does. */
export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly firstBad?: { readonly seq: number; readonly reason: string };
}

/** An API key as stored: only the hash of its secret. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly user: string;
  readonly role: Role;
  readonly project: string;
  readonly createdAt: number;
  readonly revokedAt: number | null;
  /** The first characters of the secret, to tell keys apart in lists. */
  readonly prefix: string;
}

/** The persistence port of synthdata. */
export interface Store {
  readonly kind: string;
  createRun(run: NewRun): Promise<RunRecord>;
  updateRun(id: string, patch: RunPatch): Promise<RunRecord>;
  getRun(id: string, project: string): Promise<RunRecord | undefined>;
  listRuns(filter: RunFilter): Promise<Page<RunRecord>>;
  /** Marks every queued or running run as failed (after a crash); returns their ids. */
  failInterruptedRuns(reason: string): Promise<string[]>;

  putArtifact(artifact: NewArtifact): Promise<ArtifactRecord>;
  getArtifact(id: string, project: string): Promise<ArtifactRecord | undefined>;
  listArtifacts(runId: string, project: string): Promise<ArtifactRecord[]>;
  /** The artifact's bytes as a stream. */
  readArtifact(record: ArtifactRecord): AsyncIterable<Uint8Array>;

  putModel(model: Omit<ModelRecord, 'id' | 'createdAt'>): Promise<ModelRecord>;
  getModel(id: string, project: string): Promise<ModelRecord | undefined>;

  appendAudit(input: AuditInput): Promise<AuditEntry>;
  listAudit(filter?: AuditFilter): Promise<AuditEntry[]>;
  verifyAudit(): Promise<AuditVerification>;

  createKey(owner: Actor): Promise<{ record: ApiKeyRecord; secret: string }>;
  /** The key whose secret this is, if it exists and is not revoked. */
  findKey(secret: string): Promise<ApiKeyRecord | undefined>;
  listKeys(project?: string): Promise<ApiKeyRecord[]>;
  revokeKey(id: string): Promise<ApiKeyRecord | undefined>;

  getCache(namespace: string, key: string): Promise<unknown>;
  putCache(namespace: string, key: string, value: unknown): Promise<void>;

  close(): Promise<void>;
}
