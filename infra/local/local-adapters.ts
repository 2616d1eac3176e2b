import type { Context } from 'aws-lambda';
import type { RepositoryDeps } from '../../shared/clients/dynamodb';
import { logger } from '../../shared/logger';
import { installAdapters } from '../../shared/runtime/adapters';
import { executionFunction } from '../routes';
import { HandlerLoader } from './handler-loader';
import { lambdaContext } from './lambda-context';
import { LocalKms } from './local-kms';
import { LocalScheduler } from './local-scheduler';
import { environmentSecrets } from './local-secrets';
import { ScheduleRunner } from './schedule-runner';

export const LOCAL_SCHEDULE_GROUP = 'flowgate-local';

export interface LocalAdapters {
  kms: LocalKms;
  scheduler: LocalScheduler;
  /** Fires the scheduler's schedules into the execution function; started by the local stack. */
  runner: ScheduleRunner;
  /** Resolves when every background execution started so far has finished. */
  drain(): Promise<void>;
}

/**
 * Puts the local stand-ins behind the same ports the AWS adapters implement: AES-GCM
 * for KMS, the table-backed scheduler for EventBridge Scheduler, an in-process
 * background run of the execution function for Lambda's asynchronous invoke, and the
 * environment for Secrets Manager.
 */
export async function installLocalAdapters(options: {
  deps: RepositoryDeps;
  /** Directory for the KMS key file; undefined keeps the key in memory. */
  kmsDir?: string;
  /** Schedule group (default LOCAL_SCHEDULE_GROUP); stacks sharing one table need their own. */
  scheduleGroup?: string;
}): Promise<LocalAdapters> {
  const kms = options.kmsDir ? await LocalKms.create({ dir: options.kmsDir }) : LocalKms.inMemory();
  const scheduler = new LocalScheduler({
    deps: options.deps,
    group: options.scheduleGroup ?? LOCAL_SCHEDULE_GROUP,
  });
  const loader = new HandlerLoader();
  const inFlight = new Set<Promise<unknown>>();

  const invoke = async (payload: unknown): Promise<void> => {
    const handler = loader.load<(event: unknown, context: Context) => Promise<unknown>>(executionFunction);
    const context = lambdaContext(
      executionFunction.name,
      executionFunction.timeoutSeconds,
      executionFunction.memoryMb,
    );
    // Like Lambda's `Event` invocation: accepted now, run afterwards, failures only logged.
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => handler(payload, context))
      .catch((err: unknown) => logger.error('background execution failed', { error: err as Error }))
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
  };

  installAdapters({
    keyManagement: () => kms,
    scheduler: () => scheduler,
    executionInvoker: () => ({ invoke }),
    secrets: environmentSecrets,
  });
  // EventBridge invokes the execution function asynchronously, exactly like `invoke`.
  const runner = new ScheduleRunner({ source: scheduler, target: invoke });
  return {
    kms,
    scheduler,
    runner,
    drain: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}
