import { createRequire } from 'node:module';
import { faker as enFaker } from '@faker-js/faker/locale/en';
import { nearMatches, SynthError, type Rng } from '../core/index.js';

/** A Faker instance (the English one's type; every locale has the same shape). */
export type FakerInstance = typeof enFaker;

/** Faker's locale data: module -> entry -> array of values or nested groups. */
export type LocaleData = FakerInstance['rawDefinitions'];

/** The locales @faker-js/faker ships, for "did you mean" messages. */
export const FAKER_LOCALES = [
  'af_ZA', 'ar', 'az', 'base', 'bn_BD', 'cs_CZ', 'cy', 'da', 'de', 'de_AT', 'de_CH', 'dv', 'el', 'en', 'en_AU', 'en_AU_ocker',
  'en_BORK', 'en_CA', 'en_GB', 'en_GH', 'en_HK', 'en_IE', 'en_IN', 'en_NG', 'en_NP', 'en_US', 'en_ZA', 'eo', 'es', 'es_MX',
  'fa', 'fi', 'fr', 'fr_BE', 'fr_CA', 'fr_CH', 'fr_LU', 'fr_SN', 'he', 'hr', 'hu', 'hy', 'id_ID', 'it', 'ja', 'ka_GE', 'ko',
  'ku_ckb', 'ku_kmr_latin', 'lv', 'mk', 'mn_MN_cyrl', 'nb_NO', 'ne', 'nl', 'nl_BE', 'pl', 'pt_BR', 'pt_PT', 'ro', 'ro_MD', 'ru',
  'sk', 'sl_SI', 'sr_RS_latin', 'sv', 'ta_IN', 'th', 'tr', 'uk', 'ur', 'uz_UZ_latin', 'vi', 'yo_NG', 'zh_CN', 'zh_TW', 'zu_ZA',
] as const;

const requireHere = createRequire(import.meta.url);
const loaded = new Map<string, FakerInstance>([['en', enFaker]]);

/** Normalises `en-US`/`en_us` to Faker's `en_US` spelling. */
export function normalizeLocale(locale: string): string {
  const parts = locale.replace(/-/g, '_').split('_');
  return parts.map((p, i) => (i === 0 ? p.toLowerCase() : p.length === 2 ? p.toUpperCase() : p)).join('_');
}

/** The stock Faker instance of a locale (loaded synchronously on first use); an unknown locale is an error listing near ones. */
export function localeFaker(locale: string, path = 'locale'): FakerInstance {
  const name = normalizeLocale(locale);
  const hit = loaded.get(name);
  if (hit !== undefined) return hit;
  if (!(FAKER_LOCALES as readonly string[]).includes(name) || name === 'base') {
    const near = nearMatches(name, FAKER_LOCALES);
    throw new SynthError('UNKNOWN_NAME', `unknown locale "${locale}"${near.length > 0 ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`, {
      path,
      received: locale,
      expected: FAKER_LOCALES,
    });
  }
  // Locale modules are ESM without top-level await, which Node 20.19+ can require synchronously.
  const mod = requireHere(`@faker-js/faker/locale/${name}`) as { faker: FakerInstance };
  loaded.set(name, mod.faker);
  return mod.faker;
}

/** Faker's randomizer contract, fed by whichever of our Rngs is current. */
class RngRandomizer {
  current: Rng | undefined;
  // Arrow properties: Faker may call these detached from the object.
  next = (): number => {
    if (this.current === undefined) throw new SynthError('INTERNAL', 'a Faker call was made outside a generator');
    return this.current.next();
  };
  seed = (): void => {
    // Seeding is ours: every draw comes from the current Rng.
  };
}

/** A Faker of one locale whose every random draw comes from an Rng we set before each call. */
export interface DrivenFaker {
  readonly faker: FakerInstance;
  use(rng: Rng): FakerInstance;
}

const driven = new Map<string, DrivenFaker>();

/** A Faker for `locale` driven by our Rngs, with its reference date fixed (faker's default would read the clock). */
export function drivenFaker(locale: string, referenceMs: number): DrivenFaker {
  const key = `${normalizeLocale(locale)}@${referenceMs}`;
  const hit = driven.get(key);
  if (hit !== undefined) return hit;
  const stock = localeFaker(locale);
  const randomizer = new RngRandomizer();
  const Ctor = stock.constructor as new (options: { locale: LocaleData; randomizer: RngRandomizer }) => FakerInstance;
  const instance = new Ctor({ locale: stock.rawDefinitions, randomizer });
  instance.setDefaultRefDate(new Date(referenceMs));
  const out: DrivenFaker = {
    faker: instance,
    use(rng: Rng) {
      randomizer.current = rng;
      return instance;
    },
  };
  driven.set(key, out);
  return out;
}

/** Finds the function at a method path (`person.firstName`) of a Faker instance, or undefined. */
export function fakerMethod(instance: FakerInstance, path: string): ((...args: unknown[]) => unknown) | undefined {
  const [moduleName, method, ...rest] = path.split('.');
  if (moduleName === undefined || method === undefined || rest.length > 0) return undefined;
  const mod = (instance as unknown as Record<string, unknown>)[moduleName];
  if (typeof mod !== 'object' || mod === null || moduleName.startsWith('_')) return undefined;
  const fn = (mod as Record<string, unknown>)[method];
  if (typeof fn !== 'function' || method.startsWith('_')) return undefined;
  return (fn as (...args: unknown[]) => unknown).bind(mod);
}
