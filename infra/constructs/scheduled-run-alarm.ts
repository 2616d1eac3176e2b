import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { SCHEDULED_RUN_METRICS } from '../../shared/scheduling/scheduled-run-metric-names';

export interface ScheduledRunAlarmProps {
  /** The `service` dimension Powertools adds to every metric (POWERTOOLS_SERVICE_NAME). */
  serviceName: string;
  /** A fixed name, so stages side by side never share one; omitted: CloudFormation's. */
  alarmName?: string;
}

/**
 * Goes off when the execution function disabled a scheduled automation after repeated
 * failures (shared/scheduling/scheduled-run-failures.ts): one event is worth a look, so
 * the threshold is a single occurrence in five minutes. No data means nothing was
 * disabled, which is the healthy state, not a missing signal.
 */
export class ScheduledRunAlarm extends Construct {
  readonly alarm: cloudwatch.Alarm;
  readonly metric: cloudwatch.Metric;

  constructor(scope: Construct, id: string, props: ScheduledRunAlarmProps) {
    super(scope, id);
    this.metric = new cloudwatch.Metric({
      namespace: SCHEDULED_RUN_METRICS.namespace,
      metricName: SCHEDULED_RUN_METRICS.automationDisabled,
      dimensionsMap: { service: props.serviceName },
      statistic: cloudwatch.Stats.SUM,
      period: Duration.minutes(5),
    });
    this.alarm = this.metric.createAlarm(this, 'Alarm', {
      ...(props.alarmName ? { alarmName: props.alarmName } : {}),
      alarmDescription:
        'A scheduled automation failed SCHEDULE_MAX_CONSECUTIVE_FAILURES times in a row and was disabled ' +
        '(trace marked failed or plan schedule disabled). See the execution function log and the audit trail.',
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
