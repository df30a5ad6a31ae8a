import type { Command } from 'commander';
import { listTemplates, loadTemplate } from '../../pipeline/index.js';

/** `synthdata templates list | show NAME`: the domain template library. */
export function register(program: Command): void {
  const templates = program.command('templates').description('list and show the domain templates (healthcare, finance, legal, ...)');

  templates
    .command('list')
    .description('list every domain and task, with aliases')
    .option('--json', 'print the list as JSON')
    .action((flags: { json?: boolean }) => {
      const { templates: all, domains } = listTemplates();
      if (flags.json) {
        process.stdout.write(JSON.stringify({ templates: all, domains }, null, 2) + '\n');
        return;
      }
      const width = Math.max(...all.map((t) => t.name.length));
      const lines: string[] = [];
      for (const d of domains) {
        lines.push(`${d.domain}${d.aliases.length > 0 ? ` (also: ${d.aliases.join(', ')})` : ''}`);
        for (const t of all.filter((x) => x.domain === d.domain)) lines.push(`  ${t.name.padEnd(width)}  ${String(t.fields).padStart(2)} fields  ${t.title}`);
      }
      lines.push('', `${all.length} templates in ${domains.length} domains. Show one with: synthdata templates show healthcare/clinical-notes`);
      process.stdout.write(lines.join('\n') + '\n');
    });

  templates
    .command('show')
    .description('print a template\'s schema (domain/task, or a domain alone for its default task)')
    .argument('<name>', 'e.g. healthcare/clinical-notes, medical/lab-results, telecom')
    .option('--summary', 'print fields and description instead of the schema')
    .action((name: string, flags: { summary?: boolean }) => {
      const t = loadTemplate(name);
      if (!flags.summary) {
        process.stdout.write(JSON.stringify(t.schema, null, 2) + '\n');
        return;
      }
      const props = Object.keys(t.schema.properties ?? {});
      process.stdout.write(`${t.name}: ${t.title}\n${t.description}\nfields: ${props.join(', ')}\n`);
    });
}
