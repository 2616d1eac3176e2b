import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RouteDef } from '../routes';
import {
  errorRatePercent,
  PERIOD,
  slowSharePercent,
  total,
  type StageMetrics,
} from './observability-metrics';

/** `page`: someone acts now, and hears when it is over (OK action). `warn`: look today. */
export type Severity = 'page' | 'warn';

/** A function and its route-table name (the alarm descriptions list who is covered). */
export interface NamedFunction {
  name: string;
  fn: IFunction;
}

export interface WatchedAlarm {
  alarm: cloudwatch.Alarm;
  severity: Severity;
}

/** The settings routes (both methods) are seed 001's "automation endpoints", with chat's automated path. */
export const AUTOMATION_SETTINGS_PATH = '/api/v1/automation/settings';

/** Seed 002: past 1% the rollout is not a success; past 5% roll back. */
export const AUTOMATION_WARN_PERCENT = 1;
export const AUTOMATION_ROLLBACK_PERCENT = 5;
/** Below this many requests in a period a rate says nothing (one failure of three is 33%). */
export const MIN_REQUESTS = 20;
export const API_5XX_PERCENT = 5;
/** The default function timeout: a buffered request this slow is failing, not just slow. */
export const SLOW_REQUEST_MS = 10_000;
export const LAMBDA_ERRORS_PER_PERIOD = 5;
/** CloudWatch's hard limit on metrics in one metric-math alarm. */
export const MAX_ALARM_METRICS = 10;

export interface ObservabilityAlarmsProps {
  /** `flowgate-<stage>`: every alarm's name starts with it. */
  prefix: string;
  metrics: StageMetrics;
  routes: readonly RouteDef[];
  /** The stack's functions by group (infra/routes functionGroups). */
  functionGroups: ReadonlyMap<string, readonly NamedFunction[]>;
  deadLetterQueue: IQueue;
}

/** Splits a list into as few parts of at most `size` as it takes, of near-equal length. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const parts = Math.max(1, Math.ceil(items.length / size));
  const each = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => items.slice(i * each, (i + 1) * each));
}

/**
 * The stage's alarms, each named `<prefix>-<what>` so stages never share one. Every rate
 * is metric math over sums; the actions are added by the Observability construct.
 */
