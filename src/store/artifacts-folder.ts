import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { once } from 'node:events';
import { SynthError } from '../core/index.js';

/**
 * Files of the artifacts folder: written to a temporary name and renamed when complete, so a crash never leaves a
 * partial file under a final name; hashed while written.
 */
export class ArtifactsFolder {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Writes content under `relative` (atomically) and returns its size and SHA-256. */
  async write(relative: string, content: Uint8Array | AsyncIterable<Uint8Array | string>): Promise<{ bytes: number; sha256: string }> {
    const final = this.pathOf(relative);
    await mkdir(dirname(final), { recursive: true });
    const temp = `${final}.partial-${process.pid}`;
    const hash = createHash('sha256');
    let bytes = 0;
    const out = createWriteStream(temp);
    try {
      const chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array> = content instanceof Uint8Array ? [content] : content;
      for await (const chunk of chunks) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        hash.update(buf);
        bytes += buf.byteLength;
        if (!out.write(buf)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
      await rename(temp, final);
    } catch (e) {
      out.destroy();
      await rm(temp, { force: true });
      throw new SynthError('STORE_FAILED', `cannot write artifact "${relative}": ${(e as Error).message}`, { cause: e });
    }
    return { bytes, sha256: hash.digest('hex') };
  }

  /** Streams the file at `relative`. */
  async *read(relative: string): AsyncIterable<Uint8Array> {
    yield* createReadStream(this.pathOf(relative));
  }

  /** Removes the file at `relative`, if any. */
  async remove(relative: string): Promise<void> {
    await rm(this.pathOf(relative), { force: true });
  }

  /** The absolute path of `relative`, refusing anything that escapes the folder. */
  pathOf(relative: string): string {
    const full = resolve(join(this.root, relative));
    if (!full.startsWith(this.root + sep)) throw new SynthError('STORE_FAILED', `artifact path "${relative}" leaves the artifacts folder`);
    return full;
  }
}

/** A file-name-safe version of a name. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_').slice(0, 120) || 'file';
}
