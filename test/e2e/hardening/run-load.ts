/**
 * A steady stream of webhook calls and run-now calls against a local stack, noting every
 * run a caller was told about (its id and when) until told to stop. A request the stack
 * never answered (it was killed) acknowledged nothing; any answer other than 200 or 202
 * is kept for the test to fail on.
 */
export interface RunTarget {
  /** `webhook` (POST to the hook's URL, no key) or `run-now` (POST /api/execute-plan). */
  kind: 'webhook' | 'run-now';
  planId: string;
  /** The webhook's `/api/webhook/<token>` path. */
  hookPath: string;
}

export interface RunLoad {
  /** Run id → epoch ms at which the stack acknowledged it. */
  accepted: Map<string, number>;
  /** How many answers of each `<kind> <status>` came back. */
  answers: Map<string, number>;
  /** Answers that were neither 200 nor 202 with a run id. */
  unexpected: string[];
  /** Requests cut off without an answer. */
  unanswered: number;
  /** Stops sending and resolves once every request under way has ended. */
  stop(): Promise<void>;
}

async function send(apiUrl: string, key: string, target: RunTarget): Promise<Response> {
  if (target.kind === 'webhook') {
    return fetch(`${apiUrl}${target.hookPath}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"n":1}',
    });
  }
  return fetch(`${apiUrl}/api/execute-plan`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ plan_id: target.planId }),
  });
}

export function startRunLoad(options: {
  apiUrl: string;
  key: string;
  targets: RunTarget[];
  workers: number;
  pauseMs: number;
}): RunLoad {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const load: RunLoad = {
    accepted: new Map(),
    answers: new Map(),
    unexpected: [],
    unanswered: 0,
    stop: async () => {
      stopped = true;
      await running;
    },
  };
  const worker = async (offset: number) => {
    for (let n = offset; !stopped; n++) {
      const target = options.targets[n % options.targets.length]!;
      let res: Response;
      let body: { run_id?: string };
      try {
        res = await send(options.apiUrl, options.key, target);
        body = (await res.json()) as { run_id?: string };
      } catch {
        load.unanswered++;
        continue;
      }
      const answer = `${target.kind} ${res.status}`;
      load.answers.set(answer, (load.answers.get(answer) ?? 0) + 1);
      if ((res.status === 200 || res.status === 202) && body.run_id)
        load.accepted.set(body.run_id, Date.now());
      else load.unexpected.push(`${answer}: ${JSON.stringify(body)}`);
      await new Promise((r) => setTimeout(r, options.pauseMs));
    }
  };
  running = Promise.all(Array.from({ length: options.workers }, (_, i) => worker(i)));
  return load;
}
