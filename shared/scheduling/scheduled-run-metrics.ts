import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { env } from '../config/env';
import type { RunStatus, TriggerType } from '../runs/run-types';
import type { AutomationRef } from './schedule-names';
import { RUN_OUTCOME_DIMENSIONS, SCHEDULED_RUN_METRICS } from './scheduled-run-metric-names';

/** The metric the stack's alarm watches (infra/constructs/scheduled-run-alarm.ts). */
export const AUTOMATION_DISABLED_METRIC = SCHEDULED_RUN_METRICS.automationDisabled;

export interface ScheduledRunMetrics {
  /** One automation was disabled after repeated failures. */
  automationDisabled(ref: AutomationRef, failures: number): void;
  /** The sweeper ended a run whose executor was lost (any trigger; which one is metadata). */
  runAbandoned(trigger: string): void;
  /** A run ended through the run service (any trigger): one line per run, by status and trigger. */
  runFinished(status: RunStatus, trigger: TriggerType): void;
}

let shared: Metrics | undefined;

/**
 * CloudWatch Embedded Metric Format on stdout, like the gateway's metrics: namespace
 * Flowgate, the default `service` dimension only (so one alarm covers traces and plans),
 * and which automation it was as metadata, searchable in the log but not a dimension.
 * RunsFinished alone adds Status and Trigger: both have three values at most.
 */
export function emfScheduledRunMetrics(): ScheduledRunMetrics {
  const metrics = () =>
    (shared ??= new Metrics({ namespace: SCHEDULED_RUN_METRICS.namespace, serviceName: env.SERVICE_NAME }));
  return {
    automationDisabled(ref, failures) {
      const m = metrics();
      m.addMetric(AUTOMATION_DISABLED_METRIC, MetricUnit.Count, 1);
      m.addMetadata('kind', ref.kind);
      m.addMetadata('automationId', ref.automationId);
      m.addMetadata('consecutiveFailures', String(failures));
      m.publishStoredMetrics();
    },
    runAbandoned(trigger) {
      const m = metrics();
      m.addMetric(SCHEDULED_RUN_METRICS.runAbandoned, MetricUnit.Count, 1);
      m.addMetadata('trigger', trigger);
      m.publishStoredMetrics();
    },
    runFinished(status, trigger) {
      const m = metrics();
      // One dimension set [service, Status, Trigger] (addDimensions would start a second set).
      m.addDimension(RUN_OUTCOME_DIMENSIONS.status, status);
      m.addDimension(RUN_OUTCOME_DIMENSIONS.trigger, trigger);
      m.addMetric(SCHEDULED_RUN_METRICS.runFinished, MetricUnit.Count, 1);
      m.publishStoredMetrics();
    },
  };
}
