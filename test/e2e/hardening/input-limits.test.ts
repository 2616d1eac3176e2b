// First: a clean gateway environment (see ../gateway/isolated-env.ts), put back at the end.
import { isolatedEnv } from '../gateway/isolated-env';

const restoreEnv = isolatedEnv({});

import { randomUUID } from 'node:crypto';
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
  UpdateApiKey: [() => newId('key'), 'key_not_found'],
  RotateProviderCredential: [() => newCredentialId('openai', 'api_key'), 'credential_not_found'],
  DeleteProviderCredential: [() => newCredentialId('openai', 'api_key'), 'credential_not_found'],
  GetExecutionPlan: [() => newSortableId('plan'), 'plan_not_found'],
  UpdateExecutionPlan: [() => newSortableId('plan'), 'plan_not_found'],
  DeleteExecutionPlan: [() => newSortableId('plan'), 'plan_not_found'],
  CreatePlanWebhook: [() => newSortableId('plan'), 'plan_not_found'],
  DeletePlanWebhook: [() => newSortableId('plan'), 'plan_not_found'],
  ScheduleExecutionPlan: [() => newSortableId('plan'), 'plan_not_found'],
  UnscheduleExecutionPlan: [() => newSortableId('plan'), 'plan_not_found'],
  TriggerWebhook: [() => newWebhookToken(randomUUID(), newSortableId('plan')), 'webhook_not_found'],
  GetExecutionLog: [() => newSortableId('run'), 'execution_log_not_found'],
  GetCustomIntegration: [() => newId('int'), 'integration_not_found'],
  UpdateCustomIntegration: [() => newId('int'), 'integration_not_found'],
  DeleteCustomIntegration: [() => newId('int'), 'integration_not_found'],
  GetAutomationTrace: [() => newSortableId('trace'), 'trace_not_found'],
  GetModel: [() => 'a-model-nobody-mapped', 'model_not_found'],
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
    restoreEnv();
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
    // The OpenAI endpoints pass unknown fields through to the upstream (new OpenAI parameters work).
    const FORWARDED = new Set([
      'CreateChatCompletion',
      'CreateCompletion',
      'CreateEmbedding',
      'CreateResponse',
    ]);
    const routesWithBodies = routes.filter((r) => r.name in VALID_BODIES && !FORWARDED.has(r.name));

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
});
