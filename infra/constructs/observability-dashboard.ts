import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  GATEWAY_DIMENSIONS as D,
  GATEWAY_METRICS as G,
  ROUTING_OUTCOMES,
  SETTINGS_CHANGES,
} from '../../shared/gateway/metric-names';
import {
  RUN_OUTCOME_DIMENSIONS,
  SCHEDULED_RUN_METRICS as R,
} from '../../shared/scheduling/scheduled-run-metric-names';
import type { RouteDef } from '../routes';
import {
  AUTOMATION_ROLLBACK_PERCENT,
  AUTOMATION_WARN_PERCENT,
  type NamedFunction,
  type WatchedAlarm,
} from './observability-alarms';
import { search, total, type StageMetrics } from './observability-metrics';

export interface ObservabilityDashboardProps {
  dashboardName: string;
  stageName: string;
  metrics: StageMetrics;
  automationErrorRate: IMetric;
  settingsRoutes: readonly RouteDef[];
  /** Chat: their latency is the model's writing time, drawn apart from the rest. */
  streamingRoutes: readonly RouteDef[];
  functionGroups: ReadonlyMap<string, readonly NamedFunction[]>;
  table: ITable;
  deadLetterQueue: IQueue;
  alarms: readonly WatchedAlarm[];
}

/** Adoption moves slowly; hourly sums keep the line readable over a week. */
const ADOPTION_PERIOD = Duration.hours(1);
const p50 = cloudwatch.Stats.p(50);
const p99 = cloudwatch.Stats.p(99);

const graph = (title: string, left: IMetric[], extra: Partial<cloudwatch.GraphWidgetProps> = {}) =>
  new cloudwatch.GraphWidget({ title, left, width: 12, height: 6, ...extra });

/**
 * One dashboard per stage with seed 001's monitoring list (error rates, performance,
 * usage) and the automation engine's health, in that order, and the alarms' states on top.
 */
