// Writes docs/errors.md from the error catalogue in src/core/error-codes.ts.
import { writeFileSync } from 'node:fs';
import { renderErrorsMarkdown } from '../src/core/error-codes.js';

writeFileSync(new URL('../docs/errors.md', import.meta.url), renderErrorsMarkdown());
