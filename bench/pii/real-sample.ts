/**
 * Precision and recall on a small hand-labelled sample of REAL text: the `body_snippet` of 60 rows of
 * ../shared/datasets/emails.csv drawn at random (Python random.seed 7 and 8), read and labelled by hand. The labels
 * name values only; the texts are read from the shared file at run time. Run: npx tsx bench/pii/real-sample.ts [--errors]
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { detectPii, measureAccuracy, type LabelledText, type PiiType } from '../../src/pii/index.js';

/** message_id -> labelled values in order of appearance; rows with nothing personal have an empty list. */
const LABELS: Record<string, [PiiType, string][]> = {
  'easy-ham-1/00308': [], 'easy-ham-1/00396': [['person_name', 'Troy Engel']], 'easy-ham-1/00476': [['person_name', 'Jim Whitehead']],
  'easy-ham-1/00485': [], 'easy-ham-1/00507': [['person_name', 'Tom']], 'easy-ham-1/00573': [['person_name', 'Dave Long']],
  'easy-ham-1/00594': [['person_name', 'Jackson Alan Bolcer']], 'easy-ham-1/00705': [['person_name', 'Greg']], 'easy-ham-1/00744': [['person_name', 'Cheney']],
  'easy-ham-1/00772': [['person_name', 'Turpin']], 'easy-ham-1/01015': [], 'easy-ham-1/01236': [], 'easy-ham-1/01759': [['person_name', 'Skip']],
  'easy-ham-1/01829': [], 'easy-ham-1/01972': [], 'easy-ham-2/00153': [['person_name', 'David'], ['person_name', 'Gavin']],
  'easy-ham-2/00496': [['ip_address', '62.17.143.253']], 'easy-ham-2/00735': [['person_name', 'Stephen Hocking'], ['email', 'shocking@houston.rr.com']],
  'easy-ham-2/00926': [], 'easy-ham-2/00978': [], 'easy-ham-2/01053': [], 'spam-1/00007': [], 'spam-1/00240': [], 'spam-1/00365': [], 'spam-1/00483': [],
  'spam-2/00125': [], 'spam-2/00126': [], 'spam-2/00491': [], 'spam-2/00518': [], 'spam-2/00687': [],
  'easy-ham-1/00164': [['person_name', 'Rohit Khare']], 'easy-ham-1/00249': [['email', 'waider@waider.ie'], ['person_name', 'Niall Sheridan']],
  'easy-ham-1/00359': [['person_name', 'Dave Winer'], ['person_name', 'Jim']], 'easy-ham-1/00698': [], 'easy-ham-1/00734': [['person_name', 'Rohit']],
  'easy-ham-1/01035': [['person_name', 'Ville Skytt'], ['person_name', 'Gordon']], 'easy-ham-1/01122': [], 'easy-ham-1/01575': [], 'easy-ham-1/01583': [],
  'easy-ham-1/01716': [['person_name', 'Tim']], 'easy-ham-1/01858': [], 'easy-ham-1/01919': [['person_name', 'Hillary Rosen']], 'easy-ham-1/02028': [],
  'easy-ham-1/02186': [], 'easy-ham-2/00535': [], 'easy-ham-2/00576': [],
  'easy-ham-2/00699': [['person_name', 'Tom'], ['person_name', 'Adam Rifkin'], ['person_name', 'JOHN MARKOFF']],
  'easy-ham-2/00783': [['person_name', 'Harlan Feinstein'], ['email', 'harlan@feinsteins.net']], 'easy-ham-2/00799': [], 'easy-ham-2/00840': [],
  'easy-ham-2/01213': [['person_name', 'Matthias'], ['person_name', 'Matthias']],
  'easy-ham-2/01262': [['person_name', 'Angles Puglisi'], ['person_name', 'Matthias Saou'], ['email', 'matthias@egwn.net']],
  'easy-ham-2/01386': [['person_name', 'Justin Mason']], 'hard-ham-1/00074': [], 'hard-ham-1/00093': [], 'hard-ham-1/00155': [], 'hard-ham-1/00249': [],
  'spam-1/00112': [], 'spam-2/00046': [], 'spam-2/00613': [],
};

const url = new URL('../../../shared/datasets/emails.csv', import.meta.url);
if (!existsSync(url)) {
  console.log('emails.csv not found in ../shared/datasets (skipped)');
  process.exit(0);
}
const rows = parse(readFileSync(url, 'utf8'), { columns: true }) as Record<string, string>[];
const byId = new Map(rows.map((r) => [r.message_id!, r.body_snippet!]));
const samples: LabelledText[] = Object.entries(LABELS).map(([id, labels]) => {
  const text = byId.get(id) ?? '';
  let from = 0;
  const spans = labels.map(([type, value]) => {
    const start = text.indexOf(value, from);
    if (start < 0) throw new Error(`${id}: "${value}" not found`);
    from = start + value.length;
    return { type, start, end: start + value.length };
  });
  return { id, text, spans };
});
const { types, errors } = measureAccuracy(samples, (t) => detectPii(t));
console.log(`real sample: ${samples.length} body snippets of emails.csv, ${samples.reduce((n, s) => n + s.spans.length, 0)} labelled values\n`);
console.log('| type | labels | found | spurious | precision | recall |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const t of types) console.log(`| ${t.type} | ${t.truePositives + t.falseNegatives} | ${t.truePositives} | ${t.falsePositives} | ${t.precision.toFixed(2)} | ${t.recall.toFixed(2)} |`);
if (process.argv.includes('--errors')) for (const e of errors) console.log(`  ${e.kind.padEnd(8)} ${e.type.padEnd(12)} ${e.id.padEnd(18)} ${JSON.stringify(e.value)}`);
