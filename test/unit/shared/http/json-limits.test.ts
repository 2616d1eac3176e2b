import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import * as z from 'zod';
import { InvalidUnicodeError, JsonTooDeepError } from '../../../../shared/errors';
import { http } from '../../../../shared/http/http';
import { assertJsonLimits, hasLoneSurrogate, MAX_JSON_DEPTH } from '../../../../shared/http/json-limits';
import { ok } from '../../../../shared/http/response';
import { webhookTriggerBody } from '../../../../shared/webhooks/webhook-trigger';

/** `depth` nested arrays around a string: `[["x"]]` is depth 2. */
const nestedArrays = (depth: number) => '['.repeat(depth) + '"x"' + ']'.repeat(depth);
/** `depth` nested objects: `{"a":{"a":1}}` is depth 2. */
const nestedObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

const HIGH = '\\ud83d'; // escaped inside JSON text: the parser makes it a lone surrogate
const LOW = '\\ude00';
const PAIRED = '\\ud83d\\ude00'; // 😀

function event(overrides: Partial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent {
  return {
    resource: '/api/things/{id}',
    path: '/api/things/t1',
    httpMethod: 'POST',
    headers: { 'Content-Type': 'application/json' },
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: { id: 't1' },
    stageVariables: null,
    body: '{}',
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1', authorizer: { userId: 'u1', keyId: 'k1' } } as never,
    ...overrides,
  };
}
const context = { awsRequestId: 'aws-1' } as Context;

const echo = http(async (req) => ok({ body: req.body, query: req.query, path: req.path }), {
  schema: {
    body: z.unknown(),
    query: z.record(z.string(), z.string()),
    path: z.object({ id: z.string() }),
  },
});

async function call(overrides: Partial<APIGatewayProxyEvent>) {
  const res = await echo(event(overrides), context);
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

describe('JSON depth at the edge', () => {
  it.each([
    ['arrays', nestedArrays],
    ['objects', nestedObjects],
  ])('accepts %s nested exactly MAX_JSON_DEPTH (64) deep', async (_kind, nested) => {
    expect(MAX_JSON_DEPTH).toBe(64);
    const res = await call({ body: nested(64) });
    expect(res.status).toBe(200);
    expect(res.body.body).toEqual(JSON.parse(nested(64)));
  });

  it.each([
    ['arrays', nestedArrays],
    ['objects', nestedObjects],
  ])('refuses %s nested 65 deep with 400 json_too_deep', async (_kind, nested) => {
    const res = await call({ body: nested(65) });
    expect(res).toEqual({
      status: 400,
      body: {
        error: {
          code: 'json_too_deep',
          message: 'Request body is nested deeper than 64 levels',
          details: { part: 'body', max_depth: 64 },
        },
      },
    });
  });

  it('refuses the reported 12 KB body nested 6,000 deep with a 400, not a stack overflow', async () => {
    const res = await call({ body: nestedObjects(6000) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('json_too_deep');
  });

  it('answers in the OpenAI shape on gateway routes', async () => {
    const res = await call({ resource: '/api/v1/chat/completions', body: nestedArrays(65) });
    expect(res).toEqual({
      status: 400,
      body: {
        error: {
          message: 'Request body is nested deeper than 64 levels',
          type: 'invalid_request_error',
          param: 'body',
          code: 'json_too_deep',
          details: { part: 'body', max_depth: 64 },
        },
      },
    });
  });

  it('is itself iterative: a million levels are refused without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(() => assertJsonLimits(deep)).toThrow(JsonTooDeepError);
  });

  it('counts depth, not size: a wide, shallow body passes', () => {
    const wide = { items: Array.from({ length: 50_000 }, (_, i) => ({ i, tags: ['a', 'b'] })) };
    expect(() => assertJsonLimits(wide)).not.toThrow();
  });
});

describe('lone surrogates at the edge', () => {
  it.each([
    ['a lone high surrogate in a value', `{"name":"a${HIGH}b"}`],
    ['a lone low surrogate in a value', `{"name":"${LOW}"}`],
    ['a reversed pair in a value', `{"name":"${LOW}${HIGH}"}`],
    ['a lone surrogate deep in an array', `{"steps":[{"params":{"list":["ok","${HIGH}"]}}]}`],
    ['a lone high surrogate in a key', `{"a${HIGH}":1}`],
    ['a lone low surrogate in a nested key', `{"outer":{"${LOW}":1}}`],
    ['a lone surrogate as the whole body', `"${HIGH}"`],
  ])('refuses %s with 400', async (_name, body) => {
    const res = await call({ body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_unicode', details: { part: 'body' } });
    // The answer is well-formed itself: nothing of the bad text is echoed.
    expect(hasLoneSurrogate(JSON.stringify(res.body))).toBe(false);
  });

  it('refuses a lone surrogate in a query value', async () => {
    const res = await call({ queryStringParameters: { q: 'x\ud800' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_unicode', details: { part: 'query' } });
  });

  it('refuses a lone surrogate in a query name, and in a repeated value', async () => {
    expect((await call({ queryStringParameters: { ['\udc00']: 'x' } })).body.error.code).toBe(
      'invalid_unicode',
    );
    const res = await call({
      queryStringParameters: { q: 'fine' },
      multiValueQueryStringParameters: { q: ['\ud800', 'fine'] },
    });
    expect(res.body.error).toMatchObject({ code: 'invalid_unicode', details: { part: 'query' } });
  });

  it('refuses a lone surrogate in a path parameter', async () => {
    const res = await call({ pathParameters: { id: 't\udfff' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_unicode', details: { part: 'path' } });
  });

  it('accepts properly paired astral characters everywhere', async () => {
    const res = await call({
      body: `{"${PAIRED}":"${PAIRED} and 🎉"}`,
      queryStringParameters: { q: '😀' },
      pathParameters: { id: '𝄞' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ body: { '😀': '😀 and 🎉' }, query: { q: '😀' }, path: { id: '𝄞' } });
  });

  it('leaves routes without a body schema alone: their body is never parsed', async () => {
    const noBody = http(async () => ok({ done: true }));
    const res = await noBody(event({ body: nestedArrays(100) + `"${HIGH}"` }), context);
    expect(res.statusCode).toBe(200);
  });
});

describe('webhook trigger bodies get the same limits', () => {
  it('parses JSON within the limits', () => {
    expect(webhookTriggerBody(nestedArrays(64), 'application/json')).toEqual(JSON.parse(nestedArrays(64)));
    expect(webhookTriggerBody(`{"e":"${PAIRED}"}`, undefined)).toEqual({ e: '😀' });
  });

  it('refuses JSON nested past the limit, labelled or not', () => {
    expect(() => webhookTriggerBody(nestedObjects(6000), 'application/json')).toThrow(JsonTooDeepError);
    expect(() => webhookTriggerBody(nestedArrays(65), undefined)).toThrow(JsonTooDeepError);
  });

  it('refuses JSON with a lone surrogate in a value or a key', () => {
    expect(() => webhookTriggerBody(`{"a":"${HIGH}"}`, 'application/json')).toThrow(InvalidUnicodeError);
    expect(() => webhookTriggerBody(`{"${LOW}":1}`, undefined)).toThrow(InvalidUnicodeError);
  });

  it('keeps text that is not JSON as text', () => {
    expect(webhookTriggerBody('[[[[ not json', undefined)).toBe('[[[[ not json');
    expect(webhookTriggerBody('plain \\ud800 text', 'text/plain')).toBe('plain \\ud800 text');
  });
});
