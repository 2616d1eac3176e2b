/**
 * The execution function's scheduled path: one EventBridge Scheduler delivery in, at most
 * one run out.
 *
 * EventBridge delivers at least once, so the same fire time may arrive twice, in sequence
 * or at the same instant. The run key (schedule name + scheduled time) is written in the
 * same transaction as the run, so exactly one delivery creates a run and executes its
 * steps; the others find the key and return. A deleted, paused or foreign automation is a
 * logged no-op that succeeds, so neither the scheduler nor Lambda retries it. A payload
 * that does not parse is thrown back, so it lands in the dead-letter queue.
 */
import * as z from 'zod';
import type { InvocationWindow } from '../engine/run-engine';
import type { Logger } from '../logger';
import type { RunService } from '../runs/run-service';
import { scheduleNameFor } from './schedule-names';
import { findScheduledTarget, type AutomationStores, type SkipReason } from './scheduled-run-target';
import type { ScheduledRunPayload } from './scheduler-port';

/** EventBridge's `<aws.scheduler.scheduled-time>`: UTC, whole seconds (milliseconds tolerated). */
const SCHEDULED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export const ScheduledRunPayloadSchema = z
  .strictObject({
    source: z.literal('flowgate.schedule'),
    kind: z.enum(['trace', 'plan']),
    automationId: z.string().min(1).max(256),
    userId: z.string().min(1).max(128),
    scheduleName: z.string().regex(/^[0-9a-zA-Z_.-]{1,64}$/),
    scheduledTime: z
      .string()
      .regex(SCHEDULED_TIME, 'expected the scheduled time as an ISO 8601 UTC instant')
      .refine((v) => !Number.isNaN(Date.parse(v)), 'not a real instant'),
    executionId: z.string().min(1).max(256),
  })
  // The run key is per schedule name: a name that is not this automation's own is input
  // Flowgate did not write, and would dodge the idempotency of the real schedule.
  .refine((p) => p.scheduleName === scheduleNameFor(p), {
    message: "scheduleName is not this automation's schedule",
    path: ['scheduleName'],
  }) satisfies z.ZodType<ScheduledRunPayload>;

export type ScheduledRunOutcome =
  | { outcome: 'started'; runId: string; status: string }
  | { outcome: 'duplicate'; runId?: string }
  | { outcome: 'skipped'; reason: SkipReason };

export interface ScheduledRunsDeps {
  stores: AutomationStores;
  runs: Pick<RunService, 'startOnce'>;
  /** How long a run key is kept (RUN_KEY_TTL_HOURS): longer than EventBridge redelivers. */
  runKeyTtlHours: number;
  log: Logger;
}

export class ScheduledRuns {
  constructor(private readonly deps: ScheduledRunsDeps) {}

  async handle(payload: ScheduledRunPayload, window: InvocationWindow): Promise<ScheduledRunOutcome> {
    const { kind, automationId, userId, scheduleName, scheduledTime, executionId } = payload;
    const log = this.deps.log.child({ kind, automationId, scheduleName, scheduledTime, executionId });
    const target = await findScheduledTarget(this.deps.stores, { kind, automationId, userId });
    if (!target.active) {
      log.info('scheduled run skipped', {
        reason: target.reason,
        ...(target.status ? { status: target.status } : {}),
      });
      return { outcome: 'skipped', reason: target.reason };
    }
    const result = await this.deps.runs.startOnce(
      {
        userId,
        ...(kind === 'trace' ? { traceId: automationId } : { planId: automationId }),
        steps: target.steps,
        trigger: { type: 'schedule', scheduledTime },
      },
      { scheduleName, scheduledTime },
      this.deps.runKeyTtlHours * 3600,
      window,
    );
    if (!result.started) {
      log.info('duplicate scheduled delivery ignored', { runId: result.existingRunId ?? null });
      return { outcome: 'duplicate', ...(result.existingRunId ? { runId: result.existingRunId } : {}) };
    }
    log.info('scheduled run started', { runId: result.run.runId, status: result.run.status });
    return { outcome: 'started', runId: result.run.runId, status: result.run.status };
  }
}
