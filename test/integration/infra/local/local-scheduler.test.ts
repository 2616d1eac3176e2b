import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { LocalScheduler } from '../../../../infra/local/local-scheduler';
import { createDocumentClient } from '../../../../shared/clients/dynamodb';
import {
  InvalidTimezoneError,
  ScheduleExpressionError,
} from '../../../../shared/scheduling/schedule-expression';
import {
  buildScheduleInput,
  ScheduleExistsError,
  ScheduleNotFoundError,
  ScheduleValidationError,
  type ScheduleDefinition,
} from '../../../../shared/scheduling/scheduler-port';

/** Against DynamoDB Local; every scheduler here uses its own random group, so runs never collide. */
describe('LocalScheduler', () => {
  const client = createDocumentClient();
  const tableName = process.env.TABLE_NAME as string;
  let now: Date;
  const clock = () => now;
  const newScheduler = (group = `it-local-scheduler-${randomBytes(6).toString('hex')}`) =>
    new LocalScheduler({ deps: { client, tableName }, group, clock });
  let scheduler: LocalScheduler;

  const def = (name: string, patch: Partial<ScheduleDefinition> = {}): ScheduleDefinition => ({
    name,
    expression: 'cron(0 9 ? * MON,WED,FRI *)',
    timezone: 'America/New_York',
    state: 'ENABLED',
    input: buildScheduleInput({
      kind: 'trace',
      automationId: 'trace_1',
      userId: 'user_1',
      scheduleName: name,
    }),
    ...patch,
  });

  beforeEach(() => {
    now = new Date('2026-03-01T12:00:00.000Z');
    scheduler = newScheduler();
  });
  afterAll(() => client.destroy());

  it('creates and gets a schedule with its timestamps, stored under LOCALSCHEDULE#<group>', async () => {
    await scheduler.create(
      def('daily-report', { description: 'weekday report', startDate: '2026-03-02T00:00:00Z' }),
    );
    await expect(scheduler.get('daily-report')).resolves.toEqual({
      ...def('daily-report'),
      description: 'weekday report',
      startDate: '2026-03-02T00:00:00Z',
      createdAt: '2026-03-01T12:00:00.000Z',
      updatedAt: '2026-03-01T12:00:00.000Z',
    });
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: { PK: `LOCALSCHEDULE#${scheduler.group}`, SK: 'daily-report' },
      }),
    );
    expect(Item).toMatchObject({ type: 'local-schedule', name: 'daily-report', group: scheduler.group });
    await expect(scheduler.get('missing')).resolves.toBeUndefined();
  });

  it('rejects a duplicate create, but accepts a retry with the same client token', async () => {
    await scheduler.create(def('dup'), { clientToken: 'token-1' });
    await expect(scheduler.create(def('dup', { expression: 'rate(5 minutes)' }))).rejects.toThrow(
      ScheduleExistsError,
    );
    await expect(scheduler.create(def('dup'), { clientToken: 'token-2' })).rejects.toThrow(
      ScheduleExistsError,
    );
    await expect(scheduler.create(def('dup'), { clientToken: 'token-1' })).resolves.toBeUndefined();
    expect((await scheduler.get('dup'))?.expression).toBe('cron(0 9 ? * MON,WED,FRI *)');
  });

  it('lists a group sorted by name, filtered by prefix, and only its own group', async () => {
    const other = newScheduler();
    await Promise.all(['b-two', 'a-one', 'b-one'].map((name) => scheduler.create(def(name))));
    await other.create(def('a-one'));
    expect((await scheduler.list()).map((s) => s.name)).toEqual(['a-one', 'b-one', 'b-two']);
    expect((await scheduler.list({ namePrefix: 'b-' })).map((s) => s.name)).toEqual(['b-one', 'b-two']);
    expect((await other.list()).map((s) => s.name)).toEqual(['a-one']);
    expect(await newScheduler().list()).toEqual([]);
  });

  it('pages through a large group', async () => {
    const bulky = 'x'.repeat(20_000);
    const names = Array.from({ length: 60 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    for (const name of names) {
      await scheduler.create(def(name, { input: JSON.stringify({ bulky }) }));
    }
    expect((await scheduler.list()).map((s) => s.name)).toEqual(names);
  });

  it('update replaces the definition, keeps createdAt and clears omitted optional fields', async () => {
    await scheduler.create(def('upd', { description: 'old', endDate: '2027-01-01T00:00:00Z' }));
    now = new Date('2026-03-05T08:00:00.000Z');
    await scheduler.update(def('upd', { expression: 'rate(2 hours)', timezone: 'UTC', state: 'DISABLED' }));
    await expect(scheduler.get('upd')).resolves.toEqual({
      ...def('upd'),
      expression: 'rate(2 hours)',
      timezone: 'UTC',
      state: 'DISABLED',
      createdAt: '2026-03-01T12:00:00.000Z',
      updatedAt: '2026-03-05T08:00:00.000Z',
    });
  });

  it('disables and enables a schedule, which switches its next fire time off and on', async () => {
    await scheduler.create(def('toggle'));
    const after = new Date('2026-03-06T15:00:00Z');
    expect((await scheduler.nextFireTime('toggle', after))?.toISOString()).toBe('2026-03-09T13:00:00.000Z');

    now = new Date('2026-03-02T00:00:00.000Z');
    await scheduler.setState('toggle', 'DISABLED');
    expect(await scheduler.get('toggle')).toMatchObject({ state: 'DISABLED', updatedAt: now.toISOString() });
    await expect(scheduler.nextFireTime('toggle', after)).resolves.toBeUndefined();

    await scheduler.setState('toggle', 'ENABLED');
    expect((await scheduler.get('toggle'))?.state).toBe('ENABLED');
    expect((await scheduler.nextFireTime('toggle', after))?.toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it('counts rate schedules from creation and defaults nextFireTime to the clock', async () => {
    await scheduler.create(def('every-2h', { expression: 'rate(2 hours)', timezone: 'UTC' }));
    now = new Date('2026-03-01T15:00:00.000Z');
    expect((await scheduler.nextFireTime('every-2h'))?.toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  it('deletes a schedule; deleting again is not found', async () => {
    await scheduler.create(def('gone'));
    await scheduler.delete('gone');
    await expect(scheduler.get('gone')).resolves.toBeUndefined();
    await expect(scheduler.delete('gone')).rejects.toThrow(ScheduleNotFoundError);
  });

  it('rejects update, setState and nextFireTime for a missing schedule without creating it', async () => {
    await expect(scheduler.update(def('nope'))).rejects.toThrow(ScheduleNotFoundError);
    await expect(scheduler.setState('nope', 'DISABLED')).rejects.toThrow(ScheduleNotFoundError);
    await expect(scheduler.nextFireTime('nope')).rejects.toThrow(ScheduleNotFoundError);
    await expect(scheduler.get('nope')).resolves.toBeUndefined();
  });

  it.each([
    ['an invalid expression', { expression: 'cron(0 9 * * MON *)' }, ScheduleExpressionError],
    ['a singular unit for many', { expression: 'rate(5 minute)' }, ScheduleExpressionError],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, InvalidTimezoneError],
    ['an invalid name', { name: 'no spaces allowed' }, ScheduleValidationError],
    ['input that is not JSON', { input: 'hello' }, ScheduleValidationError],
  ])('rejects %s on create and update, storing nothing', async (_name, patch, type) => {
    await expect(scheduler.create(def('bad', patch))).rejects.toThrow(type);
    await scheduler.create(def('good'));
    await expect(scheduler.update(def('good', patch))).rejects.toThrow(type);
    expect((await scheduler.list()).map((s) => [s.name, s.expression, s.timezone])).toEqual([
      ['good', 'cron(0 9 ? * MON,WED,FRI *)', 'America/New_York'],
    ]);
  });

  it('reports each successful change to its listeners, and nothing after unsubscribing', async () => {
    const changes: string[] = [];
    const unsubscribe = scheduler.onChange((name) => changes.push(name));
    await scheduler.create(def('c1'), { clientToken: 't' });
    await scheduler.create(def('c1'), { clientToken: 't' });
    await scheduler.update(def('c1', { expression: 'rate(1 hour)' }));
    await scheduler.setState('c1', 'DISABLED');
    await expect(scheduler.setState('missing', 'DISABLED')).rejects.toThrow(ScheduleNotFoundError);
    await scheduler.delete('c1');
    unsubscribe();
    await scheduler.create(def('c2'));
    expect(changes).toEqual(['c1', 'c1', 'c1', 'c1']);
  });

  it('validates the group name and the state', async () => {
    expect(() => newScheduler('bad group')).toThrow(ScheduleValidationError);
    await scheduler.create(def('st'));
    await expect(scheduler.setState('st', 'PAUSED' as never)).rejects.toThrow(ScheduleValidationError);
  });
});
