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
import { ApiFunction, SERVICE_NAME } from './constructs/api-function';
import { CredentialsKey } from './constructs/credentials-key';
import { DataTable } from './constructs/data-table';
import { FlowgateApi, type ThrottleSettings } from './constructs/rest-api';
import { ScheduledRunAlarm } from './constructs/scheduled-run-alarm';
import { SchedulerResources } from './constructs/scheduler-resources';

export const STACK_NAME = 'Flowgate';

export interface FlowgateStackProps extends StackProps {
  /** The route table; tests pass extra synthetic routes. */
  routes?: readonly RouteDef[];
  /** Stage-wide request limits (requests per second, burst). */
  throttle?: ThrottleSettings;
  tracing?: boolean;
  /** Access-Control-Allow-Origin for preflights and gateway errors. */
  allowOrigin?: string;
}

/**
 * Flowgate on AWS: data (table, key), the scheduler plumbing, one Lambda per function
 * entry of the route table, and the REST API in front of them.
 */
export class FlowgateStack extends Stack {
  constructor(scope: Construct, id: string, props: FlowgateStackProps = {}) {
    super(scope, id, props);
    const routes = props.routes ?? defaultRoutes;
    const { tracing } = props;
    const allowOrigin = props.allowOrigin ?? '*';

    const { table } = new DataTable(this, 'Data');
    const credentials = new CredentialsKey(this, 'Credentials');
    const scheduler = new SchedulerResources(this, 'Scheduler');
    const resources: AccessResources = { table, credentialsKey: credentials.key, scheduler };
    const defaults = { tracing, allowOrigin };

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
    const { alarm } = new ScheduledRunAlarm(this, 'ScheduledRunFailures', { serviceName: SERVICE_NAME });

    // Every accepted run ends: each minute the sweeper settles runs whose executor was lost.
    const sweeper = new ApiFunction(this, sweepFunction.name, {
      ...defaults,
      def: sweepFunction,
      resources: withExecution,
    });
    // A missed sweep is made up by the next one; retrying a failed one only doubles the work.
    sweeper.fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(2) });
    new events.Rule(this, 'SweepRunsSchedule', {
      description: 'Flowgate: settle runs whose executor was lost',
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
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      tracing,
      allowOrigin,
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
    };
    for (const [name, value] of Object.entries(outputs)) new CfnOutput(this, name, { value });
  }
}
