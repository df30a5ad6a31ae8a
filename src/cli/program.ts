import { Command, CommanderError } from 'commander';
import { reportError, EXIT } from './exit.js';
import { COMMANDS } from './commands/index.js';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Builds the `synthdata` program with every command registered. */
export async function buildProgram(): Promise<Command> {
  const program = new Command('synthdata')
    .description('Synthetic data: generate from a JSON Schema, a description, a template or a real sample; scan, evaluate, visualize, export.')
    .version(pkg.version, '-v, --version')
    .showHelpAfterError()
    .exitOverride();
  for (const load of COMMANDS) (await load()).register(program);
  return program;
}

/** Runs the CLI with `argv` (as in process.argv); sets process.exitCode, never throws. */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    const program = await buildProgram();
    await program.parseAsync(argv as string[]);
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander has already printed its message (unknown option, missing argument, --help, --version)
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.input;
      return;
    }
    reportError(e);
  }
}
