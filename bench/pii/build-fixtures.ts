/**
 * Builds the labelled PII fixture set in test/fixtures/pii/ from templates, seeded values and hand-written hard
 * cases. Deterministic: the same script gives byte-identical files. Run: npx tsx bench/pii/build-fixtures.ts
 */
import { writeFileSync } from 'node:fs';
import { faker as enFaker } from '@faker-js/faker/locale/en';
import type { Faker } from '@faker-js/faker';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { Rng } from '../../src/core/index.js';
import { IBAN_LENGTHS } from '../../src/pii/checksums.js';
import type { PiiType } from '../../src/pii/index.js';

const rng = new Rng('pii-fixtures-v1');
const Ctor = enFaker.constructor as unknown as new (o: object) => Faker;
const f = new Ctor({ locale: enFaker.rawDefinitions, randomizer: { next: () => rng.next(), seed: () => {} } });
const out = new URL('../../test/fixtures/pii/', import.meta.url);

const digits = (n: number): string => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

function luhnComplete(prefix: string, length: number): string {
  let body = prefix + digits(length - prefix.length - 1);
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    let sum = 0;
    let dbl = false;
    for (let i = s.length - 1; i >= 0; i--) {
      let x = Number(s[i]);
      if (dbl) { x *= 2; if (x > 9) x -= 9; }
      sum += x;
      dbl = !dbl;
    }
    if (sum % 10 === 0) { body = s; break; }
  }
  return body;
}

