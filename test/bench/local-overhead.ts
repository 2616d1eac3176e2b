/**
 * `npm run bench:local`: the local API server's own overhead per request.
 *
 * GET /api/health through the local server (route match, REST-proxy event, Lambda
 * context, the real handler, response rendering) against a bare node:http server that
 * returns the same body. Requests alternate between the two, one at a time over
 * keep-alive connections, so both see the same machine state.
 */
import '../../infra/local/quiet-sdk-notice';
import { createServer, request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ms, summarize } from './stats';

process.env.TABLE_NAME ??= 'bench-unused';
process.env.LOG_LEVEL ??= 'silent';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const WARMUP = 300;

function get(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
    });
    req.on('error', reject);
    req.end();
  });
}

async function main(): Promise<void> {
  const { startApiServer } = await import('../../infra/local/api-server');
  const api = await startApiServer();
  const bare = createServer((_req, res) => {
    const body = JSON.stringify({
      status: 'healthy',
      timestamp: new Date().toISOString(),
      scheduler: 'active',
    });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/health`;
  const localUrl = `${api.url}/api/health`;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  for (let i = 0; i < WARMUP; i++) {
    await get(agent, localUrl);
    await get(agent, bareUrl);
  }
  const local: number[] = [];
  const direct: number[] = [];
  const added: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    // Alternate which goes first so neither always benefits from a warmer cache.
    let c: number;
    let d: number;
    if (i % 2 === 0) {
      c = await get(agent, localUrl);
      d = await get(agent, bareUrl);
    } else {
      d = await get(agent, bareUrl);
      c = await get(agent, localUrl);
    }
    local.push(c);
    direct.push(d);
    added.push(c - d);
  }
  agent.destroy();
  await api.close();
  bare.close();

  const l = summarize(local);
  const d = summarize(direct);
  const a = summarize(added);
  console.log(`bench:local — GET /api/health, ${REQUESTS} requests each, interleaved, concurrency 1`);
  console.log(`  local API server   median ${ms(l.median)}   p99 ${ms(l.p99)}`);
  console.log(`  bare node:http     median ${ms(d.median)}   p99 ${ms(d.p99)}`);
  console.log(`  added per request  median ${ms(a.median)}   p99 ${ms(a.p99)}`);
  console.log(`  ratio (median)     ${(l.median / d.median).toFixed(2)}x`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
