import OpenAI from 'openai';
import type { LocalStack } from '../../../infra/local/local-stack';
import { routes, type RouteDef } from '../../../infra/routes';
import { newCredentialId } from '../../../shared/credentials/credential-ids';
import { newId } from '../../../shared/ids';
import { newSortableId } from '../../../shared/runs/sortable-id';
import { newWebhookToken } from '../../../shared/webhooks/webhook-secrets';
import { callApi } from '../../support/http';
import { startTestStack } from '../../support/local-stack';
import {
  fillPath,
  NO_BODY,
  pathParams,
  rawRequest,
  seedData,
  snapshot,
  VALID_BODIES,
  VALID_QUERIES,
  type SeededData,
} from './hardening-fixtures';
import { encodeComponent } from './malformed-arbitraries';

/** For every route with a path id: a well-formed id nobody has, and the 404 code it gets. */
const UNKNOWN_IDS: Record<string, [() => string, string]> = {
  RevokeApiKey: [() => newId('key'), 'key_not_found'],
  RotateProviderCredential: [() => newCredentialId('openai', 'api_key'), 'credential_not_found'],
  DeleteProviderCredential: [() => newCredentialId('openai', 'api_key'), 'credential_not_found'],
  GetExecutionPlan: [() => newSortableId('plan'), 'plan_not_found'],
  UpdateExecutionPlan: [() => newSortableId('plan'), 'plan_not_found'],
  DeleteExecutionPlan: [() => newSortableId('plan'), 'plan_not_found'],
  CreatePlanWebhook: [() => newSortableId('plan'), 'plan_not_found'],
  DeletePlanWebhook: [() => newSortableId('plan'), 'plan_not_found'],
  ScheduleExecutionPlan: [() => newSortableId('plan'), 'plan_not_found'],
  UnscheduleExecutionPlan: [() => newSortableId('plan'), 'plan_not_found'],
  TriggerWebhook: [newWebhookToken, 'webhook_not_found'],
  GetExecutionLog: [() => newSortableId('run'), 'execution_log_not_found'],
  GetCustomIntegration: [() => newId('int'), 'integration_not_found'],
  UpdateCustomIntegration: [() => newId('int'), 'integration_not_found'],
  DeleteCustomIntegration: [() => newId('int'), 'integration_not_found'],
  GetAutomationTrace: [() => newSortableId('trace'), 'trace_not_found'],
  DeleteAutomationTrace: [() => newSortableId('trace'), 'trace_not_found'],
  UpdateDeploymentStatus: [() => newSortableId('trace'), 'trace_not_found'],
};

const MALFORMED_IDS = [
  ['256 astral characters', '😀'.repeat(256)],
  ['2,000 bytes of CJK', '中'.repeat(700)],
  ['an id of another kind', newSortableId('audit')],
  ['a table key', 'USER#someone'],
  ['__proto__', '__proto__'],
] as const;

const nested = (depth: number) => '['.repeat(depth) + '"deep"' + ']'.repeat(depth);
/** A plan-shaped body whose params hold `value` at a total depth of 4 + the depth of value. */
const stepsWith = (value: string) =>
  `[{"id":"a","provider":"data","action":"transform","params":{"value":${value}}}]`;

