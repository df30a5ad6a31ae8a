import { SynthError } from '../../core/index.js';
import { AUDIT_EVENTS, type AuditEntry, type AuditEventName, type AuditVerification } from '../../store/index.js';
import type { OpContext } from '../context.js';

/** Formats the audit log can be exported in. */
export const AUDIT_EXPORT_FORMATS = ['jsonl', 'json', 'csv'] as const;

/** Streams the audit log as text in `format`, page by page, so a long log never has to fit in memory. */
export async function* exportAudit(ctx: OpContext, input: { format?: string; project?: string; event?: string } = {}): AsyncIterable<string> {
  const format = input.format ?? 'jsonl';
  if (!(AUDIT_EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new SynthError('IO_UNKNOWN_FORMAT', `unknown audit export format "${format}"; use ${AUDIT_EXPORT_FORMATS.join(', ')}`, { path: 'format' });
  }
  if (input.event !== undefined && !(AUDIT_EVENTS as readonly string[]).includes(input.event)) {
    throw new SynthError('UNKNOWN_NAME', `unknown audit event "${input.event}"; events are ${AUDIT_EVENTS.join(', ')}`, { path: 'event' });
  }
  const pageSize = 1000;
  let fromSeq = 1;
  let first = true;
  if (format === 'json') yield '[';
  if (format === 'csv') yield 'seq,ts,event,user,role,project,runId,schemaFingerprint,fields,prevHash,hash\n';
  for (;;) {
    const page: AuditEntry[] = await ctx.store.listAudit({ fromSeq, limit: pageSize, project: input.project, event: input.event as AuditEventName | undefined });
    for (const e of page) {
      if (format === 'jsonl') yield JSON.stringify(e) + '\n';
      else if (format === 'json') yield (first ? '\n' : ',\n') + JSON.stringify(e);
      else yield [e.seq, new Date(e.ts).toISOString(), e.event, e.user, e.role, e.project, e.runId ?? '', e.schemaFingerprint ?? '', JSON.stringify(e.fields), e.prevHash, e.hash].map(csvCell).join(',') + '\n';
      first = false;
    }
    if (page.length < pageSize) break;
    fromSeq = page[page.length - 1]!.seq + 1;
  }
  if (format === 'json') yield first ? ']\n' : '\n]\n';
}

/** Checks the whole audit chain; names the first edited, deleted or reordered entry. */
export async function verifyAudit(ctx: OpContext): Promise<AuditVerification> {
  return ctx.store.verifyAudit();
}

function csvCell(v: unknown): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
