import type { Cleanup } from './cleanup';
import type { SmokeResponse } from './checks';
import type { Redactor } from './redactor';
import type { Finding } from './reporter';
import type { CallOptions, SmokeHttp } from './smoke-http';

export interface SmokeContext {
  /** The API URL without a trailing slash (in AWS it ends with the stage, e.g. `/prod`). */
  url: string;
  key: string;
  model: string;
  /** Starts the name of everything the smoke creates, so leftovers are recognisable. */
  prefix: string;
  timeoutMs: number;
  http: SmokeHttp;
  cleanup: Cleanup;
  redactor: Redactor;
  /** A call with the caller's key (or the one in `options`). */
  api(method: string, path: string, options?: Partial<CallOptions>): Promise<SmokeResponse>;
}

export interface Step {
  name: string;
  run: () => Promise<void | Finding>;
}

/** Steps that build on each other: after one fails, the rest of its section is skipped. */
export interface Section {
  steps: Step[];
}
