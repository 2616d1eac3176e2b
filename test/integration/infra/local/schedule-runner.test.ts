import { randomBytes } from 'node:crypto';
import { LocalScheduler } from '../../../../infra/local/local-scheduler';
import { ScheduleRunner, systemClock, type RunnerClock } from '../../../../infra/local/schedule-runner';
import { createDocumentClient } from '../../../../shared/clients/dynamodb';
import { Logger } from '../../../../shared/logger';
import { definitionFor } from '../../../../shared/scheduling/schedule-names';
import type { ScheduledRunPayload, ScheduleDefinition } from '../../../../shared/scheduling/scheduler-port';

/** Time and timers under the test's control: advancing runs each due timer and lets its pass finish. */
class ManualClock implements RunnerClock {
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  private seq = 0;
  constructor(public t: number) {}
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    this.timers.set(++this.seq, { at: this.t + ms, fn });
    return this.seq;
  };
  clearTimeout = (handle: unknown) => {
    this.timers.delete(handle as number);
  };
  async advanceTo(iso: string, runner: ScheduleRunner): Promise<void> {
    const target = Date.parse(iso);
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.at <= target)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = Math.max(this.t, due[1].at);
      due[1].fn();
      await runner.idle();
    }
    this.t = target;
  }
}

// Simulated hours pass in a few hundred table reads; generous for a busy machine.
jest.setTimeout(20_000);

const client = createDocumentClient();
const tableName = process.env.TABLE_NAME as string;
afterAll(() => client.destroy());

interface Delivery {
  payload: ScheduledRunPayload;
  at: string;
}

/**
 * A runner on a manual clock. Changes made through `scheduler` reach it by notification;
 * the refresh interval (default one simulated minute, so hours pass in few queries) only
 * matters for changes made elsewhere.
 */
function harness(
  startIso: string,
  group = `it-runner-${randomBytes(6).toString('hex')}`,
  refreshIntervalMs = 60_000,
) {
  const clock = new ManualClock(Date.parse(startIso));
  const scheduler = new LocalScheduler({
    deps: { client, tableName },
    group,
    clock: () => new Date(clock.t),
  });
  const deliveries: Delivery[] = [];
  const lines: string[] = [];
  const runner = new ScheduleRunner({
    source: scheduler,
    clock,
    refreshIntervalMs,
    target: async (payload) => {
      deliveries.push({ payload: payload as ScheduledRunPayload, at: new Date(clock.t).toISOString() });
    },
    log: new Logger({}, 'debug', (line) => lines.push(line)),
  });
  const fired = () => deliveries.map((d) => `${d.payload.automationId}@${d.payload.scheduledTime}`);
  return { clock, scheduler, runner, deliveries, fired, lines, group };
}

const ref = (automationId: string) => ({ kind: 'trace' as const, automationId, userId: 'user-1' });
const schedule = (automationId: string, expression: string, timezone = 'UTC'): ScheduleDefinition =>
  definitionFor(ref(automationId), { expression, timezone, state: 'ENABLED' });