export class ObservabilityDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityDashboardProps) {
    super(scope, id);
    const m = props.metrics;
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.hours(24),
    });
    this.dashboard.addWidgets(
      new cloudwatch.TextWidget({
        markdown: `# Flowgate ${props.stageName}\nWhat each alarm means and what to do first: README, Operations, Alarms. Roll automation back with \`npm run admin -- flag set\` (no deploy).`,
        width: 24,
        height: 2,
      }),
      new cloudwatch.AlarmStatusWidget({
        title: 'Alarms',
        alarms: props.alarms.map((a) => a.alarm),
        width: 24,
        height: 4,
      }),
    );
    this.dashboard.addWidgets(...this.errorWidgets(props, m));
    this.dashboard.addWidgets(...this.performanceWidgets(props, m));
    this.dashboard.addWidgets(...this.usageWidgets(m));
    this.dashboard.addWidgets(...this.engineWidgets(props, m));
  }

  private errorWidgets(props: ObservabilityDashboardProps, m: StageMetrics): cloudwatch.IWidget[] {
    const automated = m.chatPath(true);
    return [
      graph('Automation endpoints: server error rate (%)', [props.automationErrorRate], {
        leftAnnotations: [
          { value: AUTOMATION_WARN_PERCENT, label: 'warn', color: cloudwatch.Color.ORANGE },
          { value: AUTOMATION_ROLLBACK_PERCENT, label: 'roll back', color: cloudwatch.Color.RED },
        ],
      }),
      graph('Automation endpoints: requests and server errors', [
        ...props.settingsRoutes.flatMap((r) => [
          m.apiMethod('Count', r, 'Sum'),
          m.apiMethod('5XXError', r, 'Sum'),
        ]),
        automated.requests.with({ label: 'automated chat requests' }),
        automated.errors.with({ label: 'automated chat errors' }),
      ]),
      graph('Session creation failures', [
        m.flowgateSearch(G.sessionCreationFailures, [D.backend, D.errorType]),
      ]),
      graph(
        'Model routing errors',
        ROUTING_OUTCOMES.map((o) => m.flowgate(G.routingErrors, { [D.outcome]: o }).with({ label: o })),
      ),
      graph('API requests, 4xx and 5xx', [
        m.api('Count', 'Sum'),
        m.api('4XXError', 'Sum'),
        m.api('5XXError', 'Sum'),
      ]),
      graph('Upstream errors by type', [m.flowgateSearch(G.upstreamErrors, [D.errorType])]),
    ];
  }

  private performanceWidgets(props: ObservabilityDashboardProps, m: StageMetrics): cloudwatch.IWidget[] {
    const chat = (name: string, stats: string[]) =>
      [true, false].flatMap((automated) =>
        stats.map((stat) =>
          m
            .flowgate(name, { [D.automated]: String(automated) }, stat)
            .with({ label: `${automated ? 'automated' : 'not automated'} ${stat}` }),
        ),
      );
    // Per table and operation (GetItem, Query, TransactWriteItems…): whichever the code uses.
    const dynamo = (metricName: string, stat: string) =>
      search(
        `{AWS/DynamoDB,Operation,TableName} MetricName="${metricName}" TableName="${props.table.tableName}"`,
        stat,
        `${metricName} \${PROP('Dim.Operation')}`,
      );
    return [
      graph('Session creation time (ms)', [
        m.flowgateSearch(G.sessionCreationLatency, [D.backend, D.automated], p50),
        m.flowgateSearch(G.sessionCreationLatency, [D.backend, D.automated], p99),
      ]),
      graph('Chat latency with and without automation (ms)', chat(G.chatLatency, [p50, p99])),
      graph('Chat time to first byte, streaming (ms)', chat(G.chatTimeToFirstByte, [p50, p99])),
      graph('API latency (ms)', [
        m.api('Latency', p50),
        m.api('Latency', p99),
        ...props.streamingRoutes.map((r) => m.apiMethod('Latency', r, p99)),
      ]),
      graph('DynamoDB latency by operation (ms)', [dynamo('SuccessfulRequestLatency', 'Average')]),
      graph('DynamoDB throttles and system errors', [
        dynamo('ThrottledRequests', 'Sum'),
        dynamo('SystemErrors', 'Sum'),
      ]),
    ];
  }

  private usageWidgets(m: StageMetrics): cloudwatch.IWidget[] {
    const changes = Object.fromEntries(
      SETTINGS_CHANGES.map((c) => [
        c,
        m
          .flowgate(G.automationSettingsChanged, { [D.change]: c })
          .with({ period: ADOPTION_PERIOD, label: c }),
      ]),
    );
    return [
      graph('Automated sessions opened', [
        m.flowgateSearch(G.automatedSessionCreations, [D.backend]),
        m.flowgateSearch(G.sessionCreations, [D.backend, D.reason]),
      ]),
      // CloudWatch cannot count users with automation on; it can sum the switches. The
      // running sum is the net change in adopters since the start of the range shown.
      graph('Adoption: users switching automation on and off (hourly)', [
        changes.enabled!,
        changes.disabled!,
        new cloudwatch.MathExpression({
          expression: 'RUNNING_SUM(FILL(enabled, 0) - FILL(disabled, 0))',
          usingMetrics: { enabled: changes.enabled!, disabled: changes.disabled! },
          label: 'net users switched on in this range',
          period: ADOPTION_PERIOD,
        }),
      ]),
      graph(
        'Model distribution (requests by routed model)',
        [m.flowgateSearch(G.routedRequests, [D.routedModel])],
        {
          stacked: true,
        },
      ),
      graph('Chat requests with and without automation', [
        m.chatPath(true).requests.with({ label: 'automated' }),
        m.chatPath(false).requests.with({ label: 'not automated' }),
      ]),
    ];
  }

  private engineWidgets(props: ObservabilityDashboardProps, m: StageMetrics): cloudwatch.IWidget[] {
    const groups = [...props.functionGroups];
    const perGroup = (kind: 'errors' | 'throttles') =>
      groups.map(([group, fns], g) =>
        total(
          fns.map(({ fn }) =>
            kind === 'errors'
              ? fn.metricErrors({ statistic: 'Sum' })
              : fn.metricThrottles({ statistic: 'Sum' }),
          ),
          group,
          `g${g}m`,
        ),
      );
    return [
      graph('Run outcomes by status and trigger', [
        m.flowgateSearch(R.runFinished, [RUN_OUTCOME_DIMENSIONS.status, RUN_OUTCOME_DIMENSIONS.trigger]),
      ]),
      graph('Abandoned runs and disabled automations', [
        m.flowgate(R.runAbandoned).with({ label: 'abandoned runs' }),
        m.flowgate(R.automationDisabled).with({ label: 'automations disabled after repeated failures' }),
      ]),
      graph(
        'Scheduler dead-letter queue depth',
        [props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum' })],
        { right: [props.deadLetterQueue.metricApproximateAgeOfOldestMessage({ statistic: 'Maximum' })] },
      ),
      graph('Lambda errors by function group', perGroup('errors')),
      graph('Lambda throttles by function group', perGroup('throttles')),
    ];
  }
}
