/**
 * `npm run bench:gateway`: what the LLM gateway adds on top of its upstream, measured
 * as a user's client meets it. Three processes:
 *   - the stub upstreams (infra/local/stubs/run-stubs.ts), as a real upstream is elsewhere;
 *   - the local stack (test/bench/gateway-stack.ts: DynamoDB Local, local API server,
 *     authorizer, the real chat handler on the streaming wrapper), pointed at that stub;
 *   - this process, the measuring client: plain node:http requests on keep-alive agents.
 * Every request through Flowgate is paired with the same request sent straight to the
 * stub:
 *   1. non-streaming, concurrency 1: pairs interleaved (order alternating), whole response;
 *   2. streaming, concurrency 1: pairs interleaved, time to first body byte;
 *   3. non-streaming, concurrency 16: rounds alternating direct / Flowgate, requests/s.
 * DynamoDB calls are counted in the stack process (SDK middleware on the handlers'
 * client) and reported here over IPC, per warm request: the demo key has no limits and
 * its session is opened by one request before measuring. The usage write that follows
 * each response is counted apart from the calls a request waits for. A second key of the
 * same user, with a request limit, is measured at concurrency 1 too (non-streaming).
 * The floor figures put a bare pass-through proxy (test/bench/gateway-floor.ts) in the
 * stack's place: what one extra HTTP hop alone adds on this machine.
 *
 * Output: one `figure value…` line per figure, e.g. `nonstream_c1_added median_ms 0.812 p99_ms 2.950`.
 * BENCH_REQUESTS (default 2000) sets the pair count at concurrency 1; BENCH_CPU_PROF=<dir>
 * writes the stack process's CPU profile (.cpuprofile) to that folder.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { freePort } from '../../infra/local/free-port';
import {
  DEFAULT_MORPHEUS_STUB_PASSWORD,
  DEFAULT_MORPHEUS_STUB_USERNAME,
} from '../../infra/local/stubs/morpheus-stub';
import { DEFAULT_OPENAI_STUB_KEY } from '../../infra/local/stubs/openai-stub';
import { USAGE_WRITE, type StackReady, type StackReply, type StackRequest } from './gateway-ipc';
import { summarize, type Summary } from './stats';

const PAIRS = Number(process.env.BENCH_REQUESTS ?? 2000);
const WARMUP = 200;
const CONCURRENCY = 16;
const THROUGHPUT_REQUESTS = 3000;
const ROUNDS = 3;
const TARGET_MEDIAN_MS = 1.2;
const TARGET_P99_MS = 6;

interface Target {
  url: string;
  authorization: string;
  agent: Agent;
}

/** One request; resolves with ms to the first body byte and ms to the end. */
function send(
  target: Target,
  body: string,
): Promise<{ firstByte: number; total: number; status: number; error: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const req = request(
      target.url,
      {
        method: 'POST',
        agent: target.agent,
        headers: {
          Authorization: target.authorization,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let firstByte: number | undefined;
        let error = '';
        const failed = res.statusCode !== 200;
        res.on('data', (chunk: Buffer) => {
          firstByte ??= elapsed();
          if (failed) error += chunk.toString();
        });
        res.on('end', () =>
          resolve({
            firstByte: firstByte ?? elapsed(),
            total: elapsed(),
            status: res.statusCode ?? 0,
            error,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function checked(target: Target, body: string) {
  const result = await send(target, body);
  if (result.status !== 200)
    throw new Error(`${target.url} answered ${result.status}: ${result.error.slice(0, 300)}`);
  return result;
}

/** Sends `count` requests with `concurrency` in flight; returns requests per second. */
async function throughput(target: Target, body: string, count: number, concurrency: number): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await checked(target, body);
      }
    }),
  );
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

/**
 * PAIRS pairs at concurrency 1. `afterGateway` (when given) runs after each request through
 * Flowgate, outside the timings: the settled figures wait there for its after-response work.
 */
async function interleaved(
  gateway: Target,
  direct: Target,
  body: string,
  pick: 'total' | 'firstByte',
  afterGateway: (requests: number) => Promise<unknown> = async () => undefined,
) {
  const g: number[] = [];
  const d: number[] = [];
  const added: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    // Alternate which goes first so neither always meets the warmer machine.
    let a, b;
    if (i % 2 === 0) {
      a = await checked(gateway, body);
      await afterGateway(i + 1);
      b = await checked(direct, body);
    } else {
      b = await checked(direct, body);
      a = await checked(gateway, body);
      await afterGateway(i + 1);
    }
    g.push(a[pick]);
    d.push(b[pick]);
    added.push(a[pick] - b[pick]);
  }
  return { gateway: summarize(g), direct: summarize(d), added: summarize(added) };
}

/** Waits for a child's line on stdout (or exit, which fails). */
function started(child: ChildProcess, what: string, marker: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(marker)) resolve();
    });
  });
}

