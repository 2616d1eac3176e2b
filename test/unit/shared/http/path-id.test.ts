import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import * as z from 'zod';
import type * as zt from 'zod';
import { CredentialPath } from '../../../../shared/credentials/credential-service';
import { credentialNotFound } from '../../../../shared/credentials/credential-repository';
import { newCredentialId } from '../../../../shared/credentials/credential-ids';
import { TracePath as DeploymentTracePath } from '../../../../shared/deployment/deployment-schemas';
import { http } from '../../../../shared/http/http';
import { MAX_PATH_ID_BYTES, pathIdSchema } from '../../../../shared/http/path-id';
import { ok } from '../../../../shared/http/response';
import { apiKeyNotFound, isApiKeyId } from '../../../../shared/identity/api-key-repository';
import { newId } from '../../../../shared/ids';
import { IntegrationPath } from '../../../../shared/integrations/integration-path';
import { integrationNotFound } from '../../../../shared/integrations/integration-repository';
import { planNotFound, PlanRepository } from '../../../../shared/plans/plan-repository';
import { PlanPath } from '../../../../shared/plans/plan-service';
import { newSortableId } from '../../../../shared/runs/sortable-id';
import { TracePath } from '../../../../shared/traces/trace-body';
import { traceNotFound } from '../../../../shared/traces/trace-repository';
import { WebhookTokenPath, webhookNotFound } from '../../../../shared/webhooks/webhook-repository';
import { newWebhookToken } from '../../../../shared/webhooks/webhook-secrets';

/** 256 astral-plane characters: 512 UTF-16 units, 1,024 UTF-8 bytes (the reported 500). */
const ASTRAL_ID = '😀'.repeat(256);

/** DynamoDB at the repository seam: answers "no such item" and counts what was sent. */
function countingClient() {
  const sent: unknown[] = [];
  const client = {
    send: async (command: unknown) => {
      sent.push(command);
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  return { sent, client };
}

function event(planId: string, body?: string): APIGatewayProxyEvent {
  return {
    resource: '/api/execution-plans/{plan_id}',
    path: `/api/execution-plans/${planId}`,
    httpMethod: body === undefined ? 'GET' : 'PUT',
    headers: { 'Content-Type': 'application/json' },
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: { plan_id: planId },
    stageVariables: null,
    body: body ?? null,
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1', authorizer: { userId: 'u1', keyId: 'k1' } } as never,
  };
}
const context = { awsRequestId: 'aws-1' } as Context;

describe('path ids: malformed is the same 404 as unknown, before any I/O', () => {
  const db = countingClient();
  const plans = new PlanRepository({ client: db.client, tableName: 't' });
  const getPlan = http(async ({ path, identity }) => ok(await plans.require(identity.userId, path.plan_id)), {
    schema: { path: PlanPath },
  });
  const putPlan = http(async ({ path, identity }) => ok(await plans.require(identity.userId, path.plan_id)), {
    schema: { path: PlanPath, body: z.strictObject({ name: z.string() }) },
  });
  beforeEach(() => db.sent.splice(0));

  it('lets a minted id through to the repository (unknown there: its 404)', async () => {
    const res = await getPlan(event(newSortableId('plan')), context);
    expect(db.sent).toHaveLength(1);
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'plan_not_found', message: 'Execution plan not found', details: null },
    });
  });

  it.each([
    ['256 astral characters (1,024 UTF-8 bytes)', ASTRAL_ID],
    ['a very long id', 'plan_' + 'a'.repeat(4000)],
    ['another kind of id', newSortableId('trace')],
    ['a minted shape with upper-case hex', newSortableId('plan').toUpperCase().replace('PLAN_', 'plan_')],
    ['a bare word', 'nope'],
    ['an empty id', ''],
    ['a key-like string', 'PLAN#x'],
  ])('%s: the same status and body as an unknown id, and no DynamoDB call', async (_name, id) => {
    const unknown = await getPlan(event(newSortableId('plan')), context);
    db.sent.splice(0);
    const malformed = await getPlan(event(id), context);
    expect(db.sent).toHaveLength(0);
    expect(malformed.statusCode).toBe(unknown.statusCode);
    expect(malformed.body).toBe(unknown.body);
  });

  it('a missing path parameter is the same 404', async () => {
    const res = await getPlan({ ...event('x'), pathParameters: null }, context);
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body).error.code).toBe('plan_not_found');
    expect(db.sent).toHaveLength(0);
  });

  it('answers like an unknown id with a bad body too: the body 400 first', async () => {
    const unknown = await putPlan(event(newSortableId('plan'), '{"name":1}'), context);
    const malformed = await putPlan(event(ASTRAL_ID, '{"name":1}'), context);
    expect(unknown.statusCode).toBe(400);
    expect(JSON.parse(malformed.body).error.details).toEqual(JSON.parse(unknown.body).error.details);
    expect(JSON.parse(malformed.body).error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.name',
    ]);
    const good = await putPlan(event(ASTRAL_ID, '{"name":"n"}'), context);
    expect(JSON.parse(good.body).error.code).toBe('plan_not_found');
    expect(db.sent).toHaveLength(0);
  });
});

