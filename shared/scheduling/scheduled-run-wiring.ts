/**
 * The execution function's wiring: the engine runtime, with the repeated-failure policy as
 * its run-finished hook, and the scheduled path on top. Built once per container, on the
 * first event, because two things come with the Lambda context: the function's own name
 * (for hand-offs) and its own ARN (the scheduler adapter's target).
 */
import type { Context } from 'aws-lambda';
import { auditLog } from '../audit/audit-log';
import { defaultRepositoryDeps } from '../clients/dynamodb';
import { schedulerClient } from '../clients/scheduler';
import { env, required } from '../config/env';
import { selfInvoker } from '../engine/edges';
import { buildEngineRuntime, type EngineRuntime } from '../engine/runtime';
import { logger } from '../logger';
import { resolveAdapter } from '../runtime/adapters';
import { TraceRepository } from '../traces/trace-repository';
import { AwsScheduler } from './aws-scheduler';
import { RepeatedFailurePolicy } from './scheduled-run-failures';
import { emfScheduledRunMetrics } from './scheduled-run-metrics';
import { ScheduledRuns } from './scheduled-run';
import type { AutomationStores } from './scheduled-run-target';
import type { SchedulerPort } from './scheduler-port';
import { SchedulingService } from './scheduling-service';

export interface ExecutionRuntime {
  engine: EngineRuntime;
  scheduled: ScheduledRuns;
  failures: RepeatedFailurePolicy;
}

/** `arn:aws:lambda:region:account:function:name[:qualifier]` without the qualifier. */
export function unqualifiedArn(arn: string): string {
  return arn.split(':').slice(0, 7).join(':');
}

/**
 * The scheduler for pausing only (the `scheduler:pause` access). Pausing copies the
 * schedule's target from GetSchedule, so the target ARN the adapter is built with is never
 * sent; it is still the true one, this function's own, taken from the context rather than
 * from EXECUTION_FUNCTION_ARN, which would make the function's configuration refer to itself.
 */
export function pauseScheduler(context: Pick<Context, 'invokedFunctionArn'>): SchedulerPort {
  return resolveAdapter(
    'scheduler',
    () =>
      new AwsScheduler({
        client: schedulerClient(),
        group: required('SCHEDULE_GROUP'),
        targetArn: unqualifiedArn(context.invokedFunctionArn),
        roleArn: required('SCHEDULER_ROLE_ARN'),
        deadLetterArn: required('SCHEDULER_DLQ_ARN'),
        retryPolicy: {
          maximumRetryAttempts: env.SCHEDULER_MAX_RETRY_ATTEMPTS,
          maximumEventAgeSeconds: env.SCHEDULER_MAX_EVENT_AGE_SECONDS,
        },
      }),
  );
}

/**
 * The repeated-failure rule over the engine's repositories. `context` is the invoked
 * function's: the execution function's, or the sweep function's, which also ends runs.
 */
export function repeatedFailurePolicy(engine: EngineRuntime, context: Context): RepeatedFailurePolicy {
  const deps = defaultRepositoryDeps();
  const stores: AutomationStores = { traces: new TraceRepository(deps), plans: engine.planRepository };
  let scheduling: SchedulingService | undefined;
  return new RepeatedFailurePolicy({
    stores,
    runs: engine.runRepository,
    scheduling: () => (scheduling ??= new SchedulingService({ port: pauseScheduler(context) })),
    audit: auditLog(),
    metrics: emfScheduledRunMetrics(),
    maxConsecutiveFailures: env.SCHEDULE_MAX_CONSECUTIVE_FAILURES,
    log: logger.child({ component: 'scheduled-failures' }),
  });
}

export function buildExecutionRuntime(context: Context): ExecutionRuntime {
  // The policy reads runs through the engine's repository, and the engine calls the policy.
  const hook: { policy?: RepeatedFailurePolicy } = {};
  const engine = buildEngineRuntime({
    invoker: selfInvoker(context.functionName),
    onRunFinished: async (run) => hook.policy?.onRunFinished(run),
  });
  const failures = repeatedFailurePolicy(engine, context);
  hook.policy = failures;
  const scheduled = new ScheduledRuns({
    stores: { traces: new TraceRepository(defaultRepositoryDeps()), plans: engine.planRepository },
    runs: engine.runs,
    runKeyTtlHours: env.RUN_KEY_TTL_HOURS,
    log: logger.child({ component: 'scheduled-run' }),
  });
  return { engine, scheduled, failures };
}

let cached: ExecutionRuntime | undefined;

export function executionRuntime(context: Context): ExecutionRuntime {
  cached ??= buildExecutionRuntime(context);
  return cached;
}