/** Process 1: the stub upstreams. */
async function stubProcess() {
  const [openaiPort, morpheusPort] = [await freePort(), await freePort()];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, '../../infra/local/stubs/run-stubs.ts')],
    {
      env: { ...process.env, OPENAI_STUB_PORT: String(openaiPort), MORPHEUS_STUB_PORT: String(morpheusPort) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await started(child, 'stub process', 'Ctrl-C');
  return {
    child,
    openaiUrl: `http://127.0.0.1:${openaiPort}`,
    morpheusUrl: `http://127.0.0.1:${morpheusPort}`,
  };
}

/** The floor: a proxy with no logic where the stack would be. */
async function floorProcess(openaiUrl: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'gateway-floor.ts')], {
    env: { ...process.env, FLOOR_UPSTREAM: openaiUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`floor proxy exited with ${code}`)));
    child.stdout!.once('data', (chunk: Buffer) => resolve(/http:\/\/\S+/.exec(chunk.toString())![0]));
  });
  return { child, url };
}

/** Process 2: the local stack, pointed at the stubs; `ask` is its counter over IPC. */
async function stackProcess(openaiUrl: string, morpheusUrl: string) {
  const child = fork(path.join(__dirname, 'gateway-stack.ts'), [], {
    // BENCH_CPU_PROF=<dir> writes the stack process's CPU profile there when it stops.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: {
      ...process.env,
      UPSTREAM_BASE_URL: `${openaiUrl}/v1`,
      UPSTREAM_API_KEY: DEFAULT_OPENAI_STUB_KEY,
      MORPHEUS_ROUTER_URL: morpheusUrl,
      MORPHEUS_ROUTER_USERNAME: DEFAULT_MORPHEUS_STUB_USERNAME,
      MORPHEUS_ROUTER_PASSWORD: DEFAULT_MORPHEUS_STUB_PASSWORD,
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<StackReady>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`stack process exited with ${code}`)));
    child.once('message', (message: StackReady) => resolve(message));
  });
  let nextId = 0;
  const ask = (op: StackRequest['op'], usageWrites?: number) =>
    new Promise<StackReply>((resolve) => {
      const id = ++nextId;
      const onMessage = (reply: StackReply) => {
        if (reply.id !== id) return;
        child.off('message', onMessage);
        resolve(reply);
      };
      child.on('message', onMessage);
      child.send({ id, op, usageWrites } satisfies StackRequest);
    });
  return { child, ready, ask };
}

const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);
/** The calls a request waits for: all but the usage write that follows its response. */
const onPath = (calls: Record<string, number>) => total(calls) - (calls[USAGE_WRITE] ?? 0);
const breakdown = (calls: Record<string, number>) =>
  Object.entries(calls)
    .map(([name, n]) => `${name}=${n}`)
    .join(',') || 'none';
const f3 = (n: number) => n.toFixed(3);
const latency = (label: string, s: Summary) =>
  console.log(`${label.padEnd(22)} median_ms ${f3(s.median)} p99_ms ${f3(s.p99)}`);
const verdict = (s: Summary) =>
  `${s.median <= TARGET_MEDIAN_MS && s.p99 <= TARGET_P99_MS ? 'pass' : 'FAIL'} (median<=${TARGET_MEDIAN_MS} p99<=${TARGET_P99_MS})`;