const gen: Record<PiiType, () => string> = {
  email: () => rng.pick([
    () => f.internet.email(),
    () => `${f.person.firstName().toLowerCase()}.${f.person.lastName().toLowerCase().replace(/[^a-z]/g, '')}@${f.internet.domainName()}`,
    () => `${f.internet.username()}+${f.word.noun()}@${rng.pick(['gmail.com', 'outlook.com', 'mail.example.org', 'cs.univ.edu'])}`,
    () => f.internet.email().toUpperCase(),
  ])(),
  phone: () => {
    for (;;) {
      const kind = rng.int(0, 9);
      let s: string;
      if (kind < 6) {
        const area = rng.pick(['212', '415', '617', '312', '213', '305', '404', '503', '206', '702', '713', '214', '303', '602', '615', '919', '646', '202', '310', '512']);
        const ex = String(rng.int(200, 999));
        const line = digits(4);
        s = rng.pick([`(${area}) ${ex}-${line}`, `${area}-${ex}-${line}`, `${area}.${ex}.${line}`, `+1 ${area} ${ex} ${line}`, `1-${area}-${ex}-${line}`, `+1-${area}-${ex}-${line}`]);
      } else if (kind === 6) s = `+44 20 7${digits(3)} ${digits(4)}`;
      else if (kind === 7) s = `+49 30 ${digits(8)}`;
      else if (kind === 8) s = `+33 1 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`;
      else s = `+61 2 ${digits(4)} ${digits(4)}`;
      const p = parsePhoneNumberFromString(s, 'US');
      if (p !== undefined && p.isValid()) return s;
    }
  },
  ssn: () => {
    let area = rng.int(1, 899);
    if (area === 666) area = 667;
    return `${pad(area, 3)}-${pad(rng.int(1, 99), 2)}-${pad(rng.int(1, 9999), 4)}`;
  },
  credit_card: () => {
    const kind = rng.pick(['visa', 'mc', 'mc2', 'amex', 'discover', 'jcb']);
    if (kind === 'amex') {
      const n = luhnComplete(rng.pick(['34', '37']), 15);
      return rng.bool() ? `${n.slice(0, 4)} ${n.slice(4, 10)} ${n.slice(10)}` : n;
    }
    const prefix = kind === 'visa' ? '4' : kind === 'mc' ? String(rng.int(51, 55)) : kind === 'mc2' ? String(rng.int(2221, 2720)) : kind === 'discover' ? '6011' : String(rng.int(3528, 3589));
    const n = luhnComplete(prefix, 16);
    const sep = rng.pick([' ', '-', '']);
    return sep === '' ? n : n.match(/.{4}/g)!.join(sep);
  },
  iban: () => {
    const country = rng.pick(['DE', 'GB', 'FR', 'ES', 'IT', 'NL', 'BE', 'CH', 'AT', 'PL', 'SE', 'IE']);
    const len = IBAN_LENGTHS[country]!;
    let bban = '';
    if (country === 'GB' || country === 'IE') bban = f.string.alpha({ length: 4, casing: 'upper' }) + digits(len - 8);
    else if (country === 'NL') bban = f.string.alpha({ length: 4, casing: 'upper' }) + digits(len - 8);
    else bban = digits(len - 4);
    const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
    let rem = 0;
    for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
    const iban = `${country}${pad(98 - rem, 2)}${bban}`;
    return rng.bool(0.6) ? iban.match(/.{1,4}/g)!.join(' ') : iban;
  },
  ip_address: () => (rng.bool(0.65) ? f.internet.ipv4() : rng.bool() ? f.internet.ipv6() : `${rng.pick(['2001:db8', 'fe80', '2607:f8b0:4005'])}::${digits(1)}${rng.pick(['a', 'b', 'c'])}${digits(1)}:${digits(2)}ff`),
  mac_address: () => rng.pick([() => f.internet.mac(), () => f.internet.mac({ separator: '-' }).toUpperCase(), () => f.string.hexadecimal({ length: 12, prefix: '', casing: 'lower' }).replace(/(.{4})(.{4})(.{4})/, '$1.$2.$3')])(),
  url_credentials: () => `${rng.pick(['postgres', 'postgresql', 'mysql', 'mongodb', 'redis', 'https', 'ftp', 'amqp'])}://${f.internet.username().toLowerCase().replace(/[^a-z0-9_]/g, '')}:${f.internet.password({ length: rng.int(8, 16), pattern: /[A-Za-z0-9!$%]/ })}@${f.internet.domainName()}${rng.pick(['', ':5432/app', '/db', ':6379', '/pub/files'])}`,
  secret: () => rng.pick([
    () => `AKIA${f.string.alphanumeric({ length: 16, casing: 'upper' })}`,
    () => `ghp_${f.string.alphanumeric(36)}`,
    () => `sk-${f.string.alphanumeric(48)}`,
    () => `sk-proj-${f.string.alphanumeric(40)}`,
    () => `xoxb-${digits(11)}-${digits(12)}-${f.string.alphanumeric(24)}`,
    () => `AIza${f.string.alphanumeric(35)}`,
    () => `sk_live_${f.string.alphanumeric(24)}`,
    () => `glpat-${f.string.alphanumeric(20)}`,
    () => `eyJhbGciOiJIUzI1NiJ9.eyJ${f.string.alphanumeric(30)}.${f.string.alphanumeric(43)}`,
  ])(),
  address: () => {
    const street = rng.pick([() => f.location.streetAddress(), () => f.location.streetAddress(true), () => `${rng.int(1, 9999)} ${f.person.lastName()} ${rng.pick(['St', 'Ave', 'Rd', 'Blvd', 'Dr', 'Ln'])}.`])();
    return rng.bool(0.5) ? `${street}, ${f.location.city()}, ${f.location.state({ abbreviated: true })} ${f.location.zipCode('#####')}` : street;
  },
  date_of_birth: () => {
    const y = rng.int(1935, 2006);
    const m = rng.int(1, 12);
    const d = rng.int(1, 28);
    const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]!;
    return rng.pick([`${y}-${pad(m, 2)}-${pad(d, 2)}`, `${pad(m, 2)}/${pad(d, 2)}/${y}`, `${month} ${d}, ${y}`, `${d} ${month} ${y}`, `${d}.${m}.${y}`]);
  },
  person_name: () => rng.pick([() => f.person.fullName({ sex: 'female' }), () => f.person.fullName({ sex: 'male' }), () => `${f.person.firstName()} ${f.person.middleName()} ${f.person.lastName()}`])(),
};

