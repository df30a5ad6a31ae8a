import { SynthError } from '../../core/index.js';
import { ROLES, type ApiKeyRecord, type Role } from '../../store/index.js';
import type { OpContext } from '../context.js';

/** JSON Schema of {@link createKey}'s input. */
export const createKeyInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['user', 'role', 'project'],
  properties: {
    user: { type: 'string', minLength: 1, maxLength: 200 },
    role: { enum: ROLES },
    project: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._-]+$' },
  },
} as const;

/** Creates an API key bound to a user, a role and a project; the secret is shown once and only its hash is kept. */
export async function createKey(ctx: OpContext, input: { user: string; role: string; project: string }): Promise<{ key: ApiKeyRecord; secret: string }> {
  if (!(ROLES as readonly string[]).includes(input.role)) {
    throw new SynthError('UNKNOWN_NAME', `unknown role "${input.role}"; roles are ${ROLES.join(', ')}`, { path: 'role', expected: ROLES, received: input.role });
  }
  if (!/^[A-Za-z0-9._-]+$/.test(input.project)) {
    throw new SynthError('INVALID_ARGUMENT', `project names use letters, digits, dot, dash and underscore; got "${input.project}"`, { path: 'project' });
  }
  if (input.user.trim() === '') throw new SynthError('INVALID_ARGUMENT', 'user must not be empty', { path: 'user' });
  const { record, secret } = await ctx.store.createKey({ user: input.user, role: input.role as Role, project: input.project });
  await ctx.store.appendAudit({
    event: 'KeyCreated', user: ctx.actor.user, role: ctx.actor.role, project: input.project,
    fields: { keyId: record.id, keyUser: record.user, keyRole: record.role, prefix: record.prefix },
  });
  return { key: record, secret };
}

/** Lists keys (never their secrets), of one project or all. */
export async function listKeys(ctx: OpContext, input: { project?: string } = {}): Promise<ApiKeyRecord[]> {
  return ctx.store.listKeys(input.project);
}

/** Revokes a key; NOT_FOUND when there is no such key. */
export async function revokeKey(ctx: OpContext, input: { id: string }): Promise<ApiKeyRecord> {
  const record = await ctx.store.revokeKey(input.id);
  if (!record) throw new SynthError('NOT_FOUND', `no key "${input.id}"`, { path: 'id', hint: 'List keys with `synthdata keys list`.' });
  await ctx.store.appendAudit({
    event: 'KeyRevoked', user: ctx.actor.user, role: ctx.actor.role, project: record.project,
    fields: { keyId: record.id, keyUser: record.user, keyRole: record.role },
  });
  return record;
}
