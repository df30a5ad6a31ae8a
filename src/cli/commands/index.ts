import type { Command } from 'commander';

/** One CLI command: it adds itself (and its sub-commands) to the program. */
export type CommandModule = { register(program: Command): void };

/**
 * Every command of the CLI, in help order. Each command only parses, calls a pipeline op and formats.
 */
export const COMMANDS: readonly (() => Promise<CommandModule>)[] = [
  () => import('./generate.js'),
];
