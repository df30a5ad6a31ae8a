import { EXPRESSION_FUNCTION_LIST } from './expression-functions.js';
import { SEMANTIC_NAMES, type SemanticEntry } from './semantic-names.js';

function generator(entry: SemanticEntry): string {
  const h = entry.hint;
  const parts: string[] = [];
  if (h.faker !== undefined) parts.push(`\`${typeof h.faker === 'string' ? h.faker : `${h.faker.method}(${(h.faker.args ?? []).map((a) => JSON.stringify(a)).join(', ')})`}\``);
  if (h.format !== undefined) parts.push(`format \`${h.format}\``);
  if (h.pattern !== undefined) parts.push(`pattern \`${h.pattern}\``);
  if (h.enum !== undefined) parts.push(`one of ${h.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  if (h.minimum !== undefined || h.maximum !== undefined) parts.push(`${h.minimum ?? '...'} to ${h.maximum ?? '...'}`);
  if (h.multipleOf !== undefined) parts.push(`step ${h.multipleOf}`);
  if (h.distribution !== undefined) parts.push(h.distribution.type);
  if (h.after !== undefined || h.before !== undefined) parts.push(`${h.after ?? '...'} to ${h.before ?? '...'}`);
  if (h.sequence !== undefined) parts.push(`sequence from ${h.sequence.start}`);
  if (h.unique) parts.push('unique');
  if (parts.length === 0 && h.type !== undefined) parts.push(h.type);
  return parts.join(', ');
}

/** The semantic name table of docs/schema.md, rendered from the data. */
export function renderSemanticTable(): string {
  const rows = SEMANTIC_NAMES.map((e) => {
    const others = e.names.slice(1).map((n) => `\`${n}\``).join(', ');
    return `| \`${e.names[0]}\` | ${others} | ${(e.types ?? ['any']).join(', ')} | ${generator(e).replace(/\|/g, '\\|')} |`;
  });
  return ['| Entry | Also matches | Types | Generator |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The expression function table of docs/schema.md, rendered from the data. */
export function renderExpressionTable(): string {
  const rows = EXPRESSION_FUNCTION_LIST.map((f) => `| \`${f.name}\` | ${f.doc.replace(/\|/g, '\\|')} |`);
  return ['| Function | What it does |', '| --- | --- |', ...rows].join('\n');
}

/** Replaces the generated sections of docs/schema.md (between their start and end comments) in `text`. */
export function updateSchemaDoc(text: string): string {
  const put = (src: string, name: string, body: string): string =>
    src.replace(new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`), (_, a: string, b: string) => `${a}${body}\n${b}`);
  return put(put(text, 'semantic-names', renderSemanticTable()), 'expression-functions', renderExpressionTable());
}
