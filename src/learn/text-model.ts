/**
 * Free text learned as a word trigram model with a cap on its size, after personal data is replaced by
 * placeholders. A generated text that shares 8 or more consecutive tokens with a real row, or repeats a whole real
 * value of 3+ tokens, is drawn again, so long verbatim spans cannot come back.
 */
import type { Rng } from '../core/index.js';
import { valueHash } from './id-model.js';
import { fillPlaceholders, redactText } from './pii-text.js';

/** The learned text model: vocabulary, transitions and the hashes used to reject copies. */
export interface TextModel {
  readonly vocab: readonly string[];
  /** Start tokens (vocab indices) with counts, as flat pairs. */
  readonly starts: readonly number[];
  /** `"a b"` (or `"a"`) -> flat pairs [next, count, ...]; END is -1. */
  readonly next: Readonly<Record<string, readonly number[]>>;
  /** Token counts of real rows as flat pairs [length, count, ...]. */
  readonly lengths: readonly number[];
  /** Hashes of every 8-token window and of every whole value of 3+ tokens (base36, space separated). */
  readonly banned: string;
  /** The largest number of trigram contexts kept. */
  readonly cap: number;
}

/** Tokens shared with a real row from which a generated text is rejected. */
export const MAX_SHARED_TOKENS = 8;
const END = -1;

function tokenize(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t.length > 0);
}

function words(tokens: readonly string[]): string[] {
  return tokens.filter((t) => !/^\s+$/.test(t));
}

/** Learns a text model from `texts` (nulls already removed). `cap` bounds the contexts kept (default 50,000). */
export function fitTextModel(texts: readonly string[], cap = 50_000): TextModel {
  const vocabIndex = new Map<string, number>();
  const vocab: string[] = [];
  const id = (t: string): number => {
    let i = vocabIndex.get(t);
    if (i === undefined) {
      i = vocab.length;
      vocab.push(t);
      vocabIndex.set(t, i);
    }
    return i;
  };
  const starts = new Map<number, number>();
  const next = new Map<string, Map<number, number>>();
  const lengths = new Map<number, number>();
  const banned = new Set<string>();
  const bump = (key: string, tok: number): void => {
    let m = next.get(key);
    if (!m) {
      if (next.size >= cap) return;
      next.set(key, (m = new Map()));
    }
    m.set(tok, (m.get(tok) ?? 0) + 1);
  };
  for (const raw of texts) {
    const toks = tokenize(redactText(raw)).map(id);
    const w = words(tokenize(raw));
    if (w.length >= 3) banned.add(valueHash(w.join(' ')));
    for (let i = 0; i + MAX_SHARED_TOKENS <= w.length; i++) banned.add(valueHash(w.slice(i, i + MAX_SHARED_TOKENS).join(' ')));
    lengths.set(toks.length, (lengths.get(toks.length) ?? 0) + 1);
    if (toks.length === 0) continue;
    starts.set(toks[0]!, (starts.get(toks[0]!) ?? 0) + 1);
    for (let i = 0; i < toks.length; i++) {
      const nxt = i + 1 < toks.length ? toks[i + 1]! : END;
      bump(String(toks[i]), nxt);
      if (i > 0) bump(`${toks[i - 1]} ${toks[i]}`, nxt);
    }
  }
  const flat = (m: Map<number, number>): number[] => [...m.entries()].sort((a, b) => a[0] - b[0]).flat();
  const nextOut: Record<string, number[]> = {};
  for (const k of [...next.keys()].sort()) nextOut[k] = flat(next.get(k)!);
  return { vocab, starts: flat(starts), next: nextOut, lengths: flat(lengths), banned: [...banned].sort().join(' '), cap };
}

function pick(pairs: readonly number[], rng: Rng): number {
  let total = 0;
  for (let j = 1; j < pairs.length; j += 2) total += pairs[j]!;
  let x = rng.next() * total;
  for (let j = 0; j < pairs.length; j += 2) {
    x -= pairs[j + 1]!;
    if (x < 0) return pairs[j]!;
  }
  return pairs[pairs.length - 2]!;
}

/** A compiled sampler for one text model (the banned set built once). */
export function textSampler(model: TextModel): (rng: Rng) => string {
  const banned = new Set(model.banned === '' ? [] : model.banned.split(' '));
  const maxTokens = Math.max(1, ...model.lengths.filter((_, i) => i % 2 === 0));
  const generate = (rng: Rng): string => {
    if (model.starts.length === 0) return '';
    const target = pick(model.lengths, rng);
    const toks: number[] = [pick(model.starts, rng)];
    let ends = 0;
    while (toks.length < maxTokens) {
      const a = toks[toks.length - 1]!;
      const b = toks.length > 1 ? toks[toks.length - 2]! : undefined;
      const ctx = (b !== undefined ? model.next[`${b} ${a}`] : undefined) ?? model.next[String(a)];
      if (!ctx) break;
      const nxt = pick(ctx, rng);
      if (nxt === END) {
        // Ending early is allowed after a few refusals, so a context that only ever ends cannot loop forever.
        if (toks.length >= target * 0.5 || ++ends > 3) break;
        continue;
      }
      toks.push(nxt);
      if (toks.length >= target * 1.5) break;
    }
    return toks.map((t) => model.vocab[t]!).join('').trim();
  };
  return (rng: Rng): string => {
    let text = '';
    for (let attempt = 0; attempt < 20; attempt++) {
      text = generate(rng);
      if (!copies(text, banned)) break;
      if (attempt === 19) text = words(tokenize(text)).slice(0, MAX_SHARED_TOKENS - 1).join(' ');
    }
    return fillPlaceholders(text, rng);
  };
}

function copies(text: string, banned: ReadonlySet<string>): boolean {
  const w = words(tokenize(text));
  if (w.length >= 3 && banned.has(valueHash(w.join(' ')))) return true;
  for (let i = 0; i + MAX_SHARED_TOKENS <= w.length; i++) if (banned.has(valueHash(w.slice(i, i + MAX_SHARED_TOKENS).join(' ')))) return true;
  return false;
}
