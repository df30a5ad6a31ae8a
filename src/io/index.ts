/**
 * io: streaming readers and writers of tables. Writers: CSV, JSON, JSONL, YAML, Parquet. Readers: the same plus XLSX.
 *
 * Writing: {@link openWriter} / {@link writeBatches} take RecordBatches and honour backpressure; a file is written to a
 * temp file beside it and renamed on close, so no partial output is ever left.
 *
 * Reading: {@link readBatches} streams (CSV, JSONL, XLSX, Parquet; JSON arrays and YAML are parsed whole up to a size
 * limit), {@link readTable} reads a whole table. How kinds are decided for text (CSV) columns, empty text being null:
 * - integer when every value is a whole number; number when every value is numeric (`meta.decimals` = most decimals);
 * - text that only looks numeric stays a string (`meta.numericText`): leading zeros (`00123`, zip codes) and integers
 *   beyond 2^53 (18-digit ids), which are kept exact;
 * - boolean for true/false, yes/no (any case) and y/n, t/f (both present), with values kept as written and the
 *   spellings in `meta.format`; 0/1 reads as integer;
 * - date, datetime or time when every value is a real calendar value in one format, kept as written, the format in
 *   `meta.format` (see {@link DATE_FORMATS});
 * - otherwise string. JSON, YAML, XLSX and Parquet values keep their own types; their strings are checked for
 *   booleans and dates only.
 * readTable decides from every value. readBatches decides from the first batch; when a later value does not fit, the
 * column widens from that batch on (integer to number, else string, the original text kept) and a warning event is
 * emitted; values are never coerced into a kind they do not fit. Every field's meta carries `source` (the file
 * name) and, for text formats, `encoding` (`utf8` or `latin1`).
 * @module
 */
export { TABLE_FORMATS, READ_FORMATS, formatFromPath, readFormatFromPath, parseTableFormat, isTableFormat } from './format.js';
export type { TableFormat, ReadFormat } from './format.js';
export { openWriter, writeBatches, batchEncoder, encodesInBatches } from './writer.js';
export { openSink } from './byte-sink.js';
export type { ByteSink } from './byte-sink.js';
export { ByteAppender } from './text-encoding.js';
export type { TextEncoding } from './text-encoding.js';
export type { TableWriter, WriteOptions, WriteResult } from './writer.js';
export type { WriteTarget } from './byte-sink.js';
export type { CsvWriteOptions } from './csv-writer.js';
export type { ParquetWriteOptions } from './parquet-writer.js';
export { readBatches, readBatchesFromStream, readTable, readTableSample } from './reader.js';
export type { ReadOptions } from './reader.js';
export type { EncodingOption } from './text-decode.js';
export { sniffDelimiter, CSV_DELIMITERS } from './csv-reader.js';
export { DATE_FORMATS } from './date-formats.js';
export type { DateFormat } from './date-formats.js';
