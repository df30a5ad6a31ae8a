import { SynthError } from '../core/index.js';
import { addressDetector } from './detectors/address.js';
import { emailDetector, phoneDetector } from './detectors/contact.js';
import { dateOfBirthDetector } from './detectors/date-of-birth.js';
import { creditCardDetector, ibanDetector } from './detectors/financial.js';
import { ipDetector, macDetector, urlCredentialsDetector } from './detectors/network.js';
import { personNameDetector } from './detectors/person-name.js';
import { secretDetector } from './detectors/secret.js';
import { ssnDetector } from './detectors/ssn.js';
import type { PiiDetector } from './types.js';

/** Every built-in PII detector by id. Add one here and it runs the shared contract suite. */
export const PII_DETECTORS: Readonly<Record<string, PiiDetector>> = Object.freeze(
  Object.fromEntries(
    [
      emailDetector,
      phoneDetector,
      ssnDetector,
      creditCardDetector,
      ibanDetector,
      ipDetector,
      macDetector,
      urlCredentialsDetector,
      secretDetector,
      addressDetector,
      dateOfBirthDetector,
      personNameDetector,
    ].map((d) => [d.id, d]),
  ),
);

/** The detector with this id, or an UNKNOWN_NAME error listing the valid ids. */
export function getPiiDetector(id: string): PiiDetector {
  const d = PII_DETECTORS[id];
  if (d === undefined) {
    const valid = Object.keys(PII_DETECTORS);
    throw new SynthError('UNKNOWN_NAME', `Unknown PII detector "${id}". Valid detectors are: ${valid.join(', ')}.`, {
      path: '/detectors',
      expected: valid,
      received: id,
    });
  }
  return d;
}

/** Identity helper that type-checks a detector definition (for plugins written outside this folder). */
export function definePiiDetector(detector: PiiDetector): PiiDetector {
  return detector;
}
