/**
 * How a function gets its upstream secrets: the Secrets Manager adapter configured from
 * the environment the stack's `llm:upstream` access sets, unless the local stack installed
 * its stand-in (which reads UPSTREAM_API_KEY and MORPHEUS_ROUTER_PASSWORD instead).
 */
import { secretsManagerClient } from '../clients/secrets-manager';
import { env } from '../config/env';
import { resolveAdapter } from '../runtime/adapters';
import { AwsUpstreamSecrets } from './aws-upstream-secrets';
import type { UpstreamSecrets } from './upstream-secrets';

export function awsUpstreamSecretsFromEnv(): AwsUpstreamSecrets {
  return new AwsUpstreamSecrets({
    client: secretsManagerClient(),
    arns: {
      upstreamApiKey: env.UPSTREAM_API_KEY_SECRET_ARN,
      routerPassword: env.MORPHEUS_ROUTER_PASSWORD_SECRET_ARN,
    },
    maxAgeSeconds: env.UPSTREAM_SECRET_CACHE_SECONDS,
  });
}

export function upstreamSecrets(): UpstreamSecrets {
  return resolveAdapter('secrets', awsUpstreamSecretsFromEnv);
}