describe('input limits on every route (e2e)', () => {
  let stack: LocalStack;
  let data: SeededData;

  beforeAll(async () => {
    stack = await startTestStack();
    data = await seedData(stack);
  }, 60_000);
  afterAll(async () => {
    await stack?.adapters.drain();
    await stack?.stop();
  });

  function send(route: RouteDef, id: string, body?: string) {
    const query = VALID_QUERIES[route.name];
    const path = fillPath(route, () => encodeComponent(id)) + (query ? `?${query}` : '');
    const validBody = VALID_BODIES[route.name];
    return rawRequest(stack.apiUrl, {
      method: route.method,
      path,
      headers: {
        'Content-Type': 'application/json',
        ...(route.auth === 'apiKey' ? { Authorization: `Bearer ${data.key}` } : {}),
      },
      body:
        body ??
        (validBody === undefined
          ? route.name === 'TriggerWebhook'
            ? '{}'
            : undefined
          : JSON.stringify(validBody)),
    });
  }

  it('knows every route with a path id, and every route that may take a body', () => {
    const withIds = routes.filter((r) => pathParams(r).length > 0).map((r) => r.name);
    expect(withIds.sort()).toEqual(Object.keys(UNKNOWN_IDS).sort());
    for (const route of routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method))) {
      expect([route.name, route.name in VALID_BODIES || NO_BODY.has(route.name)]).toEqual([route.name, true]);
    }
  });

  describe.each(Object.entries(UNKNOWN_IDS))('%s', (name, [unknownId, code]) => {
    const route = routes.find((r) => r.name === name)!;

    it.each(MALFORMED_IDS)(
      `a malformed id (%s) is the same ${code} 404 as an unknown one`,
      async (_what, id) => {
        const unknown = await send(route, unknownId());
        expect(unknown.status).toBe(404);
        expect(JSON.parse(unknown.text).error.code).toBe(code);
        const malformed = await send(route, id);
        expect({ status: malformed.status, text: malformed.text }).toEqual({
          status: unknown.status,
          text: unknown.text,
        });
      },
    );
  });

  describe('unknown body fields are refused the same way on every route', () => {
    // Chat completions pass unknown fields through to the upstream (new OpenAI parameters work).
    const routesWithBodies = routes.filter(
      (r) => r.name in VALID_BODIES && r.name !== 'CreateChatCompletion',
    );

    it.each(routesWithBodies.map((r) => [r.name, r] as const))('%s', async (_name, route) => {
      const before = await snapshot(stack, data);
      const validBody = VALID_BODIES[route.name] as Record<string, unknown>;
      const id = UNKNOWN_IDS[route.name]?.[0]() ?? '';
      const res = await send(route, id, JSON.stringify({ ...validBody, undocumented_field: true }));
      expect(res.status).toBe(400);
      const { error } = JSON.parse(res.text);
      expect(error.code).toBe('validation_error');
      expect(error.message).toContain('undocumented_field');
      expect(await snapshot(stack, data)).toEqual(before);
    });

    it('an unknown schedule_config field is refused on deploy and on plan schedules', async () => {
      const schedule = {
        schedule_type: 'daily',
        schedule_time: '09:00',
        schedule_config: { timeZone: 'UTC' },
      };
      const deploy = await callApi(stack.apiUrl, data.key, '/automation/deploy', 'POST', {
        trace_id: data.traceId,
        ...schedule,
      });
      const plan = await callApi(
        stack.apiUrl,
        data.key,
        `/api/execution-plans/${data.planId}/schedule`,
        'POST',
        schedule,
      );
      for (const res of [deploy, plan]) {
        expect(res.status).toBe(400);
        expect(res.body.error.details.issues).toContainEqual(
          expect.objectContaining({ path: 'body.schedule_config', code: 'unrecognized_keys' }),
        );
      }
      expect(
        (await callApi(stack.apiUrl, data.key, `/automation/traces/${data.traceId}`)).body.deployment_status,
      ).toBe('draft');
    });
  });

  describe('JSON depth: 64 levels pass everywhere, deeper is a 400 before anything runs', () => {
    const post = (path: string, body: string, auth = true) =>
      rawRequest(stack.apiUrl, {
        method: 'POST',
        path,
        headers: {
          'Content-Type': 'application/json',
          ...(auth ? { Authorization: `Bearer ${data.key}` } : {}),
        },
        body,
      });
    // body {} > steps [] > step {} > params {} > value: 4 levels, so value may be 60 deep.
    const atLimit = nested(60);
    const targets = () =>
      [
        ['plan steps', '/api/execution-plans', (v: string) => `{"name":"deep","steps":${stepsWith(v)}}`, 60],
        ['trace steps', '/automation/traces', (v: string) => `{"name":"deep","steps":${stepsWith(v)}}`, 60],
        ['run-now steps', '/api/execute-plan', (v: string) => `{"steps":${stepsWith(v)}}`, 60],
        // A webhook body is the top level: {"order":{"a":{"b": value}}} is 3 + the depth of value.
        [
          'a webhook body',
          `/api/webhook/${data.webhookToken}`,
          (v: string) => `{"order":{"a":{"b":${v}}}}`,
          61,
        ],
      ] as const;

    it.each([0, 1, 2, 3])(
      '%#: 6,000 levels (the reported 12 KB body) and 65 are 400 json_too_deep',
      async (i) => {
        const [what, path, wrap, limit] = targets()[i]!;
        const auth = !path.startsWith('/api/webhook/');
        for (const depth of [6000, limit + 1]) {
          const res = await post(path, wrap(nested(depth)), auth);
          expect([what, depth, res.status, JSON.parse(res.text).error.code]).toEqual([
            what,
            depth,
            400,
            'json_too_deep',
          ]);
        }
      },
    );

    it('a plan at exactly 64 levels is saved and read back unchanged', async () => {
      const created = await post('/api/execution-plans', `{"name":"deep","steps":${stepsWith(atLimit)}}`);
      expect(created.status).toBe(201);
      const read = await callApi(
        stack.apiUrl,
        data.key,
        `/api/execution-plans/${JSON.parse(created.text).id}`,
      );
      expect(read.body.steps).toEqual(JSON.parse(stepsWith(atLimit)));
    });

    it('a trace at exactly 64 levels is saved', async () => {
      expect((await post('/automation/traces', `{"name":"deep","steps":${stepsWith(atLimit)}}`)).status).toBe(
        201,
      );
    });

    it('a run of steps at 64 levels succeeds: templating, engine, redaction and output caps all survive it', async () => {
      const res = await post('/api/execute-plan', `{"steps":${stepsWith(atLimit)}}`);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text).status).toBe('success');
    });

    it('streaming chat too: the official SDK gets a 400 json_too_deep in the OpenAI error shape', async () => {
      const client = new OpenAI({ baseURL: `${stack.apiUrl}/api/v1`, apiKey: data.key, maxRetries: 0 });
      const content = JSON.parse(nested(70)) as string;
      const error = await client.chat.completions
        .create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content }] })
        .then(
          () => undefined,
          (err: unknown) => err,
        );
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ status: 400, code: 'json_too_deep', param: 'body' });
    });

    it('a webhook body at exactly 64 levels starts the run', async () => {
      const res = await post(
        `/api/webhook/${data.webhookToken}?wait=true`,
        `{"order":{"a":{"b":${nested(61)}}}}`,
        false,
      );
      expect([200, 202]).toContain(res.status);
    });
  });

  describe('lone surrogates', () => {
    it('are refused in a plan name, a step param and a key, and nothing is stored', async () => {
      const list = async () => (await callApi(stack.apiUrl, data.key, '/api/execution-plans')).text;
      const before = await list();
      for (const body of [
        `{"name":"bad \\ud800","steps":${stepsWith('1')}}`,
        `{"name":"p","steps":${stepsWith('"\\udc00"')}}`,
        `{"name":"p","steps":${stepsWith('{"\\udbff":1}')}}`,
      ]) {
        const res = await rawRequest(stack.apiUrl, {
          method: 'POST',
          path: '/api/execution-plans',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${data.key}` },
          body,
        });
        expect([body, res.status, JSON.parse(res.text).error.code]).toEqual([body, 400, 'invalid_unicode']);
      }
      expect(await list()).toBe(before);
    });

    it('are refused in a webhook body before any run starts', async () => {
      const res = await rawRequest(stack.apiUrl, {
        method: 'POST',
        path: `/api/webhook/${data.webhookToken}`,
        headers: { 'Content-Type': 'application/json' },
        body: '{"order":"\\ud83d"}',
      });
      expect([res.status, JSON.parse(res.text).error.code]).toEqual([400, 'invalid_unicode']);
    });

    it('a properly paired astral character is stored and echoed as it came', async () => {
      const created = await callApi(stack.apiUrl, data.key, '/api/execution-plans', 'POST', {
        name: '😀 plan 𝄞',
        steps: [{ id: 'a', provider: 'data', action: 'transform', params: { value: '🎉' } }],
      });
      expect(created.status).toBe(201);
      const read = await callApi(stack.apiUrl, data.key, `/api/execution-plans/${created.body.id}`);
      expect(read.body.name).toBe('😀 plan 𝄞');
      expect(read.body.steps[0].params.value).toBe('🎉');
    });
  });
});
