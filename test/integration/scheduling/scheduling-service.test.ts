import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LocalScheduler } from '../../../infra/local/local-scheduler';
import { createDocumentClient } from '../../../shared/clients/dynamodb';
import { UpstreamError } from '../../../shared/errors';
import { Logger } from '../../../shared/logger';
import type { AutomationRef } from '../../../shared/scheduling/schedule-names';
import type { ScheduleSpec } from '../../../shared/scheduling/schedule-spec';
import type { ScheduleDefinition } from '../../../shared/scheduling/scheduler-port';
import { SchedulingService, type ScheduledAutomation } from '../../../shared/scheduling/scheduling-service';

/**
 * The deploy ordering against DynamoDB Local: the schedule (LocalScheduler) first, then a
 * real conditional write standing in for the trace update.
 */
const client = createDocumentClient();
const tableName = process.env.TABLE_NAME as string;
afterAll(() => client.destroy());

const weekly: ScheduleSpec = {
  type: 'weekly',
  time: '09:00',
  days: ['Monday', 'Wednesday', 'Friday'],
  timezone: 'America/New_York',
};
const daily: ScheduleSpec = { type: 'daily', time: '06:00', timezone: 'Europe/Berlin' };

function setup() {
  const suffix = randomBytes(6).toString('hex');
  const scheduler = new LocalScheduler({ deps: { client, tableName }, group: `it-scheduling-${suffix}` });
  const ref: AutomationRef = { kind: 'trace', automationId: `trace_${suffix}`, userId: `user-${suffix}` };
  const key = { PK: `USER#${ref.userId}`, SK: `TRACE#${ref.automationId}` };
  const quiet = new Logger({}, 'silent');
  const service = new SchedulingService({ port: scheduler, log: quiet });
  const readTrace = async () =>
    (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;
  /** The deploy's table write: only a trace in `expectStatus` may become deployed. */
  const persistDeployed = (expectStatus: string) => async (s: ScheduledAutomation) => {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET deployment_status = :deployed, schedule_expression = :e, next_run = :n',
        ConditionExpression: 'deployment_status = :expected',
        ExpressionAttributeValues: {
          ':deployed': 'deployed',
          ':e': s.expression,
          ':n': s.nextRun,
          ':expected': expectStatus,
        },
      }),
    );
  };
  return { scheduler, ref, key, service, readTrace, persistDeployed };
}

async function putTrace(key: Record<string, string>, status: string) {
  await client.send(
    new PutCommand({ TableName: tableName, Item: { ...key, type: 'trace', deployment_status: status } }),
  );
}

describe('SchedulingService with the local scheduler and DynamoDB Local', () => {
  it('creates the schedule, then the table write records it', async () => {
    const { scheduler, ref, key, service, readTrace, persistDeployed } = setup();
    await putTrace(key, 'draft');
    const result = await service.schedule({ ...ref, spec: weekly }, persistDeployed('draft'));
    expect(await scheduler.get(result.scheduleName)).toMatchObject({
      expression: 'cron(0 9 ? * 2,4,6 *)',
      state: 'ENABLED',
    });
    expect(await readTrace()).toMatchObject({
      deployment_status: 'deployed',
      schedule_expression: 'cron(0 9 ? * 2,4,6 *)',
      next_run: result.nextRun,
    });
    await expect(service.listForUser(ref.userId)).resolves.toEqual([
      expect.objectContaining({ automationId: ref.automationId }),
    ]);
  });

  it('scheduler failure: 502, the trace unchanged, no schedule', async () => {
    const { scheduler, ref, key, readTrace, persistDeployed } = setup();
    await putTrace(key, 'draft');
    class UnreachableScheduler extends LocalScheduler {
      override async create(): Promise<void> {
        throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'NetworkingError' });
      }
    }
    const failing = new UnreachableScheduler({ deps: { client, tableName }, group: scheduler.group });
    const service = new SchedulingService({ port: failing, log: new Logger({}, 'silent') });
    const err = await service
      .schedule({ ...ref, spec: weekly }, persistDeployed('draft'))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).statusCode).toBe(502);
    expect(await readTrace()).toEqual({ ...key, type: 'trace', deployment_status: 'draft' });
    await expect(scheduler.list()).resolves.toEqual([]);
  });

  it('table write failure after a new schedule: the schedule is deleted again, no orphan', async () => {
    const { scheduler, ref, key, service, readTrace, persistDeployed } = setup();
    await putTrace(key, 'failed'); // not a draft: the conditional write fails
    await expect(service.schedule({ ...ref, spec: weekly }, persistDeployed('draft'))).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
    });
    await expect(scheduler.list()).resolves.toEqual([]);
    expect(await readTrace()).toMatchObject({ deployment_status: 'failed' });
  });

  it('table write failure on a redeploy: the previous schedule is put back, paused state included', async () => {
    const { scheduler, ref, key, service, persistDeployed } = setup();
    await putTrace(key, 'draft');
    const first = await service.schedule(
      { ...ref, spec: weekly, description: 'v1' },
      persistDeployed('draft'),
    );
    await service.pause(ref);
    const before = (await scheduler.get(first.scheduleName)) as ScheduleDefinition;
    await expect(
      service.schedule({ ...ref, spec: daily, description: 'v2' }, persistDeployed('draft')),
    ).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
    });
    expect(await scheduler.get(first.scheduleName)).toMatchObject({
      expression: before.expression,
      timezone: before.timezone,
      state: 'DISABLED',
      description: 'v1',
      input: before.input,
    });
  });

  it('pause, resume and unschedule on the real store', async () => {
    const { scheduler, ref, service } = setup();
    const created = await service.schedule({ ...ref, spec: daily });
    await expect(service.pause(ref)).resolves.toMatchObject({ state: 'DISABLED', nextRun: null });
    await expect(service.resume(ref)).resolves.toMatchObject({ state: 'ENABLED' });
    await expect(service.unschedule(ref)).resolves.toBe(true);
    await expect(scheduler.get(created.scheduleName)).resolves.toBeUndefined();
    await expect(service.describe(ref)).resolves.toBeUndefined();
  });
});
