/**
 * `npm run bench:engine`: runs through the local API and stack, two commands in turn.
 *
 *  - webhook: 1,000 signed webhook calls (BENCH_RUNS) at concurrency 32
 *    (BENCH_CONCURRENCY); each is answered 202 and the run finishes in the background (the
 *    local stand-in for Lambda's async invoke); BENCH_WAIT=true uses `?wait=true` instead.
 *  - run-now: the same number of `POST /api/execute-plan {plan_id}`, answered with the
 *    finished run.
 * The plan has 3 steps: data.transform -> http.request to a loopback fake -> data.condition.
 * Each reports runs/s, median and p99 from trigger to completed, the DynamoDB requests per
 * run by command (SDK middleware on the handlers' client: what a Lambda would send), and
 * checks that every run record exists with status success. The loopback fake runs in a
 * worker thread, off the stack's event loop. BENCH_COMMANDS=webhook or run-now picks one.
 */
import '../../infra/local/quiet-sdk-notice';
import { Worker } from 'node:worker_threads';
import { ms, summarize } from './stats';

process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.0/8';
process.env.LOG_LEVEL ??= 'error';

const RUNS = Number(process.env.BENCH_RUNS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 64);
const WAIT = process.env.BENCH_WAIT === 'true';
const COMMANDS = (process.env.BENCH_COMMANDS ?? 'webhook,run-now').split(',').map((c) => c.trim());
const TARGET_RUNS_PER_SECOND = 220;