/** Templates per type; `{x}` is the labelled slot, `{name}` etc. fill other labelled slots. */
const TEMPLATES: Record<PiiType, string[]> = {
  email: ['Please reply to {email} before Friday.', 'Contact: {email}', 'cc {email}; thanks', 'Her address is {email}, not the old one.', 'Unsubscribe by writing to <{email}>.', 'from {email} at 10:42', '{email}'],
  phone: ['Call me at {phone} after 5pm.', 'Phone: {phone}', 'You can reach the front desk on {phone}.', 'tel {phone} / fax {phone}', 'Mobile {phone}, office closed on Mondays.', 'Leave a message at {phone} and we will call back.'],
  ssn: ['SSN: {ssn}', 'Her social security number is {ssn}.', 'Applicant {ssn} was approved.', 'The form lists {ssn} as the SSN.', 'ss# {ssn}'],
  credit_card: ['Card number {credit_card}, exp 09/27.', 'Paid with {credit_card} on the 3rd.', 'Please charge {credit_card} for the balance.', 'visa {credit_card}', 'The customer gave {credit_card} over the phone.'],
  iban: ['Please wire the funds to IBAN {iban}.', 'Account: {iban} (Sparkasse)', 'Refund to {iban} within 5 days.', 'iban {iban}'],
  ip_address: ['Login from {ip_address} was blocked.', 'Server {ip_address} did not respond.', 'Connection refused by {ip_address} port 22', 'client={ip_address} status=403'],
  mac_address: ['Device {mac_address} joined the network.', 'MAC {mac_address} is not registered.', 'ether {mac_address} txqueuelen 1000'],
  url_credentials: ['DATABASE_URL={url_credentials}', 'Connect with {url_credentials} for now.', 'The backup job uses {url_credentials}'],
  secret: ['export API_KEY={secret}', 'Our token is {secret} please rotate it.', 'config: {"key": "{secret}"}', 'Found {secret} in the repository history.'],
  address: ['Ship to {address} by Tuesday.', 'She lives at {address}.', 'Our office moved to {address}', 'Return address: {address}'],
  date_of_birth: ['DOB: {date_of_birth}', 'He was born on {date_of_birth} in Ohio.', 'Date of birth: {date_of_birth}', 'Patient born {date_of_birth}, admitted yesterday.', 'birthday: {date_of_birth}'],
  person_name: ['Please ask {person_name} about the invoice.', 'Name: {person_name}', 'Dear {person_name},', 'Meeting with {person_name} and {person_name} tomorrow.', 'Signed by {person_name} on behalf of the company.', 'Mr. {person_name} called twice.', '{person_name} wrote that the shipment arrived.'],
};

interface Span { type: PiiType; start: number; end: number }
interface Sample { id: string; text: string; spans: Span[] }

function fill(template: string): { text: string; spans: Span[] } {
  let text = '';
  const spans: Span[] = [];
  let last = 0;
  const re = /\{([a-z_]+)\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(template)) !== null) {
    const type = m[1] as PiiType;
    if (!(type in gen)) continue;
    text += template.slice(last, m.index);
    const value = gen[type]();
    spans.push({ type, start: text.length, end: text.length + value.length });
    text += value;
    last = m.index + m[0].length;
  }
  text += template.slice(last);
  return { text, spans };
}

