import { sendJson, startFakeServer, type FakeServer } from './fake-server';

/**
 * An upstream that plan steps POST `{"run":"{{run.id}}","step":"<id>"}` to, answering after
 * `delayMs`: it counts how often each step of each run really reached it, which is what
 * "no step ran twice" means from the outside.
 */
export interface StepRecorder {
  url: string;
  /** How many times each `<run>/<step>` arrived. */
  counts: Map<string, number>;
  /** Every `<run>/<step>` that arrived more than once. */
  repeated(): string[];
  close(): Promise<void>;
  server: FakeServer;
}

export async function startStepRecorder(delayMs = 0): Promise<StepRecorder> {
  const counts = new Map<string, number>();
  const server = await startFakeServer(async (req, res) => {
    const { run, step } = JSON.parse(req.body || '{}') as { run?: string; step?: string };
    const key = `${run}/${step}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    if (!res.destroyed) sendJson(res, 200, { ok: true, key });
  });
  return {
    url: server.url,
    counts,
    repeated: () => [...counts].filter(([, n]) => n > 1).map(([key]) => key),
    close: () => server.close(),
    server,
  };
}

/** A step that POSTs its own identity to the recorder (not idempotent: POST). */
export function recordedStep(recorder: { url: string }, id: string) {
  return {
    id,
    provider: 'http',
    action: 'request',
    params: { method: 'POST', url: `${recorder.url}/steps`, body: { run: '{{run.id}}', step: id } },
    retry: { max_attempts: 1, backoff_ms: 0 },
  };
}
