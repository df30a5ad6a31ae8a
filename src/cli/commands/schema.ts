import type { Command } from 'commander';
import { schemaCheck, schemaInfer } from '../../pipeline/index.js';
import { EXIT } from '../exit.js';
import { parsePositiveInt } from '../options.js';

/** `synthdata schema check|infer`: explain every issue of a schema, or infer one from a sample table. */
export function register(program: Command): void {
  const schema = program.command('schema').description('check a JSON Schema, or infer one from a sample table');

  schema
    .command('check')
    .description('validate a schema and explain every issue at once, with its JSON pointer')
    .argument('<file>', 'JSON Schema of one record (our dialect: docs/schema.md)')
    .option('-n, --rows <n>', 'rows you mean to generate (checks that x-unique properties have enough values)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: { rows?: string; json?: boolean }) => {
      const rows = flags.rows === undefined ? undefined : parsePositiveInt('--rows', flags.rows);
      const result = await schemaCheck({ schemaPath: file, ...(rows !== undefined ? { rows } : {}) });
      if (flags.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else if (result.valid) {
        process.stdout.write(`ok: ${file} is a valid schema (${result.properties} propert${result.properties === 1 ? 'y' : 'ies'}, ${result.hinted} with x- hints)\n`);
      } else {
        const lines = result.issues.map((i) => `error[${i.code}]: ${i.message}${i.path ? ` (at ${i.path})` : ''}${i.hint ? `\n  hint: ${i.hint}` : ''}`);
        process.stderr.write(lines.join('\n') + `\n${result.issues.length} issue${result.issues.length === 1 ? '' : 's'} in ${file}\n`);
      }
      if (!result.valid) process.exitCode = EXIT.input;
    });

  schema
    .command('infer')
    .description('infer a schema with x- hints from a sample table (CSV, JSON, JSONL, YAML, Parquet, XLSX), for a person to review')
    .argument('<data>', 'the sample table')
    .option('-o, --out <file>', 'write the schema here (default: standard output)')
    .option('--max-enum <n>', 'columns with at most this many distinct values become an enum', '20')
    .option('--title <title>', 'the schema title (default: the file name)')
    .action(async (data: string, flags: { out?: string; maxEnum: string; title?: string }) => {
      const maxEnum = parsePositiveInt('--max-enum', flags.maxEnum);
      const result = await schemaInfer({ dataPath: data, maxEnum, ...(flags.out !== undefined ? { out: flags.out } : {}), ...(flags.title !== undefined ? { title: flags.title } : {}) });
      if (result.path === null) process.stdout.write(JSON.stringify(result.schema, null, 2) + '\n');
      else process.stderr.write(`wrote ${result.path}: ${result.columns} columns inferred from ${result.rows} rows; review it before use\n`);
    });
}
