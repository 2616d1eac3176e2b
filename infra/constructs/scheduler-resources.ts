import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

/**
 * What EventBridge Scheduler needs to run automations: Flowgate's own schedule group,
 * a dead-letter queue for deliveries that exhaust their retries, and the role the
 * schedules assume. Schedules themselves are created at runtime by the scheduler adapter.
 */
export class SchedulerResources extends Construct {
  readonly group: ScheduleGroup;
  /** The group's name as written (the construct's attribute is a token until deploy). */
  readonly groupName: string;
  readonly deadLetterQueue: sqs.Queue;
  /** Passed to every schedule as its execution role. */
  readonly role: iam.Role;
  /** Every schedule in the group: the scope of the functions that manage schedules. */
  readonly schedulesArn: string;

  constructor(scope: Construct, id: string, props: { groupName: string }) {
    super(scope, id);
    const stack = Stack.of(this);

    this.groupName = props.groupName;
    this.group = new ScheduleGroup(this, 'Group', { scheduleGroupName: props.groupName });
    this.schedulesArn = stack.formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.group.scheduleGroupName}/*`,
    });

    // SQS-managed encryption rather than a KMS key: the scheduler can then send without
    // any kms:* permission, which keeps its role to the two statements below.
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetterQueue,
      'AwsSolutions-SQS3',
      'It is the dead-letter queue: of the schedules (their target DLQ) and of the execution function (its on-failure destination). A DLQ of a DLQ only moves the problem.',
    );

    this.role = new iam.Role(this, 'Role', {
      description: 'Assumed by Flowgate schedules: invokes the execution function, nothing else',
      // Confused-deputy guard: only schedules of this account, in this group, may assume it.
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': this.group.scheduleGroupArn,
          },
        },
      }),
    });
    // The scheduler writes undeliverable events here; SendMessage alone is enough for that.
    this.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }),
    );
  }

  /** The role's single Lambda permission: invoke the execution function (schedules name it unqualified). */
  allowInvoke(target: IFunction): void {
    this.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [target.functionArn] }),
    );
  }
}
