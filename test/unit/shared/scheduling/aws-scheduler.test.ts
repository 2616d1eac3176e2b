import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  InternalServerException,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  ThrottlingException,
  UpdateScheduleCommand,
  ValidationException,
  type GetScheduleOutput,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { UpstreamError } from '../../../../shared/errors';
import { AwsScheduler } from '../../../../shared/scheduling/aws-scheduler';
import {
  ScheduleExistsError,
  ScheduleNotFoundError,
  ScheduleValidationError,
  type ScheduleDefinition,
} from '../../../../shared/scheduling/scheduler-port';

const GROUP = 'flowgate-schedules';
const TARGET_ARN = 'arn:aws:lambda:us-east-1:111122223333:function:ExecuteRun';
const ROLE_ARN = 'arn:aws:iam::111122223333:role/flowgate-scheduler';
const DLQ_ARN = 'arn:aws:sqs:us-east-1:111122223333:flowgate-dlq';
const INPUT =
  '{"source":"flowgate.schedule","kind":"trace","automationId":"trace_1","userId":"user_1","scheduleName":"u1.trace.trace_1","scheduledTime":"<aws.scheduler.scheduled-time>","executionId":"<aws.scheduler.execution-id>"}';

const def = (patch: Partial<ScheduleDefinition> = {}): ScheduleDefinition => ({
  name: 'u1.trace.trace_1',
  expression: 'cron(0 9 ? * 2,4,6 *)',
  timezone: 'America/New_York',
  state: 'ENABLED',
  input: INPUT,
  ...patch,
});

const target = {
  Arn: TARGET_ARN,
  RoleArn: ROLE_ARN,
  Input: INPUT,
  DeadLetterConfig: { Arn: DLQ_ARN },
  RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
};

const existing: GetScheduleOutput = {
  Arn: `arn:aws:scheduler:us-east-1:111122223333:schedule/${GROUP}/u1.trace.trace_1`,
  GroupName: GROUP,
  Name: 'u1.trace.trace_1',
  ScheduleExpression: 'cron(0 9 ? * 2,4,6 *)',
  ScheduleExpressionTimezone: 'America/New_York',
  State: 'ENABLED',
  Description: 'Weekly report',
  CreationDate: new Date('2026-03-01T12:00:00Z'),
  LastModificationDate: new Date('2026-03-02T12:00:00Z'),
  KmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/abc',
  Target: target,
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'NONE',
};

type AwsException =
  | typeof ConflictException
  | typeof InternalServerException
  | typeof ResourceNotFoundException
  | typeof ThrottlingException
  | typeof ValidationException;

/** The SDK's own exception classes, as the client throws them. */
const awsError = (Ctor: AwsException) =>
  new Ctor({ message: 'from AWS', Message: 'from AWS', $metadata: {} });

