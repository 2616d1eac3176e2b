import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { env } from '../config/env';
import type { AutomationRef } from './schedule-names';
import { SCHEDULED_RUN_METRICS } from './scheduled-run-metric-names';

/** The metric the stack's alarm watches (infra/constructs/scheduled-run-alarm.ts). */
export const AUTOMATION_DISABLED_METRIC = SCHEDULED_RUN_METRICS.automationDisabled;

export interface ScheduledRunMetrics {
  /** One automation was disabled after repeated failures. */
  automationDisabled(ref: AutomationRef, failures: number): void;
}

let shared: Metrics | undefined;

/**
 * CloudWatch Embedded Metric Format on stdout, like the gateway's metrics: namespace
 * Flowgate, the default `service` dimension only (so one alarm covers traces and plans),
 * and which automation it was as metadata, searchable in the log but not a dimension.
 */
export function emfScheduledRunMetrics(): ScheduledRunMetrics {
  return {
    automationDisabled(ref, failures) {
      shared ??= new Metrics({ namespace: SCHEDULED_RUN_METRICS.namespace, serviceName: env.SERVICE_NAME });
      shared.addMetric(AUTOMATION_DISABLED_METRIC, MetricUnit.Count, 1);
      shared.addMetadata('kind', ref.kind);
      shared.addMetadata('automationId', ref.automationId);
      shared.addMetadata('consecutiveFailures', String(failures));
      shared.publishStoredMetrics();
    },
  };
}
