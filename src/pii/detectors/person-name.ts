import { piiDictionaries } from '../dictionaries.js';
import { makeFinding, matchAll } from '../finding.js';
import type { DetectContext, PiiDetector, PiiFinding } from '../types.js';

// Unicode-aware ("Søren", "Zoë"), so names outside ASCII are not cut short.
const NAME_WORD = "(?:(?:Mc|Mac|O'|D'|De|Di|La|Le|Van|Von)\\p{Lu}[\\p{Ll}'’]+|\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?|\\p{Lu}\\.)";
const PARTICLE = '(?:van|von|de|del|der|da|di|la|le|du|st\\.)';
const NAME_SEQ = `${NAME_WORD}(?:[ \\t]+(?:${PARTICLE}[ \\t]+)?${NAME_WORD}){0,3}`;
const TITLES = 'Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord|Master|Rev|Fr|Capt|Col|Sgt|Mme|Mlle|Herr|Frau|VP|President|Senator|Governor|Mayor|Judge|Detective|Inspector|Officer|Pastor|Bishop|Rabbi';

// "Allen, Miss. Elisabeth Walton" (surname first, as in registers) or "Dr. Jane Smith".
const TITLED = new RegExp(`(?:\\b(${NAME_WORD}(?:[ -]${NAME_WORD})?),[ \\t]+)?\\b(?:${TITLES})\\.?[ \\t]+(${NAME_SEQ})(?:[ \\t]*\\((?:[^()\\n]{2,60})\\))?`, 'gdu');
// Labels match in any case, the name after them only capitalised (no `i` flag for the whole pattern).
const anyCase = (words: readonly string[]): string => words.map((w) => w.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`)).join('|');
const LABELS = ['full name', 'first name', 'last name', 'surname', 'given name', 'name', 'patient', 'customer', 'client', 'contact', 'employee', 'applicant', 'from', 'to', 'cc', 'attn', 'attention', 'author', 'sender', 'recipient', 'signed'];
const GREETINGS = ['dear', 'hi', 'hello', 'hey', 'thanks', 'thank you', 'regards', 'sincerely', 'cheers', 'best', 'yours'];
const LABELLED = new RegExp(`\\b(?:${anyCase(LABELS).replace(/ /g, '[ _]')})[ \\t]*:[ \\t]*(${NAME_SEQ})`, 'gdu');
const GREETING = new RegExp(`\\b(?:${anyCase(GREETINGS)})[ \\t]*,?[ \\t]*\\n?[ \\t]*(${NAME_SEQ})`, 'gdu');
// Role words and "... by" phrases that introduce a person without a colon ("approved by Kwame Mensah", "Patient Ngozi Eze").
const ROLES = ['patient', 'beneficiary', 'customer', 'client', 'employee', 'applicant', 'emergency contact', 'approved by', 'signed by', 'submitted by', 'requested by', 'reported by', 'reviewed by', 'assigned to', 'sent by', 'written by', 'prepared by', 'on behalf of', 'passenger', 'tenant', 'guest'];
const ROLE = new RegExp(`\\b(?:${anyCase(ROLES)})[ \\t]+(${NAME_SEQ})`, 'gdu');
// A signature: the line right after "--".
const SIGNATURE = new RegExp(`(?:^|\\n)[ \\t]*--?[ \\t]*\\n?[ \\t]*(${NAME_SEQ})[ \\t]*(?=\\n|$)`, 'gdu');
// Mail and forum attributions: "Justin Mason wrote:", "Gary Lawrence Murphy <garym@...> writes:".
const ATTRIBUTION = new RegExp(`(${NAME_SEQ})[ \\t]*(?:(?:<[^<>\\s]+>|\\([^()\\s]+\\))[ \\t]*)?(?:wrote|writes|said|says|mused)\\*?[ \\t]*:`, 'gdu');
// A sign-off, then a name alone on its line: "Regards,\n\nGavin."
const SIGN_OFF = new RegExp(`\\b(?:${anyCase(['regards', 'cheers', 'thanks', 'thank you', 'sincerely', 'best', 'yours', 'ciao', 'love'])})[ \\t]*[,.!]?[ \\t]*(?:\\n[ \\t]*){1,3}(${NAME_SEQ})[ \\t]*[.,]?[ \\t]*(?=\\n|$)`, 'gdu');
const CAPITAL_RUN = new RegExp(NAME_SEQ, 'gu');
// In a name cell, rarer titles are safe to accept too (in free text "Major" or "Don" start other phrases).
const TITLE_TOKEN = new RegExp(`^(?:${TITLES}|Major|Don|Dona|Countess|Count|Jonkheer|Sister|Father|Judge|Hon|Lt|Gen|Sen|Gov)\\.?$`);
const SUFFIX_TOKEN = /^(?:Jr\.?|Sr\.?|II|III|IV|MD|PhD|DDS|Esq\.?)$/;

// Capitalised words that end a name when they follow it (streets, organisations, calendar words).
const NOT_NAME = new Set([
  'the', 'and', 'of', 'inc', 'corp', 'llc', 'ltd', 'co', 'company', 'university', 'college', 'bank', 'street', 'avenue', 'road',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 're', 'fw', 'fwd', 'subject', 'date', 'message', 'i',
  'regards', 'wishes', 'are', 'is', 'was', 'were', 'do', 'does', 'did', 'please', 'can', 'could', 'would', 'should', 'what', 'why', 'how', 'when', 'where', 'who', 'there', 'here', 'yes', 'not', 'any', 'some', 'see', 'note', 'hello', 'hi', 'dear', 'sir', 'madam', 'someone', 'anyone', 'nobody', 'somebody', 'out', 'up', 'down', 'off', 'department', 'dept', 'labs', 'lab', 'league', 'aquarium', 'museum', 'script', 'foundation', 'institute', 'group', 'club', 'association', 'council', 'committee', 'ministry', 'office', 'agency', 'party', 'church', 'school', 'hospital', 'hotel', 'airport', 'station', 'empire', 'kingdom', 'republic', 'insurance', 'software', 'systems', 'technologies', 'news', 'times', 'post', 'journal', 'magazine', 'press', 'service', 'services', 'support', 'care', 'success', 'relations', 'portal', 'account', 'accounts', 'id', 'number', 'no', 'thanks', 'team', 'all', 'everyone', 'we', 'you', 'he', 'she', 'it', 'they', 'this', 'that', 'these', 'my', 'your', 'our', 'if', 'in', 'on', 'at', 'for', 'but', 'so',
]);

function splitWords(seq: string): { word: string; offset: number }[] {
  const out: { word: string; offset: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(seq)) !== null) out.push({ word: m[0], offset: m.index });
  return out;
}

/** Trims words that are not part of a name off the end (and start) of a capitalised run; returns [from, to) in the run. */
function trimRun(words: { word: string }[]): [number, number] {
  let from = 0;
  let to = words.length;
  while (from < to && NOT_NAME.has(words[from]!.word.toLowerCase())) from++;
  for (let i = from; i < to; i++) {
    if (NOT_NAME.has(words[i]!.word.toLowerCase())) {
      to = i;
      break;
    }
  }
  return [from, to];
}

function dictionaryHits(words: readonly string[]): { first: number; last: number } {
  const dict = piiDictionaries();
  let first = 0;
  let last = 0;
  for (const w of words) {
    const lw = w.toLowerCase().replace(/[.'’]/g, (c) => (c === '.' ? '' : "'"));
    if (dict.firstNames.has(lw)) first++;
    if (dict.lastNames.has(lw)) last++;
  }
  return { first, last };
}

function pushRun(out: PiiFinding[], text: string, runStart: number, run: string, confidence: number, minWords = 1): void {
  const words = splitWords(run);
  const [from, to] = trimRun(words);
  if (to - from < minWords) return;
  const start = runStart + words[from]!.offset;
  const end = runStart + words[to - 1]!.offset + words[to - 1]!.word.length;
  out.push(makeFinding(text, 'person_name', 'person-name', start, end, confidence));
}

/** A whole cell that looks like a person's name: a few capitalised words, some of them in the name lists. */
function detectValue(text: string, ctx: DetectContext): PiiFinding | undefined {
  const t = text.trim();
  if (t.length < 2 || t.length > 80) return undefined;
  const start = text.indexOf(t);
  const words = t.split(/[\s,]+/).filter((w) => w.length > 0);
  const core = words.filter((w) => !TITLE_TOKEN.test(w) && !SUFFIX_TOKEN.test(w));
  if (core.length === 0 || core.length > 5) return undefined;
  const titled = core.length < words.length;
  const shaped = core.every((w) => /^(?:(?:Mc|Mac|O'|D'|De|Di|La|Le|Van|Von)?\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)*|\p{Lu}\.?|\p{Lu}{2,}|\(?\p{Lu}[\p{Ll}'’]*\)?|van|von|de|del|der|den|da|di|do|dos|das|la|le|y|e|of|the|ten|ter)$/u.test(w));
  if (!shaped) return undefined;
  const hits = dictionaryHits(core);
  const hint = ctx.hints.has('person_name');
  let confidence: number;
  if (titled || (hits.first > 0 && hits.last > 0)) confidence = 0.92;
  else if (hits.first + hits.last > 0) confidence = core.length >= 2 || hint ? 0.85 : 0.55;
  else if (hint) confidence = core.length >= 2 ? 0.75 : 0.6;
  else return undefined;
  return makeFinding(text, 'person_name', 'person-name', start, start + t.length, confidence);
}

/**
 * Person names: a title before capitalised words (Mr, Mrs, Dr...), a label (`Name:`, `From:`), a greeting or
 * sign-off, or a capitalised first name from faker's English lists followed by a capitalised word.
 */
export const personNameDetector: PiiDetector = {
  id: 'person-name',
  types: ['person_name'],
  description: 'Person names from context (titles, Name:/From: labels, greetings) and faker en first/last name lists with capitalisation.',
  detect(text, ctx) {
    const out: PiiFinding[] = [];
    if (ctx.mode === 'value') {
      const whole = detectValue(text, ctx);
      if (whole !== undefined) return [whole];
    }
    if (!/[A-Z]/.test(text)) return out;
    for (const m of matchAll(TITLED, text)) {
      const surname = m[1];
      if (surname !== undefined && NOT_NAME.has(surname.toLowerCase())) continue;
      if (surname !== undefined) {
        out.push(makeFinding(text, 'person_name', 'person-name', m.index, m.index + m[0].length, 0.93));
      } else {
        pushRun(out, text, m.indices![2]![0], m[2]!, 0.9);
      }
    }
    for (const m of matchAll(LABELLED, text)) {
      const run = m[1]!;
      const words = splitWords(run).map((w) => w.word);
      const hits = dictionaryHits(words);
      pushRun(out, text, m.indices![1]![0], run, hits.first + hits.last > 0 ? 0.88 : 0.7);
    }
    for (const m of matchAll(GREETING, text)) {
      const run = m[1]!;
      const words = splitWords(run).map((w) => w.word);
      const hits = dictionaryHits(words);
      // A greeting or sign-off before two capitalised words is a name even when the lists do not know it.
      if (hits.first + hits.last === 0 && words.length < 2) continue;
      pushRun(out, text, m.indices![1]![0], run, hits.first + hits.last > 0 ? 0.8 : 0.7, hits.first + hits.last > 0 ? 1 : 2);
    }
    // [pattern, confidence with a listed name, without one, words needed without one]
    const rules = [[ROLE, 0.85, 0.72, 2], [SIGNATURE, 0.85, 0.8, 2], [ATTRIBUTION, 0.9, 0.8, 1], [SIGN_OFF, 0.85, 0.75, 1]] as const;
    for (const [re, withHit, without, minWords] of rules) {
      for (const m of matchAll(re, text)) {
        const run = m[1]!;
        const hits = dictionaryHits(splitWords(run).map((w) => w.word));
        // Without a known name, a role needs two words: "Customer Service" is one capitalised word after a role.
        pushRun(out, text, m.indices![1]![0], run, hits.first + hits.last > 0 ? withHit : without, hits.first + hits.last > 0 ? 1 : minWords);
      }
    }
    const dict = piiDictionaries();
    for (const m of matchAll(CAPITAL_RUN, text)) {
      const words = splitWords(m[0]);
      for (let i = 0; i < words.length; i++) {
        if (!dict.firstNames.has(words[i]!.word.toLowerCase())) continue;
        let j = i + 1;
        while (j < words.length && j < i + 4 && !NOT_NAME.has(words[j]!.word.toLowerCase())) j++;
        if (j - i < 2) continue;
        const lastWord = words[j - 1]!.word.toLowerCase();
        const confidence = dict.lastNames.has(lastWord) ? 0.85 : 0.7;
        const start = m.index + words[i]!.offset;
        out.push(makeFinding(text, 'person_name', 'person-name', start, m.index + words[j - 1]!.offset + words[j - 1]!.word.length, confidence));
        i = j - 1;
      }
    }
    return out;
  },
  examples: {
    match: ['Please ask Dr. Jane Goodall about it', 'On Sun, 11 Aug 2002, Hal DeVore wrote:', 'Name: Maria Gonzalez', 'Allen, Miss. Elisabeth Walton', 'I met Robert Johnson yesterday', 'Dear Susan,\nthanks'],
    noMatch: ['the quick brown fox', 'Microsoft Office 2003', 'MOSCOW (AP) - Security officers'],
  },
};
