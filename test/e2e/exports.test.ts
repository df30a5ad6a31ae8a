import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './run-cli.js';

const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  exports: Record<string, { types: string; default: string } | string>;
  bin: Record<string, string>;
};
const src = join(projectRoot, 'src');
const folders = readdirSync(src).filter((f) => statSync(join(src, f)).isDirectory());
// Adapters are programs, not library entries.
const PROGRAMS = new Set(['cli', 'mcp']);

describe('package export map', () => {
  it('exports every library folder through its index, and nothing else', () => {
    const exported = Object.keys(pkg.exports).filter((k) => k !== '.' && k !== './package.json').map((k) => k.slice(2)).sort();
    const expected = folders.filter((f) => !PROGRAMS.has(f) && existsSync(join(src, f, 'index.ts'))).sort();
    expect(exported).toEqual(expected);
    for (const name of exported) {
      const entry = pkg.exports[`./${name}`] as { types: string; default: string };
      expect(entry.default).toBe(`./dist/${name}/index.js`);
      expect(entry.types).toBe(`./dist/${name}/index.d.ts`);
    }
  });

  it('has one public entry per folder with explicit named exports (no export *)', () => {
    for (const f of folders) {
      const index = join(src, f, 'index.ts');
      if (!existsSync(index)) continue;
      expect(readFileSync(index, 'utf8'), `${f}/index.ts`).not.toMatch(/export \* from/);
    }
  });

  it('installs the CLI under both names', () => {
    expect(pkg.bin).toEqual({ synthdata: 'dist/cli/main.js', 'synthetic-data': 'dist/cli/main.js' });
  });
});
