import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { SynthError } from '../core/index.js';

/** Where a writer sends its bytes: a file (written atomically) or a stream the caller owns. */
export type WriteTarget =
  | {
      readonly path: string;
      /** Create the folder (and its parents) when it does not exist (default: false, an IO_UNWRITABLE error). */
      readonly createFolder?: boolean;
    }
  | {
      readonly stream: NodeJS.WritableStream;
      /** End the stream on close (default: false, so `process.stdout` and shared streams stay open). */
      readonly end?: boolean;
    };

/** A byte destination with backpressure and all-or-nothing file output. */
export interface ByteSink {
  /** Queues bytes; resolves when the destination can take more. */
  write(chunk: Uint8Array): Promise<void>;
  /** Flushes everything; for a file, renames the temp file onto the target path. */
  close(): Promise<{ bytes: number; path?: string }>;
  /** Stops and removes any temp file; never throws. */
  abort(): Promise<void>;
  readonly bytes: number;
}

/** Opens a sink, failing with IO_UNWRITABLE before any work when a file target cannot be created. */
export async function openSink(target: WriteTarget): Promise<ByteSink> {
  if ('path' in target) return openFileSink(target.path, target.createFolder === true);
  return new StreamSink(target.stream, target.end === true);
}

class StreamSink implements ByteSink {
  bytes = 0;
  private failure: Error | undefined;
  // Settles once the last chunk has been handed on, so close() can wait for a stream it does not end.
  private lastFlushed: Promise<unknown> = Promise.resolve();
  private readonly onError = (e: Error): void => {
    this.failure ??= e;
  };

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly endOnClose: boolean,
    private readonly label = 'the output stream',
  ) {
    stream.on('error', this.onError);
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.check();
    this.bytes += chunk.length;
    let more = true;
    this.lastFlushed = new Promise<unknown>((res) => {
      more = this.stream.write(chunk, res);
    });
    if (more) return;
    await this.drained();
  }

  async close(): Promise<{ bytes: number }> {
    this.check();
    if (this.endOnClose) {
      await new Promise<void>((res, rej) => {
        const s = this.stream as NodeJS.WritableStream & { writableFinished?: boolean };
        s.once('finish', res);
        s.once('error', rej);
        s.end();
      }).catch((e: unknown) => {
        throw this.failed(e);
      });
    } else {
      const err = await this.lastFlushed;
      if (err instanceof Error) throw this.failed(err);
    }
    this.stream.removeListener('error', this.onError);
    this.check();
    return { bytes: this.bytes };
  }

  async abort(): Promise<void> {
    // The error listener stays: a broken stream may still emit, and an unheard 'error' would end the process.
    if (this.endOnClose) {
      const d = this.stream as { destroy?: () => void };
      d.destroy?.();
    }
  }

  private drained(): Promise<void> {
    return new Promise<void>((res, rej) => {
      const done = (e?: unknown): void => {
        this.stream.removeListener('drain', onDrain);
        this.stream.removeListener('error', onErr);
        this.stream.removeListener('close', onClose);
        if (e === undefined) res();
        else rej(this.failed(e));
      };
      const onDrain = (): void => done();
      const onErr = (e: unknown): void => done(e);
      const onClose = (): void => done(this.failure ?? new Error('stream closed before all data was written'));
      this.stream.on('drain', onDrain);
      this.stream.on('error', onErr);
      this.stream.on('close', onClose);
    });
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failed(this.failure);
  }

  private failed(e: unknown): SynthError {
    const msg = e instanceof Error ? e.message : String(e);
    return new SynthError('IO_WRITE_FAILED', `Writing to ${this.label} failed: ${msg}`, { cause: e });
  }
}

const UNWRITABLE_CODES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'EEXIST']);

async function openFileSink(path: string, createFolder: boolean): Promise<ByteSink> {
  const full = resolve(path);
  const dir = dirname(full);
  if (createFolder) {
    await mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      throw new SynthError('IO_UNWRITABLE', `Cannot create the folder "${dir}" for "${path}": ${e.code ?? e.message}.`, { path, cause: e, hint: 'Choose a path in a folder you can write to.' });
    });
  }
  const existing = await stat(full).catch(() => undefined);
  if (existing?.isDirectory() === true) {
    throw new SynthError('IO_UNWRITABLE', `Cannot write "${path}": it is a folder.`, { path, hint: 'Give a file name inside the folder.' });
  }
  // A hidden temp file in the same folder, so the final rename is atomic (same file system).
  const tmp = join(dir, `.${basename(full)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const stream = createWriteStream(tmp, { flags: 'wx', highWaterMark: 1 << 24 });
  try {
    await once(stream, 'open');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why = code === 'ENOENT' || code === 'ENOTDIR' ? `the folder "${dir}" does not exist` : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `no permission to write in "${dir}"` : (e as Error).message;
    if (UNWRITABLE_CODES.has(code)) {
      throw new SynthError('IO_UNWRITABLE', `Cannot write "${path}": ${why}.`, { path, cause: e, hint: 'Choose a path in a folder you can write to.' });
    }
    throw new SynthError('IO_WRITE_FAILED', `Cannot open "${path}" for writing: ${why}.`, { path, cause: e });
  }
  return new FileSink(stream, tmp, full, path);
}

class FileSink implements ByteSink {
  private readonly inner: StreamSink;
  private settled = false;

  constructor(
    private readonly stream: NodeJS.WritableStream & { destroy(): void },
    private readonly tmp: string,
    private readonly full: string,
    private readonly shown: string,
  ) {
    this.inner = new StreamSink(stream, true, `"${shown}"`);
  }

  get bytes(): number {
    return this.inner.bytes;
  }

  write(chunk: Uint8Array): Promise<void> {
    return this.inner.write(chunk);
  }

  async close(): Promise<{ bytes: number; path: string }> {
    try {
      const { bytes } = await this.inner.close();
      await rename(this.tmp, this.full);
      this.settled = true;
      return { bytes, path: this.full };
    } catch (e) {
      await this.abort();
      if (e instanceof SynthError) throw e;
      throw new SynthError('IO_WRITE_FAILED', `Could not finish writing "${this.shown}": ${(e as Error).message}`, { path: this.shown, cause: e });
    }
  }

  async abort(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    await this.inner.abort();
    const closed = once(this.stream, 'close').catch(() => undefined);
    const wasClosed = (this.stream as { closed?: boolean }).closed === true;
    this.stream.destroy();
    if (!wasClosed) await closed;
    await unlink(this.tmp).catch(() => undefined);
  }
}
