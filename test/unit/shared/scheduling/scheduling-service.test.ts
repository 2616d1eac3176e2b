import { InternalError, UpstreamError } from '../../../../shared/errors';
import { Logger } from '../../../../shared/logger';
import {
  clientTokenFor,
  definitionFor,
  scheduleNameFor,
  type AutomationRef,
} from '../../../../shared/scheduling/schedule-names';
import type { ScheduleSpec } from '../../../../shared/scheduling/schedule-spec';
import {
  ScheduleExistsError,
  ScheduleNotFoundError,
  ScheduleValidationError,
  type CreateScheduleOptions,
  type ScheduleDefinition,
} from '../../../../shared/scheduling/scheduler-port';
import { SchedulingService, toJobJson } from '../../../../shared/scheduling/scheduling-service';
import { MemoryScheduler } from './memory-scheduler';

const NOW = new Date('2026-03-04T15:00:00Z');
const trace: AutomationRef = { kind: 'trace', automationId: 'trace_0abc', userId: 'user-1' };
const weekly: ScheduleSpec = {
  type: 'weekly',
  time: '09:00',
  days: ['Monday', 'Wednesday', 'Friday'],
  timezone: 'America/New_York',
};
const daily: ScheduleSpec = { type: 'daily', time: '07:30', timezone: 'UTC' };

function setup(port = new MemoryScheduler(() => NOW)) {
  const lines: string[] = [];
  const log = new Logger({}, 'debug', (line) => lines.push(line));
  const service = new SchedulingService({ port, clock: () => NOW, log });
  const name = scheduleNameFor(trace);
  return { port, service, name, lines };
}

