/**
 * The functions an `x-expression` may call, as data: name, arity and one line of documentation. The schema
 * checker accepts exactly these names; the generation engine implements each of them.
 */
export interface ExpressionFunction {
  readonly name: string;
  /** Fewest and most arguments (`Infinity` for variadic). */
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly doc: string;
}

const fn = (name: string, minArgs: number, maxArgs: number, doc: string): ExpressionFunction => ({ name, minArgs, maxArgs, doc });

/** Every function allowed in `x-expression`, in documentation order. */
export const EXPRESSION_FUNCTION_LIST: readonly ExpressionFunction[] = [
  // text
  fn('lower', 1, 1, 'lower(s): the text in lower case'),
  fn('upper', 1, 1, 'upper(s): the text in upper case'),
  fn('trim', 1, 1, 'trim(s): the text without surrounding spaces'),
  fn('concat', 1, Infinity, 'concat(a, b, ...): the values joined as text (null parts are skipped)'),
  fn('join', 2, Infinity, 'join(sep, a, b, ...): the non-null values joined with sep'),
  fn('slugify', 1, 1, 'slugify(s): ASCII lower-case text with dashes ("Zoë Smith" -> "zoe-smith")'),
  fn('substring', 2, 3, 'substring(s, start, end?): part of the text, by character positions'),
  fn('replace', 3, 3, 'replace(s, find, with): every occurrence of find replaced'),
  fn('len', 1, 1, 'len(s): the length of a text or an array'),
  fn('pad', 2, 3, 'pad(value, width, fill?): the value as text, padded on the left with fill (default "0")'),
  fn('string', 1, 1, 'string(v): the value as text'),
  // numbers
  fn('number', 1, 1, 'number(v): the value as a number'),
  fn('round', 1, 2, 'round(x, digits?): rounded half away from zero to digits decimals (default 0)'),
  fn('floor', 1, 1, 'floor(x): the largest integer not above x'),
  fn('ceil', 1, 1, 'ceil(x): the smallest integer not below x'),
  fn('abs', 1, 1, 'abs(x): the absolute value'),
  fn('min', 1, Infinity, 'min(a, b, ...): the smallest argument'),
  fn('max', 1, Infinity, 'max(a, b, ...): the largest argument'),
  fn('clamp', 3, 3, 'clamp(x, lo, hi): x limited to the range lo..hi'),
  fn('sqrt', 1, 1, 'sqrt(x): the square root'),
  fn('pow', 2, 2, 'pow(x, y): x to the power y'),
  // dates (ISO strings in and out)
  fn('date', 1, 1, 'date(v): a date-time or text as an ISO date ("2024-05-01")'),
  fn('now', 0, 0, 'now(): the run\'s reference date-time (from its Clock), as ISO text'),
  fn('referenceDate', 0, 0, 'referenceDate(): the run\'s reference date, as an ISO date'),
  fn('addDays', 2, 2, 'addDays(d, n): the date or date-time d moved by n days'),
  fn('addMonths', 2, 2, 'addMonths(d, n): moved by n calendar months (clamped to the month\'s end)'),
  fn('addYears', 2, 2, 'addYears(d, n): moved by n calendar years'),
  fn('daysBetween', 2, 2, 'daysBetween(a, b): whole days from a to b'),
  fn('yearsBetween', 2, 2, 'yearsBetween(a, b): whole years from a to b (an age, when a is a birth date)'),
  fn('year', 1, 1, 'year(d): the calendar year of a date'),
  fn('month', 1, 1, 'month(d): the month of a date, 1 to 12'),
  fn('day', 1, 1, 'day(d): the day of the month of a date'),
  // logic
  fn('if', 3, 3, 'if(cond, a, b): a when cond is true, else b (also written cond ? a : b)'),
  fn('coalesce', 1, Infinity, 'coalesce(a, b, ...): the first argument that is not null (also written a ?? b)'),
];

/** The names of every function allowed in `x-expression`. */
export const EXPRESSION_FUNCTIONS: readonly string[] = EXPRESSION_FUNCTION_LIST.map((f) => f.name);
