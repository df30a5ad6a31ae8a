import { readFileSync, existsSync } from 'node:fs';
import { SynthError } from '../core/index.js';

/** The one typed configuration of synthdata: defaults <- file <- SYNTHDATA_* environment <- flags. */
export interface SynthConfig {
  /** Data folder: the SQLite database, artifacts and caches. */
  dataDir: string;
  /** Largest row count a single request may ask for. */
  maxRows: number;
  server: {
    host: string;
    port: number;
    /** Requests above this many rows run as background jobs (HTTP 202). */
    jobThresholdRows: number;
    /** Jobs running at once; more get 429. */
    maxConcurrentJobs: number;
    /** Largest request body, in bytes (uploads included). */
    bodyLimitBytes: number;
    /** Allow requests without an API key from loopback addresses (local single-user mode). */
    localMode: boolean;
  };
}

/** The defaults: nothing to install, everything under ./.synthdata. */
export const DEFAULT_CONFIG: SynthConfig = {
  dataDir: '.synthdata',
  maxRows: 100_000_000,
  server: { host: '127.0.0.1', port: 8080, jobThresholdRows: 50_000, maxConcurrentJobs: 8, bodyLimitBytes: 50 * 1024 * 1024, localMode: true },
};

const ENV: Record<string, { path: string[]; type: 'string' | 'int' | 'bool' }> = {
  SYNTHDATA_DATA_DIR: { path: ['dataDir'], type: 'string' },
  SYNTHDATA_MAX_ROWS: { path: ['maxRows'], type: 'int' },
  SYNTHDATA_HOST: { path: ['server', 'host'], type: 'string' },
  SYNTHDATA_PORT: { path: ['server', 'port'], type: 'int' },
  SYNTHDATA_JOB_THRESHOLD_ROWS: { path: ['server', 'jobThresholdRows'], type: 'int' },
  SYNTHDATA_MAX_CONCURRENT_JOBS: { path: ['server', 'maxConcurrentJobs'], type: 'int' },
  SYNTHDATA_BODY_LIMIT_BYTES: { path: ['server', 'bodyLimitBytes'], type: 'int' },
  SYNTHDATA_LOCAL_MODE: { path: ['server', 'localMode'], type: 'bool' },
};

/** A partial configuration, as a file or flags give it. */
export type PartialConfig = { dataDir?: string; maxRows?: number; server?: Partial<SynthConfig['server']> };

/**
 * Loads the configuration: defaults, then `synthdata.config.json` (or `configPath`), then SYNTHDATA_* variables, then
 * `flags`. A bad value is CONFIG_INVALID naming where it came from.
 */
export function loadConfig(options: { configPath?: string; env?: Record<string, string | undefined>; flags?: PartialConfig } = {}): SynthConfig {
  const config: SynthConfig = structuredClone(DEFAULT_CONFIG);
  const path = options.configPath ?? (existsSync('synthdata.config.json') ? 'synthdata.config.json' : undefined);
  if (path !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new SynthError('CONFIG_INVALID', `cannot read the configuration file "${path}": ${(e as Error).message}`, { path, cause: e });
    }
    merge(config, parsed as PartialConfig, path);
  }
  const env = options.env ?? process.env;
  for (const [name, spec] of Object.entries(ENV)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    setPath(config, spec.path, convert(raw, spec.type, name));
  }
  if (options.flags) merge(config, options.flags, 'flags');
  validate(config);
  return config;
}

function convert(raw: string, type: 'string' | 'int' | 'bool', where: string): string | number | boolean {
  if (type === 'string') return raw;
  if (type === 'bool') {
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    throw new SynthError('CONFIG_INVALID', `${where} must be true or false, got "${raw}"`, { path: where });
  }
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new SynthError('CONFIG_INVALID', `${where} must be a whole number, got "${raw}"`, { path: where });
  return n;
}

function merge(config: SynthConfig, partial: PartialConfig, where: string): void {
  if (partial === null || typeof partial !== 'object') throw new SynthError('CONFIG_INVALID', `${where}: the configuration must be a JSON object`, { path: where });
  for (const [k, v] of Object.entries(partial)) {
    if (v === undefined) continue;
    if (k === 'server' && v && typeof v === 'object') {
      for (const [sk, sv] of Object.entries(v)) {
        if (!(sk in config.server)) throw new SynthError('CONFIG_INVALID', `${where}: unknown setting server.${sk}; known: ${Object.keys(config.server).join(', ')}`, { path: `${where}#/server/${sk}` });
        if (sv !== undefined) (config.server as Record<string, unknown>)[sk] = sv;
      }
    } else if (k in config && k !== 'server') {
      (config as unknown as Record<string, unknown>)[k] = v;
    } else {
      throw new SynthError('CONFIG_INVALID', `${where}: unknown setting "${k}"; known: ${Object.keys(config).join(', ')}`, { path: `${where}#/${k}` });
    }
  }
}

function setPath(target: object, path: string[], value: unknown): void {
  let obj = target as Record<string, unknown>;
  for (const p of path.slice(0, -1)) obj = obj[p] as Record<string, unknown>;
  obj[path[path.length - 1]!] = value;
}

function validate(c: SynthConfig): void {
  const bad = (path: string, msg: string) => new SynthError('CONFIG_INVALID', `${path} ${msg}`, { path });
  if (typeof c.dataDir !== 'string' || c.dataDir === '') throw bad('dataDir', 'must be a folder path');
  if (!Number.isSafeInteger(c.maxRows) || c.maxRows < 1) throw bad('maxRows', 'must be a positive whole number');
  if (!Number.isInteger(c.server.port) || c.server.port < 0 || c.server.port > 65535) throw bad('server.port', 'must be 0..65535');
  if (!Number.isSafeInteger(c.server.jobThresholdRows) || c.server.jobThresholdRows < 1) throw bad('server.jobThresholdRows', 'must be a positive whole number');
  if (!Number.isSafeInteger(c.server.maxConcurrentJobs) || c.server.maxConcurrentJobs < 1) throw bad('server.maxConcurrentJobs', 'must be a positive whole number');
  if (!Number.isSafeInteger(c.server.bodyLimitBytes) || c.server.bodyLimitBytes < 1024) throw bad('server.bodyLimitBytes', 'must be at least 1024');
  if (typeof c.server.localMode !== 'boolean') throw bad('server.localMode', 'must be true or false');
}
