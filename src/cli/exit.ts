import { ERROR_CODES, toSynthError, type SynthError } from '../core/index.js';

/** Exit codes of the CLI: 0 ok, 1 internal fault, 2 bad input, 3 blocked by a PII policy. */
export const EXIT = { ok: 0, internal: 1, input: 2, blocked: 3 } as const;

/** Formats an error as `error[CODE]: message (at path)` plus any further issues and a hint, never a stack trace. */
export function formatError(err: SynthError): string {
  const lines = [`error[${err.code}]: ${err.message}${err.path ? ` (at ${err.path})` : ''}`];
  for (const issue of err.issues.slice(1, 50)) {
    lines.push(`  - ${issue.message}${issue.path ? ` (at ${issue.path})` : ''}`);
  }
  if (err.issues.length > 50) lines.push(`  ... and ${err.issues.length - 50} more`);
  if (err.hint) lines.push(`  hint: ${err.hint}`);
  return lines.join('\n');
}

/** The exit code for an error: 3 when a policy blocked, 2 for input errors, 1 for internal faults. */
export function exitCodeFor(err: SynthError): number {
  if (err.code === 'PII_BLOCKED') return EXIT.blocked;
  return ERROR_CODES[err.code].kind === 'input' ? EXIT.input : EXIT.internal;
}

/** Prints any thrown value as an error line on stderr and sets the exit code. A stack only with SYNTHDATA_DEBUG=1. */
export function reportError(e: unknown): void {
  const err = toSynthError(e);
  process.stderr.write(formatError(err) + '\n');
  if (process.env.SYNTHDATA_DEBUG === '1' && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
  process.exitCode = exitCodeFor(err);
}
