/**
 * store: the Store interface and its implementations (SQLite by default). The only folder that imports a database
 * driver.
 * @module
 */
export { openSqliteStore } from './sqlite/sqlite-store.js';
export type { SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { verifyChain, auditHash, GENESIS_HASH } from './audit-chain.js';
export { ROLES, RUN_STATUSES, AUDIT_EVENTS } from './types.js';
export type {
  Store, Role, RunStatus, Actor, RunRecord, NewRun, RunPatch, RunFilter, Page, ArtifactRecord, NewArtifact, ModelRecord,
  AuditEventName, AuditInput, AuditEntry, AuditFilter, AuditVerification, ApiKeyRecord,
} from './types.js';