/** Hand-written texts: hard positives (names outside faker's lists, odd formats) and near misses labelled as nothing. */
const HAND: { text: string; pii: [PiiType, string][] }[] = [
  { text: 'Dr. Ngozi Okonkwo-Adeyemi will see you at noon.', pii: [['person_name', 'Ngozi Okonkwo-Adeyemi']] },
  { text: 'Bennett, Mrs. Harriet Louise boarded at Southampton.', pii: [['person_name', 'Bennett, Mrs. Harriet Louise']] },
  { text: 'Patient: Wei Zhang, 54, presented with chest pain.', pii: [['person_name', 'Wei Zhang']] },
  { text: 'Regards,\nSiobhan O\'Sullivan', pii: [['person_name', "Siobhan O'Sullivan"]] },
  { text: 'Prof. Takeshi Yamamoto chairs the session.', pii: [['person_name', 'Takeshi Yamamoto']] },
  { text: 'Mrs. Priya Raghunathan and Mr. Lars Eriksson signed the lease.', pii: [['person_name', 'Priya Raghunathan'], ['person_name', 'Lars Eriksson']] },
  { text: 'From: Chris Garrigues <cwg-dated@deepeddy.com>', pii: [['person_name', 'Chris Garrigues'], ['email', 'cwg-dated@deepeddy.com']] },
  { text: 'Martin A posted: Tassos Papadopoulos, the Greek sculptor behind the plan', pii: [['person_name', 'Tassos Papadopoulos']] },
  { text: 'kre@munnari.OZ.AU wrote the original patch.', pii: [['email', 'kre@munnari.OZ.AU']] },
  { text: 'Call 1-800-555-0199 toll free or +1 (646) 555 3890.', pii: [['phone', '1-800-555-0199'], ['phone', '+1 (646) 555 3890']] },
  { text: 'SSN 536 22 1234 on the W-2.', pii: [['ssn', '536 22 1234']] },
  { text: 'ssn: 536221234', pii: [['ssn', '536221234']] },
  { text: 'Amex 3782 822463 10005 was declined.', pii: [['credit_card', '3782 822463 10005']] },
  { text: 'card 4111111111111111 exp 12/26 cvv 123', pii: [['credit_card', '4111111111111111']] },
  { text: 'IBAN: GB82 WEST 1234 5698 7654 32 EUR', pii: [['iban', 'GB82 WEST 1234 5698 7654 32']] },
  { text: 'Ping ::1 and 2001:db8::ff00:42:8329 from 10.0.0.254.', pii: [['ip_address', '2001:db8::ff00:42:8329'], ['ip_address', '10.0.0.254']] },
  { text: 'Router 0019.e8a1.2b3c rebooted.', pii: [['mac_address', '0019.e8a1.2b3c']] },
  { text: 'password = "Tr0ub4dor&3"', pii: [['secret', 'Tr0ub4dor&3']] },
  { text: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', pii: [['secret', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']] },
  { text: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----', pii: [['secret', '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----']] },
  { text: 'Send it to P.O. Box 4471, Austin, TX 78765.', pii: [['address', 'P.O. Box 4471, Austin, TX 78765']] },
  { text: 'Deliveries go to 221B Baker Street.', pii: [['address', '221B Baker Street']] },
  { text: 'We met at 350 5th Ave, New York, NY 10118 last year.', pii: [['address', '350 5th Ave, New York, NY 10118']] },
  { text: 'D.O.B. 7/4/1976', pii: [['date_of_birth', '7/4/1976']] },
  { text: 'She was born 3rd of March 1990.', pii: [['date_of_birth', '3rd of March 1990']] },
  // Near misses: nothing here is personal data.
  { text: 'Order 1234567890 shipped on 2024-03-12 at 10:30:00.', pii: [] },
  { text: 'Upgrade to version 1.2.3.4 before 2025.', pii: [] },
  { text: 'The ratio was 3:2 and the total 4,111.11 dollars.', pii: [] },
  { text: 'Tracking number 9400 1000 0000 0000 0000 00.', pii: [] },
  { text: 'ISBN 978-3-16-148410-0 is out of print.', pii: [] },
  { text: 'Commit 3f786850e387550fdab836ed7e6dc881de23001b fixed it.', pii: [] },
  { text: 'UUID 123e4567-e89b-12d3-a456-426614174000 was reused.', pii: [] },
  { text: 'Invoice date 03/12/1984, due in 30 days.', pii: [] },
  { text: 'The New York Stock Exchange opened late on Monday.', pii: [] },
  { text: 'Microsoft Office 2003 crashes when saving.', pii: [] },
  { text: 'MOSCOW (AP) - Security officers on Thursday seized an unidentified man.', pii: [] },
  { text: 'Room 101, building 7, floor 3.', pii: [] },
  { text: 'SSN 666-12-3456 is not a valid number.', pii: [] },
  { text: 'Card 4111 1111 1111 1112 fails the checksum.', pii: [] },
  { text: 'IBAN GB82 WEST 1234 5698 7654 33 has a bad check digit.', pii: [] },
  { text: 'The value 256.300.1.1 is not an address.', pii: [] },
  { text: 'password: ********', pii: [] },
  { text: 'See https://www.example.com/path?q=1 for details.', pii: [] },
  { text: 'Temperatures reached 104 degrees in Phoenix on July 4, 2002.', pii: [] },
  { text: 'The meeting is on March 3, 1990 at the Grand Hotel.', pii: [] },
  { text: 'Chapter 12 covers the French Revolution.', pii: [] },
  { text: 'Call extension 4021 for the help desk.', pii: [] },
  { text: 'We sold 3 Green apples and 12 Red Delicious.', pii: [] },
  { text: 'The Linux kernel 2.4.18 supports ACPI.', pii: [] },
  { text: 'Price: $1,299.00 (was $1,499.00).', pii: [] },
  { text: 'Error 0x80070057 occurred at 12:45:33.', pii: [] },
  { text: 'Happy Birthday to the whole team at Acme Corp!', pii: [] },
];

/** Names outside faker's English lists (and a few with accents), so name recall is not measured on the dictionary itself. */
const WORLD_NAMES = [
  'Aarav Sharma', 'Chidi Okafor', 'Mei-Ling Chou', 'Oluwaseun Adebayo', 'Søren Kierkegaard', 'Nguyen Van Minh', 'Fatima Al-Sayed', 'Bogdan Kowalczyk',
  'Ines Carvalho', 'Kwame Mensah', 'Yuki Tanaka', 'Rahul Deshpande', 'Zsofia Nagy', 'Tariq Haddad', 'Ananya Iyer', 'Dmitri Volkov', 'Ngozi Eze',
  'Hiroshi Watanabe', 'Lucia Fernandez', 'Mateus Oliveira', 'Aisling Byrne', 'Thandiwe Dlamini', 'Jurgen Muller', 'Ayesha Siddiqui', 'Pham Thi Lan',
  'Eero Virtanen', 'Kofi Boateng', 'Nadia Petrova', 'Ravi Subramanian', 'Amara Nwosu',
];

