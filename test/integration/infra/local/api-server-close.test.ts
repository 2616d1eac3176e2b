import { Agent, get } from 'node:http';
import { startApiServer, type ApiServer } from '../../../../infra/local/api-server';
import type { RouteDef } from '../../../../infra/routes';
import { reach } from '../../../support/reachability';

const base = { auth: 'public', memoryMb: 128, access: [] } as const;
const routes: RouteDef[] = [
  {
    ...base,
    name: 'WaitThenAnswer',
    method: 'GET',
    path: '/test/wait',
    handler: 'test/support/handlers/wait-then-answer.ts',
    timeoutSeconds: 29,
    streaming: false,
  },
  {
    ...base,
    name: 'StreamTicks',
    method: 'GET',
    path: '/test/stream',
    handler: 'test/support/handlers/stream-ticks.ts',
    timeoutSeconds: 10,
    streaming: true,
  },
  {
    ...base,
    name: 'StreamThenWork',
    method: 'GET',
    path: '/test/stream-then-work',
    handler: 'test/support/handlers/stream-then-work.ts',
    timeoutSeconds: 10,
    streaming: true,
  },
];

interface Answer {
  status: number;
  body: string;
  endedAt: number;
}

/** A GET over a keep-alive agent; resolves with the whole body, rejects if the connection is cut. */
function fetchText(url: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, endedAt: Date.now() }));
      res.on('aborted', () => reject(new Error('response cut')));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Resolves once the server has accepted a request (the handler is running). */
function whenRequestArrives(api: ApiServer): Promise<void> {
  return new Promise((resolve) => api.server.once('request', () => setImmediate(resolve)));
}

/** Where test/support/handlers/stream-then-work.ts notes when its after-response work finished. */
const WORK_DONE = Symbol.for('flowgate.test.streamThenWork.doneAt');

describe('local API server close(): a drain, not a cut', () => {
  let api: ApiServer;
  let agent: Agent;
  beforeEach(async () => {
    api = await startApiServer({ routes });
    agent = new Agent({ keepAlive: true });
  });
  afterEach(async () => {
    agent.destroy();
    await api.close(0);
  });

  it('lets an in-flight request finish, refuses new connections meanwhile, then closes', async () => {
    const arrived = whenRequestArrives(api);
    const inFlight = fetchText(`${api.url}/test/wait?ms=800`, agent);
    await arrived;
    const closing = api.close().then(() => Date.now());
    expect(await reach('127.0.0.1', api.port)).toBe('refused');
    const answer = await inFlight;
    expect(answer).toMatchObject({ status: 200, body: 'answered after 800 ms' });
    // The keep-alive connection goes as soon as its response is done, not after keepAliveTimeout.
    expect((await closing) - answer.endedAt).toBeLessThan(1000);
  });

  it('lets a streaming response send every chunk', async () => {
    const arrived = whenRequestArrives(api);
    const inFlight = fetchText(`${api.url}/test/stream`, agent);
    await arrived;
    const closing = api.close();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.match(/data: tick \d/g)).toEqual([0, 1, 2, 3, 4].map((i) => `data: tick ${i}`));
    await closing;
  });

  it("ends a stream's response when the handler ends the stream, and waits for its work after that", async () => {
    const done = () => (globalThis as Record<symbol, number | undefined>)[WORK_DONE];
    delete (globalThis as Record<symbol, unknown>)[WORK_DONE];
    const answer = await fetchText(`${api.url}/test/stream-then-work?ms=1500`, agent);
    expect(answer).toMatchObject({ status: 200, body: 'answered' });
    expect(done()).toBeUndefined();
    await api.close();
    expect(done()).toBeGreaterThanOrEqual(answer.endedAt);
  });

  it('closes idle keep-alive connections at once', async () => {
    expect((await fetchText(`${api.url}/test/wait?ms=0`, agent)).status).toBe(200);
    const started = Date.now();
    await api.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('cuts what is still running when the grace is over', async () => {
    const arrived = whenRequestArrives(api);
    const inFlight = fetchText(`${api.url}/test/wait?ms=5000`, agent);
    await arrived;
    const started = Date.now();
    await api.close(300);
    const closedAfter = Date.now() - started;
    await expect(inFlight).rejects.toThrow();
    expect(closedAfter).toBeGreaterThanOrEqual(250);
    expect(closedAfter).toBeLessThan(2000);
  });
});
