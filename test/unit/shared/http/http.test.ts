import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import * as z from 'zod';
import { NotFoundError } from '../../../../shared/errors';
import { http } from '../../../../shared/http/http';
import { noContent, ok } from '../../../../shared/http/response';

function event(overrides: Partial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent {
  return {
    resource: '/api/things/{id}',
    path: '/api/things/t1',
    httpMethod: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Custom': 'yes' },
    multiValueHeaders: {},
    queryStringParameters: { limit: '5' },
    multiValueQueryStringParameters: { limit: ['5'] },
    pathParameters: { id: 't1' },
    stageVariables: null,
    body: JSON.stringify({ name: 'n' }),
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1', authorizer: { userId: 'u1', keyId: 'k1' } } as never,
    ...overrides,
  };
}
const context = { awsRequestId: 'aws-1' } as Context;

const schema = {
  body: z.object({ name: z.string() }),
  query: z.object({ limit: z.coerce.number().int().max(10) }),
  path: z.object({ id: z.string() }),
};

describe('http() wrapper', () => {
  const echo = http(
    async (req) =>
      ok({
        ...req.body,
        ...req.query,
        ...req.path,
        user: req.identity.userId,
        custom: req.headers['x-custom'],
      }),
    {
      schema,
    },
  );

  it('parses, validates and passes identity, with a request id on the response', async () => {
    const res = await echo(event(), context);
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({ 'X-Request-Id': 'req-1', 'Content-Type': 'application/json' });
    expect(JSON.parse(res.body)).toEqual({ name: 'n', limit: 5, id: 't1', user: 'u1', custom: 'yes' });
  });

  it('reads base64-encoded bodies', async () => {
    const res = await echo(
      event({ body: Buffer.from('{"name":"b64"}').toString('base64'), isBase64Encoded: true }),
      context,
    );
    expect(JSON.parse(res.body).name).toBe('b64');
  });

  it('lists every validation issue in a 400', async () => {
    const res = await echo(event({ body: '{"name":1}', queryStringParameters: { limit: '50' } }), context);
    expect(res.statusCode).toBe(400);
    const { error } = JSON.parse(res.body);
    expect(error.code).toBe('validation_error');
    expect(error.details.issues.map((i: { path: string }) => i.path)).toEqual(['query.limit', 'body.name']);
  });

  it('fails closed without the authorizer identity', async () => {
    const res = await echo(
      event({ requestContext: { requestId: 'req-2', authorizer: null } as never }),
      context,
    );
    expect(res.statusCode).toBe(401);
  });

  it('serves public routes without identity and renders 204 without a body', async () => {
    const handler = http(async (req) => (req.identity === undefined ? noContent() : ok({})), {
      auth: 'public',
    });
    const res = await handler(event({ requestContext: { requestId: 'r' } as never }), context);
    expect(res).toMatchObject({ statusCode: 204, body: '' });
    expect(res.headers?.['Content-Type']).toBeUndefined();
  });

  it('enforces the body size limit with 413', async () => {
    const small = http(async () => ok({}), {
      schema: { body: z.object({}).passthrough() },
      maxBodyBytes: 1024,
    });
    const res = await small(event({ body: JSON.stringify({ big: 'x'.repeat(2000) }) }), context);
    expect(res.statusCode).toBe(413);
  });

  it('renders an unexpected failure as a 500 that leaks nothing', async () => {
    const broken = http(async () => {
      throw new Error('secret connection string postgres://admin:pw@db');
    });
    const res = await broken(event(), context);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('postgres');
    expect(JSON.parse(res.body).error).toEqual({
      code: 'internal_error',
      message: 'Internal server error',
      details: { request_id: 'req-1' },
    });
  });

  it('keeps a header the handler set on its response, and on the error it ends with', async () => {
    const fine = http(async ({ setHeader }) => {
      setHeader('X-Flowgate-Routed-Model', 'direct/gpt-4o');
      return ok({});
    });
    const failing = http(async ({ setHeader }) => {
      setHeader('X-Flowgate-Routed-Model', 'direct/gpt-4o');
      throw new NotFoundError('Session not found');
    });
    for (const [handler, status] of [
      [fine, 200],
      [failing, 404],
    ] as const) {
      const res = await handler(event(), context);
      expect(res.statusCode).toBe(status);
      expect(res.headers).toMatchObject({
        'X-Flowgate-Routed-Model': 'direct/gpt-4o',
        'X-Request-Id': 'req-1',
      });
    }
  });
});
