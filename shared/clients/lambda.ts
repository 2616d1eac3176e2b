import { LambdaClient } from '@aws-sdk/client-lambda';
import { env } from '../config/env';

let cached: LambdaClient | undefined;

/** One Lambda client per cold start (used to start the execution function asynchronously). */
export function lambdaClient(): LambdaClient {
  cached ??= new LambdaClient({ region: env.AWS_REGION, maxAttempts: 3 });
  return cached;
}
