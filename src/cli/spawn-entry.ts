import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs another entry point of the package (the server, the MCP server) as a child process sharing this terminal, and
 * resolves with its exit code. Adapters never import each other, so the CLI starts them this way. `relative` is
 * written without extension, relative to src/cli or dist/cli.
 */
export function runEntry(relative: string, env: Record<string, string | undefined> = {}): Promise<number> {
  const fromSources = import.meta.url.endsWith('.ts');
  const file = fileURLToPath(new URL(`${relative}.${fromSources ? 'ts' : 'js'}`, import.meta.url));
  // From sources (tests, development) the child needs the TypeScript loader, found from here rather than the cwd.
  const args = fromSources ? ['--import', import.meta.resolve('tsx'), file] : [file];
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}
