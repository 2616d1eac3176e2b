import { env } from '../../shared/config/env';
import type { UpstreamSecrets } from '../../shared/secrets/upstream-secrets';

/**
 * The local stand-in for Secrets Manager: the key and password are the environment's
 * UPSTREAM_API_KEY and MORPHEUS_ROUTER_PASSWORD (`npm start` sets the stubs' when no real
 * upstream is configured). The gateway asks it exactly as it asks the AWS adapter.
 */
export function environmentSecrets(): UpstreamSecrets {
  return {
    upstreamApiKey: async () => env.UPSTREAM_API_KEY,
    routerPassword: async () => env.MORPHEUS_ROUTER_PASSWORD,
  };
}
