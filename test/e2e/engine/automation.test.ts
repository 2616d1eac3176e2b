// Read at load by the shared runtime: loopback fakes must pass the outbound guard, and
// every log line is captured so the test can prove no secret is ever written.
process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.0/8';
process.env.LOG_LEVEL = 'debug';

import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../../../infra/local/local-stack';
import { signBody } from '../../../shared/webhooks/webhook-secrets';
import { startHttpFake } from '../../support/fakes/http-fake';
import { startOpenAiFake } from '../../support/fakes/openai-fake';
import type { FakeServer } from '../../support/fakes/fake-server';
import { bearer, createUserWithKey, testRepositoryDeps } from '../../support/identity';
import { startTestStack } from '../../support/local-stack';
import { githubHeaders, slackHeaders, stripeHeaders, unixNow } from '../../support/webhook-signers';

const SECRET = 'sk-e2e-0123456789abcdefSECRETVALUE';
const CUSTOM_SECRET = 'crm-e2e-ffffeeeeddddccccINTEGRATION';
const ROTATED = 'sk-e2e-rotated-9876543210zyxwvuNEWVAL';
// Webhook secrets the user brings from the sender: stored, never shown back or logged.
const GITHUB_SECRET = 'gh-e2e-webhook-secret-4d8f2a61BROUGHT';
const SLACK_SECRET = 'slack-e2e-signing-secret-7c1e93b0BROUGHT';
const STRIPE_SECRET = 'whsec_e2e0123456789stripeBROUGHT';

