import { SynthError, toSynthError, type SynthEvent } from '../core/index.js';
import { runPipeline, type OpContext, type RunPipelineInput, type RunPipelineOutput } from '../pipeline/index.js';

/** One event of a job, as server-sent events replay them. */
export interface JobEvent {
  readonly type: string;
  readonly data: unknown;
}

interface Job {
  events: JobEvent[];
  done: boolean;
  listeners: Set<(e: JobEvent) => void>;
}

/**
 * Runs pipelines in the background with a concurrency limit: above it a request is refused with 429, never queued
 * without bound. Keeps each job's events so progress can be polled or streamed (SSE) while it runs.
 */
export class JobRunner {
  private running = 0;
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly maxConcurrent: number) {}

  /** Jobs running now. */
  get active(): number {
    return this.running;
  }

  /** Takes a slot or throws TOO_MANY_REQUESTS; release it with the returned function. */
  acquire(): () => void {
    if (this.running >= this.maxConcurrent) {
      throw new SynthError('TOO_MANY_REQUESTS', `${this.running} pipeline runs are in progress, the limit is ${this.maxConcurrent}`, { hint: 'Retry in a few seconds.' });
    }
    this.running++;
    let released = false;
    return () => {
      if (!released) this.running--;
      released = true;
    };
  }

  /** Runs a pipeline now (in this request) within the concurrency limit. */
  async runNow(ctx: OpContext, input: RunPipelineInput): Promise<RunPipelineOutput> {
    const release = this.acquire();
    try {
      return await runPipeline(ctx, input);
    } finally {
      release();
    }
  }

  /** Starts a pipeline in the background; resolves with its run id as soon as the run exists. */
  async start(ctx: OpContext, input: RunPipelineInput): Promise<string> {
    const release = this.acquire();
    const job: Job = { events: [], done: false, listeners: new Set() };
    const emit = (type: string, data: unknown) => {
      const e = { type, data };
      job.events.push(e);
      if (job.events.length > 1000) job.events.splice(1, job.events.length - 1000);
      for (const l of job.listeners) l(e);
    };
    let created: (id: string) => void = () => {};
    let failedEarly: (e: unknown) => void = () => {};
    const idPromise = new Promise<string>((resolve, reject) => {
      created = resolve;
      failedEarly = reject;
    });
    const jobCtx: OpContext = { ...ctx, onEvent: (e: SynthEvent) => emit(e.type, e) };
    let runId: string | undefined;
    void runPipeline(jobCtx, input, {
      onRunCreated: (id) => {
        runId = id;
        this.jobs.set(id, job);
        emit('status', { runId: id, status: 'running' });
        created(id);
      },
    })
      .then((out) => emit('done', out))
      .catch((e) => {
        const err = toSynthError(e);
        if (runId === undefined) failedEarly(err);
        else emit('error', err.toJSON());
      })
      .finally(() => {
        job.done = true;
        for (const l of job.listeners) l({ type: 'end', data: null });
        release();
        // Keep finished jobs' events for late subscribers for a while, then let them go.
        if (runId !== undefined) setTimeout(() => this.jobs.delete(runId!), 10 * 60_000).unref();
      });
    return idPromise;
  }

  /** The events so far of a job and a way to follow it; undefined when the server has no such live job. */
  follow(runId: string): { events: readonly JobEvent[]; done: boolean; subscribe(l: (e: JobEvent) => void): () => void } | undefined {
    const job = this.jobs.get(runId);
    if (!job) return undefined;
    return {
      events: job.events.slice(),
      done: job.done,
      subscribe(l) {
        job.listeners.add(l);
        return () => job.listeners.delete(l);
      },
    };
  }
}
