import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { Construct } from 'constructs';
import {
  SWEEP_RATE_MINUTES,
  authorizerFunction,
  executionFunction,
  routes as defaultRoutes,
  sweepFunction,
  type RouteDef,
} from './routes';
import type { AccessResources } from './constructs/access-grants';
import { ApiFunction, serviceNameOf } from './constructs/api-function';
import { ApiWaf } from './constructs/api-waf';
import { CredentialsKey } from './constructs/credentials-key';
import { DataTable } from './constructs/data-table';
import { LlmUpstream } from './constructs/llm-upstream';
import { Observability } from './constructs/observability';
import { FlowgateApi } from './constructs/rest-api';
import { ScheduledRunAlarm } from './constructs/scheduled-run-alarm';
import { SchedulerResources } from './constructs/scheduler-resources';
import { acknowledge } from './nag';
import { namePrefix, type Stage } from './stage-config';

export interface FlowgateStackProps extends StackProps {
  /** The stage this copy of Flowgate is (config/stages/<name>.json, validated). */
  stage: Stage;
  /** The route table; tests pass extra synthetic routes. */
  routes?: readonly RouteDef[];
}

/**
 * Flowgate on AWS, one stage of it: data (table, key), the scheduler plumbing, the
 * upstream configuration and secrets, one Lambda per function entry of the route table,
 * and the REST API in front of them. Every name carries the stage.
 */
export class FlowgateStack extends Stack {
  constructor(scope: Construct, id: string, props: FlowgateStackProps) {
    super(scope, id, props);
    const routes = props.routes ?? defaultRoutes;
    const stage = props.stage.config;
    const prefix = namePrefix(stage);

    const { table } = new DataTable(this, 'Data', { tableName: `${prefix}-data` });
    const credentials = new CredentialsKey(this, 'Credentials', { prefix });
    const scheduler = new SchedulerResources(this, 'Scheduler', { groupName: prefix });
    const llm = new LlmUpstream(this, 'Upstream', { stage: props.stage });
    const resources: AccessResources = { table, credentialsKey: credentials.key, scheduler, llm };
    const defaults = { stage };

    // Built first: the scheduler role and the functions that start runs point at it.
    const execution = new ApiFunction(this, executionFunction.name, {
      ...defaults,
      def: executionFunction,
      resources,
    });
    scheduler.allowInvoke(execution.fn);
    // The scheduler retries delivery itself; Lambda's own async retries would multiply runs.
    // An event that fails here (a malformed payload, an error before the run is recorded)
    // goes straight to the dead-letter queue the scheduler's own undeliverable events use.
    execution.fn.configureAsyncInvoke({
      retryAttempts: 0,
      maxEventAge: Duration.hours(1),
      onFailure: new SqsDestination(scheduler.deadLetterQueue),
    });
    // A run longer than one invocation hands itself on to a fresh invocation. A separate
    // policy (not the function's own) avoids a function → policy → function cycle.
    new iam.Policy(this, 'ExecuteRunSelfInvoke', {
      roles: [execution.fn.role!],
      statements: [
        new iam.PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [execution.fn.functionArn],
        }),
      ],
    });
    const withExecution: AccessResources = { ...resources, executionFunction: execution.fn };
    const { alarm } = new ScheduledRunAlarm(this, 'ScheduledRunFailures', {
      serviceName: serviceNameOf(stage),
      alarmName: `${prefix}-scheduled-automation-disabled`,
    });

    // Every accepted run ends: each minute the sweeper settles runs whose executor was lost
    // (and closes the model sessions nobody uses any more).
    const sweeper = new ApiFunction(this, sweepFunction.name, {
      ...defaults,
      def: sweepFunction,
      resources: withExecution,
    });
    // A missed sweep is made up by the next one; retrying a failed one only doubles the work.
    sweeper.fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(2) });
    new events.Rule(this, 'SweepRunsSchedule', {
      description: 'Flowgate: settle runs whose executor was lost; close idle model sessions',
      schedule: events.Schedule.rate(Duration.minutes(SWEEP_RATE_MINUTES)),
      targets: [new targets.LambdaFunction(sweeper.fn, { retryAttempts: 0 })],
    });

    const authorizer = new ApiFunction(this, authorizerFunction.name, {
      ...defaults,
      def: authorizerFunction,
      resources: withExecution,
    });
    const functions = new Map<string, IFunction>();
    const taken = new Set([execution.def.name, authorizer.def.name, sweeper.def.name]);
    for (const route of routes) {
      // Names are construct and logical ids; fail with the entry name, not a CDK path clash.
      if (taken.has(route.name)) throw new Error(`Duplicate function name ${route.name}`);
      taken.add(route.name);
      const fn = new ApiFunction(this, route.name, { ...defaults, def: route, resources: withExecution }).fn;
      functions.set(route.name, fn);
    }

    const { api } = new FlowgateApi(this, 'Http', {
      routes,
      functions,
      authorizerFunction: authorizer.fn,
      stage,
    });
    if (stage.waf?.enabled) {
      new ApiWaf(this, 'Waf', { api, prefix, rateLimitPer5Minutes: stage.waf.rateLimitPer5Minutes });
    } else {
      acknowledge(
        api.deploymentStage,
        'AwsSolutions-APIG3',
        `Stage ${stage.name} is configured without a web ACL (config/stages/${stage.name}.json "waf"); its stage-wide throttle still applies.`,
      );
    }

    const observability = new Observability(this, 'Observability', {
      stage,
      api,
      routes,
      functions: new Map([
        ...functions,
        ...[execution, authorizer, sweeper].map((f) => [f.def.name, f.fn] as const),
      ]),
      table,
      deadLetterQueue: scheduler.deadLetterQueue,
      otherAlarms: [{ alarm, severity: 'warn' }],
    });

    const outputs: Record<string, string> = {
      ApiUrl: api.url,
      TableName: table.tableName,
      CredentialsKeyId: credentials.key.keyId,
      CredentialsKeyAlias: credentials.alias.aliasName,
      ScheduleGroupName: scheduler.group.scheduleGroupName,
      SchedulerRoleArn: scheduler.role.roleArn,
      SchedulerDeadLetterQueueUrl: scheduler.deadLetterQueue.queueUrl,
      ExecutionFunctionArn: execution.fn.functionArn,
      ScheduledAutomationDisabledAlarmName: alarm.alarmName,
      AlarmTopicArn: observability.topic.topicArn,
      DashboardName: observability.dashboard.dashboardName,
    };
    for (const [name, value] of Object.entries(outputs)) new CfnOutput(this, name, { value });
  }
}
