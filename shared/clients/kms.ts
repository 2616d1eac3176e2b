import { KMSClient } from '@aws-sdk/client-kms';
import { env } from '../config/env';

let cached: KMSClient | undefined;

/** One KMS client per cold start, shared by every use in the function. */
export function kmsClient(): KMSClient {
  cached ??= new KMSClient({ region: env.AWS_REGION, maxAttempts: 3 });
  return cached;
}
