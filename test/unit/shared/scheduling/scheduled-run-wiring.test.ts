// What the stack's `scheduler:pause` access sets on the execution function (no EXECUTION_FUNCTION_ARN).
process.env.SCHEDULE_GROUP = 'flowgate-prod';
process.env.SCHEDULER_ROLE_ARN = 'arn:aws:iam::111122223333:role/scheduler';
process.env.SCHEDULER_DLQ_ARN = 'arn:aws:sqs:us-east-1:111122223333:dlq';
delete process.env.EXECUTION_FUNCTION_ARN;

import { GetScheduleCommand, SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { lambdaContext } from '../../../../infra/local/lambda-context';
import { AwsScheduler } from '../../../../shared/scheduling/aws-scheduler';
import {
  buildExecutionRuntime,
  executionRuntime,
  pauseScheduler,
  unqualifiedArn,
} from '../../../../shared/scheduling/scheduled-run-wiring';

const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:111122223333:function:ExecuteRun';

describe('execution runtime wiring', () => {
  const aws = mockClient(SchedulerClient);
  afterAll(() => aws.restore());

  it('strips a version or alias from the invoked ARN', () => {
    expect(unqualifiedArn(`${FUNCTION_ARN}:live`)).toBe(FUNCTION_ARN);
    expect(unqualifiedArn(FUNCTION_ARN)).toBe(FUNCTION_ARN);
  });

  it('pauses on AWS with only the group and role it is given: the target comes from GetSchedule', async () => {
    const target = {
      Arn: FUNCTION_ARN,
      RoleArn: 'arn:aws:iam::111122223333:role/scheduler',
      Input: '{"source":"flowgate.schedule"}',
      DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:111122223333:dlq' },
      RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
    };
    aws.on(GetScheduleCommand).resolves({
      Name: 'u1.trace.t1',
      GroupName: 'flowgate-prod',
      ScheduleExpression: 'cron(0 9 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      State: 'ENABLED',
      Target: target,
      FlexibleTimeWindow: { Mode: 'OFF' },
    });
    aws.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    const port = pauseScheduler({ invokedFunctionArn: `${FUNCTION_ARN}:live` });
    expect(port).toBeInstanceOf(AwsScheduler);
    await port.setState('u1.trace.t1', 'DISABLED');
    expect(aws.commandCalls(UpdateScheduleCommand)[0]!.args[0].input).toEqual({
      Name: 'u1.trace.t1',
      GroupName: 'flowgate-prod',
      ScheduleExpression: 'cron(0 9 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      State: 'DISABLED',
      Target: target,
      FlexibleTimeWindow: { Mode: 'OFF' },
    });
  });

  it('builds the runtime once per container', () => {
    const context = lambdaContext('ExecuteRun', 300, 1024);
    const built = buildExecutionRuntime(context);
    expect(built.engine.runs).toBeDefined();
    expect(built.scheduled).toBeDefined();
    expect(executionRuntime(context)).toBe(executionRuntime(context));
  });
});
