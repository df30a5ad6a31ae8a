/**
 * Reading a description for the offline planner: tokens translated from the few other languages the lexicon knows,
 * lexicon phrases found and cut at clause breaks, and the row count it asks for.
 */
import { lexicon, tokenize, type PhraseMeaning } from './lexicon.js';

export interface Match {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly meanings: readonly PhraseMeaning[];
  readonly negated: boolean;
}

export const NUMBER = /^\d[\d,._]*(\.\d+)?(k|m)?$/;

export function parseNumber(token: string, next?: string): number | undefined {
  const m = /^(\d[\d,_]*(?:\.\d+)?)(k|m)?$/.exec(token);
  if (m === null) return undefined;
  let n = Number(m[1]!.replace(/[,_]/g, ''));
  const unit = m[2] ?? (next === 'thousand' ? 'k' : next === 'million' ? 'm' : undefined);
  if (unit === 'k') n *= 1000;
  if (unit === 'm') n *= 1_000_000;
  return Number.isFinite(n) ? n : undefined;
}

/** Words of other languages the lexicon knows, translated; the language with most hits is reported. */
export function translate(tokens: string[]): { tokens: string[]; language?: string; translated: string[] } {
  const lex = lexicon();
  const hits: Record<string, number> = {};
  const out = tokens.map((t) => t);
  const translated: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (lex.phrases.has(t)) continue;
    for (const [lang, dict] of Object.entries(lex.foreign)) {
      const en = dict[t];
      if (en === undefined) continue;
      out[i] = en;
      if (en !== t) {
        hits[lang] = (hits[lang] ?? 0) + 1;
        if (!translated.includes(`${t} -> ${en}`)) translated.push(`${t} -> ${en}`);
      }
      break;
    }
  }
  const best = Object.entries(hits).sort((a, b) => b[1] - a[1])[0];
  return { tokens: out, language: best?.[0], translated };
}

export function scan(tokens: string[]): { matches: Match[]; unknown: string[] } {
  const lex = lexicon();
  const matches: Match[] = [];
  const unknown: string[] = [];
  let negated = false;
  for (let i = 0; i < tokens.length; ) {
    let found: Match | undefined;
    for (let n = Math.min(lex.maxPhraseWords, tokens.length - i); n >= 1 && found === undefined; n--) {
      const text = tokens.slice(i, i + n).join(' ');
      const meanings = lex.phrases.get(text);
      if (meanings !== undefined) found = { start: i, end: i + n, text, meanings, negated };
    }
    if (found === undefined) {
      const t = tokens[i]!;
      if (!NUMBER.test(t) && !/^\d+%$/.test(t) && !/^\d+\+$/.test(t) && t.length > 1) unknown.push(t);
      i++;
      continue;
    }
    const kinds = new Set(found.meanings.map((m) => m.kind));
    if (kinds.has('negation')) negated = true;
    else if (kinds.has('addition') && found.text !== 'and') negated = false;
    matches.push(found);
    i = found.end;
  }
  return { matches, unknown };
}

export function clauseBreaks(description: string): number[] {
  // Punctuation ends a negation: "without emails, with phones". Token indexes of breaks are approximated by
  // counting tokens before each punctuation mark.
  const out: number[] = [];
  let count = 0;
  for (const piece of description.split(/([,;.!?])/)) {
    if (/^[,;.!?]$/.test(piece)) out.push(count);
    else count += tokenize(piece).length;
  }
  return out;
}

export function applyBreaks(matches: Match[], breaks: number[]): Match[] {
  let negated = false;
  let last = 0;
  return matches.map((m) => {
    if (breaks.some((b) => b > last && b <= m.start)) negated = false;
    last = m.start;
    const kinds = new Set(m.meanings.map((x) => x.kind));
    if (kinds.has('negation')) negated = true;
    else if (kinds.has('addition') && m.text !== 'and') negated = false;
    return { ...m, negated };
  });
}

export function rowsFrom(tokens: string[], matches: Match[]): number | undefined {
  const byStart = new Map(matches.map((m) => [m.start, m]));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!NUMBER.test(t)) continue;
    const scale = tokens[i + 1] === 'thousand' || tokens[i + 1] === 'million' ? 1 : 0;
    const n = parseNumber(t, tokens[i + 1]);
    if (n === undefined || n < 1) continue;
    for (let j = i + 1 + scale; j <= i + 3 + scale && j < tokens.length; j++) {
      const m = byStart.get(j);
      if (m === undefined) continue;
      if (m.meanings.some((x) => x.kind === 'rows' || x.kind === 'template' || x.kind === 'entity' || x.kind === 'domain')) return Math.round(n);
      if (!m.meanings.some((x) => x.kind === 'stop')) break;
    }
  }
  // "..., 2k": a number with a k or m suffix and nothing after it is a row count too.
  const last = tokens.findIndex((t) => /^\d+(\.\d+)?[km]$/.test(t));
  return last >= 0 ? parseNumber(tokens[last]!) : undefined;
}
