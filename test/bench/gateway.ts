/**
 * `npm run bench:gateway`: what the LLM gateway adds on top of its upstream.
 *
 * The whole local stack runs in this process (local API server, authorizer, the real
 * chat handler on the streaming wrapper, DynamoDB Local, the stub OpenAI upstream).
 * Every request through Flowgate is paired with the same request sent straight to the
 * stub, in one run:
 *   1. non-streaming, concurrency 1: pairs interleaved (order alternating);
 *   2. streaming time to first byte, concurrency 1: pairs interleaved;
 *   3. non-streaming, concurrency 32: rounds alternating direct / Flowgate, throughput.
 * DynamoDB calls are counted with SDK middleware on the handlers' client, per warm
 * request (the key already has an active session).
 *
 * The stub upstream runs in its own process by default, as a real upstream is elsewhere:
 * otherwise it shares one event loop with the gateway and the two steal each other's CPU.
 * BENCH_STUB=in-process keeps it in this process instead.
 *
 * BENCH_REQUESTS (default 2000) sets the pair count at concurrency 1.
 */
import '../../infra/local/quiet-sdk-notice';
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { freePort } from '../../infra/local/free-port';
import {
  DEFAULT_MORPHEUS_STUB_PASSWORD,
  DEFAULT_MORPHEUS_STUB_USERNAME,
} from '../../infra/local/stubs/morpheus-stub';
import { DEFAULT_OPENAI_STUB_KEY } from '../../infra/local/stubs/openai-stub';
import { ms, summarize } from './stats';

process.env.LOG_LEVEL = 'silent';
process.env.AUTOMATION_FEATURE_ENABLED = 'true';

const PAIRS = Number(process.env.BENCH_REQUESTS ?? 2000);
const WARMUP = 200;
const CONCURRENCY = 32;
const THROUGHPUT_REQUESTS = 3000;
const ROUNDS = 3;

// The handlers print one CloudWatch EMF line per metric set to stdout; in Lambda that is
// the log stream. Here they are still produced (and counted) but not shown.
const write = process.stdout.write.bind(process.stdout);
let emfLines = 0;
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  if (String(chunk).includes('"_aws"')) {
    emfLines += 1;
    return true;
  }
  return write(chunk, ...rest);
}) as typeof process.stdout.write;

interface Target {
  url: string;
  authorization: string;
  agent: Agent;
}

