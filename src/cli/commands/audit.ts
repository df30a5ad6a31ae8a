import type { Command } from 'commander';
import { once } from 'node:events';
import { exportAudit, verifyAudit } from '../../pipeline/index.js';
import { SynthError } from '../../core/index.js';
import { withLocalContext } from '../context.js';

/** `synthdata audit export|verify`: the append-only, hash-chained audit trail. */
export function register(program: Command): void {
  const audit = program.command('audit').description('export or verify the tamper-evident audit log');
  audit
    .command('export')
    .description('print the audit log')
    .option('--format <format>', 'jsonl, json or csv', 'jsonl')
    .option('--project <project>', 'only this project')
    .option('--event <event>', 'only this event')
    .action(async (flags: { format: string; project?: string; event?: string }) => {
      await withLocalContext(async (ctx) => {
        for await (const chunk of exportAudit(ctx, flags)) {
          if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
        }
      });
    });
  audit
    .command('verify')
    .description('check that no entry was edited, deleted or reordered; names the first bad one')
    .action(async () => {
      const result = await withLocalContext((ctx) => verifyAudit(ctx));
      if (!result.ok) {
        throw new SynthError('AUDIT_CHAIN_BROKEN', `the audit log does not verify at entry ${result.firstBad!.seq}: ${result.firstBad!.reason}`, { path: `audit#${result.firstBad!.seq}` });
      }
      process.stdout.write(`ok: ${result.entries} entries, chain intact\n`);
    });
}
