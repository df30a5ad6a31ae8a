import { isIPv6 } from 'node:net';
import { contextBefore, makeFinding, matchAll } from '../finding.js';
import type { PiiDetector, PiiFinding } from '../types.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?![\\d]|\\.\\d)`, 'g');
const IPV6_CANDIDATE = /(?<![0-9A-Fa-f:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![0-9A-Fa-f:])/g;
const IP_CONTEXT = /\b(?:ip|ipv4|addr|address|host|from|client|server|src|dst|source|destination|gateway|dns)\b\W{0,3}$/i;
const VERSION_CONTEXT = /\b(?:version|ver|v|release|build|rev)\.?\s*$/i;

/** IPv4 addresses (dotted quad, each octet 0-255) and IPv6 addresses (validated by node:net). */
export const ipDetector: PiiDetector = {
  id: 'ip',
  types: ['ip_address'],
  description: 'IPv4 dotted quads with octets 0-255 (not version numbers) and IPv6 addresses in full or compressed form.',
  detect(text) {
    const out: PiiFinding[] = [];
    if (text.includes('.')) {
      for (const m of matchAll(IPV4, text)) {
        if (contextBefore(text, m.index, VERSION_CONTEXT, 12)) continue;
        // Loopback, "any" and netmasks are the same on every machine: they identify no one.
        if (/^(?:127\.|0\.0\.0\.0$|255\.)/.test(m[0])) continue;
        // "1.67.2.1" is far more often a revision number than an address; ask for context when all octets are small.
        const octets = m[0].split('.').map(Number);
        if (octets[0]! < 10 && octets.every((o) => o < 100) && !contextBefore(text, m.index, IP_CONTEXT, 24)) continue;
        out.push(makeFinding(text, 'ip_address', 'ip', m.index, m.index + m[0].length, 0.9));
      }
    }
    if (text.includes(':')) {
      for (const m of matchAll(IPV6_CANDIDATE, text)) {
        const candidate = m[0];
        // A run of bare colons or a clock time is not an address; ask for hex digits and either :: or eight groups.
        if (!/[0-9A-Fa-f]{2}/.test(candidate) || !/\d/.test(candidate) || !isIPv6(candidate)) continue;
        // "Mail::SpamTest" and "YAPC::Europe::2002" have double colons too; an address has at least three groups.
        if (candidate.split(':').filter((g) => g.length > 0).length < 3) continue;
        if (!candidate.includes('::') && candidate.split(':').length < 8 && !candidate.includes('.')) continue;
        out.push(makeFinding(text, 'ip_address', 'ip', m.index, m.index + candidate.length, 0.92));
      }
    }
    return out;
  },
  examples: {
    match: ['from 192.168.1.20 at noon', 'host 2001:db8::8a2e:370:7334 down', 'fe80:0000:0000:0000:0204:61ff:fe9d:f156'],
    noMatch: ['version 1.2.3.4', 'CVS: mass-check,1.67,1.67.2.1', 'YAPC::Europe::2002', '256.1.1.1', 'listen on 127.0.0.1', 'mask 255.255.255.0', 'at 10:30:00 UTC', '1.2.3.4.5', 'ratio 3:2'],
  },
};

const MAC_COLON = /(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-])/g;
const MAC_DOT = /(?<![0-9A-Fa-f.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![0-9A-Fa-f.])/g;

/** MAC addresses: six hex pairs joined by colons or dashes, or Cisco's three dotted quads of hex. */
export const macDetector: PiiDetector = {
  id: 'mac',
  types: ['mac_address'],
  description: 'MAC addresses (00:1A:2B:3C:4D:5E, 00-1A-2B-3C-4D-5E, 001a.2b3c.4d5e).',
  detect(text) {
    const out: PiiFinding[] = [];
    for (const m of matchAll(MAC_COLON, text)) out.push(makeFinding(text, 'mac_address', 'mac', m.index, m.index + m[0].length, 0.95));
    for (const m of matchAll(MAC_DOT, text)) {
      if (!/[a-fA-F]/.test(m[0]) && !/\d/.test(m[0])) continue;
      out.push(makeFinding(text, 'mac_address', 'mac', m.index, m.index + m[0].length, 0.85));
    }
    return out;
  },
  examples: {
    match: ['nic 00:1A:2B:3C:4D:5E up', 'ether 3c-22-fb-11-90-0a', 'cisco 001a.2b3c.4d5e'],
    noMatch: ['00:1A:2B:3C:4D', '12:30:45', 'deadbeef'],
  },
};

const URL_WITH_CREDENTIALS = /\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}:\/\/[^\s:/@"'<>]+:[^\s/@"'<>]+@[^\s/?#"'<>]+[^\s"'<>]*/g;

/** URLs that carry a user name and password (`scheme://user:pass@host`), such as database connection strings. */
export const urlCredentialsDetector: PiiDetector = {
  id: 'url-credentials',
  types: ['url_credentials'],
  description: 'URLs with embedded credentials (scheme://user:password@host/...).',
  detect(text) {
    const out: PiiFinding[] = [];
    if (!text.includes('://')) return out;
    for (const m of matchAll(URL_WITH_CREDENTIALS, text)) {
      let end = m.index + m[0].length;
      while (/[.,;:)\]]/.test(text[end - 1]!)) end--;
      out.push(makeFinding(text, 'url_credentials', 'url-credentials', m.index, end, 0.99));
    }
    return out;
  },
  examples: {
    match: ['DATABASE_URL=postgres://admin:s3cr3t@db.internal:5432/app', 'ftp://bob:hunter2@files.example.com/pub.'],
    noMatch: ['see https://example.com/path', 'mailto:jane@example.com', 'https://user@example.com'],
  },
};
