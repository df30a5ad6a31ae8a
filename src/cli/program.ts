import { Command, CommanderError } from 'commander';
import { reportError, EXIT } from './exit.js';
import { COMMANDS } from './commands/index.js';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Builds the `synthdata` program with the commands registered: only `only` when given and known, else all. */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command('synthdata')
    .description('Synthetic data: generate from a JSON Schema, a description, a template or a real sample; scan, evaluate, visualize, export.')
    .version(pkg.version, '-v, --version')
    .showHelpAfterError()
    .exitOverride();
  const loader = only !== undefined && Object.hasOwn(COMMANDS, only) ? COMMANDS[only] : undefined;
  const loaders = loader ? [loader] : Object.values(COMMANDS);
  for (const load of loaders) (await load()).register(program);
  return program;
}

/** Runs the CLI with `argv` (as in process.argv); sets process.exitCode, never throws. */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    const program = await buildProgram(argv[2]);
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