async function main(): Promise<void> {
  const stub = await stubProcess();
  let stack: Awaited<ReturnType<typeof stackProcess>> | undefined;
  const floor = await floorProcess(stub.openaiUrl);
  try {
    stack = await stackProcess(stub.openaiUrl, stub.morpheusUrl);
    const agentOf = () => new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const gateway: Target = {
      url: `${stack.ready.apiUrl}/api/v1/chat/completions`,
      authorization: `Bearer ${stack.ready.key}`,
      agent: agentOf(),
    };
    const limited: Target = {
      ...gateway,
      authorization: `Bearer ${stack.ready.limitedKey}`,
      agent: agentOf(),
    };
    const direct: Target = {
      url: `${stub.openaiUrl}/v1/chat/completions`,
      authorization: `Bearer ${DEFAULT_OPENAI_STUB_KEY}`,
      agent: agentOf(),
    };
    const proxied: Target = { ...direct, url: `${floor.url}/v1/chat/completions`, agent: agentOf() };
    const plain = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'bench' }] });
    const streamed = JSON.stringify({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'bench' }],
      stream: true,
    });

    // The first request opens the key's session (automation on); everything after is warm.
    await stack.ask('reset');
    await checked(gateway, plain);
    const cold = (await stack.ask('reset')).calls;
    for (let i = 0; i < WARMUP; i++) {
      await checked(gateway, plain);
      await checked(limited, plain);
      await checked(direct, plain);
      await checked(gateway, streamed);
      await checked(direct, streamed);
      await checked(proxied, plain);
      await checked(proxied, streamed);
    }

    const plainFloor = await interleaved(proxied, direct, plain, 'total');
    const streamFloor = await interleaved(proxied, direct, streamed, 'firstByte');
    await stack.ask('reset');
    const plainResult = await interleaved(gateway, direct, plain, 'total');
    const plainCalls = (await stack.ask('reset')).calls;
    const streamResult = await interleaved(gateway, direct, streamed, 'firstByte');
    const streamCalls = (await stack.ask('reset')).calls;
    const limitedResult = await interleaved(limited, direct, plain, 'total');
    const limitedCalls = (await stack.ask('reset')).calls;
    // As in Lambda, where DynamoDB is not on this machine's cores: each request's usage
    // write has landed before the next request.
    const settle = (requests: number) => stack!.ask('settled', requests);
    const plainSettled = await interleaved(gateway, direct, plain, 'total', settle);
    await stack.ask('reset');
    const streamSettled = await interleaved(gateway, direct, streamed, 'firstByte', settle);
    await stack.ask('reset');

    const rates = { gateway: [] as number[], direct: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      rates.direct.push(await throughput(direct, plain, THROUGHPUT_REQUESTS, CONCURRENCY));
      rates.gateway.push(await throughput(gateway, plain, THROUGHPUT_REQUESTS, CONCURRENCY));
    }
    const { calls: throughputCalls, emfLines } = await stack.ask('reset');
    const mean = (r: number[]) => r.reduce((a, b) => a + b, 0) / r.length;
    const warmRequests = 2 * PAIRS + ROUNDS * THROUGHPUT_REQUESTS;
    const warmCalls = onPath(plainCalls) + onPath(streamCalls) + onPath(throughputCalls);
    const usageWrites = [plainCalls, streamCalls, throughputCalls].reduce(
      (n, c) => n + (c[USAGE_WRITE] ?? 0),
      0,
    );

    console.log(
      `# bench:gateway POST /api/v1/chat/completions (gpt-4o, key without limits) vs the stub directly;` +
        ` client, local stack and stub in 3 processes; ${PAIRS} interleaved pairs at c=1`,
    );
    latency('nonstream_c1_direct', plainResult.direct);
    latency('nonstream_c1_flowgate', plainResult.gateway);
    latency('nonstream_c1_added', plainResult.added);
    latency('ttfb_c1_direct', streamResult.direct);
    latency('ttfb_c1_flowgate', streamResult.gateway);
    latency('ttfb_c1_added', streamResult.added);
    latency('nonstream_c1_limited', limitedResult.added);
    latency('nonstream_settled_added', plainSettled.added);
    latency('ttfb_settled_added', streamSettled.added);
    latency('nonstream_floor_added', plainFloor.added);
    latency('ttfb_floor_added', streamFloor.added);
    console.log(`${'target_nonstream_added'.padEnd(22)} ${verdict(plainResult.added)}`);
    console.log(`${'target_ttfb_added'.padEnd(22)} ${verdict(streamResult.added)}`);
    console.log(
      `${'target_settled'.padEnd(22)} ${verdict(plainSettled.added)} / ${verdict(streamSettled.added)}`,
    );
    const rounds = (r: number[]) => r.map((x) => x.toFixed(0)).join('/');
    console.log(
      `${'throughput_c16_direct'.padEnd(22)} rps ${mean(rates.direct).toFixed(0)} rounds ${rounds(rates.direct)}`,
    );
    console.log(
      `${'throughput_c16_flowgate'.padEnd(22)} rps ${mean(rates.gateway).toFixed(0)} rounds ${rounds(rates.gateway)}`,
    );
    console.log(
      `${'throughput_c16_ratio'.padEnd(22)} ${(mean(rates.gateway) / mean(rates.direct)).toFixed(3)}`,
    );
    console.log(
      `${'ddb_calls_per_warm_req'.padEnd(22)} ${(warmCalls / warmRequests).toFixed(4)} on the path over ${warmRequests}` +
        ` (nonstream ${breakdown(plainCalls)}; stream ${breakdown(streamCalls)}; c16 ${breakdown(throughputCalls)})`,
    );
    console.log(
      `${'usage_writes_per_req'.padEnd(22)} ${(usageWrites / warmRequests).toFixed(4)} (after each response, not waited for)`,
    );
    console.log(
      `${'ddb_calls_limited_req'.padEnd(22)} ${(onPath(limitedCalls) / PAIRS).toFixed(4)} on the path over ${PAIRS}` +
        ` (${breakdown(limitedCalls)})`,
    );
    console.log(`${'ddb_calls_cold_first'.padEnd(22)} ${total(cold)} (${breakdown(cold)})`);
    console.log(`${'emf_lines'.padEnd(22)} ${emfLines}`);
    for (const target of [gateway, limited, direct, proxied]) target.agent.destroy();
  } finally {
    floor.child.kill('SIGTERM');
    if (stack) {
      const exited = new Promise((resolve) => stack!.child.once('exit', resolve));
      if (stack.child.connected) stack.child.send({ id: 0, op: 'stop' } satisfies StackRequest);
      else stack.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    }
    stub.child.kill('SIGTERM');
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
