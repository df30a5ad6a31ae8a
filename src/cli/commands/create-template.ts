import type { Command } from 'commander';
import { createTemplate } from '../../pipeline/index.js';

/** `synthdata create-template`: copy a library template (or plan one from a description) into a file to edit. */
export function register(program: Command): void {
  program
    .command('create-template')
    .description('write a template file to edit: a copy of a library template, or one planned from a description')
    .requiredOption('--domain <domain>', 'a domain or alias, e.g. legal, medical, telecom')
    .option('--template-type <task>', 'the task within the domain, e.g. contracts (default: the domain\'s main task)')
    .option('--from-description <text>', 'plan the fields from this description, starting from the domain\'s template')
    .requiredOption('-o, --output <file>', 'where to write the template (JSON)')
    .action(async (flags: { domain: string; templateType?: string; fromDescription?: string; output: string }) => {
      const result = await createTemplate({
        domain: flags.domain,
        output: flags.output,
        ...(flags.templateType !== undefined ? { task: flags.templateType } : {}),
        ...(flags.fromDescription !== undefined ? { fromDescription: flags.fromDescription } : {}),
      });
      process.stderr.write(`wrote ${result.path}: template ${result.name} with ${result.fields} fields\n`);
      for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
    });
}
