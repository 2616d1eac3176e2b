/**
 * Drafting without a real model: on the local stack, the stub upstream answers Flowgate's
 * drafting prompt with a plan of its own (a GET of the URL in the request), which is saved,
 * deployed on a one-time schedule, fired by the local scheduler, and reaches the loopback
 * server it names.
 */
// First: a clean gateway environment, so the stack points the gateway at this file's stubs.
import { isolatedEnv } from '../gateway/isolated-env';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { divertEmfLines } from '../../../infra/local/console-quiet';
import type { LocalStack } from '../../../infra/local/local-stack';
import { callApi } from '../../support/http';
import { startTestStack } from '../../support/local-stack';

const restoreEnv = isolatedEnv({});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('drafting with the stub model, then deploying and running the draft (e2e)', () => {
  let stack: LocalStack;
  let key: string;
  let server: Server;
  let statusUrl: string;
  const hits: { method?: string; url?: string }[] = [];
  // The handlers' EMF lines, kept out of the test output.
  const restoreStdout = divertEmfLines(process.stdout, () => undefined);

  const api = (path: string, method = 'GET', body?: unknown) =>
    callApi(stack.apiUrl, key, path, method, body);

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push({ method: req.method, url: req.url });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    statusUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status`;
    stack = await startTestStack();
    const { createUserWithKey } = await import('../../support/identity');
    key = (await createUserWithKey('stub-drafting')).key;
  });
  afterAll(async () => {
    await stack?.stop();
    await new Promise((resolve) => server?.close(resolve));
    restoreStdout();
    restoreEnv();
  });

  it('drafts a GET of the URL in the request, and the deployed draft calls it on its schedule', async () => {
    const drafted = await api('/automation/traces', 'POST', {
      message: `Every day at 9, fetch ${statusUrl}`,
    });
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({
      name: `Stub plan: GET ${statusUrl}`,
      description: expect.stringContaining("Drafted by Flowgate's local stub model (no real LLM)"),
      model: 'default',
      deployment_status: 'draft',
      steps: [
        { id: 'fetch', provider: 'http', action: 'request', params: { method: 'GET', url: statusUrl } },
      ],
    });
    const traceId = drafted.body.id as string;

    // A one-time schedule 2 s ahead, on a whole second.
    const fireAt = Math.ceil((Date.now() + 2000) / 1000) * 1000;
    const deployed = await api('/automation/deploy', 'POST', {
      trace_id: traceId,
      schedule_type: 'custom',
      schedule_time: '00:00',
      schedule_config: {
        customInterval: `at(${new Date(fireAt).toISOString().slice(0, 19)})`,
        timezone: 'UTC',
      },
    });
    expect(deployed.status).toBe(200);

    let logs: { status: string; trigger: string }[] = [];
    while (Date.now() < fireAt + 15_000) {
      logs = (await api(`/api/execution-logs?trace_id=${traceId}`)).body.logs;
      if (logs.some((log) => log.status === 'success' || log.status === 'failed')) break;
      await sleep(200);
    }
    expect(logs).toEqual([expect.objectContaining({ status: 'success', trigger: 'schedule' })]);
    expect(hits).toEqual([{ method: 'GET', url: '/status' }]);
  }, 40_000);
});
