/**
 * The whole deployment story on the local stack, with real time and the real local
 * scheduler: the LLM (stub upstream) drafts a trace, it is deployed on a one-time
 * schedule a few seconds ahead, the scheduler fires it into the execution function, the
 * run shows up with trigger `schedule`; a paused schedule does not fire, a resumed one
 * does; going back to draft deletes the schedule.
 */
// First: a clean gateway environment, so the stack points the gateway at this file's stubs.
import { isolatedEnv } from '../gateway/isolated-env';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalStack } from '../../../infra/local/local-stack';
import { callApi } from '../../support/http';
import { startTestStack } from '../../support/local-stack';

const restoreEnv = isolatedEnv({});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `at(...)` in UTC, `seconds` from now, on a whole second. */
function atExpression(seconds: number): { expression: string; time: number } {
  const time = Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000;
  return { expression: `at(${new Date(time).toISOString().slice(0, 19)})`, time };
}

describe('automation lifecycle: draft → deploy → fire → pause → resume → draft (e2e)', () => {
  let stack: LocalStack;
  let key: string;
  let hook: Server;
  let hookUrl: string;
  const hits: { at: number; body: string }[] = [];

  const api = (path: string, method = 'GET', body?: unknown) =>
    callApi(stack.apiUrl, key, path, method, body);

  async function scheduledRuns(traceId: string): Promise<{ id: string; trigger: string; status: string }[]> {
    const res = await api(`/api/execution-logs?trace_id=${traceId}`);
    expect(res.status).toBe(200);
    return res.body.logs.filter((l: { trigger: string }) => l.trigger === 'schedule');
  }

  async function waitForRuns(traceId: string, count: number, deadline: number) {
    while (Date.now() < deadline) {
      const runs = await scheduledRuns(traceId);
      if (runs.length >= count && runs.every((r) => r.status === 'success' || r.status === 'failed'))
        return runs;
      await sleep(200);
    }
    return scheduledRuns(traceId);
  }

  const deploy = (traceId: string, expression: string) =>
    api('/automation/deploy', 'POST', {
      trace_id: traceId,
      schedule_type: 'custom',
      schedule_time: '00:00',
      schedule_config: { customInterval: expression, timezone: 'UTC' },
      name: 'Ping the hook',
    });

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        hits.push({ at: Date.now(), body });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    stack = await startTestStack();
    // Loaded only now: the shared runtime reads its environment once, after the stack set it.
    const { createUserWithKey } = await import('../../support/identity');
    key = (await createUserWithKey('lifecycle')).key;
  });
  afterAll(async () => {
    await stack?.stop();
    await new Promise((resolve) => hook?.close(resolve));
    restoreEnv();
  });

  it('runs the drafted trace on its schedule, and honours pause, resume and draft', async () => {
    const plan = {
      name: 'Ping the hook',
      steps: [
        {
          id: 'ping',
          provider: 'http',
          action: 'request',
          params: { method: 'POST', url: hookUrl, body: { at: '{{run.scheduled_time}}' } },
        },
      ],
    };
    const drafted = await api('/automation/traces', 'POST', {
      model: 'gpt-4o',
      message: `Ping my hook on a schedule.\nSTUB_JSON: ${JSON.stringify(plan)}`,
    });
    expect(drafted.status).toBe(201);
    const traceId = drafted.body.id as string;
    expect(drafted.body).toMatchObject({ deployment_status: 'draft', steps: plan.steps });

    // Deploy on a one-time schedule 3 s ahead: it fires once, into a run with trigger `schedule`.
    const first = atExpression(3);
    const deployed = await deploy(traceId, first.expression);
    expect(deployed.status).toBe(200);
    expect(deployed.body).toEqual({
      success: true,
      message: 'Automation deployed successfully',
      deployment_status: 'deployed',
    });
    const afterFirst = await waitForRuns(traceId, 1, first.time + 10_000);
    expect(afterFirst).toHaveLength(1);
    expect(afterFirst[0]).toMatchObject({ status: 'success', trigger: 'schedule' });
    expect(hits).toHaveLength(1);
    expect(JSON.parse(hits[0]!.body)).toEqual({
      at: new Date(first.time).toISOString().replace('.000Z', 'Z'),
    });
    const log = await api(`/api/execution-logs/${afterFirst[0]!.id}`);
    expect(log.body).toMatchObject({ trace_id: traceId, trigger: 'schedule' });

    // Redeploy 4 s ahead, then pause at once: the fire time passes and nothing runs.
    const paused = atExpression(4);
    expect((await deploy(traceId, paused.expression)).status).toBe(200);
    const pause = await api(`/automation/deployment-status/${traceId}?status=paused`, 'PATCH');
    expect(pause.body).toEqual({ success: true, message: "Deployment status updated to 'paused'" });
    expect((await api(`/automation/traces/${traceId}`)).body).toMatchObject({
      deployment_status: 'paused',
      next_run: null,
    });
    await sleep(paused.time + 2500 - Date.now());
    expect(await scheduledRuns(traceId)).toHaveLength(1);
    expect(hits).toHaveLength(1);

    // Deploy 6 s ahead, pause, resume: it fires at its time.
    const resumed = atExpression(6);
    expect((await deploy(traceId, resumed.expression)).status).toBe(200);
    expect((await api(`/automation/deployment-status/${traceId}?status=paused`, 'PATCH')).status).toBe(200);
    const resume = await api(`/automation/deployment-status/${traceId}?status=deployed`, 'PATCH');
    expect(resume.body).toEqual({ success: true, message: "Deployment status updated to 'deployed'" });
    const afterResume = await waitForRuns(traceId, 2, resumed.time + 10_000);
    expect(afterResume).toHaveLength(2);
    expect(hits).toHaveLength(2);

    // The trace shows its deployment and its last run.
    const shown = await api(`/automation/traces/${traceId}`);
    expect(shown.body).toMatchObject({
      id: traceId,
      deployment_status: 'deployed',
      schedule_type: 'custom',
      schedule_config: { customInterval: resumed.expression, timezone: 'UTC' },
      deployed_at: expect.any(String),
    });
    expect(JSON.stringify(shown.body)).toContain(afterResume[0]!.id);

    // Back to draft: the schedule is gone from the scheduler and from the job list.
    const jobsBefore = await api('/api/scheduler/jobs');
    expect(jobsBefore.body.total).toBe(1);
    const toDraft = await api(`/automation/deployment-status/${traceId}?status=draft`, 'PATCH');
    expect(toDraft.body).toEqual({ success: true, message: "Deployment status updated to 'draft'" });
    expect(await stack.adapters.scheduler.list()).toEqual([]);
    expect((await api('/api/scheduler/jobs')).body).toEqual({ total: 0, jobs: [] });
    expect((await api(`/automation/traces/${traceId}`)).body).toMatchObject({
      deployment_status: 'draft',
      deployed_at: null,
      next_run: null,
    });
    const trail = await api('/api/audit');
    expect(trail.body.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['automation.deploy', 'automation.status_change']),
    );
  }, 60_000);
});
