import type { LocalStack } from '../../../infra/local/local-stack';
import type { FakeServer } from '../../support/fakes/fake-server';
import { startHttpFake } from '../../support/fakes/http-fake';
import { jsonOf } from '../../support/http';
import { startTestStack } from '../../support/local-stack';

/**
 * Custom integrations on the local stack, which (like `npm start`) allows loopback for
 * outbound calls. Shared modules are loaded only after the stack has configured the
 * environment, as handlers are.
 */
describe('custom integrations on the local stack (e2e)', () => {
  let stack: LocalStack;
  let fake: FakeServer;

  beforeAll(async () => {
    stack = await startTestStack();
    fake = await startHttpFake();
  });
  afterAll(async () => {
    await fake.close();
    await stack.stop();
  });

  async function call(path: string, method = 'GET', body?: unknown) {
    // The cached authorizer policy currently keeps the HTTP method (stageWildcardArn in
    // shared/identity/authorize.ts), so each call starts uncached.
    stack.api.clearAuthorizerCache();
    return fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${stack.demo.key}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  it('allows loopback for outbound calls, and says so in the environment', () => {
    expect(process.env.OUTBOUND_ALLOW_CIDRS).toBe('127.0.0.0/8,::1/128');
  });

  it('registers a loopback service and calls it as custom_<id> with its stored auth, through the guard', async () => {
    const res = await call('/api/custom-integrations', 'POST', {
      name: 'Local inventory',
      base_url: `${fake.url}/echo/inventory`,
      auth: { type: 'query', name: 'key' },
      default_headers: { 'X-Tenant': 'demo' },
    });
    expect(res.status).toBe(201);
    const integration = await jsonOf(res);

    const listing = await jsonOf(await call('/api/providers'));
    expect(listing.providers.map((p: { name: string }) => p.name)).toContain(integration.provider);

    // What the engine does for a step naming this provider: resolve it for the user,
    // validate the params, execute with the user's credential and the guarded client.
    const { resolveProvider, validateStep } = await import('../../../shared/providers/registry');
    const { IntegrationRepository } = await import('../../../shared/integrations/integration-repository');
    const { outboundHttp } = await import('../../../shared/net/outbound-http');
    const { Logger } = await import('../../../shared/logger');
    const { createDocumentClient } = await import('../../../shared/clients/dynamodb');
    const client = createDocumentClient();
    try {
      const integrations = new IntegrationRepository({ client, tableName: stack.tableName });
      const provider = await resolveProvider(integration.provider, stack.demo.userId, { integrations });
      expect(provider).toBeDefined();
      const checked = validateStep(provider!, 'request', {
        method: 'POST',
        path: '/items',
        body: { sku: 'A1' },
      });
      if (!checked.success) throw new Error(JSON.stringify(checked.issues));
      const result = await provider!.actions.request!.execute(checked.params, {
        userId: stack.demo.userId,
        runId: 'run_e2e',
        stepId: 'restock',
        credential: 'inv-key-123',
        http: outboundHttp(),
        signal: new AbortController().signal,
        log: new Logger({}, 'silent'),
      });
      expect(result).toMatchObject({ success: true, output: { status: 200 } });
      const seen = fake.last();
      expect(seen).toMatchObject({ method: 'POST', path: '/echo/inventory/items', body: '{"sku":"A1"}' });
      expect(seen.query.get('key')).toBe('inv-key-123');
      expect(seen.headers['x-tenant']).toBe('demo');
      expect(await resolveProvider(integration.provider, 'someone-else', { integrations })).toBeUndefined();
    } finally {
      client.destroy();
    }
  });

  it('still refuses the metadata address, loopback allowlist or not', async () => {
    const res = await call('/api/custom-integrations', 'POST', {
      name: 'Metadata',
      base_url: 'http://169.254.169.254/latest',
    });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error.details.issues[0]).toMatchObject({
      path: 'body.base_url',
      message: '169.254.169.254 is a non-public address (linkLocal)',
    });
  });
});
