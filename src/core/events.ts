/**
 * Progress and lifecycle events. Library code emits them through an injected sink and never prints; only the
 * CLI, the server and the web UI show them.
 */
export interface ProgressEvent {
  readonly type: 'progress';
  /** The step, e.g. `generate`, `fit`, `evaluate`. */
  readonly step: string;
  readonly done: number;
  readonly total?: number;
  readonly unit?: string;
}

/** A step started or ended, with its duration. */
export interface StepEvent {
  readonly type: 'step';
  readonly step: string;
  readonly phase: 'start' | 'end';
  readonly ms?: number;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** Something worth telling the user that is not an error. */
export interface WarningEvent {
  readonly type: 'warning';
  readonly step: string;
  readonly message: string;
  readonly path?: string;
}

/** Any event a library function may emit. */
export type SynthEvent = ProgressEvent | StepEvent | WarningEvent;

/** Receives events; pass one in options as `onEvent`. */
export type EventSink = (event: SynthEvent) => void;

/** A sink that drops everything (the default). */
export const noEvents: EventSink = () => {};

/** A versioned JSON document header: schemas, models, reports and configs carry one. */
export interface VersionedDocument<K extends string = string> {
  readonly format: `synthdata.${K}`;
  readonly version: number;
}
