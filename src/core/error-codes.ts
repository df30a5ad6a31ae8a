/**
 * The one catalogue of error codes. Each entry says what went wrong, how to solve it, and whether it is
 * the user's input (`input`, CLI exit 2, HTTP 4xx) or a fault of ours or the machine's (`internal`, exit 1, 5xx).
 * docs/errors.md is generated from this table (`npm run docs:errors`) and a test keeps the two in step.
 * Codes are stable: never rename one, add a new one instead.
 */
export interface ErrorCodeInfo {
  readonly area: string;
  readonly kind: 'input' | 'internal';
  readonly description: string;
  readonly solve: string;
}

const catalogue = {
  // general
  INTERNAL: { area: 'general', kind: 'internal', description: 'An unexpected fault inside synthdata.', solve: 'Report it with the command and input that caused it; the message carries the cause.' },
  INVALID_ARGUMENT: { area: 'general', kind: 'input', description: 'An option or argument has a value that cannot be used.', solve: 'Check the value named in the message against `--help`.' },
  UNKNOWN_NAME: { area: 'general', kind: 'input', description: 'A name (synthesizer, metric, detector, planner, chart, format...) is not one of the known ones.', solve: 'Use one of the names the message lists.' },
  CONFIG_INVALID: { area: 'general', kind: 'input', description: 'The configuration (file, SYNTHDATA_* environment or flags) is invalid.', solve: 'Fix the setting named in the message.' },

  // schema
  SCHEMA_NOT_JSON: { area: 'schema', kind: 'input', description: 'The schema file is not valid JSON.', solve: 'Fix the syntax at the line and column given.' },
  SCHEMA_NOT_OBJECT: { area: 'schema', kind: 'input', description: 'The schema does not describe one record (an object with properties).', solve: 'Use `"type": "object"` with `properties` at the root.' },
  SCHEMA_INVALID: { area: 'schema', kind: 'input', description: 'The schema breaks JSON Schema 2020-12 or our `x-` extensions; every issue is listed with its JSON pointer.', solve: 'Fix each issue at the pointer given; `synthdata schema check FILE` lists them all.' },
  SCHEMA_UNSATISFIABLE: { area: 'schema', kind: 'input', description: 'No value can satisfy the schema at a place (minimum above maximum, empty enum, impossible pattern, contradictory allOf...).', solve: 'Relax the constraints at the pointer given.' },
  SCHEMA_REF_UNRESOLVED: { area: 'schema', kind: 'input', description: 'A `$ref` points to nothing in the schema.', solve: 'Point `$ref` at an existing `#/$defs/...` entry.' },
  SCHEMA_UNKNOWN_FORMAT: { area: 'schema', kind: 'input', description: 'A `format` is not one that synthdata can generate.', solve: 'Use one of the formats the message lists, or `pattern`/`x-faker` instead.' },
  SCHEMA_UNKNOWN_FAKER: { area: 'schema', kind: 'input', description: 'An `x-faker` (or `faker`) method path does not exist in Faker.', solve: 'Use one of the near matches the message lists (e.g. `person.firstName`).' },
  SCHEMA_BAD_DISTRIBUTION: { area: 'schema', kind: 'input', description: 'An `x-distribution` is unknown or has invalid parameters.', solve: 'Use a listed distribution with valid parameters (see docs/schema.md).' },
  SCHEMA_BAD_EXPRESSION: { area: 'schema', kind: 'input', description: 'An `x-expression` cannot be parsed, uses an unknown function or refers to an unknown field.', solve: 'Fix the expression at the position given; only the listed functions and fields of the same record are allowed.' },
  SCHEMA_EXPRESSION_CYCLE: { area: 'schema', kind: 'input', description: 'Derived fields depend on each other in a cycle.', solve: 'Break the cycle named in the message.' },
  SCHEMA_UNIQUE_TOO_SMALL: { area: 'schema', kind: 'input', description: 'An `x-unique` property has fewer possible values than the rows asked for.', solve: 'Ask for fewer rows, widen the value space, or drop `x-unique`.' },
  SCHEMA_INFER_FAILED: { area: 'schema', kind: 'input', description: 'A schema could not be inferred from the sample table.', solve: 'Check that the table has a header row and at least one data row.' },

  // generate
  GENERATE_ROWS_INVALID: { area: 'generate', kind: 'input', description: 'The row count is not a positive integer or is above the configured maximum.', solve: 'Pass a whole number between 1 and the maximum (`SYNTHDATA_MAX_ROWS`).' },
  GENERATE_EXHAUSTED: { area: 'generate', kind: 'input', description: 'Generation could not find a value that satisfies the schema after many tries (for example unique values in a crowded space).', solve: 'Relax the constraints on the property named in the message.' },
  GENERATE_WORKER_FAILED: { area: 'generate', kind: 'internal', description: 'A generation worker thread failed.', solve: 'Retry with `--workers 1`; report the message if it persists.' },

  // io
  IO_NOT_FOUND: { area: 'io', kind: 'input', description: 'A file does not exist or cannot be read.', solve: 'Check the path.' },
  IO_UNWRITABLE: { area: 'io', kind: 'input', description: 'The output file cannot be written (missing folder, no permission).', solve: 'Choose a path in a folder you can write to.' },
  IO_UNKNOWN_FORMAT: { area: 'io', kind: 'input', description: 'The file format cannot be told from the extension or is not supported.', solve: 'Use one of the listed formats or pass `--format`.' },
  IO_PARSE: { area: 'io', kind: 'input', description: 'A data file could not be parsed; the message gives file, line and column.', solve: 'Fix the file at the place given.' },
  IO_EMPTY: { area: 'io', kind: 'input', description: 'The table is empty or has only a header.', solve: 'Provide at least one data row.' },
  IO_RAGGED_ROW: { area: 'io', kind: 'input', description: 'A row has more or fewer fields than the header.', solve: 'Fix the row at the line given (check quoting and delimiters).' },
  IO_DUPLICATE_COLUMN: { area: 'io', kind: 'input', description: 'Two columns have the same name.', solve: 'Rename one of them.' },
  IO_ENCODING: { area: 'io', kind: 'input', description: 'The file is not valid in the detected or given text encoding.', solve: 'Save the file as UTF-8 or pass `--encoding latin1`.' },
  IO_WRITE_FAILED: { area: 'io', kind: 'internal', description: 'Writing output failed part way; no partial file was left behind.', solve: 'Check free disk space and retry.' },
  IO_TOO_LARGE: { area: 'io', kind: 'input', description: 'A JSON or YAML file is above the size that is read whole into memory.', solve: 'Convert it to JSON Lines (one object per line) or CSV, which are streamed, or raise the limit (`maxWholeBytes`).' },

  // learn
  LEARN_NOT_FITTED: { area: 'learn', kind: 'input', description: 'A synthesizer was asked to sample before it was fitted.', solve: 'Fit the synthesizer first (`synthdata fit`).' },
  LEARN_MODEL_INVALID: { area: 'learn', kind: 'input', description: 'A model file is not a valid synthdata model, or was edited into inconsistency.', solve: 'Fit the model again; do not edit model files by hand.' },
  LEARN_MODEL_VERSION: { area: 'learn', kind: 'input', description: 'A model file was written by a newer version of synthdata.', solve: 'Upgrade synthdata, or fit the model again with this version.' },
  LEARN_BAD_CONDITION: { area: 'learn', kind: 'input', description: 'A `--where` condition names an unknown column or a value the model cannot produce.', solve: 'Use a column and a value seen in the training data.' },
  LEARN_BAD_TABLE: { area: 'learn', kind: 'input', description: 'The table cannot be learned from (for example only one column, or mixed types).', solve: 'Fix the table as the message says.' },
  LEARN_EPSILON_INVALID: { area: 'learn', kind: 'input', description: 'The differential-privacy epsilon is outside 0.1 to 10.', solve: 'Pass `--epsilon` between 0.1 and 10.' },

  // evaluate, pii, visualize
  EVAL_NO_COMMON_COLUMNS: { area: 'evaluate', kind: 'input', description: 'The real and synthetic tables share no column.', solve: 'Compare tables with the same columns.' },
  EVAL_BAD_TARGET: { area: 'evaluate', kind: 'input', description: 'The utility target column does not exist or is constant.', solve: 'Choose a column with at least two values.' },
  EVAL_EMPTY_TABLE: { area: 'evaluate', kind: 'input', description: 'A table to evaluate has no rows.', solve: 'Provide tables with rows.' },
  QUALITY_BELOW_THRESHOLD: { area: 'evaluate', kind: 'input', description: 'The generated data scored below the quality threshold that was asked for; nothing was written.', solve: 'Read the run\'s report, adjust the schema or lower `--quality-threshold`.' },
  PII_BLOCKED: { area: 'pii', kind: 'input', description: 'The PII policy blocked the output because personal data was found or leaked.', solve: 'Use `--policy redact`, or change the data so that no personal data remains.' },
  VIZ_RENDER_FAILED: { area: 'visualize', kind: 'internal', description: 'A chart could not be rendered.', solve: 'Report the message; the chart spec is still available as JSON.' },

  // describe, templates
  DESCRIBE_EMPTY: { area: 'describe', kind: 'input', description: 'The description is empty or says nothing the planner understands.', solve: 'Say what the records are about, e.g. "customer churn data for a telecom company".' },
  DESCRIBE_LLM_FAILED: { area: 'describe', kind: 'input', description: 'The language-model planner failed (timeout, HTTP error, unusable answer, missing key).', solve: 'Check the endpoint, key and model, or use `--planner offline`.' },
  TEMPLATE_NOT_FOUND: { area: 'templates', kind: 'input', description: 'No template has that domain or task.', solve: 'Run `synthdata templates list` for the names.' },

  // store, server, access
  STORE_FAILED: { area: 'store', kind: 'internal', description: 'The store (database or artifacts folder) failed.', solve: 'Check the database and the artifacts folder; the message carries the cause.' },
  NOT_FOUND: { area: 'store', kind: 'input', description: 'A run, dataset, model or key does not exist (or is not visible to you).', solve: 'Check the id.' },
  AUDIT_CHAIN_BROKEN: { area: 'store', kind: 'input', description: 'The audit log does not verify: an entry was edited, deleted or reordered.', solve: 'Investigate the entry named in the message; restore the log from a backup.' },
  AUTH_REQUIRED: { area: 'server', kind: 'input', description: 'The request has no API key, or the key is wrong or revoked.', solve: 'Send a valid key in `Authorization: Bearer KEY`.' },
  AUTH_FORBIDDEN: { area: 'server', kind: 'input', description: 'Your role may not use this endpoint or resource.', solve: 'Ask an admin for a key with a role that may.' },
  REQUEST_INVALID: { area: 'server', kind: 'input', description: 'The request body or query does not match the operation\'s schema.', solve: 'Fix each issue listed.' },
  REQUEST_TOO_LARGE: { area: 'server', kind: 'input', description: 'The request body or row count is above the configured limit.', solve: 'Send less, or raise the limit in the configuration.' },
  TOO_MANY_REQUESTS: { area: 'server', kind: 'input', description: 'Too many jobs are running at once.', solve: 'Retry after the time given in `Retry-After`.' },
} as const satisfies Record<string, ErrorCodeInfo>;

/** A stable error code from the catalogue. */
export type ErrorCode = keyof typeof catalogue;

/** The catalogue itself, for docs, the CLI's exit codes and the server's status mapping. */
export const ERROR_CODES: Readonly<Record<ErrorCode, ErrorCodeInfo>> = catalogue;

/** Renders docs/errors.md from the catalogue (the test compares the file with this). */
export function renderErrorsMarkdown(): string {
  const lines = [
    '# Error codes',
    '',
    'Every error synthdata reports carries one of these codes. The CLI prints `error[CODE]: message (at path)` and exits 2 for',
    'input errors and 1 for internal ones; the server answers RFC 9457 problem+json with the code. This file is generated',
    'from `src/core/error-codes.ts` by `npm run docs:errors`; a test keeps the two in step.',
    '',
    '| Code | Area | Kind | Description | How to solve |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [code, info] of Object.entries(ERROR_CODES)) {
    lines.push(`| \`${code}\` | ${info.area} | ${info.kind} | ${info.description} | ${info.solve} |`);
  }
  return lines.join('\n') + '\n';
}
