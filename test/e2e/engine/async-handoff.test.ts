// A tiny request budget, so "run now" hands the rest of a run to the execution function.
process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.0/8';
process.env.RUN_SYNC_BUDGET_MS = '300';

import type { LocalStack } from '../../../infra/local/local-stack';
import { handler as executeRun } from '../../../functions/execute-run';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { startHttpFake } from '../../support/fakes/http-fake';
import type { FakeServer } from '../../support/fakes/fake-server';
import { jsonOf } from '../../support/http';
import { bearer, createUserWithKey } from '../../support/identity';
import { startTestStack } from '../../support/local-stack';

describe('run now past its budget (e2e)', () => {
  let stack: LocalStack;
  let web: FakeServer;
  let key: string;

  beforeAll(async () => {
    web = await startHttpFake();
    stack = await startTestStack();
    key = (await createUserWithKey('async')).key;
  });
  afterAll(async () => {
    await stack?.stop();
    await web?.close();
  });

  async function api(path: string, method = 'GET', body?: unknown) {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { ...bearer(key), 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await jsonOf(res) };
  }

  it('answers 202 and finishes in the background, running every step exactly once', async () => {
    const steps = ['one', 'two', 'three'].map((id) => ({
      id,
      provider: 'http',
      action: 'request',
      params: { url: `${web.url}/slow?ms=250&step=${id}` },
    }));
    const started = await api('/api/execute-plan', 'POST', { steps });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ run_id: expect.stringMatching(/^run_/), status: 'running' });
    const midway = await api(`/api/execution-logs/${started.body.run_id}`);
    expect(['running', 'success']).toContain(midway.body.status);

    await stack.adapters.drain();
    const done = await api(`/api/execution-logs/${started.body.run_id}`);
    expect(done.body.status).toBe('success');
    expect(done.body.steps.map((s: { status: string; attempts: number }) => [s.status, s.attempts])).toEqual([
      ['success', 1],
      ['success', 1],
      ['success', 1],
    ]);
    expect(web.requests.map((r) => r.query.get('step'))).toEqual(['one', 'two', 'three']);
  });

  it('ignores a second delivery of the same hand-off and rejects malformed payloads', async () => {
    const context = lambdaContext('ExecuteRun', 300, 1024);
    await expect(executeRun({ source: 'flowgate.run', userId: 'u' }, context)).rejects.toThrow(
      /Invalid execution payload/,
    );
    await expect(executeRun({ source: 'other' }, context)).rejects.toThrow(/Invalid execution payload/);
    const replay = await executeRun(
      {
        source: 'flowgate.run',
        userId: 'nobody',
        runId: 'run_0mwt1bxc00123456789abcdef0123',
        handoffToken: '0'.repeat(32),
      },
      context,
    );
    expect(replay).toMatchObject({ claimed: false });
  });
});
