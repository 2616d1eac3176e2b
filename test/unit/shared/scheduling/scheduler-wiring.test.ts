// What the stack's `scheduler:manage` access sets on a function (infra/constructs/access-grants.ts).
process.env.SCHEDULE_GROUP = 'flowgate-prod';
process.env.SCHEDULER_ROLE_ARN = 'arn:aws:iam::111122223333:role/scheduler';
process.env.EXECUTION_FUNCTION_ARN = 'arn:aws:lambda:us-east-1:111122223333:function:ExecuteRun';
process.env.SCHEDULER_DLQ_ARN = 'arn:aws:sqs:us-east-1:111122223333:dlq';
process.env.SCHEDULER_MAX_RETRY_ATTEMPTS = '5';
process.env.SCHEDULER_MAX_EVENT_AGE_SECONDS = '900';

import { CreateScheduleCommand, GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { installAdapters } from '../../../../shared/runtime/adapters';
import { AwsScheduler } from '../../../../shared/scheduling/aws-scheduler';
import {
  awsSchedulerFromEnv,
  defaultSchedulingService,
  schedulerPort,
} from '../../../../shared/scheduling/scheduler-wiring';
import { MemoryScheduler } from './memory-scheduler';

describe('scheduler wiring', () => {
  const aws = mockClient(SchedulerClient);
  afterAll(() => aws.restore());

  it('configures the AWS adapter from the environment the stack sets', async () => {
    aws.on(GetScheduleCommand).resolves({
      Name: 'n',
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Target: { Arn: 'a', RoleArn: 'r', Input: '{}' },
      CreationDate: new Date('2026-01-01T00:00:00Z'),
    });
    aws.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    const port = schedulerPort();
    expect(port).toBeInstanceOf(AwsScheduler);
    await awsSchedulerFromEnv().create({
      name: 'n',
      expression: 'rate(1 hour)',
      timezone: 'UTC',
      state: 'ENABLED',
      input: '{}',
    });
    expect(aws.commandCalls(CreateScheduleCommand)[0]!.args[0].input).toMatchObject({
      GroupName: 'flowgate-prod',
      Target: {
        Arn: 'arn:aws:lambda:us-east-1:111122223333:function:ExecuteRun',
        RoleArn: 'arn:aws:iam::111122223333:role/scheduler',
        DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:111122223333:dlq' },
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 900 },
      },
    });
  });

  it('uses the stand-in the local stack installed instead', async () => {
    const local = new MemoryScheduler();
    installAdapters({ scheduler: () => local });
    expect(schedulerPort()).toBe(local);
    const service = defaultSchedulingService();
    await service.pause({ kind: 'plan', automationId: 'p', userId: 'u' });
    expect(local.calls.map((c) => c.op)).toEqual(['get']);
  });
});