/** One request; resolves with ms to the first body byte and ms to the end. */
function send(target: Target, body: string): Promise<{ firstByte: number; total: number; status: number }> {
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
        res.on('data', () => {
          firstByte ??= elapsed();
        });
        res.on('end', () =>
          resolve({ firstByte: firstByte ?? elapsed(), total: elapsed(), status: res.statusCode ?? 0 }),
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
  if (result.status !== 200) throw new Error(`${target.url} answered ${result.status}`);
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

async function interleaved(gateway: Target, direct: Target, body: string, pick: 'total' | 'firstByte') {
  const g: number[] = [];
  const d: number[] = [];
  const added: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    // Alternate which goes first so neither always meets the warmer machine.
    const [a, b] =
      i % 2 === 0
        ? [await checked(gateway, body), await checked(direct, body)]
        : [await checked(direct, body), await checked(gateway, body)].reverse();
    g.push(a![pick]);
    d.push(b![pick]);
    added.push(a![pick] - b![pick]);
  }
  return { gateway: summarize(g), direct: summarize(d), added: summarize(added) };
}

/** Starts the stub upstreams in a child process and points the gateway at them. */
async function stubProcess(): Promise<{ child: ChildProcess; openaiUrl: string }> {
  const [openaiPort, morpheusPort] = [await freePort(), await freePort()];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, '../../infra/local/stubs/run-stubs.ts')],
    {
      env: { ...process.env, OPENAI_STUB_PORT: String(openaiPort), MORPHEUS_STUB_PORT: String(morpheusPort) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`stub process exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ctrl-C')) resolve();
    });
  });
  const openaiUrl = `http://127.0.0.1:${openaiPort}`;
  process.env.UPSTREAM_BASE_URL = `${openaiUrl}/v1`;
  process.env.UPSTREAM_API_KEY = DEFAULT_OPENAI_STUB_KEY;
  process.env.MORPHEUS_ROUTER_URL = `http://127.0.0.1:${morpheusPort}`;
  process.env.MORPHEUS_ROUTER_USERNAME = DEFAULT_MORPHEUS_STUB_USERNAME;
  process.env.MORPHEUS_ROUTER_PASSWORD = DEFAULT_MORPHEUS_STUB_PASSWORD;
  return { child, openaiUrl };
}

async function main(): Promise<void> {
  const separate = process.env.BENCH_STUB !== 'in-process';
  const stubChild = separate ? await stubProcess() : undefined;
  const { startLocalStack } = await import('../../infra/local/local-stack');
  const stack = await startLocalStack({ port: 0, inMemory: true });
  try {
    const upstreamUrl = stubChild?.openaiUrl ?? stack.stubs!.openai.url;
    const { documentClient, defaultRepositoryDeps } = await import('../../shared/clients/dynamodb');
    const { AutomationSettingsRepository } = await import('../../shared/gateway/automation-settings');
    const calls = new Map<string, number>();
    documentClient().middlewareStack.add(
      (next, context) => async (args) => {
        calls.set(context.commandName ?? '?', (calls.get(context.commandName ?? '?') ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'benchDynamoDbCallCounter' },
    );
    await new AutomationSettingsRepository(defaultRepositoryDeps(), {
      isEnabled: false,
      sessionDuration: 3600,
    }).update(stack.demo.userId, { isEnabled: true });

    const agentOf = () => new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const gateway: Target = {
      url: `${stack.apiUrl}/api/v1/chat/completions`,
      authorization: `Bearer ${stack.demo.key}`,
      agent: agentOf(),
    };
    const direct: Target = {
      url: `${upstreamUrl}/v1/chat/completions`,
      authorization: `Bearer ${DEFAULT_OPENAI_STUB_KEY}`,
      agent: agentOf(),
    };
    const plain = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'bench' }] });
    const streamed = JSON.stringify({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'bench' }],
      stream: true,
    });

    // The first request opens the key's session (automation on); everything after is warm.
    calls.clear();
    await checked(gateway, plain);
    const coldCalls = new Map(calls);
    for (let i = 0; i < WARMUP; i++) {
      await checked(gateway, plain);
      await checked(direct, plain);
    }

    calls.clear();
    const plainResult = await interleaved(gateway, direct, plain, 'total');
    const warmCalls = new Map(calls);
    const streamResult = await interleaved(gateway, direct, streamed, 'firstByte');

    const rates = { gateway: [] as number[], direct: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      rates.direct.push(await throughput(direct, plain, THROUGHPUT_REQUESTS, CONCURRENCY));
      rates.gateway.push(await throughput(gateway, plain, THROUGHPUT_REQUESTS, CONCURRENCY));
    }
    const totalRate = (r: number[]) => r.reduce((a, b) => a + b, 0) / r.length;

    const perRequest = [...warmCalls.values()].reduce((a, b) => a + b, 0) / PAIRS;
    const breakdown = [...warmCalls.entries()].map(([name, n]) => `${name} ${n}`).join(', ') || 'none';
    const line = (label: string, s: { median: number; p99: number }) =>
      console.log(`    ${label.padEnd(22)} median ${ms(s.median)}   p99 ${ms(s.p99)}`);

    console.log(
      `bench:gateway — POST /api/v1/chat/completions (direct/gpt-4o) vs the stub upstream directly`,
    );
    console.log(
      `  (stub upstream ${separate ? 'in its own process' : 'in this process'}; gateway and client in this process)`,
    );
    console.log(`  1. non-streaming, concurrency 1, ${PAIRS} interleaved pairs (whole response)`);
    line('through Flowgate', plainResult.gateway);
    line('direct to upstream', plainResult.direct);
    line('added by Flowgate', plainResult.added);
    console.log(`  2. streaming, concurrency 1, ${PAIRS} interleaved pairs (time to first byte)`);
    line('through Flowgate', streamResult.gateway);
    line('direct to upstream', streamResult.direct);
    line('added by Flowgate', streamResult.added);
    console.log(
      `  3. non-streaming, concurrency ${CONCURRENCY}, ${ROUNDS} rounds of ${THROUGHPUT_REQUESTS} each`,
    );
    console.log(`    direct to upstream     ${rates.direct.map((r) => r.toFixed(0)).join(' / ')} req/s`);
    console.log(`    through Flowgate       ${rates.gateway.map((r) => r.toFixed(0)).join(' / ')} req/s`);
    console.log(
      `    throughput ratio       ${((100 * totalRate(rates.gateway)) / totalRate(rates.direct)).toFixed(1)}% of direct`,
    );
    console.log(
      `  DynamoDB calls per warm request: ${perRequest.toFixed(4)} (${breakdown} over ${PAIRS} requests;`,
    );
    console.log(`    session cache and authorizer cache refreshes included)`);
    console.log(
      `  DynamoDB calls of the cold first request (authorizer, settings, flag, session lease): ${[
        ...coldCalls.entries(),
      ]
        .map(([name, n]) => `${name} ${n}`)
        .join(', ')}`,
    );
    console.log(`  EMF lines produced: ${emfLines}`);
    gateway.agent.destroy();
    direct.agent.destroy();
  } finally {
    await stack.stop();
    stubChild?.child.kill('SIGTERM');
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
