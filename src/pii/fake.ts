import { faker as enFaker } from '@faker-js/faker/locale/en';
import type { Faker } from '@faker-js/faker';
import type { Rng } from '../core/index.js';
import type { PiiType } from './types.js';

type FakerCtor = new (options: { locale: typeof enFaker.rawDefinitions; randomizer: { next(): number; seed(seed: number | number[]): void } }) => Faker;

/**
 * Realistic stand-ins for redacted values, drawn from faker's English locale with our seeded Rng. The same original
 * value always gets the same fake under one Rng, so joins and repeated mentions stay consistent.
 */
export class PiiFaker {
  private current: Rng;
  private readonly faker: Faker;
  private readonly cache = new Map<string, string>();

  constructor(private readonly rng: Rng) {
    this.current = rng;
    // A private instance (not the shared locale singleton) whose randomness is whichever Rng is current.
    const Ctor = enFaker.constructor as unknown as FakerCtor;
    this.faker = new Ctor({ locale: enFaker.rawDefinitions, randomizer: { next: () => this.current.next(), seed: () => {} } });
  }

  /** A fake of `type` standing in for `original`. */
  fake(type: PiiType, original: string): string {
    const key = `${type}\u0000${original}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    this.current = this.rng.fork(`pii:${key}`);
    const value = this.draw(type, original);
    if (this.cache.size < 100_000) this.cache.set(key, value);
    return value;
  }

  private draw(type: PiiType, original: string): string {
    const f = this.faker;
    const r = this.current;
    switch (type) {
      case 'email':
        // RFC 2606 domains can never reach a real mailbox.
        return f.internet.email({ provider: r.pick(['example.com', 'example.org', 'example.net']) }).toLowerCase();
      case 'phone':
        // 555-01xx is reserved for fiction in the North American plan.
        return `(${r.int(201, 989)}) 555-01${String(r.int(0, 99)).padStart(2, '0')}`;
      case 'ssn':
        // Area 9xx is never issued, so the fake cannot be anyone's number.
        return `9${String(r.int(0, 99)).padStart(2, '0')}-${String(r.int(1, 99)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`;
      case 'credit_card':
        return f.finance.creditCardNumber();
      case 'iban':
        return f.finance.iban({ formatted: /\s/.test(original) });
      case 'ip_address':
        return original.includes(':') ? f.internet.ipv6() : f.internet.ipv4();
      case 'mac_address':
        return f.internet.mac({ separator: original.includes('-') ? '-' : ':' });
      case 'url_credentials':
        return `${/^[a-z][a-z0-9+.-]*/i.exec(original)?.[0] ?? 'https'}://${f.internet.username().toLowerCase()}:${f.string.alphanumeric(12)}@${f.internet.domainName()}`;
      case 'secret':
        return f.string.alphanumeric(Math.max(8, Math.min(64, original.length)));
      case 'address':
        return original.includes(',') ? `${f.location.streetAddress()}, ${f.location.city()}, ${f.location.state({ abbreviated: true })} ${f.location.zipCode('#####')}` : f.location.streetAddress();
      case 'date_of_birth':
        return `${r.int(1940, 2005)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
      case 'person_name': {
        const words = original.trim().split(/\s+/).length;
        return words <= 1 ? f.person.firstName() : `${f.person.firstName()} ${f.person.lastName()}`;
      }
    }
  }
}
