import type { OutgoingHttpHeaders } from 'node:http';
import { startApiServer, type ApiServer } from '../../../../infra/local/api-server';
import type { RouteDef } from '../../../../infra/routes';

const base = { auth: 'public', memoryMb: 128, access: [], timeoutSeconds: 10 } as const;
const routes: RouteDef[] = [
  {
    ...base,
    name: 'WaitThenAnswer',
    method: 'GET',
    path: '/test/wait',
    handler: 'test/support/handlers/wait-then-answer.ts',
    streaming: false,
  },
  {
    ...base,
    name: 'StreamTicks',
    method: 'GET',
    path: '/test/stream',
    handler: 'test/support/handlers/stream-ticks.ts',
    streaming: true,
  },
];

interface Seen {
  route: string;
  status: number;
  headers: OutgoingHttpHeaders;
  body: string;
}

describe('local API server response observers', () => {
  let api: ApiServer;
  const seen: Seen[] = [];
  beforeAll(async () => {
    api = await startApiServer({
      routes,
      onResponse: (route, status, headers, body) =>
        seen.push({ route: route.name, status, headers, body: body.toString('utf8') }),
    });
  });
  afterAll(() => api?.close());
  beforeEach(() => (seen.length = 0));

  it('sees each finished response with its status, headers and whole body', async () => {
    const res = await fetch(`${api.url}/test/wait?ms=1`);
    expect(await res.text()).toBe('answered after 1 ms');
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([
      expect.objectContaining({ route: 'WaitThenAnswer', status: 200, body: 'answered after 1 ms' }),
    ]);
  });

  it('sees the headers a streamed response wrote with its status line', async () => {
    const res = await fetch(`${api.url}/test/stream`);
    const text = await res.text();
    await new Promise((r) => setImmediate(r));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ route: 'StreamTicks', status: 200, body: text });
    expect(seen[0]!.headers['content-type']).toBe('text/event-stream');
    expect(text.match(/^data: tick \d/gm)).toHaveLength(5);
  });

  it('an observer added later sees later responses, and one that throws stops no other', async () => {
    const later: number[] = [];
    api.observeResponses(() => {
      throw new Error('observer bug');
    });
    api.observeResponses((_route, status) => later.push(status));
    const res = await fetch(`${api.url}/test/wait?ms=0`);
    expect(res.status).toBe(200);
    await res.text();
    await new Promise((r) => setImmediate(r));
    expect(seen).toHaveLength(1);
    expect(later).toEqual([200]);
  });

  it('sees nothing for a request that matched no route', async () => {
    const res = await fetch(`${api.url}/test/none`);
    await res.text();
    await new Promise((r) => setImmediate(r));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(seen).toEqual([]);
  });
});
