import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { env } from '../config/env';

let cached: SchedulerClient | undefined;

/** One EventBridge Scheduler client per cold start, shared by every use in the function. */
export function schedulerClient(): SchedulerClient {
  cached ??= new SchedulerClient({ region: env.AWS_REGION, maxAttempts: 3 });
  return cached;
}
