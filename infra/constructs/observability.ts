import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { ArnFormat, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { functionGroups, type RouteDef } from '../routes';
import { namePrefix, type StageConfig } from '../stage-config';
import { ObservabilityAlarms, type NamedFunction, type WatchedAlarm } from './observability-alarms';
import { ObservabilityDashboard } from './observability-dashboard';
import { StageMetrics } from './observability-metrics';
import { serviceNameOf } from './api-function';

export interface ObservabilityProps {
  stage: StageConfig;
  api: apigateway.RestApi;
  routes: readonly RouteDef[];
  /** Every function of the stack, by its route-table name. */
  functions: ReadonlyMap<string, IFunction>;
  table: ITable;
  deadLetterQueue: IQueue;
  /** Alarms made elsewhere that notify the same topic (the scheduled-run one). */
  otherAlarms?: readonly WatchedAlarm[];
}

/** Functions a caller adds beyond the route table (tests do) are watched too, under this group. */
export const UNGROUPED = 'other';

/** The stack's functions by group, in the route table's group order; each exactly once. */
export function groupFunctions(functions: ReadonlyMap<string, IFunction>): Map<string, NamedFunction[]> {
  const groups = new Map<string, NamedFunction[]>();
  const placed = new Set<string>();
  for (const [group, defs] of Object.entries(functionGroups)) {
    const members = defs
      .filter((d) => functions.has(d.name))
      .map((d) => ({ name: d.name, fn: functions.get(d.name)! }));
    members.forEach((f) => placed.add(f.name));
    if (members.length > 0) groups.set(group, members);
  }
  const rest = [...functions].filter(([name]) => !placed.has(name)).map(([name, fn]) => ({ name, fn }));
  if (rest.length > 0) groups.set(UNGROUPED, rest);
  return groups;
}

/**
 * The stage's monitoring: one SNS topic every alarm notifies (an e-mail subscription when
 * the stage names an address), the alarms, and one dashboard. Paging alarms also notify
 * when they clear, so whoever rolled back hears that it worked.
 */
export class Observability extends Construct {
  readonly topic: sns.Topic;
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarms: readonly WatchedAlarm[];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { stage } = props;
    const prefix = namePrefix(stage);

    this.topic = new sns.Topic(this, 'AlarmTopic', {
      topicName: `${prefix}-alarms`,
      displayName: `Flowgate ${stage.name} alarms`,
      enforceSSL: true,
    });
    // The topic has a policy of its own (enforceSSL), so CloudWatch's right to publish is
    // stated, and only for this stage's alarms in this account.
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: `${prefix}-*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    acknowledge(
      this.topic,
      'AwsSolutions-SNS2',
      'Alarm notifications carry alarm names, states and metric values, no customer data; a KMS key here would need CloudWatch in its key policy for no gain.',
    );
    if (stage.alarmEmail) this.topic.addSubscription(new EmailSubscription(stage.alarmEmail));

    const metrics = new StageMetrics({
      serviceName: serviceNameOf(stage),
      apiName: props.api.restApiName,
      stageName: props.api.deploymentStage.stageName,
    });
    const grouped = groupFunctions(props.functions);
    const built = new ObservabilityAlarms(this, 'Alarms', {
      prefix,
      metrics,
      routes: props.routes,
      functionGroups: grouped,
      deadLetterQueue: props.deadLetterQueue,
    });
    this.alarms = [...built.watched, ...(props.otherAlarms ?? [])];
    const action = new SnsAction(this.topic);
    for (const { alarm, severity } of this.alarms) {
      alarm.addAlarmAction(action);
      if (severity === 'page') alarm.addOkAction(action);
    }

    this.dashboard = new ObservabilityDashboard(this, 'Dashboard', {
      dashboardName: prefix,
      stageName: stage.name,
      metrics,
      automationErrorRate: built.automationErrorRate,
      settingsRoutes: built.settingsRoutes,
      streamingRoutes: props.routes.filter((r) => r.streaming),
      functionGroups: grouped,
      table: props.table,
      deadLetterQueue: props.deadLetterQueue,
      alarms: this.alarms,
    }).dashboard;
  }
}
