import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { TABLE } from '../../shared/db/table-definition';
import { acknowledge } from '../nag';
import type { Access } from '../routes';
import type { LlmUpstream } from './llm-upstream';
import type { SchedulerResources } from './scheduler-resources';

/** Everything an `Access` entry can point at. */
export interface AccessResources {
  table: ITable;
  credentialsKey: IKey;
  scheduler: SchedulerResources;
  llm: LlmUpstream;
  /** Absent while the execution function itself is being built: it cannot depend on itself. */
  executionFunction?: IFunction;
}

type Grant = (fn: LambdaFunction, resources: AccessResources) => void;

/** The DynamoDB calls the runtime makes: reads, and with `table:write` the writes and transactions. */
const TABLE_READS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
const TABLE_WRITES = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/** The table and its two indexes by name: no `index/*`. */
function tableResources(table: ITable): string[] {
  return [
    table.tableArn,
    ...[TABLE.gsi1.name, TABLE.gsi2.name].map((index) => `${table.tableArn}/index/${index}`),
  ];
}

function grantTable(fn: LambdaFunction, table: ITable, actions: string[]): void {
  fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: tableResources(table) }));
  fn.addEnvironment('TABLE_NAME', table.tableName);
}

/** Where a function's grants land: its role's policy (findings are recorded there). */
const policyOf = (fn: LambdaFunction) => fn.role ?? fn;

/** Schedules are created at run time with names of their own, so the group is as narrow as it gets. */
function acknowledgeScheduleGroup(fn: LambdaFunction, scheduler: SchedulerResources): void {
  acknowledge(
    policyOf(fn),
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${scheduler.groupName}/*]`,
    "Schedules are named at run time per automation; the permission is limited to the stage's own schedule group.",
  );
}

function requireExecutionFunction(resources: AccessResources, access: Access): IFunction {
  if (!resources.executionFunction) {
    throw new Error(`'${access}' needs the execution function, which does not exist yet at this point`);
  }
  return resources.executionFunction;
}

/** Creating or updating a schedule hands the scheduler role to the service; nothing else may be passed. */
function passSchedulerRole(scheduler: SchedulerResources): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: ['iam:PassRole'],
    resources: [scheduler.role.roleArn],
    conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
  });
}

/**
 * One entry per access kind: the IAM grant and the env vars that name the resource
 * travel together, so a function can never hold a permission it has no address for,
 * or an address it has no permission for. A `Record` makes a new `Access` value a
 * compile error until it is granted here.
 */
const GRANTS: Record<Access, Grant> = {
  'table:read': (fn, { table }) => grantTable(fn, table, TABLE_READS),
  'table:write': (fn, { table }) => grantTable(fn, table, [...TABLE_READS, ...TABLE_WRITES]),
  // Encrypt alone: the KMS adapter never re-encrypts or asks for data keys.
  'kms:encrypt': (fn, { credentialsKey }) => {
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['kms:Encrypt'], resources: [credentialsKey.keyArn] }),
    );
    fn.addEnvironment('KMS_KEY_ID', credentialsKey.keyId);
  },
  'kms:decrypt': (fn, { credentialsKey }) => {
    credentialsKey.grantDecrypt(fn);
    fn.addEnvironment('KMS_KEY_ID', credentialsKey.keyId);
  },
  'scheduler:manage': (fn, resources) => {
    const { scheduler } = resources;
    const target = requireExecutionFunction(resources, 'scheduler:manage');
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [
          'scheduler:CreateSchedule',
          'scheduler:UpdateSchedule',
          'scheduler:DeleteSchedule',
          'scheduler:GetSchedule',
        ],
        resources: [scheduler.schedulesArn],
      }),
    );
    // ListSchedules has no resource-level permissions in IAM (it only matches "*"); the
    // adapter passes GroupName, and the answer holds names and states, not inputs.
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['scheduler:ListSchedules'], resources: ['*'] }));
    acknowledge(
      policyOf(fn),
      'AwsSolutions-IAM5[Resource::*]',
      'scheduler:ListSchedules has no resource-level permissions; it is called with the group name and returns names and states only.',
    );
    acknowledgeScheduleGroup(fn, scheduler);
    fn.addToRolePolicy(passSchedulerRole(scheduler));
    fn.addEnvironment('SCHEDULE_GROUP', scheduler.group.scheduleGroupName);
    fn.addEnvironment('SCHEDULER_ROLE_ARN', scheduler.role.roleArn);
    fn.addEnvironment('SCHEDULER_DLQ_ARN', scheduler.deadLetterQueue.queueArn);
    fn.addEnvironment('EXECUTION_FUNCTION_ARN', target.functionArn);
  },
  /*
   * Pausing an existing schedule: GetSchedule, then UpdateSchedule with the target it read.
   * No create, delete or list, and no EXECUTION_FUNCTION_ARN: the execution function holds
   * this access, and naming itself in its own configuration would be a CloudFormation cycle
   * (its adapter takes its ARN from the Lambda context instead). UpdateSchedule passes the
   * schedule's role again, hence PassRole, limited to the scheduler role and service.
   */
  'scheduler:pause': (fn, { scheduler }) => {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['scheduler:GetSchedule', 'scheduler:UpdateSchedule'],
        resources: [scheduler.schedulesArn],
      }),
    );
    acknowledgeScheduleGroup(fn, scheduler);
    fn.addToRolePolicy(passSchedulerRole(scheduler));
    fn.addEnvironment('SCHEDULE_GROUP', scheduler.group.scheduleGroupName);
    fn.addEnvironment('SCHEDULER_ROLE_ARN', scheduler.role.roleArn);
    fn.addEnvironment('SCHEDULER_DLQ_ARN', scheduler.deadLetterQueue.queueArn);
  },
  'llm:models': (fn, { llm }) => llm.grantModels(fn),
  'llm:upstream': (fn, { llm }) => llm.grantUpstream(fn),
  // The unqualified function only: runs are started on $LATEST, never on a version or alias.
  'execution:invoke': (fn, resources) => {
    const target = requireExecutionFunction(resources, 'execution:invoke');
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [target.functionArn] }),
    );
    fn.addEnvironment('EXECUTION_FUNCTION_NAME', target.functionName);
  },
};

export function grantAccess(fn: LambdaFunction, access: readonly Access[], resources: AccessResources): void {
  for (const entry of new Set(access)) GRANTS[entry](fn, resources);
}
