import { randomBytes } from 'node:crypto';
import { sha256 } from '../core/index.js';

/** A new API key secret: `sd_` + 32 random bytes in base64url. Unpredictable, so it comes from the OS, not an Rng. */
export function newKeySecret(): string {
  return `sd_${randomBytes(32).toString('base64url')}`;
}

/** What the store keeps of a secret: its SHA-256 (secrets have 256 bits of entropy, so no slow hash is needed). */
export function hashKeySecret(secret: string): string {
  return sha256(secret);
}

/** A random id for records (runs, artifacts, keys): time-free so ids leak nothing. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
