import type { PiiFinding, PiiType } from './types.js';

/** Builds a finding for `text.slice(start, end)`. */
export function makeFinding(text: string, type: PiiType, detector: string, start: number, end: number, confidence: number): PiiFinding {
  return { type, start, end, value: text.slice(start, end), confidence: Math.min(1, Math.max(0.01, confidence)), detector };
}

/** Every match of a global regex, as [match, index] pairs (the regex's lastIndex is reset first). */
export function* matchAll(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
}

/** True when a keyword from `re` occurs within `window` characters before `start`. */
export function contextBefore(text: string, start: number, re: RegExp, window = 40): boolean {
  return re.test(text.slice(Math.max(0, start - window), start));
}

/** True when the whole of `text` (trimmed) is covered by the span. */
export function coversValue(text: string, start: number, end: number, minShare = 0.8): boolean {
  const trimmed = text.trim().length;
  return trimmed > 0 && (end - start) / trimmed >= minShare;
}
