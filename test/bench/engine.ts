/**
 * `npm run bench:engine`: webhook-triggered runs through the local API and stack.
 *
 * 1,000 signed webhook calls (BENCH_RUNS) at concurrency 32 (BENCH_CONCURRENCY) against a
 * 3-step plan: data.transform -> http.request to a loopback fake -> data.condition. Each
 * call is answered 202 and the run finishes in the background (the local stand-in for
 * Lambda's async invoke); BENCH_WAIT=true uses `?wait=true` instead. Reports runs/s,
 * median and p99 trigger->completed, and checks that every run record exists with
 * status success. The loopback fake runs in a worker thread, off the stack's event loop.
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

async function main(): Promise<void> {
  const fake = await startFake();
  const { startLocalStack } = await import('../../infra/local/local-stack');
  const stack = await startLocalStack({ inMemory: true, port: 0 });
  const { signBody } = await import('../../shared/webhooks/webhook-secrets');
  const { RunRepository } = await import('../../shared/runs/run-repository');
  const { createDocumentClient } = await import('../../shared/clients/dynamodb');
  const auth = { Authorization: `Bearer ${stack.demo.key}`, 'Content-Type': 'application/json' };
  try {
    const planRes = await fetch(`${stack.apiUrl}/api/execution-plans`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        name: 'bench: transform -> http -> condition',
        steps: [
          {
            id: 'shape',
            provider: 'data',
            action: 'transform',
            params: { value: { order: '{{trigger.body.order}}', total: '{{trigger.body.total}}' } },
          },
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
    if (planRes.status !== 201) throw new Error(`plan: ${planRes.status} ${await planRes.text()}`);
    const plan = (await planRes.json()) as { id: string };
    const hookRes = await fetch(`${stack.apiUrl}/api/execution-plans/${plan.id}/webhook`, {
      method: 'POST',
      headers: auth,
      body: '{}',
    });
    const hook = (await hookRes.json()) as { url: string; secret: string };
    const webhookUrl = `${stack.apiUrl}${hook.url}${WAIT ? '?wait=true' : ''}`;

    const sentAt = new Map<string, number>();
    const fire = async (i: number): Promise<void> => {
      const body = JSON.stringify({ order: `o-${i}`, total: i });
      const started = Date.now();
      const res = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Flowgate-Signature': signBody(hook.secret, body) },
        body,
      });
      const answer = (await res.json()) as { run_id?: string };
      if ((res.status !== 202 && res.status !== 200) || !answer.run_id) {
        throw new Error(`webhook answered ${res.status}: ${JSON.stringify(answer)}`);
      }
      sentAt.set(answer.run_id, started);
    };
    const pool = async (count: number, offset: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
          while (next < count) await fire(offset + next++);
        }),
      );
    };

    await pool(WARMUP, 1_000_000);
    await stack.adapters.drain();
    sentAt.clear();

    const started = Date.now();
    await pool(RUNS, 0);
    const allSent = Date.now();
    await stack.adapters.drain();
    const drained = Date.now();

    const runs = new RunRepository({ client: createDocumentClient(), tableName: stack.tableName }, 30);
    const records = new Map<string, { status: string; completedAt?: string }>();
    let cursor: string | undefined;
    do {
      const page = await runs.list(stack.demo.userId, {
        planId: plan.id,
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      for (const r of page.items)
        records.set(r.runId, { status: r.status, ...(r.completedAt ? { completedAt: r.completedAt } : {}) });
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    const latencies: number[] = [];
    let success = 0;
    let missing = 0;
    let lastCompleted = 0;
    for (const [runId, sent] of sentAt) {
      const record = records.get(runId);
      if (!record) {
        missing++;
        continue;
      }
      if (record.status === 'success') success++;
      if (record.completedAt) {
        const done = Date.parse(record.completedAt);
        lastCompleted = Math.max(lastCompleted, done);
        latencies.push(done - sent);
      }
    }
    const wall = (lastCompleted || drained) - started;
    const rate = (RUNS / wall) * 1000;
    const s = summarize(latencies);
    console.log(
      `bench:engine — ${RUNS} webhook-triggered runs (${WAIT ? '?wait=true' : '202 + background run'}), ` +
        `3 steps (data.transform -> http -> data.condition), concurrency ${CONCURRENCY}`,
    );
    console.log(`  triggers sent in      ${allSent - started} ms`);
    console.log(`  all runs completed in ${wall} ms`);
    console.log(`  throughput            ${rate.toFixed(1)} runs/s (target >= ${TARGET_RUNS_PER_SECOND})`);
    console.log(`  trigger -> completed  median ${ms(s.median)}   p99 ${ms(s.p99)}`);
    console.log(`  run records           ${records.size} found, ${success} success, ${missing} missing`);
    const ok = sentAt.size === RUNS && success === RUNS && missing === 0;
    console.log(`  verification          ${ok ? 'PASS: every run recorded with status success' : 'FAIL'}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await stack.stop();
    await fake.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