describe('every path id kind: its minted ids pass, anything else is its own 404', () => {
  const cases: [string, zt.ZodType, string, string, () => { code: string; message: string }][] = [
    ['plan_id', PlanPath, 'plan_id', newSortableId('plan'), planNotFound],
    ['trace_id', TracePath, 'trace_id', newSortableId('trace'), traceNotFound],
    ['trace_id (deployment routes)', DeploymentTracePath, 'trace_id', newSortableId('trace'), traceNotFound],
    ['integration_id', IntegrationPath, 'integration_id', newId('int'), integrationNotFound],
    ['credential id', CredentialPath, 'id', newCredentialId('openai', 'api_key'), credentialNotFound],
    [
      'webhook token',
      WebhookTokenPath,
      'token',
      newWebhookToken('u-1', newSortableId('plan')),
      webhookNotFound,
    ],
    ['webhook token without address', WebhookTokenPath, 'token', `wh_${'a'.repeat(43)}`, webhookNotFound],
  ];

  it.each(cases)('%s', async (_name, schema, param, minted, notFound) => {
    expect(schema.safeParse({ [param]: minted })).toEqual({ success: true, data: { [param]: minted } });
    const expected = notFound();
    const route = http(async () => ok({}), { schema: { path: schema } });
    for (const bad of [ASTRAL_ID, `${minted}x`, minted.slice(0, -1), 'x'.repeat(MAX_PATH_ID_BYTES + 1)]) {
      const res = await route({ ...event(''), pathParameters: { [param]: bad } }, context);
      expect([bad, res.statusCode]).toEqual([bad, 404]);
      expect(JSON.parse(res.body).error).toEqual({
        code: expected.code,
        message: expected.message,
        details: null,
      });
    }
  });

  it('api key ids: key_ and 24 hex only', () => {
    expect(isApiKeyId(newId('key'))).toBe(true);
    expect(isApiKeyId(newId('int'))).toBe(false);
    expect(isApiKeyId(ASTRAL_ID)).toBe(false);
    expect(apiKeyNotFound()).toMatchObject({ statusCode: 404, code: 'key_not_found' });
  });

  it('the longest credential id the service can mint fits the byte limit', () => {
    const longest = newCredentialId('p'.repeat(150), 't'.repeat(149));
    expect(Buffer.byteLength(longest)).toBeLessThanOrEqual(MAX_PATH_ID_BYTES);
    expect(CredentialPath.safeParse({ id: longest }).success).toBe(true);
  });

  it('builds a schema for any parameter name', () => {
    const Custom = pathIdSchema('thing', { wellFormed: (id) => id === 'ok', notFound: planNotFound });
    expect(Custom.safeParse({ thing: 'ok' }).success).toBe(true);
    expect(Custom.safeParse({ thing: 42 }).success).toBe(false);
  });
});