describe('AwsScheduler', () => {
  const scheduler = mockClient(SchedulerClient);
  const adapter = new AwsScheduler({
    client: new SchedulerClient({ region: 'us-east-1' }),
    group: GROUP,
    targetArn: TARGET_ARN,
    roleArn: ROLE_ARN,
    deadLetterArn: DLQ_ARN,
    retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 3600 },
    listConcurrency: 2,
  });

  beforeEach(() => scheduler.reset());

  it('creates with the group, client token, target, role, DLQ, retry policy and no flexible window', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    await adapter.create(def({ description: 'Weekly report', endDate: '2027-01-01T00:00:00Z' }), {
      clientToken: 'token-1',
    });
    const calls = scheduler.commandCalls(CreateScheduleCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toStrictEqual({
      Name: 'u1.trace.trace_1',
      GroupName: GROUP,
      ScheduleExpression: 'cron(0 9 ? * 2,4,6 *)',
      ScheduleExpressionTimezone: 'America/New_York',
      State: 'ENABLED',
      Description: 'Weekly report',
      EndDate: new Date('2027-01-01T00:00:00Z'),
      Target: target,
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'NONE',
      ClientToken: 'token-1',
    });
  });

  it('validates before calling AWS, like the local scheduler', async () => {
    await expect(adapter.create(def({ timezone: 'Mars/Base' }))).rejects.toThrow(/time zone/);
    await expect(adapter.create(def({ name: 'has space' }))).rejects.toBeInstanceOf(ScheduleValidationError);
    expect(scheduler.calls()).toHaveLength(0);
  });

  it('maps a conflict on create to ScheduleExistsError', async () => {
    scheduler.on(CreateScheduleCommand).rejects(awsError(ConflictException));
    await expect(adapter.create(def())).rejects.toBeInstanceOf(ScheduleExistsError);
  });

  it('maps ValidationException to a 400 without AWS wording, and outages to a 502', async () => {
    scheduler
      .on(CreateScheduleCommand)
      .rejectsOnce(awsError(ValidationException))
      .rejectsOnce(awsError(ThrottlingException))
      .rejectsOnce(new Error('socket hang up'));
    const invalid = await adapter.create(def()).catch((err: unknown) => err);
    expect(invalid).toBeInstanceOf(ScheduleValidationError);
    expect((invalid as ScheduleValidationError).statusCode).toBe(400);
    expect((invalid as Error).message).not.toContain('from AWS');

    const throttled = await adapter.create(def()).catch((err: unknown) => err);
    expect(throttled).toBeInstanceOf(UpstreamError);
    expect((throttled as UpstreamError).statusCode).toBe(502);

    await expect(adapter.create(def())).rejects.toBeInstanceOf(UpstreamError);
  });

  it('updates with GetSchedule, then UpdateSchedule carrying the whole definition', async () => {
    scheduler.on(GetScheduleCommand).resolves(existing);
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    await adapter.update(
      def({ expression: 'cron(30 7 * * ? *)', timezone: 'Europe/Berlin', state: 'DISABLED' }),
    );
    expect(scheduler.commandCalls(GetScheduleCommand)[0]!.args[0].input).toStrictEqual({
      Name: 'u1.trace.trace_1',
      GroupName: GROUP,
    });
    const calls = scheduler.commandCalls(UpdateScheduleCommand);
    expect(calls).toHaveLength(1);
    // No Description: the new definition has none, and UpdateSchedule clears what it omits.
    expect(calls[0]!.args[0].input).toStrictEqual({
      Name: 'u1.trace.trace_1',
      GroupName: GROUP,
      ScheduleExpression: 'cron(30 7 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      State: 'DISABLED',
      Target: target,
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'NONE',
      KmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/abc',
    });
  });

  it('update of a missing schedule is ScheduleNotFoundError and sends no UpdateSchedule', async () => {
    scheduler.on(GetScheduleCommand).rejects(awsError(ResourceNotFoundException));
    await expect(adapter.update(def())).rejects.toBeInstanceOf(ScheduleNotFoundError);
    expect(scheduler.commandCalls(UpdateScheduleCommand)).toHaveLength(0);
  });

  it('maps a conflict on update (a concurrent change) to a 502 worth retrying', async () => {
    scheduler.on(GetScheduleCommand).resolves(existing);
    scheduler.on(UpdateScheduleCommand).rejects(awsError(ConflictException));
    await expect(adapter.update(def())).rejects.toBeInstanceOf(UpstreamError);
  });

  it('pauses by sending the schedule back exactly as it is, State changed', async () => {
    scheduler.on(GetScheduleCommand).resolves(existing);
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    await adapter.setState('u1.trace.trace_1', 'DISABLED');
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]!.args[0].input).toStrictEqual({
      Name: 'u1.trace.trace_1',
      GroupName: GROUP,
      ScheduleExpression: 'cron(0 9 ? * 2,4,6 *)',
      ScheduleExpressionTimezone: 'America/New_York',
      State: 'DISABLED',
      Description: 'Weekly report',
      KmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/abc',
      Target: target,
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'NONE',
    });
  });

  it('setState on a missing schedule is ScheduleNotFoundError', async () => {
    scheduler.on(GetScheduleCommand).rejects(awsError(ResourceNotFoundException));
    await expect(adapter.setState('gone', 'ENABLED')).rejects.toBeInstanceOf(ScheduleNotFoundError);
  });

  it('deletes by name in the group; a missing one is ScheduleNotFoundError', async () => {
    scheduler.on(DeleteScheduleCommand).resolvesOnce({}).rejectsOnce(awsError(ResourceNotFoundException));
    await adapter.delete('u1.trace.trace_1');
    expect(scheduler.commandCalls(DeleteScheduleCommand)[0]!.args[0].input).toStrictEqual({
      Name: 'u1.trace.trace_1',
      GroupName: GROUP,
    });
    await expect(adapter.delete('u1.trace.trace_1')).rejects.toBeInstanceOf(ScheduleNotFoundError);
  });

  it('gets a schedule as ScheduleInfo, and undefined when it does not exist', async () => {
    scheduler.on(GetScheduleCommand).resolvesOnce(existing).rejectsOnce(awsError(ResourceNotFoundException));
    await expect(adapter.get('u1.trace.trace_1')).resolves.toStrictEqual({
      name: 'u1.trace.trace_1',
      expression: 'cron(0 9 ? * 2,4,6 *)',
      timezone: 'America/New_York',
      state: 'ENABLED',
      input: INPUT,
      description: 'Weekly report',
      createdAt: '2026-03-01T12:00:00.000Z',
      updatedAt: '2026-03-02T12:00:00.000Z',
    });
    await expect(adapter.get('u1.trace.trace_1')).resolves.toBeUndefined();
  });

  it('get turns an outage into a 502', async () => {
    scheduler.on(GetScheduleCommand).rejects(awsError(InternalServerException));
    await expect(adapter.get('x')).rejects.toBeInstanceOf(UpstreamError);
  });

  it('lists every page with GroupName and NamePrefix, then reads each schedule, sorted by name', async () => {
    scheduler
      .on(ListSchedulesCommand)
      .resolvesOnce({ Schedules: [{ Name: 'u1.plan.b' }, { Name: 'u1.trace.a' }], NextToken: 'page-2' })
      .resolvesOnce({ Schedules: [{ Name: 'u1.plan.a' }, { Name: 'u1.plan.gone' }] });
    scheduler.on(GetScheduleCommand).callsFake(async (input: { Name: string }) => {
      if (input.Name === 'u1.plan.gone') throw awsError(ResourceNotFoundException);
      return { ...existing, Name: input.Name, Description: undefined };
    });
    const list = await adapter.list({ namePrefix: 'u1.' });
    expect(list.map((s) => s.name)).toEqual(['u1.plan.a', 'u1.plan.b', 'u1.trace.a']);
    expect(scheduler.commandCalls(ListSchedulesCommand).map((c) => c.args[0].input)).toStrictEqual([
      { GroupName: GROUP, NamePrefix: 'u1.', MaxResults: 100 },
      { GroupName: GROUP, NamePrefix: 'u1.', NextToken: 'page-2', MaxResults: 100 },
    ]);
    expect(scheduler.commandCalls(GetScheduleCommand)).toHaveLength(4);
  });

  it('lists nothing without reading anything', async () => {
    scheduler.on(ListSchedulesCommand).resolves({ Schedules: [] });
    await expect(adapter.list()).resolves.toEqual([]);
    expect(scheduler.commandCalls(ListSchedulesCommand)[0]!.args[0].input).toStrictEqual({
      GroupName: GROUP,
      MaxResults: 100,
    });
  });

  it('a schedule without a time zone is evaluated in UTC', async () => {
    scheduler.on(GetScheduleCommand).resolves({
      ...existing,
      ScheduleExpressionTimezone: undefined,
      State: 'DISABLED',
      StartDate: new Date('2026-01-01T00:00:00Z'),
      EndDate: new Date('2027-01-01T00:00:00Z'),
    });
    await expect(adapter.get('u1.trace.trace_1')).resolves.toMatchObject({
      timezone: 'UTC',
      state: 'DISABLED',
      startDate: '2026-01-01T00:00:00.000Z',
      endDate: '2027-01-01T00:00:00.000Z',
    });
  });
});