describe('SchedulingService.schedule', () => {
  it('creates the schedule with a definition-derived client token and returns it with its next run', async () => {
    const { port, service, name } = setup();
    const created: CreateScheduleOptions[] = [];
    const create = port.create.bind(port);
    port.create = (def, options) => (created.push(options ?? {}), create(def, options));
    const persisted: unknown[] = [];
    const result = await service.schedule(
      { ...trace, spec: weekly, description: 'Weekly report' },
      async (s) => {
        persisted.push(s);
      },
    );
    const expected = {
      ...trace,
      scheduleName: name,
      expression: 'cron(0 9 ? * 2,4,6 *)',
      timezone: 'America/New_York',
      state: 'ENABLED',
      nextRun: '2026-03-06T14:00:00.000Z',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      description: 'Weekly report',
    };
    expect(result).toEqual(expected);
    expect(persisted).toEqual([expected]);
    const def = definitionFor(trace, {
      expression: 'cron(0 9 ? * 2,4,6 *)',
      timezone: 'America/New_York',
      state: 'ENABLED',
      description: 'Weekly report',
    });
    expect(port.schedules.get(name)).toMatchObject(def);
    expect(created).toEqual([{ clientToken: clientTokenFor(def) }]);
    expect(JSON.parse(def.input)).toEqual({
      source: 'flowgate.schedule',
      kind: 'trace',
      automationId: 'trace_0abc',
      userId: 'user-1',
      scheduleName: name,
      scheduledTime: '<aws.scheduler.scheduled-time>',
      executionId: '<aws.scheduler.execution-id>',
    });
  });

  it('replaces the schedule of an automation deployed before (a redeploy)', async () => {
    const { port, service, name } = setup();
    await service.schedule({ ...trace, spec: weekly });
    const again = await service.schedule({ ...trace, spec: daily });
    expect(again).toMatchObject({
      expression: 'cron(30 7 * * ? *)',
      timezone: 'UTC',
      nextRun: '2026-03-05T07:30:00.000Z',
    });
    expect(port.schedules.size).toBe(1);
    expect(port.calls.filter((c) => c.op === 'update')).toEqual([{ op: 'update', name }]);
  });

  it('a schedule created meanwhile by a concurrent deploy is replaced, not a conflict', async () => {
    const { port, service, name } = setup();
    port.failNext('create', new ScheduleExistsError(name));
    port.schedules.set(name, {
      ...definitionFor(trace, { expression: 'rate(5 minutes)', timezone: 'UTC', state: 'ENABLED' }),
      createdAt: 'x',
      updatedAt: 'x',
    });
    // The pre-read must miss it, as it would have in the race.
    const get = port.get.bind(port);
    let first = true;
    port.get = async (n) => (first ? ((first = false), undefined) : get(n));
    await expect(service.schedule({ ...trace, spec: daily })).resolves.toMatchObject({
      expression: 'cron(30 7 * * ? *)',
    });
  });

  it('creates for real when EventBridge answered a remembered client token without creating', async () => {
    const { port, service, name } = setup();
    const tokens: (string | undefined)[] = [];
    const create = port.create.bind(port);
    port.create = async (def: ScheduleDefinition, options?: CreateScheduleOptions) => {
      tokens.push(options?.clientToken);
      if (tokens.length === 1) return; // the token of an earlier, since deleted, schedule
      return create(def, options);
    };
    await service.schedule({ ...trace, spec: daily });
    expect(port.schedules.has(name)).toBe(true);
    expect(tokens).toHaveLength(2);
    expect(tokens[1]).not.toBe(tokens[0]);
  });

  it('a scheduler failure is a 502 and nothing is persisted or left behind', async () => {
    const { port, service } = setup();
    port.failNext('create', new Error('connect ECONNREFUSED'));
    const persist = jest.fn(async () => undefined);
    const err = await service.schedule({ ...trace, spec: daily }, persist).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).statusCode).toBe(502);
    expect(persist).not.toHaveBeenCalled();
    expect(port.schedules.size).toBe(0);
  });

  it('a failure reading the schedule first is a 502 too', async () => {
    const { port, service } = setup();
    port.failNext('get', new Error('timeout'));
    await expect(service.schedule({ ...trace, spec: daily })).rejects.toBeInstanceOf(UpstreamError);
    expect(port.calls.map((c) => c.op)).toEqual(['get']);
  });

  it('a scheduler error about the request keeps its 4xx status', async () => {
    const { port, service } = setup();
    port.failNext('create', new ScheduleValidationError('rejected', 'schedule'));
    await expect(service.schedule({ ...trace, spec: daily })).rejects.toBeInstanceOf(ScheduleValidationError);
  });

  it('when the table write fails, the schedule it created is deleted and the write error surfaces', async () => {
    const { port, service, lines } = setup();
    const failure = new InternalError('table write failed');
    await expect(
      service.schedule({ ...trace, spec: daily }, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(port.schedules.size).toBe(0);
    expect(lines.join('\n')).toContain('schedule change undone');
  });

  it('when the table write of a redeploy fails, the previous schedule is put back', async () => {
    const { port, service, name } = setup();
    await service.schedule({ ...trace, spec: weekly, description: 'v1' });
    const before = { ...port.schedules.get(name) };
    await expect(
      service.schedule({ ...trace, spec: daily, description: 'v2' }, async () => {
        throw new Error('conditional check failed');
      }),
    ).rejects.toThrow('conditional check failed');
    expect(port.schedules.get(name)).toMatchObject({
      expression: before.expression,
      timezone: before.timezone,
      description: 'v1',
      state: 'ENABLED',
    });
  });

  it('when even the undo fails, the write error still surfaces and the undo failure is logged', async () => {
    const { port, service, name, lines } = setup();
    port.failNext('delete', new Error('scheduler down'));
    await expect(
      service.schedule({ ...trace, spec: daily }, async () => {
        throw new Error('table down');
      }),
    ).rejects.toThrow('table down');
    expect(port.schedules.has(name)).toBe(true);
    const logged = lines.map(
      (l) => JSON.parse(l) as { level: string; msg?: string; message?: string; scheduleName?: string },
    );
    expect(logged).toContainEqual(expect.objectContaining({ level: 'error', scheduleName: name }));
  });
});

