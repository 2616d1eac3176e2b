/**
 * How a Lambda gets its scheduler: the AWS adapter configured from the environment the
 * stack's `scheduler:manage` access sets, unless the local stack installed its stand-in.
 */
import { schedulerClient } from '../clients/scheduler';
import { env, required } from '../config/env';
import { resolveAdapter } from '../runtime/adapters';
import { AwsScheduler } from './aws-scheduler';
import type { SchedulerPort } from './scheduler-port';
import { SchedulingService } from './scheduling-service';

export function awsSchedulerFromEnv(): AwsScheduler {
  return new AwsScheduler({
    client: schedulerClient(),
    group: required('SCHEDULE_GROUP'),
    targetArn: required('EXECUTION_FUNCTION_ARN'),
    roleArn: required('SCHEDULER_ROLE_ARN'),
    deadLetterArn: required('SCHEDULER_DLQ_ARN'),
    retryPolicy: {
      maximumRetryAttempts: env.SCHEDULER_MAX_RETRY_ATTEMPTS,
      maximumEventAgeSeconds: env.SCHEDULER_MAX_EVENT_AGE_SECONDS,
    },
  });
}

export function schedulerPort(): SchedulerPort {
  return resolveAdapter('scheduler', awsSchedulerFromEnv);
}

/** For module-scope wiring in handlers: `const scheduling = defaultSchedulingService()`. */
export function defaultSchedulingService(): SchedulingService {
  return new SchedulingService({ port: schedulerPort() });
}
