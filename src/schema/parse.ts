import { SynthError } from '../core/index.js';

/** Line and column (both from 1) of a character offset in `text`. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Finds where JSON.parse gave up, from the message V8 writes ("at position 12" or "(line 2 column 5)"). */
function failureOffset(text: string, message: string): number {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < Number(lc[1]) - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
    return offset + Number(lc[2]) - 1;
  }
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  return /Unexpected end/i.test(message) ? text.length : 0;
}

/**
 * Parses schema text as JSON; on failure throws SCHEMA_NOT_JSON with `path` "<source>:<line>:<column>".
 * @example parseSchemaText('{"type": "object"}', 'user.schema.json')
 */
export function parseSchemaText(text: string, source = '<schema>'): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    const message = (e as Error).message;
    const { line, column } = position(body, failureOffset(body, message));
    const reason = message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)/, '');
    throw new SynthError('SCHEMA_NOT_JSON', `${source} is not valid JSON: ${reason} at line ${line}, column ${column}`, {
      path: `${source}:${line}:${column}`,
      hint: body.trim() === '' ? 'The file is empty; a schema is a JSON object such as {"type": "object", "properties": {...}}.' : 'Check for a missing comma or quote, or a trailing comma, just before that place.',
    });
  }
}