const FAKE_SOURCE = `
const http = require('node:http');
const { parentPort } = require('node:worker_threads');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.stringify({ ok: true, received: Buffer.concat(chunks).length });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 30000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

async function startFake(): Promise<{ url: string; stop: () => Promise<number> }> {
  const worker = new Worker(FAKE_SOURCE, { eval: true });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => worker.terminate() };
}

interface Phase {
  name: string;
  /** Starts one run; resolves with its id once the trigger was answered. */
  fire(i: number): Promise<string>;
}

type Counts = Map<string, number>;

async function main(): Promise<void> {
  const fake = await startFake();
  const { startLocalStack } = await import('../../infra/local/local-stack');
  const stack = await startLocalStack({ inMemory: true, port: 0, sweep: false });
  const { signBody } = await import('../../shared/webhooks/webhook-secrets');
  const { RunRepository } = await import('../../shared/runs/run-repository');
  const { createDocumentClient, documentClient } = await import('../../shared/clients/dynamodb');
  // Every DynamoDB request the handlers send, by command; counted only while `counting`.
  let counting: Counts | undefined;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (counting)
        counting.set(context.commandName ?? '?', (counting.get(context.commandName ?? '?') ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'benchCount' },
  );
  const auth = { Authorization: `Bearer ${stack.demo.key}`, 'Content-Type': 'application/json' };
  const runs = new RunRepository({ client: createDocumentClient(), tableName: stack.tableName }, 30);
  let failed = false;
  try {
    const createPlan = async (value: unknown): Promise<string> => {
      const res = await fetch(`${stack.apiUrl}/api/execution-plans`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          name: 'bench: transform -> http -> condition',
          steps: [
            { id: 'shape', provider: 'data', action: 'transform', params: { value } },
            {
              id: 'call',
              provider: 'http',
              action: 'request',
              params: { method: 'POST', url: `${fake.url}/orders`, body: '{{steps.shape.output}}' },
            },
            {
              id: 'check',
              provider: 'data',
              action: 'condition',
              params: { left: '{{steps.call.output.status}}', op: 'eq', right: 200, on_false: 'stop' },
            },
          ],
        }),
      });
      if (res.status !== 201) throw new Error(`plan: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    };
    // A webhook run shapes its trigger body; run-now has none, so its plan shapes a constant.
    const plan = {
      id: await createPlan({ order: '{{trigger.body.order}}', total: '{{trigger.body.total}}' }),
    };
    const runNowPlan = await createPlan({ order: 'o-now', total: 1 });
    const hookRes = await fetch(`${stack.apiUrl}/api/execution-plans/${plan.id}/webhook`, {
      method: 'POST',
      headers: auth,
      body: '{}',
    });
    const hook = (await hookRes.json()) as { url: string; secret: string };
    const webhookUrl = `${stack.apiUrl}${hook.url}${WAIT ? '?wait=true' : ''}`;

    const answered = async (res: Response, what: string): Promise<string> => {
      const answer = (await res.json()) as { run_id?: string };
      if ((res.status !== 202 && res.status !== 200) || !answer.run_id) {
        throw new Error(`${what} answered ${res.status}: ${JSON.stringify(answer)}`);
      }
      return answer.run_id;
    };
    const candidates: Phase[] = [
      {
        name: `webhook (${WAIT ? '?wait=true' : '202 + background run'})`,
        fire: async (i) => {
          const body = JSON.stringify({ order: `o-${i}`, total: i });
          const res = await fetch(webhookUrl, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'X-Flowgate-Signature': signBody(hook.secret, body),
            },
            body,
          });
          return answered(res, 'webhook');
        },
      },
      {
        name: 'run-now (POST /api/execute-plan)',
        fire: async () => {
          const res = await fetch(`${stack.apiUrl}/api/execute-plan`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({ plan_id: runNowPlan }),
          });
          return answered(res, 'run-now');
        },
      },
    ];
    const phases = candidates.filter((p) => COMMANDS.some((c) => p.name.startsWith(c)));

    console.log(
      `bench:engine — ${RUNS} runs per command, 3 steps (data.transform -> http -> data.condition), concurrency ${CONCURRENCY}`,
    );
    for (const phase of phases) {
      const ok = await measure(phase);
      failed ||= !ok;
    }

    async function measure(phase: Phase): Promise<boolean> {
      const sentAt = new Map<string, number>();
      const pool = async (count: number, offset: number) => {
        let next = 0;
        await Promise.all(
          Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
            while (next < count) {
              const i = offset + next++;
              const started = Date.now();
              sentAt.set(await phase.fire(i), started);
            }
          }),
        );
      };
      await pool(WARMUP, 1_000_000);
      await stack.adapters.drain();
      sentAt.clear();

      const counts: Counts = new Map();
      counting = counts;
      const started = Date.now();
      await pool(RUNS, 0);
      const allSent = Date.now();
      await stack.adapters.drain();
      const drained = Date.now();
      counting = undefined;

      const records = new Map<string, { status: string; completedAt?: string }>();
      for (const runId of sentAt.keys()) {
        const record = await runs.get(stack.demo.userId, runId);
        if (record)
          records.set(runId, {
            status: record.status,
            ...(record.completedAt ? { completedAt: record.completedAt } : {}),
          });
      }
      const latencies: number[] = [];
      let success = 0;
      let lastCompleted = 0;
      for (const [runId, sent] of sentAt) {
        const record = records.get(runId);
        if (record?.status === 'success') success++;
        if (record?.completedAt) {
          const done = Date.parse(record.completedAt);
          lastCompleted = Math.max(lastCompleted, done);
          latencies.push(done - sent);
        }
      }
      const wall = Math.max(lastCompleted, drained) - started;
      const s = summarize(latencies);
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const byCommand = [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, n]) => `${name.replace(/Command$/, '')} ${(n / RUNS).toFixed(2)}`)
        .join(', ');
      console.log(`\n  ${phase.name}`);
      console.log(`    triggers sent in      ${allSent - started} ms`);
      console.log(`    all runs completed in ${wall} ms`);
      console.log(
        `    throughput            ${((RUNS / wall) * 1000).toFixed(1)} runs/s (target >= ${TARGET_RUNS_PER_SECOND})`,
      );
      console.log(`    trigger -> completed  median ${ms(s.median)}   p99 ${ms(s.p99)}`);
      console.log(`    DynamoDB per run      ${(total / RUNS).toFixed(2)} requests: ${byCommand}`);
      const missing = RUNS - records.size;
      console.log(`    run records           ${records.size} found, ${success} success, ${missing} missing`);
      const ok = sentAt.size === RUNS && success === RUNS && missing === 0;
      console.log(
        `    verification          ${ok ? 'PASS: every run recorded with status success' : 'FAIL'}`,
      );
      return ok;
    }
  } finally {
    await stack.stop();
    await fake.stop();
  }
  if (failed) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
