import type { Kind, Rng } from '../core/index.js';
import { drivenFaker, localeFaker, type DrivenFaker } from './faker-source.js';
import { LocaleText } from './locale-data.js';
import type { ResolvedOptions } from './options.js';

/** What a value generator may read besides its Rng: the row index and the sibling values already generated. */
export interface RowCtx {
  /** The global row index (0-based) of the top-level record. */
  readonly row: number;
  /** A sibling value of the same record (undefined when absent or not generated yet). */
  get(name: string): unknown;
}

/** Generates one value. `undefined` means "absent" where absence is allowed (optional properties). */
export type ValueGen = (rng: Rng, ctx: RowCtx) => unknown;

/** A finite value space that can be indexed: the base of guaranteed-unique columns. */
export interface Domain {
  readonly size: number;
  at(index: number): unknown;
}

/** A compiled schema node. */
export interface Compiled {
  readonly gen: ValueGen;
  readonly kind: Kind;
  readonly nullable: boolean;
  /** Sibling names the generator reads through `ctx.get`. */
  readonly deps: readonly string[];
  /** The non-null values, when they are few enough to enumerate. */
  readonly domain?: Domain;
  /** The Faker method or semantic role that produces the values (e.g. `person.firstName`), when one does. */
  readonly role?: string;
  readonly meta?: Record<string, unknown>;
}

/** Names of sibling properties by the person-part they hold, so emails can fit names. */
export interface NameRoles {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly fullName?: string;
}

const texts = new Map<string, LocaleText>();

/** Compile-time context: options, locale data and caches shared by every node of one plan. */
export class Env {
  constructor(readonly opts: ResolvedOptions) {}

  /** The fast locale-data generators of a locale (built once per process and reference date). */
  text(locale: string): LocaleText {
    const key = `${locale}@${this.opts.referenceMs}`;
    let t = texts.get(key);
    if (t === undefined) {
      t = new LocaleText(localeFaker(locale).rawDefinitions, this.faker(locale));
      if (texts.size >= 32) texts.clear();
      texts.set(key, t);
    }
    return t;
  }

  /** A Faker of the locale whose draws come from our Rngs. */
  faker(locale: string): DrivenFaker {
    return drivenFaker(locale, this.opts.referenceMs);
  }
}

/** Where a node is compiled: its pointer, the property name (for semantic hints), the locale and sibling roles. */
export interface At {
  readonly pointer: string;
  readonly name: string | undefined;
  readonly locale: string;
  readonly roles: NameRoles;
  /** Depth of object nesting: 0 for top-level properties (where x-unique and x-sequence apply). */
  readonly depth: number;
  /** The names of the sibling properties (what an `x-expression` may read). */
  readonly siblings?: readonly string[];
}

/** Compiles a schema node (passed down so the type-specific compilers need not import the dispatcher). */
export type CompileFn = (schema: unknown, env: Env, at: At) => Compiled;
