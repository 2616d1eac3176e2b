/**
 * The run metrics' names, in a module with no imports: the CDK stack builds its
 * alarm from them, and must not load the runtime's env parsing or Powertools to do so.
 */
export const SCHEDULED_RUN_METRICS = {
  /** The same namespace as the gateway's metrics (shared/gateway/metrics.ts). */
  namespace: 'Flowgate',
  /** Count, one per automation disabled after repeated failures; dimension `service` only. */
  automationDisabled: 'ScheduledAutomationDisabled',
  /** Count, one per run the sweeper ended as `run_abandoned`; dimension `service` only. */
  runAbandoned: 'AbandonedRuns',
  /**
   * Count, one per run that ended through the run service (abandoned runs are AbandonedRuns),
   * by `Status` (success, failed) and `Trigger` (manual, webhook, schedule).
   */
  runFinished: 'RunsFinished',
} as const;

/** RunsFinished's dimensions. */
export const RUN_OUTCOME_DIMENSIONS = { status: 'Status', trigger: 'Trigger' } as const;