export class ObservabilityAlarms extends Construct {
  readonly watched: WatchedAlarm[] = [];
  /** The error rate both automation alarms watch, for the dashboard to draw the same line. */
  readonly automationErrorRate: cloudwatch.MathExpression;
  readonly settingsRoutes: readonly RouteDef[];

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ObservabilityAlarmsProps,
  ) {
    super(scope, id);
    const { metrics, routes } = props;

    this.settingsRoutes = routes.filter((r) => r.path === AUTOMATION_SETTINGS_PATH);
    if (this.settingsRoutes.length === 0)
      throw new Error(
        `No route on ${AUTOMATION_SETTINGS_PATH}: the automation error rate would watch nothing`,
      );
    // API Gateway's per-method counts for the settings routes: what callers got, including
    // authorizer failures, integration timeouts and crashed functions. Chat is counted by the
    // gateway itself: only it knows which requests took the automated path, and a stream
    // that fails after its 200 is an error API Gateway never sees.
    const chat = metrics.chatPath(true);
    this.automationErrorRate = errorRatePercent(
      [...this.settingsRoutes.map((r) => metrics.apiMethod('5XXError', r, 'Sum')), chat.errors],
      [...this.settingsRoutes.map((r) => metrics.apiMethod('Count', r, 'Sum')), chat.requests],
      { minRequests: MIN_REQUESTS, label: 'Automation endpoints: server errors (%)' },
    );
    this.add('automation-error-rate-warn', 'warn', this.automationErrorRate, {
      description: `Automation endpoints (settings routes, automated chat) over ${AUTOMATION_WARN_PERCENT}% server errors for 15 minutes: the rollout is not meeting its target.`,
      threshold: AUTOMATION_WARN_PERCENT,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
    });
    this.add('automation-error-rate-page', 'page', this.automationErrorRate, {
      description: `Automation endpoints over ${AUTOMATION_ROLLBACK_PERCENT}% server errors in 2 of 3 five-minute periods: seed 002's rollback trigger. Turn the automation flag off (npm run admin -- flag set ...).`,
      threshold: AUTOMATION_ROLLBACK_PERCENT,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });

    this.add(
      'api-5xx-rate',
      'page',
      errorRatePercent([metrics.api('5XXError', 'Sum')], [metrics.api('Count', 'Sum')], {
        minRequests: MIN_REQUESTS,
        label: 'API server errors (%)',
      }),
      {
        description: `Over ${API_5XX_PERCENT}% of all API requests answered 5xx in 2 of 3 five-minute periods.`,
        threshold: API_5XX_PERCENT,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
      },
    );
    // Streamed chat lasts as long as the model writes; its latency is the dashboard's.
    const streaming = routes.filter((r) => r.streaming);
    this.add(
      'api-p99-latency',
      'warn',
      slowSharePercent(metrics, streaming, {
        thresholdMs: SLOW_REQUEST_MS,
        minRequests: MIN_REQUESTS,
        label: `Requests slower than ${SLOW_REQUEST_MS} ms (%), streaming routes aside`,
      }),
      {
        description: `p99 latency of the API (streaming routes aside: ${streaming.map((r) => r.name).join(', ') || 'none'}) over ${SLOW_REQUEST_MS} ms for 15 minutes: more than 1% of requests took longer.`,
        threshold: 1,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
      },
    );

    for (const [group, fns] of props.functionGroups) this.addFunctionGroup(group, fns);

    this.add(
      'scheduler-dlq-depth',
      'warn',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        statistic: cloudwatch.Stats.MAXIMUM,
        period: PERIOD,
      }),
      {
        description:
          'The scheduler dead-letter queue holds messages: scheduled runs that were never delivered, or execution events that failed before a run was recorded.',
        threshold: 0,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
      },
    );
  }

  /** One errors alarm (page) and one throttles alarm (warn) per at most ten functions of a group. */
  private addFunctionGroup(group: string, fns: readonly NamedFunction[]): void {
    const parts = chunk(fns, MAX_ALARM_METRICS);
    parts.forEach((part, i) => {
      const name = parts.length === 1 ? group : `${group}-${i + 1}`;
      const errors = total(
        part.map(({ fn }) => fn.metricErrors({ statistic: 'Sum', period: PERIOD })),
        `Lambda errors: ${name}`,
      );
      this.add(`lambda-errors-${name}`, 'page', errors, {
        description: `At least ${LAMBDA_ERRORS_PER_PERIOD} invocations of the ${group} functions failed (crash or timeout) in five minutes: ${part.map((f) => f.name).join(', ')}.`,
        threshold: LAMBDA_ERRORS_PER_PERIOD,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        comparison: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
      const throttles = total(
        part.map(({ fn }) => fn.metricThrottles({ statistic: 'Sum', period: PERIOD })),
        `Lambda throttles: ${name}`,
      );
      this.add(`lambda-throttles-${name}`, 'warn', throttles, {
        description: `Lambda throttled the ${group} functions (concurrency exhausted) in the last five minutes: ${part.map((f) => f.name).join(', ')}.`,
        threshold: 1,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        comparison: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    });
  }

  private add(
    name: string,
    severity: Severity,
    metric: cloudwatch.IMetric,
    options: {
      description: string;
      threshold: number;
      evaluationPeriods: number;
      datapointsToAlarm: number;
      comparison?: cloudwatch.ComparisonOperator;
    },
  ): void {
    const alarm = new cloudwatch.Alarm(this, name, {
      alarmName: `${this.props.prefix}-${name}`,
      alarmDescription: `[${severity}] ${options.description} Runbook: README, Operations, alarm ${name}.`,
      metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods,
      datapointsToAlarm: options.datapointsToAlarm,
      comparisonOperator: options.comparison ?? cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      // No requests (or no failures) report nothing: quiet is healthy, not unknown.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.watched.push({ alarm, severity });
  }
}