describe('automation engine (e2e)', () => {
  let stack: LocalStack;
  let llm: FakeServer;
  let web: FakeServer;
  let user: { key: string; userId: string };
  const logLines: string[] = [];
  const responses: string[] = [];
  let writeSpy: jest.SpyInstance;

  async function api(
    path: string,
    init: {
      method?: string;
      body?: unknown;
      key?: string;
      headers?: Record<string, string>;
      raw?: string;
    } = {},
  ) {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method: init.method ?? (init.body === undefined && init.raw === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.key === '' ? {} : bearer(init.key ?? user.key)),
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...init.headers,
      },
      ...(init.raw !== undefined
        ? { body: init.raw }
        : init.body === undefined
          ? {}
          : { body: JSON.stringify(init.body) }),
    });
    const text = await res.text();
    responses.push(text);
    return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
  }

  beforeAll(async () => {
    writeSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logLines.push(String(chunk));
      return true;
    });
    llm = await startOpenAiFake({ apiKey: SECRET, reply: (m) => `summary of ${m.at(-1)?.content ?? ''}` });
    web = await startHttpFake();
    stack = await startTestStack();
    const created = await createUserWithKey('engine');
    user = { key: created.key, userId: created.user.userId };
  });

  afterAll(async () => {
    await stack?.stop();
    await llm?.close();
    await web?.close();
    writeSpy?.mockRestore();
  });

  let credentialId: string;
  let planId: string;

  it('stores a credential encrypted and shows only its last 4 characters', async () => {
    const res = await api('/api/provider-credentials', {
      body: { provider: 'openai_compatible', value: SECRET, name: 'local llm' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      provider: 'openai_compatible',
      credential_type: 'api_key',
      last4: SECRET.slice(-4),
      name: 'local llm',
    });
    credentialId = res.body.id;
    expect(res.text).not.toContain(SECRET);

    const duplicate = await api('/api/provider-credentials', {
      body: { provider: 'openai_compatible', value: SECRET },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({
      code: 'credential_exists',
      message:
        'A credential of type api_key for provider openai_compatible already exists; rotate it with PUT',
    });
    const list = await api('/api/provider-credentials');
    expect(list.body.credentials).toEqual([
      expect.objectContaining({ id: credentialId, last4: SECRET.slice(-4) }),
    ]);
  }, 20_000);

  it('rejects credentials for unknown providers or the wrong type', async () => {
    expect(
      (await api('/api/provider-credentials', { body: { provider: 'nope', value: 'abcdefgh12' } })).status,
    ).toBe(400);
    const wrongType = await api('/api/provider-credentials', {
      body: { provider: 'openai_compatible', credential_type: 'oauth', value: 'abcdefgh12' },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.code).toBe('wrong_credential_type');
    expect(
      (await api('/api/provider-credentials', { body: { provider: 'data', value: 'abcdefgh12' } })).status,
    ).toBe(400);
  });

  let customProvider: string;

  it('stores a credential for a custom integration under its provider name', async () => {
    const integration = await api('/api/custom-integrations', {
      body: { name: 'crm', base_url: `${web.url}/crm`, auth: { type: 'bearer' }, default_headers: {} },
    });
    expect(integration.status).toBe(201);
    customProvider = `custom_${integration.body.id}`;
    const cred = await api('/api/provider-credentials', {
      body: { provider: customProvider, value: CUSTOM_SECRET },
    });
    expect(cred.status).toBe(201);
    expect(cred.body).toMatchObject({
      provider: customProvider,
      credential_type: 'custom',
      last4: CUSTOM_SECRET.slice(-4),
    });
  });

  it('runs a plan across several providers and logs every step', async () => {
    const created = await api('/api/execution-plans', {
      body: {
        name: 'summarize and post',
        steps: [
          { id: 'input', provider: 'data', action: 'transform', params: { value: { topic: 'tides', n: 3 } } },
          {
            id: 'ask',
            provider: 'openai_compatible',
            action: 'chat_completion',
            params: {
              base_url: `${llm.url}/v1`,
              model: 'gpt-test',
              prompt: 'Explain {{steps.input.output.topic}}',
            },
          },
          {
            id: 'post',
            provider: 'http',
            action: 'request',
            params: {
              method: 'POST',
              url: `${web.url}/echo/{{run.id}}`,
              body: { text: '{{steps.ask.output.content}}', count: '{{steps.input.output.n}}' },
            },
          },
          {
            id: 'crm',
            provider: customProvider,
            action: 'request',
            params: {
              method: 'POST',
              path: '/echo/contacts',
              body: { note: '{{steps.ask.output.content}}' },
            },
          },
          {
            id: 'check',
            provider: 'data',
            action: 'condition',
            params: { left: '{{steps.post.output.status}}', op: 'eq', right: 200, on_false: 'stop' },
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    planId = created.body.id;

    const run = await api('/api/execute-plan', { body: { plan_id: planId } });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      status: 'success',
      plan_id: planId,
      trigger: 'manual',
      log_id: run.body.id,
    });
    expect(run.body.steps.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      ['input', 'success'],
      ['ask', 'success'],
      ['post', 'success'],
      ['crm', 'success'],
      ['check', 'success'],
    ]);
    const crmCall = web.requests.find((r) => r.path === '/crm/echo/contacts');
    expect(crmCall?.headers.authorization).toBe(`Bearer ${CUSTOM_SECRET}`);
    expect(JSON.parse(crmCall!.body)).toEqual({ note: 'summary of Explain tides' });
    // The key reached the upstream, and only there.
    expect(llm.last().headers.authorization).toBe(`Bearer ${SECRET}`);
    const post = web.requests.find((r) => r.path === `/echo/${run.body.id}`);
    expect(JSON.parse(post!.body)).toEqual({ text: 'summary of Explain tides', count: 3 });

    const log = await api(`/api/execution-logs/${run.body.id}`);
    expect(log.status).toBe(200);
    expect(log.body.steps[1]).toMatchObject({
      id: 'ask',
      provider: 'openai_compatible',
      attempts: 1,
      output: expect.objectContaining({ content: 'summary of Explain tides' }),
      usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 },
    });
    expect(log.body.steps[0]).not.toHaveProperty('usage');
    expect(log.body.usage).toEqual({ prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 });
    for (const step of log.body.steps) {
      expect(step.duration_ms).toEqual(expect.any(Number));
      expect(step.started_at).toEqual(expect.any(String));
    }
    const listed = await api(`/api/execution-logs?plan_id=${planId}`);
    expect(listed.body.logs.map((l: { id: string }) => l.id)).toContain(run.body.id);
  });

  it('rotates the credential; the next run uses the new value', async () => {
    const rotated = await api(`/api/provider-credentials/${credentialId}`, {
      method: 'PUT',
      body: { value: ROTATED },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.last4).toBe(ROTATED.slice(-4));
    const run = await api('/api/execute-plan', { body: { plan_id: planId } });
    // The fake only accepts the old key: the new one is really what was sent.
    expect(run.body.status).toBe('failed');
    expect(llm.last().headers.authorization).toBe(`Bearer ${ROTATED}`);
    expect(run.text).not.toContain(ROTATED);
    await api(`/api/provider-credentials/${credentialId}`, { method: 'PUT', body: { value: SECRET } });
  });

  it('keeps template-injection strings literal', async () => {
    const injections = [
      "{{constructor.constructor('return process')().env}}",
      '{{ this.__proto__ }}',
      '${process.env.TABLE_NAME}',
      '{{#with "s" as |string|}}{{/with}}',
      '{{ 7*7 }}',
    ];
    const run = await api('/api/execute-plan', {
      body: { steps: [{ id: 'x', provider: 'data', action: 'transform', params: { value: injections } }] },
    });
    expect(run.status).toBe(200);
    expect(run.body.steps[0].output).toEqual(injections);
  });

  it('retries a 500, honours a 429 Retry-After, and fails a timeout, logging each', async () => {
    const step = (extra: Record<string, unknown>, url: string) => ({
      id: 'call',
      provider: 'http',
      action: 'request',
      params: { url },
      retry: { max_attempts: 3, backoff_ms: 50 },
      ...extra,
    });
    web.respondNext({ status: 500, body: { error: 'boom' } });
    const retried = await api('/api/execute-plan', { body: { steps: [step({}, `${web.url}/echo/a`)] } });
    expect(retried.body).toMatchObject({ status: 'success' });
    expect(retried.body.steps[0]).toMatchObject({ status: 'success', attempts: 2 });

    web.respondNext({ status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '1' } });
    const limited = await api('/api/execute-plan', { body: { steps: [step({}, `${web.url}/echo/b`)] } });
    expect(limited.body.steps[0]).toMatchObject({ status: 'success', attempts: 2 });
    expect(limited.body.steps[0].duration_ms).toBeGreaterThanOrEqual(1000);

    const slow = await api('/api/execute-plan', {
      body: {
        steps: [
          step({ timeout_ms: 200, retry: { max_attempts: 2, backoff_ms: 10 } }, `${web.url}/slow?ms=3000`),
        ],
      },
    });
    expect(slow.status).toBe(200);
    expect(slow.body).toMatchObject({ status: 'failed' });
    expect(slow.body.steps[0]).toMatchObject({ status: 'failed', attempts: 2 });
    expect(slow.body.steps[0].error).toMatch(/timed out after 200 ms/);
    const log = await api(`/api/execution-logs/${slow.body.id}`);
    expect(log.body.status).toBe('failed');
  });

  it('rejects bad inputs with a 4xx and stores nothing', async () => {
    const before = (await api('/api/execution-plans?limit=100')).body.plans.length;
    const bad = [
      { name: 'x', steps: [{ id: 'a', provider: 'nope', action: 'x', params: {} }] },
      { name: 'x', steps: [{ id: 'a', provider: 'http', action: 'fly', params: {} }] },
      { name: 'x', steps: [{ id: 'a', provider: 'http', action: 'request', params: { url: 42 } }] },
      {
        name: 'x',
        steps: [
          { id: 'a', provider: 'data', action: 'transform', params: { value: '{{steps.b.output}}' } },
          { id: 'b', provider: 'data', action: 'transform', params: { value: 1 } },
        ],
      },
      {
        name: 'x',
        steps: [
          { id: 'a', provider: 'data', action: 'transform', params: { value: 1 } },
          { id: 'a', provider: 'data', action: 'transform', params: { value: 1 } },
        ],
      },
      {
        name: 'x',
        steps: Array.from({ length: 26 }, (_, i) => ({
          id: `s${i}`,
          provider: 'data',
          action: 'transform',
          params: { value: i },
        })),
      },
      { name: 'x', steps: [] },
      { name: 'x', steps: [{ id: 'a b', provider: 'data', action: 'transform', params: {} }] },
    ];
    for (const body of bad) {
      const res = await api('/api/execution-plans', { body });
      expect(res.status).toBe(400);
    }
    const unknown = await api('/api/execution-plans', { body: bad[0] });
    expect(unknown.body.error.message).toContain('step "a" (steps.0): unknown provider "nope"');

    const oversize = await api('/api/execution-plans', {
      body: {
        name: 'x',
        steps: [{ id: 'a', provider: 'data', action: 'transform', params: { value: 'y'.repeat(1_100_000) } }],
      },
    });
    expect(oversize.status).toBe(413);
    const bigPlan = await api('/api/execution-plans', {
      body: {
        name: 'x',
        steps: [{ id: 'a', provider: 'data', action: 'transform', params: { value: 'y'.repeat(70_000) } }],
      },
    });
    expect(bigPlan.status).toBe(400);
    const runsBefore = (await api('/api/execution-logs?limit=100')).body.logs.length;
    expect((await api('/api/execute-plan', { body: { steps: bad[0]!.steps } })).status).toBe(400);
    expect((await api('/api/execute-plan', { body: {} })).status).toBe(400);
    expect((await api('/api/execute-plan', { body: { plan_id: 'plan_nope' } })).status).toBe(404);
    expect((await api('/api/execution-plans?limit=100')).body.plans.length).toBe(before);
    expect((await api('/api/execution-logs?limit=100')).body.logs.length).toBe(runsBefore);
  });

  describe('webhooks', () => {
    let hook: { token: string; url: string; secret: string };

    it('creates a token and a secret once, and runs the plan on a signed call', async () => {
      const plan = await api('/api/execution-plans', {
        body: {
          name: 'on order',
          steps: [
            {
              id: 'echo',
              provider: 'data',
              action: 'transform',
              params: { value: { order: '{{trigger.body.id}}', q: '{{trigger.query.src}}' } },
            },
          ],
        },
      });
      const created = await api(`/api/execution-plans/${plan.body.id}/webhook`, { body: {} });
      expect(created.status).toBe(201);
      hook = created.body;
      expect(hook.url).toBe(`/api/webhook/${hook.token}`);
      expect(hook.secret).toMatch(/^whsec_/);
      expect((await api(`/api/execution-plans/${plan.body.id}`)).text).not.toContain(hook.token);

      const payload = JSON.stringify({ id: 42 });
      const fired = await api(`${hook.url}?src=shop`, {
        key: '',
        raw: payload,
        headers: {
          'Content-Type': 'application/json',
          'X-Flowgate-Signature': signBody(hook.secret, payload),
        },
      });
      expect(fired.status).toBe(202);
      await stack.adapters.drain();
      const log = await api(`/api/execution-logs/${fired.body.run_id}`);
      expect(log.body).toMatchObject({ status: 'success', trigger: 'webhook' });
      expect(log.body.steps[0].output).toEqual({ order: 42, q: 'shop' });

      const waited = await api(`${hook.url}?wait=true&src=direct`, {
        key: '',
        raw: payload,
        headers: { 'X-Flowgate-Signature': signBody(hook.secret, payload) },
      });
      expect(waited.status).toBe(200);
      expect(waited.body).toMatchObject({ status: 'success', trigger: 'webhook' });
      expect(waited.body.steps[0].output).toEqual({ order: 42, q: 'direct' });

      // A missing query value fails the step and names the path.
      const missing = await api(`${hook.url}?wait=true`, {
        key: '',
        raw: payload,
        headers: { 'X-Flowgate-Signature': signBody(hook.secret, payload) },
      });
      expect(missing.body.status).toBe('failed');
      expect(missing.body.steps[0].error).toContain('trigger.query.src');
    });

    it('answers 401 to a bad signature and 404 to an unknown token, starting nothing', async () => {
      const runsBefore = (await api('/api/execution-logs?limit=100')).body.logs.length;
      const payload = '{"id":1}';
      for (const signature of [
        undefined,
        'sha256=00',
        signBody('whsec_wrong', payload),
        signBody(hook.secret, '{"id":2}'),
      ]) {
        const res = await api(hook.url, {
          key: '',
          raw: payload,
          headers: signature ? { 'X-Flowgate-Signature': signature } : {},
        });
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('invalid_signature');
      }
      const unknown = await api('/api/webhook/wh_doesnotexist', { key: '', raw: payload });
      expect(unknown.status).toBe(404);
      const huge = 'x'.repeat(40_000);
      const tooBig = await api(hook.url, {
        key: '',
        raw: huge,
        headers: { 'X-Flowgate-Signature': signBody(hook.secret, huge) },
      });
      expect(tooBig.status).toBe(413);
      expect((await api('/api/execution-logs?limit=100')).body.logs.length).toBe(runsBefore);
    });

    const echoPlan = async (name: string) =>
      (
        await api('/api/execution-plans', {
          body: {
            name,
            steps: [
              { id: 'echo', provider: 'data', action: 'transform', params: { value: '{{trigger.body}}' } },
            ],
          },
        })
      ).body.id as string;

    it('takes GitHub-signed calls with the secret set at GitHub, never showing it back', async () => {
      const planId = await echoPlan('on push');
      const created = await api(`/api/execution-plans/${planId}/webhook`, {
        body: { verification: { mode: 'github', secret: GITHUB_SECRET } },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ secret: null, verification: { mode: 'github' } });
      expect((await api(`/api/execution-plans/${planId}`)).body.has_webhook).toBe(true);

      const payload = JSON.stringify({ ref: 'refs/heads/main', after: 'abc123' });
      const waited = await api(`${created.body.url}?wait=true`, {
        key: '',
        raw: payload,
        headers: {
          'Content-Type': 'application/json',
          'X-GitHub-Event': 'push',
          ...githubHeaders(GITHUB_SECRET, payload),
        },
      });
      expect(waited.status).toBe(200);
      expect(waited.body).toMatchObject({ status: 'success', trigger: 'webhook' });
      expect(waited.body.steps[0].output).toEqual({ ref: 'refs/heads/main', after: 'abc123' });

      const runsBefore = (await api('/api/execution-logs?limit=100')).body.logs.length;
      const forged: Record<string, string>[] = [
        {},
        githubHeaders('gh-e2e-the-wrong-secret-000000', payload),
        githubHeaders(GITHUB_SECRET, '{"ref":"refs/heads/evil"}'),
        { 'X-Flowgate-Signature': githubHeaders(GITHUB_SECRET, payload)['X-Hub-Signature-256'] },
      ];
      for (const headers of forged) {
        const refused = await api(created.body.url, { key: '', raw: payload, headers });
        expect(refused.status).toBe(401);
        expect(refused.body.error).toMatchObject({
          code: 'invalid_signature',
          message: expect.stringContaining('X-Hub-Signature-256'),
        });
      }
      expect((await api('/api/execution-logs?limit=100')).body.logs.length).toBe(runsBefore);
    });

    it("answers Slack's signed url_verification with its challenge and starts no run", async () => {
      const planId = await echoPlan('on slack event');
      const created = await api(`/api/execution-plans/${planId}/webhook`, {
        body: { verification: { mode: 'slack', secret: SLACK_SECRET } },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ secret: null, verification: { mode: 'slack' } });
      const runsBefore = (await api('/api/execution-logs?limit=100')).body.logs.length;

      const challenge = JSON.stringify({
        token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
        challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
        type: 'url_verification',
      });
      const answered = await api(created.body.url, {
        key: '',
        raw: challenge,
        headers: { 'Content-Type': 'application/json', ...slackHeaders(SLACK_SECRET, unixNow(), challenge) },
      });
      expect(answered.status).toBe(200);
      expect(answered.body).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });

      // Unsigned, or replayed past Slack's five minutes, the same challenge is refused.
      const unsigned = await api(created.body.url, { key: '', raw: challenge });
      expect(unsigned.status).toBe(401);
      expect(unsigned.body.error.code).toBe('invalid_signature');
      const replayed = await api(created.body.url, {
        key: '',
        raw: challenge,
        headers: slackHeaders(SLACK_SECRET, unixNow() - 600, challenge),
      });
      expect(replayed.status).toBe(401);
      expect(replayed.body.error.code).toBe('signature_expired');
      expect((await api('/api/execution-logs?limit=100')).body.logs.length).toBe(runsBefore);

      const event = JSON.stringify({ type: 'event_callback', event: { type: 'app_mention', text: 'hi' } });
      const queued = await api(created.body.url, {
        key: '',
        raw: event,
        headers: slackHeaders(SLACK_SECRET, unixNow(), event),
      });
      expect(queued.status).toBe(202);
      await stack.adapters.drain();
      const log = await api(`/api/execution-logs/${queued.body.run_id}`);
      expect(log.body.steps[0].output).toEqual({
        type: 'event_callback',
        event: { type: 'app_mention', text: 'hi' },
      });
    });

    it('takes Stripe-signed and static-header calls, and refuses a body that mixes both spellings', async () => {
      const planId = await echoPlan('on payment');
      const stripe = await api(`/api/execution-plans/${planId}/webhook`, {
        body: { verification: { mode: 'stripe', secret: STRIPE_SECRET } },
      });
      expect(stripe.body).toMatchObject({
        secret: null,
        verification: { mode: 'stripe', tolerance_seconds: 300 },
      });
      const payload = '{"id":"evt_1","type":"invoice.paid"}';
      const paid = await api(`${stripe.body.url}?wait=true`, {
        key: '',
        raw: payload,
        headers: stripeHeaders(STRIPE_SECRET, unixNow(), payload),
      });
      expect(paid.status).toBe(200);
      const stale = await api(stripe.body.url, {
        key: '',
        raw: payload,
        headers: stripeHeaders(STRIPE_SECRET, unixNow() - 301, payload),
      });
      expect([stale.status, stale.body.error.code]).toEqual([401, 'signature_expired']);

      const header = await api(`/api/execution-plans/${planId}/webhook`, {
        body: { verification: { mode: 'header', header_name: 'X-Hook-Key' } },
      });
      expect(header.body).toMatchObject({ verification: { mode: 'header', header_name: 'X-Hook-Key' } });
      expect(header.body.secret).toMatch(/^whsec_/);
      const ok = await api(`${header.body.url}?wait=true`, {
        key: '',
        raw: payload,
        headers: { 'X-Hook-Key': header.body.secret },
      });
      expect(ok.status).toBe(200);
      // Replaced: the Stripe webhook's token is gone.
      expect((await api(stripe.body.url, { key: '', raw: payload })).status).toBe(404);

      for (const body of [
        { require_signature: true, verification: { mode: 'flowgate' } },
        { verification: { mode: 'header', header_name: 'Authorization' } },
        { verification: { mode: 'stripe' } },
      ]) {
        const refused = await api(`/api/execution-plans/${planId}/webhook`, { body });
        expect(refused.status).toBe(400);
        expect(refused.body.error.code).toBe('validation_error');
      }
    });
  });

  it('never lets the secret reach a response, a log line or a stored item', async () => {
    await stack.adapters.drain();
    expect(responses.length).toBeGreaterThan(10);
    const brought = [GITHUB_SECRET, SLACK_SECRET, STRIPE_SECRET];
    for (const text of responses) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(ROTATED);
      expect(text).not.toContain(CUSTOM_SECRET);
      for (const secret of brought) expect(text).not.toContain(secret);
    }
    expect(logLines.length).toBeGreaterThan(10);
    for (const line of logLines) {
      expect(line).not.toContain(SECRET);
      expect(line).not.toContain(ROTATED);
      expect(line).not.toContain(CUSTOM_SECRET);
      for (const secret of brought) expect(line).not.toContain(secret);
    }
    const { client, tableName } = testRepositoryDeps();
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const dump = JSON.stringify(items);
    expect(dump).toContain(user.userId);
    expect(dump).not.toContain(SECRET);
    expect(dump).not.toContain(ROTATED);
    expect(dump).not.toContain(SECRET.slice(0, 20));
    expect(dump).not.toContain(CUSTOM_SECRET);
    for (const secret of [GITHUB_SECRET, SLACK_SECRET, STRIPE_SECRET]) expect(dump).not.toContain(secret);
  });
});
