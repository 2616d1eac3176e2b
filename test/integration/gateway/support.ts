import { randomUUID } from 'node:crypto';
import { Logger } from '../../../shared/logger';
import { createBackends } from '../../../shared/gateway/backends/backends';
import { RequestMetrics } from '../../../shared/gateway/metrics';
import type { MorpheusStub } from '../../../infra/local/stubs/morpheus-stub';
import type { OpenAiStub } from '../../../infra/local/stubs/openai-stub';
import { SettableSecrets } from '../../support/upstream-secrets';

/** Backends pointed at the stub upstreams, as the local stack wires them. */
export function stubBackends(
  openai: OpenAiStub,
  morpheus: MorpheusStub,
  overrides: { password?: string } = {},
) {
  return createBackends({
    upstreamBaseUrl: `${openai.url}/v1`,
    morpheusRouterUrl: morpheus.url,
    morpheusUsername: morpheus.username,
    secrets: new SettableSecrets({
      upstreamApiKey: openai.apiKey,
      routerPassword: overrides.password ?? morpheus.password,
    }),
  });
}

export const quietContext = () => ({ log: new Logger({}, 'silent'), metrics: new RequestMetrics() });

/** A fresh identity: sessions are per API key, so tests never share one. */
export const newIdentity = () => ({
  userId: `user-${randomUUID()}`,
  keyId: `key_${randomUUID().slice(0, 8)}`,
});
