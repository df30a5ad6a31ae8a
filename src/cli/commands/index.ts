import type { Command } from 'commander';

/** One CLI command: it adds itself (and its sub-commands) to the program. */
export type CommandModule = { register(program: Command): void };

/**
 * Every command of the CLI by name, in help order. Each command only parses, calls a pipeline op and formats. The CLI
 * loads only the module of the command being run (all of them for help), so start-up stays quick.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  'generate': () => import('./generate.js'),
  'pipeline': () => import('./pipeline.js'),
  'schema': () => import('./schema.js'),
  'history': () => import('./history.js'),
  'serve': () => import('./serve.js'),
  'mcp': () => import('./mcp.js'),
  'keys': () => import('./keys.js'),
  'audit': () => import('./audit.js'),
  'visualize': () => import('./visualize.js'),
  'describe': () => import('./describe.js'),
  'templates': () => import('./templates.js'),
  'create-template': () => import('./create-template.js'),
  'scan': () => import('./scan.js'),
  'fit': () => import('./fit.js'),
  'sample': () => import('./sample.js'),
  'synthesise': () => import('./synthesise.js'),
  'evaluate': () => import('./evaluate.js'),
  'validate': () => import('./validate.js'),
};
