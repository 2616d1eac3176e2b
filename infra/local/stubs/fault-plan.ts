/**
 * Fault injection and request recording shared by the stub upstreams.
 *
 * A test (or anyone driving an out-of-process stub over `POST /__stub/faults`) queues
 * one-shot faults; each is used up by the next request that matches it. Faults act on
 * the wire, after the stub has decided its normal answer, so the same kinds work for
 * every route and both servers.
 */
import * as z from 'zod';

export type Fault =
  /** Answer with this status instead; `body` defaults to the server's own error shape. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Wait `ms` before answering normally (for client timeout tests). */
  | { kind: 'delay'; ms: number }
  /** 200, `content-type: application/json`, and a body that is not valid JSON. */
  | { kind: 'malformed-json' }
  /**
   * Send `afterChunks` SSE events, then destroy the socket without `[DONE]`. On a JSON
   * answer: send the headers and half the body, then destroy the socket.
   */
  | { kind: 'break-mid-stream'; afterChunks: number }
  /** Destroy the socket without answering. */
  | { kind: 'reset' };

export interface FaultMatch {
  /** How many matching requests this fault applies to (default 1). */
  times?: number;
  /** Only requests with this method (any method when absent). */
  method?: string;
  /** Only this path; `*` matches within one segment, e.g. `/blockchain/models/*\/session`. */
  path?: string;
}

export type FaultSpec = Fault & FaultMatch;

export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Parsed JSON, the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
  rawBody: string;
  receivedAt: number;
}

const matchFields = {
  times: z.number().int().positive().optional(),
  method: z.string().min(1).optional(),
  path: z.string().startsWith('/').optional(),
};

const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    status: z.number().int().min(100).max(599),
    body: z.unknown().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    ...matchFields,
  }),
  z.object({ kind: z.literal('delay'), ms: z.number().int().min(0).max(600_000), ...matchFields }),
  z.object({ kind: z.literal('malformed-json'), ...matchFields }),
  z.object({ kind: z.literal('break-mid-stream'), afterChunks: z.number().int().min(0), ...matchFields }),
  z.object({ kind: z.literal('reset'), ...matchFields }),
]);

/** Validates faults sent over HTTP: one fault or an array of them. Throws a readable error. */
export function parseFaults(input: unknown): FaultSpec[] {
  const result = z.union([faultSchema, z.array(faultSchema)]).safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
    throw new Error(`Invalid fault: ${issues.join('; ')}`);
  }
  return (Array.isArray(result.data) ? result.data : [result.data]) as FaultSpec[];
}

function pathMatcher(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]*')}$`);
}

interface QueuedFault {
  spec: FaultSpec;
  remaining: number;
  path: RegExp | undefined;
}

export class FaultPlan {
  private queue: QueuedFault[] = [];

  /** Queues faults in order; each applies to the next `times` matching requests. */
  enqueue(...specs: FaultSpec[]): void {
    for (const spec of specs) {
      this.queue.push({
        spec: { ...spec },
        remaining: spec.times ?? 1,
        path: spec.path === undefined ? undefined : pathMatcher(spec.path),
      });
    }
  }

  /** Removes and returns the fault for this request, if one matches. */
  take(method: string, path: string): Fault | undefined {
    const index = this.queue.findIndex(
      (q) =>
        (q.spec.method === undefined || q.spec.method.toUpperCase() === method.toUpperCase()) &&
        (q.path === undefined || q.path.test(path)),
    );
    const queued = this.queue[index];
    if (!queued) return undefined;
    queued.remaining -= 1;
    if (queued.remaining <= 0) this.queue.splice(index, 1);
    const { times: _times, method: _method, path: _path, ...fault } = queued.spec;
    return fault as Fault;
  }

  /** The faults still waiting, with how many uses each has left. */
  pending(): Array<FaultSpec & { remaining: number }> {
    return this.queue.map((q) => ({ ...q.spec, remaining: q.remaining }));
  }

  clear(): void {
    this.queue = [];
  }
}

export function recordRequest(
  method: string,
  url: URL,
  rawHeaders: NodeJS.Dict<string | string[]>,
  rawBody: string,
): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  let body: unknown;
  if (rawBody !== '') {
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = rawBody;
    }
  }
  return {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
    rawBody,
    receivedAt: Date.now(),
  };
}
