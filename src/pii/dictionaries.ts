import { faker } from '@faker-js/faker/locale/en';

/**
 * Word lists from faker's English locale: person names for the name detector, street suffixes and states for the
 * address detector. Built once, lower-cased, on first use.
 */
export interface PiiDictionaries {
  readonly firstNames: ReadonlySet<string>;
  readonly lastNames: ReadonlySet<string>;
  readonly streetSuffixes: readonly string[];
  readonly stateAbbrs: readonly string[];
  readonly states: readonly string[];
}

let cached: PiiDictionaries | undefined;

// Abbreviations used in real addresses that faker's list spells out.
const SUFFIX_ABBREVIATIONS = ['St', 'Ave', 'Av', 'Rd', 'Blvd', 'Dr', 'Ln', 'Ct', 'Pl', 'Pkwy', 'Hwy', 'Ter', 'Cir', 'Sq', 'Trl', 'Cres', 'Ctr', 'Expy', 'Fwy', 'Mtn', 'Pt', 'Xing', 'Jct', 'Hts'];

// First names that are also everyday capitalised words; alone they say little.
const AMBIGUOUS_FIRST = ['will', 'may', 'june', 'april', 'august', 'grant', 'mark', 'bill', 'rose', 'hope', 'joy', 'art', 'faith', 'king', 'price', 'long', 'young', 'page', 'baby', 'major', 'sunday', 'monday', 'friday', 'chase', 'miles', 'jack', 'ray', 'dean', 'rich', 'sale', 'gay', 'green', 'white', 'black', 'brown', 'hill', 'lane', 'street', 'love', 'summer', 'winter', 'autumn', 'christmas', 'easter', 'florida', 'georgia', 'virginia', 'dakota', 'carolina', 'america', 'an', 'le', 'la', 'van', 'del', 'sky', 'star', 'river', 'ocean', 'golden', 'reed', 'wood', 'north', 'south', 'west', 'east', 'new', 'state', 'general'];

/** The dictionaries, built on first call. */
export function piiDictionaries(): PiiDictionaries {
  if (cached !== undefined) return cached;
  const d = faker.rawDefinitions;
  const lower = (xs: readonly string[] | undefined): string[] => (xs ?? []).map((x) => x.toLowerCase());
  const first = d.person?.first_name;
  const last = d.person?.last_name;
  const ambiguous = new Set(AMBIGUOUS_FIRST);
  const firstNames = new Set([...lower(first?.generic), ...lower(first?.female), ...lower(first?.male)].filter((n) => !ambiguous.has(n)));
  const lastNames = new Set([...lower(last?.generic), ...lower(last?.female), ...lower(last?.male)].filter((n) => !ambiguous.has(n)));
  const suffixes = [...(d.location?.street_suffix ?? []), ...SUFFIX_ABBREVIATIONS];
  cached = {
    firstNames,
    lastNames,
    streetSuffixes: [...new Set(suffixes)].sort((a, b) => b.length - a.length),
    stateAbbrs: [...(d.location?.state_abbr ?? [])],
    states: [...(d.location?.state ?? [])],
  };
  return cached;
}
