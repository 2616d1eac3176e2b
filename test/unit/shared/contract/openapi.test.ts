import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { routes, takesJsonBody, type RouteDef } from '../../../../infra/routes';
import { contracts, contractsByTag } from '../../../../shared/contract';
import { buildOpenApiDocument } from '../../../../shared/contract/openapi';
import { errorStyleFor } from '../../../../shared/http/render-error';
import { validateOpenApi } from '../../../support/openapi-validator';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const doc = buildOpenApiDocument(routes) as Json;
const operation = (route: RouteDef): Json => doc.paths[route.path]?.[route.method.toLowerCase()];
const byRoute = routes.map((route) => [route.name, route] as const);

/** Follows a local `$ref` (`#/components/...`). */
function resolve(node: Json): Json {
  if (typeof node?.$ref !== 'string') return node;
  return resolve(
    (node.$ref as string)
      .slice(2)
      .split('/')
      .reduce((at: Json, key) => at[key], doc),
  );
}

/**
 * The schemas a handler passes to http()/httpStream(), read from its source: each
 * identifier is looked up in the module the handler imports it from, so the contract
 * must hold the very same constant.
 */
function handlerSchemas(route: RouteDef): Record<string, unknown> {
  const file = path.join(ROOT, route.handler);
  const source = readFileSync(file, 'utf8');
  const literal = /schema:\s*\{([^}]*)\}/.exec(source)?.[1];
  if (!literal) return {};
  const imports = new Map<string, string>();
  for (const [, names, from] of source.matchAll(/import\s*\{([^}]+)\}\s*from\s*'([^']+)'/g)) {
    for (const name of names!.split(',').map((n) => n.trim().replace(/^type\s+/, ''))) {
      if (name) imports.set(name, from!);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [, part, name] of literal.matchAll(/(body|query|path):\s*(\w+)/g)) {
    const from = imports.get(name!);
    if (!from) throw new Error(`${route.handler}: schema ${name} is not imported (define it in shared/)`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    out[part!] = require(path.resolve(path.dirname(file), from))[name!];
  }
  return out;
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', () => {
    expect(validateOpenApi(doc)).toEqual({ valid: true, errors: null });
    expect(doc.openapi).toBe('3.1.0');
  });

  it('has one contract per route and no other', () => {
    expect(Object.keys(contracts).sort()).toEqual(routes.map((r) => r.name).sort());
    const names = Object.values(contractsByTag).flatMap((domain) => Object.keys(domain));
    expect(names).toHaveLength(new Set(names).size);
  });

  it('has every route as an operation, and nothing else', () => {
    const operations = Object.entries(doc.paths as Json).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(operations.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it.each(byRoute)('%s: its request is described with the schemas its handler validates', (name, route) => {
    const op = operation(route);
    expect(op.operationId).toBe(name);
    const contract = contracts[name]!;
    const validated = handlerSchemas(route);
    expect(Object.keys(contract.request ?? {}).sort()).toEqual(Object.keys(validated).sort());
    for (const part of Object.keys(validated) as ('body' | 'query' | 'path')[]) {
      expect(contract.request?.[part]).toBe(validated[part]);
    }

    const pathParams = [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1]);
    const params = (op.parameters ?? []) as Json[];
    expect(params.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(pathParams);
    expect(params.filter((p) => p.in === 'path').every((p) => p.required && p.schema.type === 'string')).toBe(
      true,
    );
    if (contract.request?.query) expect(params.some((p) => p.in === 'query')).toBe(true);

    if (takesJsonBody(route)) {
      expect(contract.request?.body).toBeDefined();
      expect(resolve(op.requestBody.content['application/json'].schema).type).toBe('object');
    } else if (route.auth === 'webhook') {
      expect(op.requestBody.content['*/*']).toBeDefined();
    } else {
      expect(op.requestBody).toBeUndefined();
    }
  });

  it.each(byRoute)('%s: its responses have schemas, and its errors the right dialect', (_name, route) => {
    const responses = operation(route).responses as Json;
    const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
    expect(success.length).toBeGreaterThan(0);
    for (const status of success) {
      const response = resolve(responses[status]);
      if (status === '204') expect(response.content).toBeUndefined();
      else expect(resolve(response.content['application/json'].schema)).toEqual(expect.any(Object));
    }
    const errors = ['400', '413', '429', '500', '502', '503', '504'];
    if (route.auth === 'apiKey') errors.push('401', '403');
    if (route.path.includes('{')) errors.push('404');
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(errors));
    const dialect = errorStyleFor(route.path) === 'openai' ? 'OpenAiError' : 'StandardError';
    for (const status of Object.keys(responses).filter((s) => /^[45]/.test(s))) {
      expect(responses[status].$ref).toBe(`#/components/responses/${dialect}${status}`);
      expect(JSON.stringify(resolve(responses[status]))).toContain(`#/components/schemas/${dialect}`);
    }
  });

  it.each(byRoute)('%s: its security is its auth', (_name, route) => {
    const security = operation(route).security;
    if (route.auth === 'apiKey') expect(security).toEqual([{ apiKey: [] }]);
    if (route.auth === 'webhook') expect(security).toEqual([{ webhookSignature: [] }, {}]);
    if (route.auth === 'public') expect(security).toEqual([]);
  });

  it('names both security schemes: the API key and the webhook signature', () => {
    expect(doc.components.securitySchemes).toEqual({
      apiKey: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      webhookSignature: expect.objectContaining({
        type: 'apiKey',
        in: 'header',
        name: 'X-Flowgate-Signature',
      }),
    });
  });

  it('describes response objects strictly: an undocumented field is an error', () => {
    // Passed through as others wrote them: an upstream's completion, this document itself.
    const open = new Set([
      'ChatCompletion',
      'TextCompletion',
      'EmbeddingList',
      'ResponseObject',
      'GetOpenApi200',
    ]);
    const inputs = (id: string) => /(Body|Input)$/.test(id);
    const loose: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Json;
      if (schema.type === 'object' && schema.properties && schema.additionalProperties !== false)
        loose.push(where);
      for (const [key, child] of Object.entries(schema)) walk(child, `${where}/${key}`);
    };
    for (const [id, schema] of Object.entries(doc.components.schemas as Json)) {
      if (!open.has(id) && !inputs(id)) walk(schema, id);
    }
    expect(loose).toEqual([]);
  });
});

describe('GET /api/openapi.json', () => {
  it('serves the document, cacheable, without an API key', async () => {
    const { handler } = await import('../../../../functions/get-openapi');
    const event = JSON.parse(readFileSync(path.join(ROOT, 'test/events/get-open-api.json'), 'utf8'));
    const result = await handler(event as APIGatewayProxyEvent, { awsRequestId: 'aws-1' } as Context);
    expect(result.statusCode).toBe(200);
    expect(result.headers).toEqual(
      expect.objectContaining({ 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' }),
    );
    expect(JSON.parse(result.body)).toEqual(doc);
  });
});