describe('ScheduleRunner on the local scheduler', () => {
  let running: ScheduleRunner[] = [];
  const started = async (runner: ScheduleRunner) => {
    running.push(runner);
    await runner.start();
    return runner;
  };
  afterEach(async () => {
    await Promise.all(running.map((r) => r.stop()));
    running = [];
  });

  it('fires at the fire time with the payload EventBridge sends', async () => {
    const h = harness('2026-03-02T13:58:00Z');
    const def = schedule('t1', 'cron(0 9 ? * 2,4,6 *)', 'America/New_York');
    await h.scheduler.create(def);
    await started(h.runner);
    await h.clock.advanceTo('2026-03-02T13:59:59Z', h.runner);
    expect(h.deliveries).toEqual([]);
    await h.clock.advanceTo('2026-03-02T14:00:00Z', h.runner);
    expect(h.deliveries).toHaveLength(1);
    const [delivery] = h.deliveries;
    expect(delivery!.at).toBe('2026-03-02T14:00:00.000Z');
    expect(delivery!.payload).toEqual({
      source: 'flowgate.schedule',
      kind: 'trace',
      automationId: 't1',
      userId: 'user-1',
      scheduleName: def.name,
      scheduledTime: '2026-03-02T14:00:00Z',
      executionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(h.runner.nextFire(def.name)?.toISOString()).toBe('2026-03-04T14:00:00.000Z');
  });

  it('fires 200 schedules due in the same minute at their time, exactly once each', async () => {
    const h = harness('2026-03-02T08:58:30Z');
    // Daily, weekly (Monday), monthly (the 2nd), custom cron: all at 09:00 UTC on Monday 2 March.
    const expressions = [
      'cron(0 9 * * ? *)',
      'cron(0 9 ? * 2 *)',
      'cron(0 9 2 * ? *)',
      'cron(0/30 8-9 ? * MON-FRI *)',
    ];
    for (let batch = 0; batch < 200; batch += 25) {
      await Promise.all(
        Array.from({ length: 25 }, (_, j) =>
          h.scheduler.create(schedule(`t${batch + j}`, expressions[j % 4]!)),
        ),
      );
    }
    await started(h.runner);
    await h.clock.advanceTo('2026-03-02T09:00:00Z', h.runner);
    await h.clock.advanceTo('2026-03-02T09:00:05Z', h.runner);
    expect(h.deliveries).toHaveLength(200);
    expect(new Set(h.fired()).size).toBe(200);
    expect(new Set(h.deliveries.map((d) => d.at))).toEqual(new Set(['2026-03-02T09:00:00.000Z']));
    expect(new Set(h.deliveries.map((d) => d.payload.scheduledTime))).toEqual(
      new Set(['2026-03-02T09:00:00Z']),
    );
    await h.runner.tick();
    await h.clock.advanceTo('2026-03-02T09:29:59Z', h.runner);
    expect(h.deliveries).toHaveLength(200);
    expect(h.runner.stats).toMatchObject({ fired: 200, failed: 0 });
  });

  it('keeps schedules across a restart and does not replay the times missed while down', async () => {
    const first = harness('2026-03-02T08:59:30Z');
    await first.scheduler.create(schedule('every-minute', 'rate(1 minute)'));
    await started(first.runner);
    await first.clock.advanceTo('2026-03-02T09:01:30Z', first.runner);
    expect(first.fired()).toEqual(['every-minute@2026-03-02T09:00:30Z', 'every-minute@2026-03-02T09:01:30Z']);
    await first.runner.stop();

    // Down from 09:01:30 to 09:10:45; the schedule is still in the table.
    const second = harness('2026-03-02T09:10:45Z', first.group);
    await started(second.runner);
    await second.clock.advanceTo('2026-03-02T09:12:00Z', second.runner);
    expect(second.fired()).toEqual(['every-minute@2026-03-02T09:11:30Z']);
  });

  it('skips fire times found long overdue (a suspended process) instead of releasing a storm', async () => {
    const h = harness('2026-03-02T09:00:30Z');
    await h.scheduler.create(schedule('m', 'cron(* * * * ? *)'));
    await started(h.runner);
    // The process sleeps two hours: no timer ran, then everything is overdue at once.
    h.clock.t = Date.parse('2026-03-02T11:00:30Z');
    await h.runner.tick();
    // 09:01 to 10:59 are missed (more than a minute late); 11:00 is 30 s late and still fires.
    expect(h.fired()).toEqual(['m@2026-03-02T11:00:00Z']);
    expect(h.runner.stats.skippedLate).toBe(1);
    expect(h.lines.join('\n')).toContain('not replayed');
  });

  it('pause stops firing at once; resume fires at the next time after the resume', async () => {
    const h = harness('2026-03-02T08:00:00Z');
    const def = schedule('p', 'cron(0 * * * ? *)');
    await h.scheduler.create(def);
    await started(h.runner);
    await h.clock.advanceTo('2026-03-02T08:59:59.900Z', h.runner);
    await h.scheduler.setState(def.name, 'DISABLED');
    await h.clock.advanceTo('2026-03-02T10:30:00Z', h.runner);
    expect(h.deliveries).toEqual([]);
    await h.scheduler.setState(def.name, 'ENABLED');
    await h.clock.advanceTo('2026-03-02T11:00:00Z', h.runner);
    expect(h.fired()).toEqual(['p@2026-03-02T11:00:00Z']);
  });

  it('applies an update and a delete before the next fire time', async () => {
    const h = harness('2026-03-02T08:00:00Z');
    const moved = schedule('moved', 'cron(0 9 * * ? *)');
    const removed = schedule('removed', 'cron(0 9 * * ? *)');
    await h.scheduler.create(moved);
    await h.scheduler.create(removed);
    await started(h.runner);
    await h.clock.advanceTo('2026-03-02T08:30:00Z', h.runner);
    await h.scheduler.update({ ...moved, expression: 'cron(15 9 * * ? *)' });
    await h.scheduler.delete(removed.name);
    await h.clock.advanceTo('2026-03-02T09:20:00Z', h.runner);
    expect(h.fired()).toEqual(['moved@2026-03-02T09:15:00Z']);
  });

  it('sees changes made by another process within one refresh interval', async () => {
    const h = harness('2026-03-02T08:59:00Z', undefined, 1000);
    const def = schedule('elsewhere', 'cron(0 9 * * ? *)');
    await h.scheduler.create(def);
    await started(h.runner);
    // The admin CLI, say: its own scheduler instance, so no change notification reaches the runner.
    const other = new LocalScheduler({
      deps: { client, tableName },
      group: h.group,
      clock: () => new Date(h.clock.t),
    });
    await other.setState(def.name, 'DISABLED');
    await h.clock.advanceTo('2026-03-02T08:59:01Z', h.runner);
    await h.clock.advanceTo('2026-03-02T09:00:30Z', h.runner);
    expect(h.deliveries).toEqual([]);
    await other.create(schedule('new', 'cron(1 9 * * ? *)'));
    await h.clock.advanceTo('2026-03-02T09:01:00Z', h.runner);
    expect(h.fired()).toEqual(['new@2026-03-02T09:01:00Z']);
  });

  it('a new schedule fires at its first time after it was created, even if noticed a little later', async () => {
    const h = harness('2026-03-02T08:59:59Z', undefined, 1000);
    await started(h.runner);
    const other = new LocalScheduler({
      deps: { client, tableName },
      group: h.group,
      clock: () => new Date(h.clock.t),
    });
    h.clock.t = Date.parse('2026-03-02T08:59:59.500Z');
    await other.create(schedule('late-seen', 'cron(0 9 * * ? *)'));
    // The refresh that notices it comes after 09:00:00; the fire time is still delivered.
    await h.clock.advanceTo('2026-03-02T09:00:00.900Z', h.runner);
    expect(h.fired()).toEqual(['late-seen@2026-03-02T09:00:00Z']);
  });

  it('delivers each fire time once, even when a schedule comes back stamped before it fired', async () => {
    const h = harness('2026-03-02T08:59:00Z');
    const def = schedule('again', 'cron(0 9 * * ? *)');
    await h.scheduler.create(def);
    await started(h.runner);
    await h.clock.advanceTo('2026-03-02T09:00:00Z', h.runner);
    await h.scheduler.delete(def.name);
    await h.clock.advanceTo('2026-03-02T09:00:01Z', h.runner);
    expect(h.runner.nextFire(def.name)).toBeUndefined();
    // Recreated by a process whose clock runs two seconds behind: its 09:00 looks still due.
    const behind = new LocalScheduler({
      deps: { client, tableName },
      group: h.group,
      clock: () => new Date(h.clock.t - 2000),
    });
    await behind.create(def);
    await h.clock.advanceTo('2026-03-02T09:01:02Z', h.runner);
    await h.runner.tick();
    expect(h.fired()).toEqual(['again@2026-03-02T09:00:00Z']);
  });

  it('a failing target is logged and does not stop the other deliveries', async () => {
    const h = harness('2026-03-02T08:59:00Z');
    await h.scheduler.create(schedule('a', 'cron(0 9 * * ? *)'));
    await h.scheduler.create(schedule('b', 'cron(0 9 * * ? *)'));
    const delivered: string[] = [];
    const runner = new ScheduleRunner({
      source: h.scheduler,
      clock: h.clock,
      target: async (payload) => {
        const p = payload as ScheduledRunPayload;
        if (p.automationId === 'a') throw new Error('handler crashed');
        delivered.push(p.automationId);
      },
      log: new Logger({}, 'debug', (line) => h.lines.push(line)),
    });
    await started(runner);
    await h.clock.advanceTo('2026-03-02T09:00:00Z', runner);
    await runner.stop();
    expect(delivered).toEqual(['b']);
    expect(runner.stats).toMatchObject({ fired: 2, failed: 1 });
    expect(h.lines.join('\n')).toContain('scheduled delivery failed');
  });

  it('keeps polling when the table is briefly unreachable, and stop waits for deliveries', async () => {
    const h = harness('2026-03-02T08:59:00Z');
    await h.scheduler.create(schedule('x', 'cron(0 9 * * ? *)'));
    let failures = 1;
    const source = {
      list: async () => {
        if (h.clock.t > Date.parse('2026-03-02T08:59:00Z') && failures-- > 0) throw new Error('ECONNREFUSED');
        return h.scheduler.list();
      },
    };
    let finished = false;
    const runner = new ScheduleRunner({
      source,
      clock: h.clock,
      target: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished = true;
      },
      log: new Logger({}, 'debug', (line) => h.lines.push(line)),
    });
    await started(runner);
    await h.clock.advanceTo('2026-03-02T09:00:00Z', runner);
    expect(h.lines.join('\n')).toContain('schedule pass failed');
    expect(runner.stats.fired).toBe(1);
    await runner.stop();
    expect(finished).toBe(true);
  });

  it('retries a change it could not read, and re-lists when the source cannot read one schedule', async () => {
    const h = harness('2026-03-02T08:59:00Z');
    const def = schedule('flaky', 'cron(0 9 * * ? *)');
    const other = schedule('listed', 'cron(0 9 * * ? *)');
    await h.scheduler.create(def);
    await h.scheduler.create(other);
    let failGet = true;
    const flaky = new ScheduleRunner({
      source: {
        list: () => h.scheduler.list(),
        get: async (name) => {
          if (failGet) {
            failGet = false;
            throw new Error('throttled');
          }
          return h.scheduler.get(name);
        },
        onChange: (listener) => h.scheduler.onChange(listener),
      },
      clock: h.clock,
      refreshIntervalMs: 60_000,
      target: async (payload) => {
        h.deliveries.push({ payload: payload as ScheduledRunPayload, at: new Date(h.clock.t).toISOString() });
      },
      log: new Logger({}, 'debug', (line) => h.lines.push(line)),
    });
    const listOnly = new ScheduleRunner({
      source: { list: () => h.scheduler.list(), onChange: (listener) => h.scheduler.onChange(listener) },
      clock: h.clock,
      refreshIntervalMs: 60_000,
      target: async (payload) => {
        h.deliveries.push({ payload: payload as ScheduledRunPayload, at: 'list-only' });
      },
    });
    await started(flaky);
    await started(listOnly);
    await h.scheduler.setState(def.name, 'DISABLED');
    await h.scheduler.setState(other.name, 'DISABLED');
    await h.clock.advanceTo('2026-03-02T08:59:00.001Z', flaky);
    await listOnly.idle();
    await h.clock.advanceTo('2026-03-02T09:00:30Z', flaky);
    await listOnly.idle();
    expect(h.lines.join('\n')).toContain('schedule pass failed');
    expect(h.deliveries).toEqual([]);
  });

  it('fails to start when the schedules cannot be read at all', async () => {
    const runner = new ScheduleRunner({
      source: { list: async () => Promise.reject(new Error('no table')) },
      target: async () => undefined,
      clock: new ManualClock(0),
    });
    await expect(runner.start()).rejects.toThrow('no table');
  });

  it('fires on real timers too', async () => {
    const group = `it-runner-${randomBytes(6).toString('hex')}`;
    const scheduler = new LocalScheduler({ deps: { client, tableName }, group });
    const payloads: ScheduledRunPayload[] = [];
    const runner = new ScheduleRunner({
      source: scheduler,
      clock: systemClock,
      refreshIntervalMs: 200,
      target: async (payload) => {
        payloads.push(payload as ScheduledRunPayload);
      },
    });
    await started(runner);
    // Whole seconds, like EventBridge's at(): at least a second ahead.
    const at = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000);
    await scheduler.create(schedule('soon', `at(${at.toISOString().slice(0, 19)})`));
    for (let waited = 0; payloads.length === 0 && waited < 10_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(payloads.map((p) => p.scheduledTime)).toEqual([at.toISOString().replace('.000Z', 'Z')]);
  });
});
