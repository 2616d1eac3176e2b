import { METRICS_NAMESPACE } from '../../../../shared/gateway/metrics';
import {
  RUN_OUTCOME_DIMENSIONS,
  SCHEDULED_RUN_METRICS,
} from '../../../../shared/scheduling/scheduled-run-metric-names';
import {
  AUTOMATION_DISABLED_METRIC,
  emfScheduledRunMetrics,
} from '../../../../shared/scheduling/scheduled-run-metrics';

/** The EMF lines Powertools writes to stdout while `fn` runs. */
function emitted(fn: () => void): Array<Record<string, unknown>> {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.includes('"_aws"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('scheduled run metrics', () => {
  it('share the gateway metrics namespace', () => {
    expect(SCHEDULED_RUN_METRICS.namespace).toBe(METRICS_NAMESPACE);
  });

  it('writes one EMF line per disabled automation: Flowgate namespace, service dimension only', () => {
    const metrics = emfScheduledRunMetrics();
    const lines = emitted(() => {
      metrics.automationDisabled({ kind: 'trace', automationId: 'trace_1', userId: 'u' }, 3);
      metrics.automationDisabled({ kind: 'plan', automationId: 'plan_1', userId: 'u' }, 5);
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      [AUTOMATION_DISABLED_METRIC]: 1,
      service: 'flowgate',
      kind: 'trace',
      automationId: 'trace_1',
      consecutiveFailures: '3',
    });
    expect(lines[1]).toMatchObject({ kind: 'plan', automationId: 'plan_1', consecutiveFailures: '5' });
    // The user id is not written: the metric line is not the place for who it was.
    expect(JSON.stringify(lines)).not.toContain('"userId"');
    const aws = lines[0]!._aws as {
      CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: unknown[] }>;
    };
    expect(aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'Flowgate',
        Dimensions: [['service']],
        Metrics: [{ Name: 'ScheduledAutomationDisabled', Unit: 'Count' }],
      },
    ]);
  });

  it('writes one EMF line per finished run, by Status and Trigger in one dimension set', () => {
    const metrics = emfScheduledRunMetrics();
    const lines = emitted(() => {
      metrics.runFinished('failed', 'schedule');
      metrics.runFinished('success', 'webhook');
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      RunsFinished: 1,
      service: 'flowgate',
      Status: 'failed',
      Trigger: 'schedule',
    });
    expect(lines[1]).toMatchObject({ RunsFinished: 1, Status: 'success', Trigger: 'webhook' });
    const aws = lines[0]!._aws as {
      CloudWatchMetrics: Array<{ Dimensions: string[][]; Metrics: unknown[] }>;
    };
    expect(aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'Flowgate',
        Dimensions: [['service', RUN_OUTCOME_DIMENSIONS.status, RUN_OUTCOME_DIMENSIONS.trigger]],
        Metrics: [{ Name: SCHEDULED_RUN_METRICS.runFinished, Unit: 'Count' }],
      },
    ]);
    expect(SCHEDULED_RUN_METRICS.runFinished).toBe('RunsFinished');
  });
});