describe('SchedulingService pause, resume, unschedule', () => {
  it('pauses (no next run) and resumes (next run after now)', async () => {
    const { port, service, name } = setup();
    await service.schedule({ ...trace, spec: weekly });
    await expect(service.pause(trace)).resolves.toMatchObject({ state: 'DISABLED', nextRun: null });
    expect(port.schedules.get(name)?.state).toBe('DISABLED');
    await expect(service.resume(trace)).resolves.toMatchObject({
      state: 'ENABLED',
      nextRun: '2026-03-06T14:00:00.000Z',
    });
  });

  it('a failed table write after pausing enables the schedule again', async () => {
    const { port, service, name } = setup();
    await service.schedule({ ...trace, spec: weekly });
    await expect(
      service.pause(trace, async () => {
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    expect(port.schedules.get(name)?.state).toBe('ENABLED');
  });

  it('pausing an automation without a schedule changes nothing and still persists', async () => {
    const { port, service } = setup();
    const persist = jest.fn(async () => undefined);
    await expect(service.pause(trace, persist)).resolves.toBeUndefined();
    expect(persist).toHaveBeenCalledWith(undefined);
    expect(port.calls.map((c) => c.op)).toEqual(['get']);
  });

  it('resuming without a schedule is ScheduleNotFoundError, before any write', async () => {
    const { service } = setup();
    const persist = jest.fn(async () => undefined);
    await expect(service.resume(trace, persist)).rejects.toBeInstanceOf(ScheduleNotFoundError);
    expect(persist).not.toHaveBeenCalled();
  });

  it('unschedules: true when there was a schedule, false when not', async () => {
    const { port, service } = setup();
    await service.schedule({ ...trace, spec: weekly });
    await expect(service.unschedule(trace)).resolves.toBe(true);
    expect(port.schedules.size).toBe(0);
    const persist = jest.fn(async () => undefined);
    await expect(service.unschedule(trace, persist)).resolves.toBe(false);
    expect(persist).toHaveBeenCalledWith(false);
  });

  it('a schedule deleted meanwhile still counts as unscheduled', async () => {
    const { port, service, name } = setup();
    await service.schedule({ ...trace, spec: weekly });
    port.failNext('delete', new ScheduleNotFoundError(name));
    await expect(service.unschedule(trace)).resolves.toBe(true);
  });

  it('a failed table write after unscheduling creates the schedule again', async () => {
    const { port, service, name } = setup();
    await service.schedule({ ...trace, spec: weekly, description: 'keep me' });
    await expect(
      service.unschedule(trace, async () => {
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    expect(port.schedules.get(name)).toMatchObject({
      expression: 'cron(0 9 ? * 2,4,6 *)',
      description: 'keep me',
    });
  });
});

describe('SchedulingService reads', () => {
  it('describes an automation schedule, or undefined', async () => {
    const { service } = setup();
    await expect(service.describe(trace)).resolves.toBeUndefined();
    await service.schedule({ ...trace, spec: daily });
    await expect(service.describe(trace)).resolves.toMatchObject({
      ...trace,
      nextRun: '2026-03-05T07:30:00.000Z',
    });
  });

  it("lists a user's schedules only, trusting the input's user id over the name prefix", async () => {
    const { port, service } = setup();
    const plan: AutomationRef = { kind: 'plan', automationId: 'plan_1', userId: 'user-1' };
    const other: AutomationRef = { kind: 'trace', automationId: 'trace_9', userId: 'user-2' };
    await service.schedule({ ...trace, spec: weekly });
    await service.schedule({ ...plan, spec: daily });
    await service.schedule({ ...other, spec: daily });
    // A schedule named like user-1's whose input belongs to someone else is not theirs.
    const forged = definitionFor(other, { expression: 'rate(1 hour)', timezone: 'UTC', state: 'ENABLED' });
    port.schedules.set(scheduleNameFor({ ...trace, automationId: 'forged' }), {
      ...forged,
      name: scheduleNameFor({ ...trace, automationId: 'forged' }),
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const jobs = await service.listForUser('user-1');
    expect(jobs.map((j) => [j.kind, j.automationId]).sort()).toEqual([
      ['plan', 'plan_1'],
      ['trace', 'trace_0abc'],
    ]);
    await expect(service.listForUser('user-3')).resolves.toEqual([]);
  });

  it('a listing failure is a 502', async () => {
    const { port, service } = setup();
    port.failNext('list');
    await expect(service.listForUser('user-1')).rejects.toBeInstanceOf(UpstreamError);
  });

  it('previews the expression and next runs without creating anything', () => {
    const { port, service } = setup();
    expect(service.preview(weekly, 3)).toEqual({
      expression: 'cron(0 9 ? * 2,4,6 *)',
      timezone: 'America/New_York',
      nextRuns: ['2026-03-06T14:00:00.000Z', '2026-03-09T13:00:00.000Z', '2026-03-11T13:00:00.000Z'],
    });
    expect(port.calls).toEqual([]);
    expect(service.scheduleName(trace)).toBe(scheduleNameFor(trace));
  });

  it('renders a job for GET /api/scheduler/jobs', async () => {
    const { service, name } = setup();
    const job = await service.schedule({ ...trace, spec: daily, description: 'Morning digest' });
    expect(toJobJson(job, { status: 'succeeded' })).toEqual({
      schedule_name: name,
      kind: 'trace',
      trace_id: 'trace_0abc',
      name: 'Morning digest',
      state: 'ENABLED',
      expression: 'cron(30 7 * * ? *)',
      timezone: 'UTC',
      next_run: '2026-03-05T07:30:00.000Z',
      last_run: { status: 'succeeded' },
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    });
    expect(toJobJson({ ...job, kind: 'plan', description: undefined })).toMatchObject({
      plan_id: 'trace_0abc',
      name: null,
      last_run: null,
    });
  });
});
