import { sendJson, startFakeServer, type FakeServer, type RecordedRequest } from './fake-server';

/**
 * An upstream that plan steps call with their own identity, answering after `delayMs`: it
 * counts how often each step of each run really reached it, which is what "no step ran
 * twice" means from the outside. Writes POST `{"run":"{{run.id}}","step":"<id>"}`; reads
 * GET `?run={{run.id}}&step=<id>` and are counted apart, since running a read again after
 * a recovery is allowed.
 */
export interface StepRecorder {
  url: string;
  /** How many times each `<run>/<step>` arrived as a write (POST). */
  counts: Map<string, number>;
  /** How many times each `<run>/<step>` arrived as a read (GET). */
  reads: Map<string, number>;
  /** Every `<run>/<step>` that arrived as a write more than once. */
  repeated(): string[];
  /** Every `<run>/<step>` that arrived as a read more than once. */
  repeatedReads(): string[];
  /** Every request that arrived and was not answered yet: `<method> <run>/<step>` → when it arrived. */
  inFlight: Map<string, number>;
  close(): Promise<void>;
  server: FakeServer;
}

function identityOf(req: RecordedRequest): string {
  if (req.method === 'GET') return `${req.query.get('run')}/${req.query.get('step')}`;
  const { run, step } = JSON.parse(req.body || '{}') as { run?: string; step?: string };
  return `${run}/${step}`;
}

const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const moreThanOnce = (counts: Map<string, number>) =>
  [...counts].filter(([, n]) => n > 1).map(([key]) => key);

export async function startStepRecorder(delayMs = 0): Promise<StepRecorder> {
  const counts = new Map<string, number>();
  const reads = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const server = await startFakeServer(async (req, res) => {
    const key = identityOf(req);
    bump(req.method === 'GET' ? reads : counts, key);
    const pending = `${req.method} ${key}`;
    inFlight.set(pending, Date.now());
    // A caller killed mid-request closes the socket: the request is no longer in flight.
    res.once('close', () => inFlight.delete(pending));
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    if (!res.destroyed) sendJson(res, 200, { ok: true, key });
  });
  return {
    url: server.url,
    counts,
    reads,
    repeated: () => moreThanOnce(counts),
    repeatedReads: () => moreThanOnce(reads),
    inFlight,
    close: () => server.close(),
    server,
  };
}

const ONE_ATTEMPT = { max_attempts: 1, backoff_ms: 0 };

/** A step that POSTs its own identity to the recorder (not idempotent: POST). */
export function recordedStep(recorder: { url: string }, id: string) {
  return {
    id,
    provider: 'http',
    action: 'request',
    params: { method: 'POST', url: `${recorder.url}/steps`, body: { run: '{{run.id}}', step: id } },
    retry: ONE_ATTEMPT,
  };
}

/** A step that GETs the recorder with its own identity in the query (idempotent: GET). */
export function recordedRead(recorder: { url: string }, id: string) {
  return {
    id,
    provider: 'http',
    action: 'request',
    params: { method: 'GET', url: `${recorder.url}/steps`, query: { run: '{{run.id}}', step: id } },
    retry: ONE_ATTEMPT,
  };
}
