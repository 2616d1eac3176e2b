import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DRAIN_GRACE_MS } from '../../infra/local/drain';
import { startHttpFake } from '../support/fakes/http-fake';
import type { FakeServer } from '../support/fakes/fake-server';
import { callApi, jsonOf } from '../support/http';
import { startCli, stopCli, type StartedCli } from '../support/npm-start';
import { reach } from '../support/reachability';
import { javaProcessesMentioning } from '../support/run-tool';

// "Run now" hands a run to the background after this long, so a run can be in flight on its own.
const env = { RUN_SYNC_BUDGET_MS: '300' };

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const portOf = (url: string) => Number(new URL(url).port);

function chat(cli: StartedCli, content: string): Promise<Response> {
  return fetch(`${cli.apiUrl}/api/v1/chat/completions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${cli.key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content }] }),
  });
}

async function stubChatRequests(cli: StartedCli): Promise<number> {
  const res = await fetch(`${cli.stubOpenAiUrl}/__stub/requests`);
  const { requests } = (await res.json()) as { requests: { path: string }[] };
  return requests.filter((r) => r.path === '/v1/chat/completions').length;
}

/** A chat request the stub upstream holds for `ms`, in flight once this resolves (boxed: not awaited). */
async function slowChat(cli: StartedCli, ms: number): Promise<{ answer: Promise<Response> }> {
  const fault = await fetch(`${cli.stubOpenAiUrl}/__stub/faults`, {
    method: 'POST',
    body: JSON.stringify({ kind: 'delay', ms, path: '/v1/chat/completions' }),
  });
  expect(fault.status).toBe(201);
  const before = await stubChatRequests(cli);
  const answer = chat(cli, 'take your time');
  await until('the chat request to reach the upstream', async () => (await stubChatRequests(cli)) > before);
  return { answer };
}

/** A run that answers 202 and goes on in the background, its second step in flight once this resolves. */
async function backgroundRun(cli: StartedCli, web: FakeServer, slowMs: number): Promise<string> {
  const steps = [
    {
      id: 'first',
      provider: 'http',
      action: 'request',
      params: { url: `${web.url}/slow?ms=400&step=first` },
    },
    {
      id: 'second',
      provider: 'http',
      action: 'request',
      params: { url: `${web.url}/slow?ms=${slowMs}&step=second` },
    },
  ];
  const started = await callApi(cli.apiUrl, cli.key, '/api/execute-plan', 'POST', { steps });
  expect(started.status).toBe(202);
  await until('the background step to start', () =>
    web.requests.some((r) => r.query.get('step') === 'second'),
  );
  return started.body.run_id as string;
}

describe('Ctrl-C on npm start drains (e2e, real process)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flowgate-drain-'));
  let web: FakeServer;
  let cli: StartedCli | undefined;
  beforeAll(async () => {
    web = await startHttpFake();
  });
  afterAll(async () => {
    if (cli?.child.exitCode === null) await stopCli(cli, 'SIGKILL');
    await web?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ready = async () => {
    cli = await startCli(dataDir, env);
    const settings = await callApi(cli.apiUrl, cli.key, '/api/v1/automation/settings', 'PUT', {
      is_enabled: true,
      session_duration: 3600,
    });
    expect(settings.status).toBe(200);
    expect((await chat(cli, 'warm up')).status).toBe(200);
    return cli;
  };

  it('refuses new connections at once, lets in-flight requests and background runs finish, then exits 0', async () => {
    const stack = await ready();
    const { answer } = await slowChat(stack, 2500);
    const runId = await backgroundRun(stack, web, 3000);

    stack.child.kill('SIGINT');
    await until('the API to stop accepting connections', async () => {
      return (await reach('127.0.0.1', portOf(stack.apiUrl))) === 'refused';
    });
    await expect(fetch(`${stack.apiUrl}/api/health`)).rejects.toThrow();

    const res = await answer;
    expect(res.status).toBe(200);
    expect((await jsonOf(res)).choices[0].message.content).toBe('Echo: take your time');
    expect(await stack.exited).toBe(0);
    expect(javaProcessesMentioning(dataDir)).toEqual([]);
    expect(stack.output()).toContain(
      `SIGINT: no new requests; waiting up to ${DRAIN_GRACE_MS / 1000} s for those in flight, then stopping`,
    );

    // The background run finished before the stack went: its log says so after a restart.
    const again = await ready();
    const log = await callApi(again.apiUrl, again.key, `/api/execution-logs/${runId}`);
    expect(log.body).toMatchObject({ status: 'success' });
  }, 120_000);

  it('cuts what is still running when the grace is over, and exits promptly', async () => {
    const stack = cli ?? (await ready());
    const { answer } = await slowChat(stack, 60_000);
    await backgroundRun(stack, web, 60_000);

    const signalled = Date.now();
    stack.child.kill('SIGINT');
    const cutAfter = await answer.then(
      () => 'answered',
      () => Date.now() - signalled,
    );
    expect(cutAfter).toEqual(expect.any(Number));
    expect(cutAfter).toBeGreaterThanOrEqual(DRAIN_GRACE_MS - 1000);
    expect(await stack.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(DRAIN_GRACE_MS + 6000);
    expect(javaProcessesMentioning(dataDir)).toEqual([]);
  }, 120_000);
});
