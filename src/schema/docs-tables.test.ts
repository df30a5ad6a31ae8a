import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { updateSchemaDoc } from './docs-tables.js';
import { EXTENSION_KEYWORDS, SUPPORTED_FORMATS } from './index.js';

const docPath = new URL('../../docs/schema.md', import.meta.url);

describe('docs/schema.md', () => {
  it('has the semantic name and expression function tables in step with the data (SYNTHDATA_UPDATE_DOCS=1 rewrites them)', () => {
    const text = readFileSync(docPath, 'utf8');
    const wanted = updateSchemaDoc(text);
    if (process.env.SYNTHDATA_UPDATE_DOCS === '1' && wanted !== text) writeFileSync(docPath, wanted);
    expect(text).toBe(wanted);
  });

  it('documents every extension keyword and format', () => {
    const text = readFileSync(docPath, 'utf8');
    for (const k of Object.keys(EXTENSION_KEYWORDS)) expect(text).toContain(`\`${k}\``);
    for (const f of SUPPORTED_FORMATS) expect(text).toContain(`\`${f}\``);
  });
});