/** Messier texts: several values of several types in one log line, header, signature or chat message, among lookalikes. */
const REALISTIC: string[] = [
  '2024-05-02T10:14:07Z sshd[4121]: Failed password for invalid user admin from {ip_address} port 52144 ssh2',
  '[{ip_address}] - - [02/May/2024:10:14:07 +0000] "GET /index.html HTTP/1.1" 200 5120 "-" "Mozilla/5.0"',
  'From: {person_name} <{email}>\nTo: {email}\nDate: Thu, 22 Aug 2002 10:54:46 -0500\nSubject: order #4471',
  '--\n{person_name}\nSenior Account Manager\nT: {phone} | M: {phone}\n{email}',
  'Hi team, {person_name} (ssn {ssn}) called from {phone} about invoice INV-2024-0031 for $1,240.50.',
  'customer={email} card={credit_card} amount=129.99 currency=USD status=approved ts=1714644847',
  'Refund of EUR 420.00 to {iban} approved by {person_name} on 2024-04-30, ticket 88213.',
  'DHCP lease: {mac_address} -> {ip_address} hostname=printer-3f lease=86400s',
  'Patient {person_name}, DOB {date_of_birth}, MRN 00482913, seen in room 12B on 2024-03-02.',
  'New signup: {person_name}, born {date_of_birth}, lives at {address}. Plan: premium (v2.3.1).',
  'config.yml:\n  db: {url_credentials}\n  pool: 10\n  timeout_ms: 3000',
  'git log: commit 9fceb02d0ae598e95dc970b74767f19372d61af8 adds AWS key {secret} by mistake',
  'Please update my address to {address} and my phone to {phone}. Thanks, {person_name}',
  'Wire instructions: beneficiary {person_name}, IBAN {iban}, reference 2024/Q2/0817.',
  'Order 100-2234-9981 shipped to {address}; contact {email} or {phone}.',
  'Emergency contact: {person_name} ({phone}). Allergies: none. Blood type O+.',
  'slack webhook token {secret} posted in #general at 09:31',
  'Server inventory: web01 {ip_address} {mac_address} rack B4 serial SN-88231-XZ',
];

/** Realistic texts with nothing personal in them, full of numbers and capitalised words. */
const REALISTIC_NEGATIVE: string[] = [
  'Build 2024.05.02.1 passed 1,284 tests in 3m 12s on Node 20.19.1 (linux-x64).',
  'Q2 revenue rose 12.4% to $48.2M; EBITDA margin 18.1%; guidance unchanged for FY2025.',
  'The Golden Gate Bridge opened on May 27, 1937 and spans 2,737 meters.',
  'Flight UA 857 departs SFO at 13:05 and lands at PVG at 17:25 the next day.',
  'Install with npm i synthdata@0.1.0 and run synthdata generate --rows 1000 --seed 42.',
  'Meeting notes: Product Review, Thursday 10:00-11:30, Room Everest, 14 attendees.',
  'SKU 4006381333931 is out of stock at the Berlin warehouse until week 23.',
  'The Treaty of Versailles was signed on 28 June 1919 in the Hall of Mirrors.',
  'Temperature 21.5 C, humidity 48%, pressure 1013 hPa, wind 12 km/h NW.',
  'HTTP/1.1 503 Service Unavailable, Retry-After: 120, X-Request-Id: 7f3a9c2e-11b4-4d7e-9a51-2b0c8e6d4f10',
  'Apollo 11 landed on July 20, 1969 at 20:17 UTC in the Sea of Tranquility.',
  'Invoice INV-2024-0031 totals 1,240.50 EUR, due 2024-06-01, net 30.',
  'Chromosome 17 carries the BRCA1 gene at position 43,044,295 to 43,125,483.',
  'The New England Patriots beat the Buffalo Bills 24-21 at Gillette Stadium.',
  'Use port 8080 for HTTP and 8443 for HTTPS; the admin UI listens on 127.0.0.1:9000 only in dev.',
];

