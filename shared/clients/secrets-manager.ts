import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { env } from '../config/env';

/**
 * A secret is read on a cold start inside a chat request: without timeouts a Secrets
 * Manager that stopped answering would hold the request until the Lambda times out. With
 * them each attempt gives up in time and the SDK retries.
 */
const SECRETS_MANAGER_HTTP = {
  connectionTimeout: 2000,
  requestTimeout: 5000,
  throwOnRequestTimeout: true,
};

let cached: SecretsManagerClient | undefined;

/**
 * One Secrets Manager client per cold start. Its endpoint is AWS's; tests point it at a
 * local fake with the SDK's own AWS_ENDPOINT_URL_SECRETS_MANAGER, never set in AWS.
 */
export function secretsManagerClient(): SecretsManagerClient {
  cached ??= new SecretsManagerClient({
    region: env.AWS_REGION,
    maxAttempts: 3,
    requestHandler: SECRETS_MANAGER_HTTP,
  });
  return cached;
}
