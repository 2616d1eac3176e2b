import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import {
  BUILT_IN_PROVIDER_NAMES,
  CODE_PROVIDER_NAMES,
  getProvider,
  listProviders,
  providerListingFor,
  providers,
  resolveProvider,
  validateStep,
  type CustomIntegrationConfig,
  type CustomIntegrationSource,
} from '../../../../shared/providers/registry';

const integration = (id: string, name = 'CRM'): CustomIntegrationConfig => ({
  id,
  name,
  baseUrl: 'https://crm.example.test/api',
  auth: { type: 'bearer' },
  defaultHeaders: {},
});

/** Two users' integrations in memory, scoped like the repository: by owner first. */
function source(byUser: Record<string, CustomIntegrationConfig[]>): CustomIntegrationSource {
  return {
    find: async (userId, id) => byUser[userId]?.find((i) => i.id === id),
    list: async (userId) => byUser[userId] ?? [],
  };
}
const deps = {
  integrations: source({ alice: [integration('int_a1')], bob: [integration('int_b1', 'Bob CRM')] }),
};

describe('the static registry', () => {
  it('has every code-backed provider, each under its own name, and every seed name', () => {
    expect(CODE_PROVIDER_NAMES).toEqual([
      'openai',
      'groq',
      'openai_compatible',
      'http',
      'webhook',
      'slack',
      'notion',
      'stripe',
      'discord',
      'telegram',
      'github',
      'data',
    ]);
    for (const [key, provider] of Object.entries(providers)) expect(provider.name).toBe(key);
    for (const seedName of ['openai', 'groq', 'slack', 'notion', 'webhook', 'stripe'])
      expect(getProvider(seedName)?.name).toBe(seedName);
  });

  it('calls a code-backed provider wire-tested only when its test drives it against a loopback fake', () => {
    // openai, groq and openai_compatible are tested together in the factory's test.
    const testOf = (name: string) =>
      ['openai', 'groq', 'openai_compatible'].includes(name)
        ? 'openai-compatible/factory.test.ts'
        : `${name}/index.test.ts`;
    for (const name of CODE_PROVIDER_NAMES) {
      const provider = getProvider(name)!;
      if (provider.verification !== 'wire-tested') continue;
      const source = readFileSync(path.join(__dirname, testOf(name)), 'utf8');
      expect([name, /start[A-Za-z]*Fake\(/.test(source)]).toEqual([name, true]);
    }
  });

  it('lists every built-in by name, code-backed ones first, each resolvable', () => {
    expect(BUILT_IN_PROVIDER_NAMES.slice(0, CODE_PROVIDER_NAMES.length)).toEqual(CODE_PROVIDER_NAMES);
    for (const name of BUILT_IN_PROVIDER_NAMES) expect(getProvider(name)?.name).toBe(name);
    expect(listProviders().map((p) => p.name)).toEqual(BUILT_IN_PROVIDER_NAMES);
  });

  it('gives every action a description and a zod schema that converts to JSON Schema', () => {
    for (const provider of listProviders()) {
      expect(['api_key', 'token', 'oauth', 'custom', 'none']).toContain(provider.credentialType);
      expect(Object.keys(provider.actions).length).toBeGreaterThan(0);
      for (const action of Object.values(provider.actions)) {
        expect(action.description.length).toBeGreaterThan(10);
        expect(action.params).toBeInstanceOf(z.ZodType);
        expect(z.toJSONSchema(action.params, { io: 'input' })).toMatchObject({ type: 'object' });
      }
    }
  });

  it('looks names up as own keys only', () => {
    expect(getProvider('slack')).toBe(providers.slack);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'nope', '']) {
      expect(getProvider(name)).toBeUndefined();
    }
  });
});