function buildText(): Sample[] {
  const samples: Sample[] = [];
  for (const [type, templates] of Object.entries(TEMPLATES) as [PiiType, string[]][]) {
    for (let i = 0; i < 60; i++) {
      const { text, spans } = fill(templates[i % templates.length]!);
      samples.push({ id: `${type}-${i + 1}`, text, spans });
    }
  }
  for (let i = 0; i < 150; i++) {
    const template = REALISTIC[i % REALISTIC.length]!;
    // Every third realistic text takes its names from the world list instead of faker's.
    const world = i % 3 === 0;
    const saved = gen.person_name;
    if (world) gen.person_name = () => rng.pick(WORLD_NAMES);
    const { text, spans } = fill(template);
    gen.person_name = saved;
    samples.push({ id: `realistic-${i + 1}`, text, spans });
  }
  REALISTIC_NEGATIVE.forEach((text, i) => samples.push({ id: `negative-${i + 1}`, text, spans: [] }));
  HAND.forEach((h, i) => {
    const spans: Span[] = [];
    let from = 0;
    for (const [type, value] of h.pii) {
      const start = h.text.indexOf(value, from);
      if (start < 0) throw new Error(`hand sample ${i}: "${value}" not in text`);
      spans.push({ type, start, end: start + value.length });
      from = start + value.length;
    }
    samples.push({ id: `hand-${i + 1}`, text: h.text, spans });
  });
  return samples;
}

interface ColumnSample { name: string; expected: PiiType | null; values: string[] }

function buildColumns(): ColumnSample[] {
  const cols: ColumnSample[] = [];
  const names: Record<PiiType, string[]> = {
    email: ['email', 'contact', 'col_a'], phone: ['phone_number', 'mobile', 'col_b'], ssn: ['ssn', 'social_security_number', 'col_c'],
    credit_card: ['card_number', 'cc', 'col_d'], iban: ['iban', 'payout_account', 'col_e'], ip_address: ['ip_address', 'client', 'col_f'],
    mac_address: ['mac', 'device_id', 'col_g'], url_credentials: ['dsn', 'connection', 'col_h'], secret: ['api_key', 'password', 'col_i'],
    address: ['street_address', 'shipping_address', 'col_j'], date_of_birth: ['dob', 'birth_date', 'date_of_birth'], person_name: ['full_name', 'customer', 'col_k'],
  };
  for (const [type, list] of Object.entries(names) as [PiiType, string[]][]) {
    for (const name of list) {
      let values: string[];
      if (type === 'date_of_birth') values = Array.from({ length: 40 }, () => `${rng.int(1940, 2005)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`);
      else if (type === 'secret' && name === 'password') values = Array.from({ length: 40 }, () => f.internet.password({ length: rng.int(8, 14) }));
      else if (type === 'ssn' && name !== 'col_c') values = Array.from({ length: 40 }, () => (rng.bool() ? gen.ssn() : gen.ssn().replace(/-/g, '')));
      else if (type === 'address') values = Array.from({ length: 40 }, () => f.location.streetAddress(rng.bool(0.3)));
      else values = Array.from({ length: 40 }, () => gen[type]());
      cols.push({ name, expected: type, values });
    }
  }
  const negatives: [string, () => string][] = [
    ['product', () => f.commerce.productName()], ['city', () => f.location.city()], ['order_id', () => digits(10)], ['price', () => f.commerce.price()],
    ['uuid', () => f.string.uuid()], ['created_at', () => f.date.between({ from: '2020-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }).toISOString()],
    ['company', () => f.company.name()], ['status', () => rng.pick(['active', 'closed', 'pending'])], ['sku', () => f.string.alphanumeric({ length: 8, casing: 'upper' })],
    ['version', () => `${rng.int(0, 9)}.${rng.int(0, 20)}.${rng.int(0, 50)}`], ['department', () => f.commerce.department()], ['color', () => f.color.human()],
    ['notes', () => f.lorem.sentence()], ['country', () => f.location.country()], ['job_title', () => f.person.jobTitle()], ['amount', () => String(rng.int(1, 99999))],
  ];
  for (const [name, g] of negatives) cols.push({ name, expected: null, values: Array.from({ length: 40 }, g) });
  return cols;
}

const text = buildText();
writeFileSync(new URL('text.jsonl', out), text.map((s) => JSON.stringify(s)).join('\n') + '\n');
const columns = buildColumns();
writeFileSync(new URL('columns.json', out), JSON.stringify(columns, null, 1) + '\n');
console.log(`wrote ${text.length} labelled texts (${text.reduce((n, s) => n + s.spans.length, 0)} spans) and ${columns.length} columns to test/fixtures/pii/`);
