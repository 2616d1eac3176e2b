import {
  createCustomProvider,
  integrationIdOf,
  customProviderName,
} from '../../../../../shared/providers/custom';
import type { CustomIntegrationConfig } from '../../../../../shared/providers/custom';
import { validateStep } from '../../../../../shared/providers/registry';
import { jsonBody, type FakeServer } from '../../../../support/fakes/fake-server';
import { startHttpFake } from '../../../../support/fakes/http-fake';
import { runAction } from '../../../../support/fakes/provider-context';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startHttpFake();
});
afterAll(() => fake.close());

const config = (overrides: Partial<CustomIntegrationConfig> = {}): CustomIntegrationConfig => ({
  id: 'int_abc',
  name: 'Acme CRM',
  baseUrl: `${fake.url}/echo/v2`,
  auth: { type: 'bearer' },
  defaultHeaders: { 'X-Client': 'flowgate', Accept: 'application/vnd.acme+json' },
  ...overrides,
});

describe('custom provider names', () => {
  it('maps ids and names both ways', () => {
    expect(customProviderName('int_1')).toBe('custom_int_1');
    expect(integrationIdOf('custom_int_1')).toBe('int_1');
    expect(integrationIdOf('custom_')).toBeUndefined();
    expect(integrationIdOf('slack')).toBeUndefined();
  });
});

describe('custom_<id>.request', () => {
  it('calls base_url + path with default headers, the step headers and bearer auth', async () => {
    const provider = createCustomProvider(config());
    const result = await runAction(
      provider,
      'request',
      {
        method: 'post',
        path: '/contacts',
        query: { dry: true },
        headers: { 'X-Step': '1' },
        body: { name: 'Ada' },
      },
      { credential: 'acme-secret-1' },
    );
    const req = fake.last();
    expect(req).toMatchObject({ method: 'POST', path: '/echo/v2/contacts' });
    expect(Object.fromEntries(req.query)).toEqual({ dry: 'true' });
    expect(req.headers).toMatchObject({
      authorization: 'Bearer acme-secret-1',
      'x-client': 'flowgate',
      'x-step': '1',
      accept: 'application/vnd.acme+json',
      'content-type': 'application/json',
    });
    expect(jsonBody(req)).toEqual({ name: 'Ada' });
    expect(result).toMatchObject({
      success: true,
      message: 'Acme CRM POST /contacts responded 200',
      output: { status: 200, body: { path: '/echo/v2/contacts' } },
    });
  });

  it('applies header auth under the configured name', async () => {
    const provider = createCustomProvider(config({ auth: { type: 'header', name: 'X-Api-Key' } }));
    await runAction(provider, 'request', { path: '/x' }, { credential: 'k1' });
    expect(fake.last().headers['x-api-key']).toBe('k1');
    expect(fake.last().headers.authorization).toBeUndefined();
  });

  it('applies basic auth from a user:password credential', async () => {
    await runAction(
      createCustomProvider(config({ auth: { type: 'basic' } })),
      'request',
      { path: '/x' },
      { credential: 'ada:pw' },
    );
    expect(fake.last().headers.authorization).toBe(`Basic ${Buffer.from('ada:pw').toString('base64')}`);
  });

  it('applies query auth, sends no credential for none, and needs one otherwise', async () => {
    await runAction(
      createCustomProvider(config({ auth: { type: 'query', name: 'token' } })),
      'request',
      { path: '/q' },
      { credential: 'k2' },
    );
    expect(fake.last().query.get('token')).toBe('k2');
    const open = createCustomProvider(config({ auth: { type: 'none' } }));
    expect(open.credentialType).toBe('none');
    await runAction(open, 'request', {}, { credential: 'ignored' });
    expect(fake.last()).toMatchObject({ method: 'GET', path: '/echo/v2/' });
    expect(fake.last().headers.authorization).toBeUndefined();
    await expect(runAction(createCustomProvider(config()), 'request', { path: '/x' })).rejects.toThrow(
      'No credential stored for provider custom_int_abc',
    );
  });

  it('keeps the stored auth over a step header of the same name', async () => {
    await runAction(
      createCustomProvider(config()),
      'request',
      { path: '/x', headers: { Authorization: 'Bearer forged' } },
      { credential: 'real' },
    );
    expect(fake.last().headers.authorization).toBe('Bearer real');
  });

  it('sends text bodies as text', async () => {
    await runAction(
      createCustomProvider(config()),
      'request',
      { method: 'PUT', path: '/t', body: 'raw' },
      { credential: 'k' },
    );
    expect(fake.last()).toMatchObject({ body: 'raw' });
    expect(fake.last().headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('keeps every path on the integration host', async () => {
    const provider = createCustomProvider(config({ baseUrl: fake.url }));
    await runAction(provider, 'request', { path: '//evil.example.test/x' }, { credential: 'k' });
    expect(fake.last().path).toBe('/evil.example.test/x');
    for (const path of ['no-slash', '/a?b=1', '/a#frag', '/a b', 'http://evil/']) {
      expect(validateStep(provider, 'request', { path }).success).toBe(false);
    }
  });

  it('fails the step on a 4xx and is still behind the guard', async () => {
    const provider = createCustomProvider(config({ baseUrl: `${fake.url}/status`, auth: { type: 'none' } }));
    expect(await runAction(provider, 'request', { path: '/404' })).toMatchObject({ success: false });
    const internal = createCustomProvider(
      config({ baseUrl: 'http://169.254.169.254/latest', auth: { type: 'none' } }),
    );
    await expect(runAction(internal, 'request', { path: '/meta-data' })).rejects.toThrow(
      /Outbound request blocked/,
    );
  });
});
