import type { EventSink, SynthEvent } from '../core/index.js';
import { systemClock } from '../core/index.js';

/**
 * A progress bar on stderr, drawn only when stderr is a terminal and the job has run for more than `delayMs`,
 * so short jobs and pipes stay quiet.
 */
export function progressSink(options: { enabled?: boolean; delayMs?: number; stream?: NodeJS.WriteStream } = {}): EventSink & { finish(): void } {
  const stream = options.stream ?? process.stderr;
  const enabled = (options.enabled ?? true) && stream.isTTY === true && process.env.CI !== 'true';
  const start = systemClock.now();
  const delay = options.delayMs ?? 700;
  let lastDraw = 0;
  let drawn = false;
  const sink = (event: SynthEvent): void => {
    if (!enabled) return;
    if (event.type === 'warning') {
      stream.write(`\r\x1b[2Kwarning: ${event.message}\n`);
      return;
    }
    if (event.type !== 'progress') return;
    const now = systemClock.now();
    if (now - start < delay || now - lastDraw < 100) return;
    lastDraw = now;
    drawn = true;
    const secs = (now - start) / 1000;
    const rate = event.done / Math.max(secs, 1e-3);
    let line: string;
    if (event.total && event.total > 0) {
      const frac = Math.min(1, event.done / event.total);
      const width = 28;
      const filled = Math.round(frac * width);
      const eta = rate > 0 ? (event.total - event.done) / rate : 0;
      line = `${event.step} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${event.done.toLocaleString('en-US')}/${event.total.toLocaleString('en-US')} ${event.unit ?? ''} ${Math.round(rate).toLocaleString('en-US')}/s eta ${eta.toFixed(0)}s`;
    } else {
      line = `${event.step} ${event.done.toLocaleString('en-US')} ${event.unit ?? ''} ${Math.round(rate).toLocaleString('en-US')}/s`;
    }
    stream.write(`\r\x1b[2K${line}`);
  };
  return Object.assign(sink, {
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  });
}
