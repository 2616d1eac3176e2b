/**
 * The local stack's secrets stand-in and how the wiring picks it. The runtime reads its
 * environment at load, so each case loads it afresh after setting the variables.
 */
const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

async function freshLocalSecrets() {
  let loaded: typeof import('../../../../infra/local/local-secrets') | undefined;
  await jest.isolateModulesAsync(async () => {
    loaded = await import('../../../../infra/local/local-secrets');
  });
  return loaded!.environmentSecrets();
}

describe('local upstream secrets', () => {
  it('reads UPSTREAM_API_KEY and MORPHEUS_ROUTER_PASSWORD from the environment', async () => {
    process.env.UPSTREAM_API_KEY = 'sk-local-env-key-000000';
    process.env.MORPHEUS_ROUTER_PASSWORD = 'local-router-password';
    const secrets = await freshLocalSecrets();
    await expect(secrets.upstreamApiKey()).resolves.toBe('sk-local-env-key-000000');
    await expect(secrets.routerPassword()).resolves.toBe('local-router-password');
  });

  it('is undefined for a variable that is not set', async () => {
    delete process.env.UPSTREAM_API_KEY;
    delete process.env.MORPHEUS_ROUTER_PASSWORD;
    const secrets = await freshLocalSecrets();
    await expect(secrets.upstreamApiKey()).resolves.toBeUndefined();
    await expect(secrets.routerPassword()).resolves.toBeUndefined();
  });

  it('is what the wiring hands out once installed; otherwise the Secrets Manager adapter', async () => {
    await jest.isolateModulesAsync(async () => {
      const { installAdapters } = await import('../../../../shared/runtime/adapters');
      const { upstreamSecrets } = await import('../../../../shared/secrets/upstream-secrets-wiring');
      const { AwsUpstreamSecrets } = await import('../../../../shared/secrets/aws-upstream-secrets');
      expect(upstreamSecrets()).toBeInstanceOf(AwsUpstreamSecrets);
      const local = { upstreamApiKey: async () => 'k', routerPassword: async () => 'p' };
      installAdapters({ secrets: () => local });
      expect(upstreamSecrets()).toBe(local);
    });
  });
});
