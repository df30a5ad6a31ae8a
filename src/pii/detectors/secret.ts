import { shannonEntropy } from '../checksums.js';
import { makeFinding, matchAll } from '../finding.js';
import type { PiiDetector, PiiFinding } from '../types.js';

/** Known token shapes by provider prefix; each is specific enough to need no entropy test. */
const KNOWN: readonly { readonly name: string; readonly re: RegExp }[] = [
  { name: 'aws-access-key', re: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g },
  { name: 'github-token', re: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g },
  { name: 'github-pat', re: /\bgithub_pat_[A-Za-z0-9_]{60,255}\b/g },
  { name: 'openai-key', re: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}\b/g },
  { name: 'stripe-key', re: /\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b/g },
  { name: 'slack-token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
  { name: 'google-api-key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { name: 'gitlab-token', re: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
  { name: 'npm-token', re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { name: 'sendgrid-key', re: /\bSG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}\b/g },
  { name: 'jwt', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { name: 'private-key', re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----|$)/g },
];

// Every known shape starts with one of these.
const KNOWN_HINT = /AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|sk-|_live_|_test_|xox|AIza|glpat-|npm_|SG\.|eyJ|-----BEGIN/;

// `password = "..."`, `aws_secret_access_key: ...`, `token=...`: the value after a secret-sounding key (no prefix
// pattern before the keyword, so a long snake_case word cannot make the match quadratic).
const ASSIGNMENT = /(?:password|passwd|pwd|pass|secret|(?:api|access|private|signing)[_-]?key|apikey|token)[A-Za-z0-9_-]*["']?[ \t]*(?:[:=]|=>)[ \t]*["']?([^\s"',;]{6,200})/gi;
const ASSIGNMENT_HINT = /pass|pwd|secret|key|token/i;
const TOKEN = /(?<![A-Za-z0-9_\-+/=])[A-Za-z0-9_\-+/=]{24,200}(?![A-Za-z0-9_\-+/=])/g;

/** True when a string has the shape of a generated secret: long, mixed character classes, high entropy. */
export function looksRandom(s: string): boolean {
  if (s.length < 20) return false;
  const classes = Number(/[a-z]/.test(s)) + Number(/[A-Z]/.test(s)) + Number(/\d/.test(s));
  if (classes < 3) return false;
  // Words and paths have long letter runs; secrets switch class often.
  if (/[a-zA-Z]{12,}/.test(s) || /[/.]\w+[/.]/.test(s)) return false;
  return shannonEntropy(s) >= 4.2;
}

/** API keys, tokens, private keys and passwords: known provider prefixes, `key = value` assignments, and high-entropy strings. */
export const secretDetector: PiiDetector = {
  id: 'secret',
  types: ['secret'],
  description: 'Secrets: provider prefixes (AKIA, ghp_, sk-, xox, AIza, glpat-, JWT, PEM keys), password/token assignments, high-entropy tokens.',
  detect(text, ctx) {
    const out: PiiFinding[] = [];
    for (const { re } of KNOWN_HINT.test(text) ? KNOWN : []) {
      for (const m of matchAll(re, text)) out.push(makeFinding(text, 'secret', 'secret', m.index, m.index + m[0].length, 0.97));
    }
    // The assignment pattern backtracks over long words; run it only when a keyword is there at all.
    for (const m of ASSIGNMENT_HINT.test(text) ? matchAll(ASSIGNMENT, text) : []) {
      const value = m[1]!;
      const start = m.index + m[0].length - value.length;
      // A placeholder ("password: ********", "<your key>") is not a secret.
      if (/^[*x.•]+$/i.test(value) || /^<.*>$/.test(value) || /^(?:null|none|undefined|true|false|required|changeme)$/i.test(value)) continue;
      // A plain word after "token:" is prose; a secret has a digit or a symbol, or looks random.
      if (/^[A-Za-z]+$/.test(value) && !looksRandom(value)) continue;
      out.push(makeFinding(text, 'secret', 'secret', start, start + value.length, looksRandom(value) ? 0.95 : 0.8));
    }
    for (const m of matchAll(TOKEN, text)) {
      // Shape alone also matches tracking codes and base64 blobs, so it stays below the default threshold (0.5).
      if (looksRandom(m[0])) out.push(makeFinding(text, 'secret', 'secret', m.index, m.index + m[0].length, 0.45));
    }
    if (ctx.mode === 'value' && ctx.hints.has('secret') && out.length === 0) {
      const t = text.trim();
      if (t.length >= 6 && !/\s/.test(t)) {
        const start = text.indexOf(t);
        out.push(makeFinding(text, 'secret', 'secret', start, start + t.length, 0.85));
      }
    }
    return out;
  },
  examples: {
    match: [
      'aws key AKIAIOSFODNN7EXAMPLE in config',
      'token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
      'export OPENAI_API_KEY=sk-proj-Xy12Ab34Cd56Ef78Gh90Ij12',
      'password: Tr0ub4dor&3x',
      'slack xoxb-1234567890-abcdefghij',
    ],
    noMatch: ['password: ********', 'the quick brown fox jumps over the lazy dog', 'sha 0123456789abcdef0123456789abcdef', 'see /usr/local/share/doc/README'],
  },
};
