import type { Command } from 'commander';
import { pipelineHistory } from '../../pipeline/index.js';
import { withLocalContext } from '../context.js';
import { table } from './keys.js';

/** `synthdata history`: past runs of the local store, newest first. */
export function register(program: Command): void {
  program
    .command('history')
    .description('list past pipeline runs, newest first')
    .option('--user <user>', 'only runs by this user')
    .option('--status <status>', 'queued, running, succeeded, failed or blocked')
    .option('--from <date>', 'runs created at or after this date')
    .option('--to <date>', 'runs created before this date')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print as JSON')
    .action(async (flags: { user?: string; status?: string; from?: string; to?: string; limit: string; json?: boolean }) => {
      const page = await withLocalContext((ctx) => pipelineHistory(ctx, { ...flags, limit: Number(flags.limit) }));
      if (flags.json) {
        process.stdout.write(JSON.stringify(page, null, 2) + '\n');
        return;
      }
      const rows = page.items.map((r) => [r.id, new Date(r.createdAt).toISOString().replace('T', ' ').slice(0, 19), r.kind, r.status, r.user, r.rowCount === null ? '' : String(r.rowCount)]);
      process.stdout.write(rows.length ? table(['run', 'created', 'kind', 'status', 'user', 'rows'], rows) : 'no runs yet\n');
    });
}
