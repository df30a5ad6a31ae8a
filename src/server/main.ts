#!/usr/bin/env node
// The server's own entry point: `synthdata serve` starts it as a process, so the CLI never imports the server.
import { loadConfig } from '../pipeline/index.js';
import { toSynthError } from '../core/index.js';
import { startServer } from './start.js';

try {
  await startServer(loadConfig());
} catch (e) {
  const err = toSynthError(e);
  process.stderr.write(`error[${err.code}]: ${err.message}\n`);
  process.exit(err.isInputError ? 2 : 1);
}
