/**
 * The logical kinds a column can hold. They are the user's words for data, not JavaScript types:
 * `date` is a calendar day ("2024-05-01"), `datetime` an instant, `json` a nested object or array.
 */
export const KINDS = ['string', 'integer', 'number', 'boolean', 'date', 'datetime', 'time', 'json'] as const;

/** One of {@link KINDS}. */
export type Kind = (typeof KINDS)[number];

/** A named, typed column of a table. `nullable` is true when a value may be `null`. */
export interface Field {
  readonly name: string;
  readonly kind: Kind;
  readonly nullable: boolean;
  /** Free-form hints carried along (e.g. the JSON Schema `format`, a PII type). */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** Builds a {@link Field}. @example field('age', 'integer') */
export function field(name: string, kind: Kind, nullable = false, meta?: Record<string, unknown>): Field {
  return meta === undefined ? { name, kind, nullable } : { name, kind, nullable, meta };
}
