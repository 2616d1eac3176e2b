/**
 * The sweep function's wiring: the engine runtime (whose RunService dispatches resumed runs
 * to the execution function), and, for each run it abandons, the repeated-failure rule
 * (an abandoned scheduled run counts like any failed one), an audit entry and a metric.
 */
import type { Context } from 'aws-lambda';
import { auditLog } from '../audit/audit-log';
import { defaultRepositoryDeps } from '../clients/dynamodb';
import { env } from '../config/env';
import { systemClock } from '../engine/clock';
import { buildEngineRuntime } from '../engine/runtime';
import { logger } from '../logger';
import { repeatedFailurePolicy } from '../scheduling/scheduled-run-wiring';
import { emfScheduledRunMetrics } from '../scheduling/scheduled-run-metrics';
import { RunLeaseIndex } from './run-lease-index';
import { RunSweeper } from './run-sweeper';
import type { RunRecord } from './run-types';

export const SWEEPER_ACTOR = { type: 'system', name: 'sweeper' } as const;

export function buildRunSweeper(context: Context): RunSweeper {
  const engine = buildEngineRuntime();
  const failures = repeatedFailurePolicy(engine, context);
  const audit = auditLog();
  const metrics = emfScheduledRunMetrics();
  return new RunSweeper({
    index: new RunLeaseIndex(defaultRepositoryDeps()),
    runs: engine.runRepository,
    service: engine.runs,
    catalog: engine.catalog,
    clock: systemClock,
    log: logger.child({ component: 'sweeper' }),
    limits: { outputMaxBytes: env.STEP_OUTPUT_MAX_BYTES, resultsMaxBytes: env.RUN_RESULTS_MAX_BYTES },
    leaseMs: env.RUN_LEASE_MS,
    maxRecoveries: env.RUN_MAX_RECOVERIES,
    onAbandoned: async (run: RunRecord, reason: string) => {
      metrics.runAbandoned(run.trigger.type);
      await audit.record({
        userId: run.userId,
        actor: SWEEPER_ACTOR,
        action: 'run.abandoned',
        target: { type: 'run', id: run.runId },
        details: {
          reason,
          trigger: run.trigger.type,
          plan_id: run.planId ?? null,
          trace_id: run.traceId ?? null,
        },
      });
      await failures.onRunFinished(run);
    },
  });
}

let cached: RunSweeper | undefined;

export function runSweeper(context: Context): RunSweeper {
  cached ??= buildRunSweeper(context);
  return cached;
}