describe('resolveProvider', () => {
  it('resolves built-ins without touching the integration source', async () => {
    const none = {
      integrations: {
        find: () => Promise.reject(new Error('not used')),
        list: () => Promise.reject(new Error('not used')),
      },
    };
    expect(await resolveProvider('github', 'alice', none)).toBe(providers.github);
  });

  it("resolves custom_<id> to the caller's own integration only", async () => {
    const own = await resolveProvider('custom_int_a1', 'alice', deps);
    expect(own).toMatchObject({ name: 'custom_int_a1', title: 'CRM', credentialType: 'custom' });
    expect(Object.keys(own!.actions)).toEqual(['request']);
    expect(await resolveProvider('custom_int_b1', 'alice', deps)).toBeUndefined();
    expect(await resolveProvider('custom_int_a1', 'bob', deps)).toBeUndefined();
    expect(await resolveProvider('custom_', 'alice', deps)).toBeUndefined();
    expect(await resolveProvider('unknown', 'alice', deps)).toBeUndefined();
  });
});

describe('providerListingFor', () => {
  it('lists the built-ins and the caller’s integrations with JSON Schema params', async () => {
    const listing = await providerListingFor('alice', deps);
    expect(listing.total).toBe(BUILT_IN_PROVIDER_NAMES.length + 1);
    expect(listing.providers.map((p) => p.name)).toEqual([...BUILT_IN_PROVIDER_NAMES, 'custom_int_a1']);
    const http = listing.providers.find((p) => p.name === 'http')!;
    expect(http).toMatchObject({ title: 'HTTP request', credential_type: 'none' });
    expect(http.actions[0]).toMatchObject({
      name: 'request',
      params: {
        type: 'object',
        required: ['url'],
        properties: { method: { default: 'GET' } },
        additionalProperties: false,
      },
    });
    const custom = listing.providers.at(-1)!;
    expect(custom).toMatchObject({
      name: 'custom_int_a1',
      credential_type: 'custom',
      verification: 'user-defined',
      actions: [{ name: 'request' }],
    });
    expect(JSON.stringify(listing)).not.toContain('int_b1');
  });
});

describe('validateStep', () => {
  const templated = (value: string) => /\{\{.+\}\}/.test(value);

  it('returns parsed params with defaults applied', () => {
    expect(validateStep(providers.data, 'condition', { left: 1, op: 'eq', right: 1 })).toEqual({
      success: true,
      params: { left: 1, op: 'eq', right: 1, on_false: 'skip' },
      deferred: false,
    });
  });

  it('names an unknown action and the known ones', () => {
    expect(validateStep(providers.slack, 'delete_workspace', {})).toEqual({
      success: false,
      issues: [
        {
          path: 'action',
          code: 'unknown_action',
          message:
            "Unknown action 'delete_workspace' for provider 'slack' (expected one of: send_webhook, post_message)",
        },
      ],
    });
    expect(validateStep(providers.data, 'constructor', {}).success).toBe(false);
  });

  it('lists every params issue with its path', () => {
    const result = validateStep(providers.stripe, 'create_payment_intent', {
      amount: -1,
      currency: 'euro',
      extra: 1,
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual(['params', 'params.amount', 'params.currency']);
  });

  it('defers issues at placeholders when asked, and only those', () => {
    const params = { amount: '{{steps.quote.output.cents}}', currency: 'usd' };
    expect(validateStep(providers.stripe, 'create_payment_intent', params)).toMatchObject({ success: false });
    expect(
      validateStep(providers.stripe, 'create_payment_intent', params, { isTemplated: templated }),
    ).toEqual({
      success: true,
      params,
      deferred: true,
    });
    const alsoBad = { ...params, currency: 'dollars' };
    expect(
      validateStep(providers.stripe, 'create_payment_intent', alsoBad, { isTemplated: templated }),
    ).toMatchObject({
      success: false,
      issues: [{ path: 'params.currency' }],
    });
    // An issue under a templated value (an array expected, a placeholder given).
    const pick = { from: {}, paths: '{{steps.cfg.output.paths}}' };
    expect(validateStep(providers.data, 'pick', pick, { isTemplated: templated }).success).toBe(true);
  });

  it('treats missing params as an empty object', () => {
    expect(validateStep(providers.http, 'request', undefined)).toMatchObject({
      success: false,
      issues: [{ path: 'params.url' }],
    });
  });
});
