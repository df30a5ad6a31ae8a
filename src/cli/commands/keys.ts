import type { Command } from 'commander';
import { createKey, listKeys, revokeKey } from '../../pipeline/index.js';
import { withLocalContext } from '../context.js';

/** `synthdata keys create|list|revoke`: API keys for the server, kept as hashes in the local store. */
export function register(program: Command): void {
  const keys = program.command('keys').description('manage API keys (only their hashes are stored)');
  keys
    .command('create')
    .description('create a key bound to a user, a role and a project; the secret is printed once')
    .requiredOption('--user <user>', 'who the key belongs to')
    .requiredOption('--role <role>', 'qa-engineer, ml-engineer, compliance-admin or admin')
    .requiredOption('--project <project>', 'the project the key can see')
    .option('--json', 'print as JSON')
    .action(async (flags: { user: string; role: string; project: string; json?: boolean }) => {
      const { key, secret } = await withLocalContext((ctx) => createKey(ctx, flags));
      if (flags.json) process.stdout.write(JSON.stringify({ ...key, secret }) + '\n');
      else {
        process.stdout.write(`${secret}\n`);
        process.stderr.write(`key ${key.id} for ${key.user} (${key.role}) in project ${key.project}; store the secret now, it is not shown again\n`);
      }
    });
  keys
    .command('list')
    .description('list keys (never their secrets)')
    .option('--project <project>', 'only this project')
    .option('--json', 'print as JSON')
    .action(async (flags: { project?: string; json?: boolean }) => {
      const items = await withLocalContext((ctx) => listKeys(ctx, { project: flags.project }));
      if (flags.json) {
        process.stdout.write(JSON.stringify(items, null, 2) + '\n');
        return;
      }
      const rows = items.map((k) => [k.id, k.prefix + '…', k.user, k.role, k.project, new Date(k.createdAt).toISOString(), k.revokedAt ? 'revoked' : 'active']);
      process.stdout.write(table(['id', 'prefix', 'user', 'role', 'project', 'created', 'state'], rows));
    });
  keys
    .command('revoke')
    .description('revoke a key by id')
    .argument('<id>', 'the key id (from keys list)')
    .action(async (id: string) => {
      const key = await withLocalContext((ctx) => revokeKey(ctx, { id }));
      process.stderr.write(`revoked ${key.id} (${key.user}, ${key.role}, ${key.project})\n`);
    });
}

/** A plain text table with aligned columns. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
