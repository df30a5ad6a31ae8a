import { SynthError } from '../core/index.js';
import type { Actor, Role, Store } from '../store/index.js';
import { LOCAL_ACTOR } from './context.js';

/** The roles allowed to do something, or `public` for what needs no key at all. */
export type AccessRule = readonly Role[] | 'public';

/**
 * Who may do what, by kind of operation. The REST access matrix and the MCP tool table both point at these rows, so
 * a role has the same powers whichever adapter it comes through.
 */
export const ACCESS_RULES = {
  /** Making new tables: pipeline runs, generation, fitting a synthesizer, uploading a sample. */
  generate: ['qa-engineer', 'ml-engineer', 'admin'],
  /** Judging or picturing tables: evaluation, charts, PII scans. */
  judge: ['qa-engineer', 'ml-engineer', 'compliance-admin', 'admin'],
  /** Reading runs of the project: history, one run, its events, reports and charts. */
  readRuns: ['qa-engineer', 'ml-engineer', 'compliance-admin', 'admin'],
  /** Downloading the dataset a run generated. */
  exportDataset: ['qa-engineer', 'ml-engineer', 'admin'],
  /** Reading and verifying the audit log. */
  audit: ['compliance-admin', 'admin'],
  /** Creating, listing and revoking API keys. */
  keys: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * What a caller asked for, as the audit log records it, e.g. `{ route: 'GET /api/audit' }` or
 * `{ adapter: 'mcp', tool: 'run_pipeline' }`.
 */
export interface AccessTarget {
  readonly adapter?: 'mcp';
  readonly route?: string;
  readonly tool?: string;
  readonly resource?: string;
}

/** A caller as the adapter sees it: the key it sent (if any) and the address it came from. */
export interface Credentials {
  readonly secret: string | undefined;
  readonly address: string | undefined;
}

/** What checking a caller needs: the store (opened on first use) and whether local single-user mode is on. */
export interface AccessDeps {
  readonly store: () => Store;
  readonly localMode: boolean;
}

/** Who a denied caller without a valid key is recorded as. */
const ANONYMOUS = { user: 'anonymous', role: 'none', project: 'unknown' } as const;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** True for 127.0.0.0/8 and ::1, also in their IPv4-mapped IPv6 form. */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.test(address);
}

/** The key in HTTP request headers: `Authorization: Bearer KEY` or `X-API-Key: KEY`. */
export function apiKeyOf(headers: Readonly<Record<string, string | string[] | undefined>>): string | undefined {
  const auth = headers.authorization;
  if (typeof auth === 'string' && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, '').trim();
  const header = headers['x-api-key'];
  return typeof header === 'string' && header !== '' ? header.trim() : undefined;
}

/** True when `rule` lets `role` in; no rule at all means closed. */
export function allows(rule: AccessRule | undefined, role: Role): boolean {
  if (rule === undefined) return false;
  return rule === 'public' || rule.includes(role);
}

/**
 * Works out who is calling: a valid key's owner, or the local user when local mode is on and the caller is on
 * loopback without a key. Otherwise records AccessDenied and throws AUTH_REQUIRED.
 */
export async function resolveActor(deps: AccessDeps, credentials: Credentials, target: AccessTarget): Promise<Actor> {
  const { secret, address } = credentials;
  if (secret !== undefined) {
    const key = await deps.store().findKey(secret);
    if (key) return { user: key.user, role: key.role, project: key.project };
    await recordDenial(deps.store(), ANONYMOUS, target, 'unknown or revoked key', address);
    throw new SynthError('AUTH_REQUIRED', 'the API key is unknown or revoked', { hint: 'Ask an admin for a key: synthdata keys create --user U --role R --project P' });
  }
  if (deps.localMode && isLoopback(address)) return LOCAL_ACTOR;
  await recordDenial(deps.store(), ANONYMOUS, target, 'no API key', address);
  throw new SynthError('AUTH_REQUIRED', `${targetName(target)} needs an API key`, { hint: 'Send it as "Authorization: Bearer KEY" or "X-API-Key: KEY".' });
}

/** Throws AUTH_FORBIDDEN, after recording AccessDenied, unless `rule` lets the actor's role in. */
export async function requireRole(store: () => Store, actor: Actor, rule: AccessRule | undefined, target: AccessTarget, address: string | undefined): Promise<void> {
  if (allows(rule, actor.role)) return;
  // The store is opened only to record a refusal, so an allowed call that needs no store never opens it.
  await recordDenial(store(), actor, target, `role ${actor.role} may not call ${targetName(target)}`, address);
  throw new SynthError('AUTH_FORBIDDEN', `the role "${actor.role}" may not call ${targetName(target)}`, { path: target.tool ?? target.resource ?? target.route });
}

/** Appends an AccessDenied entry naming the caller, what they asked for, why they were refused and from where. */
export async function recordDenial(
  store: Store, who: { readonly user: string; readonly role: string; readonly project: string }, target: AccessTarget, reason: string, address: string | undefined,
): Promise<void> {
  await store.appendAudit({ event: 'AccessDenied', user: who.user, role: who.role, project: who.project, fields: { ...target, reason, ip: address ?? null } });
}

function targetName(target: AccessTarget): string {
  if (target.tool !== undefined) return `the tool "${target.tool}"`;
  if (target.resource !== undefined) return `the resource "${target.resource}"`;
  return target.route ?? 'this endpoint';
}
