import { definitionFor, type AutomationRef } from '../../../../shared/scheduling/schedule-names';
import {
  diffSchedules,
  formatReconcileReport,
  reconcile,
  type ExpectedSchedule,
} from '../../../../shared/scheduling/reconcile';
import type { ScheduleInfo } from '../../../../shared/scheduling/scheduler-port';
import { MemoryScheduler } from './memory-scheduler';

const OLD = '2026-03-01T00:00:00.000Z';
const NOW = new Date('2026-03-10T12:00:00Z');
const ref = (automationId: string): AutomationRef => ({ kind: 'trace', automationId, userId: 'user-1' });
const expected = (automationId: string, patch: Partial<ExpectedSchedule> = {}): ExpectedSchedule => ({
  ...definitionFor(ref(automationId), { expression: 'cron(0 9 * * ? *)', timezone: 'UTC', state: 'ENABLED' }),
  ...patch,
});
const actual = (e: ExpectedSchedule, patch: Partial<ScheduleInfo> = {}): ScheduleInfo => ({
  ...e,
  createdAt: OLD,
  updatedAt: OLD,
  ...patch,
});

describe('diffSchedules', () => {
  it('finds missing, orphaned and mismatched schedules, by name', () => {
    const same = expected('same');
    const missing = expected('missing');
    const paused = expected('paused', { state: 'DISABLED' });
    const moved = expected('moved', { expression: 'cron(0 10 * * ? *)', timezone: 'Europe/Berlin' });
    const orphan = actual(expected('orphan'));
    const drift = diffSchedules(
      [same, missing, paused, moved],
      [actual(same), actual({ ...paused, state: 'ENABLED' }), actual(expected('moved')), orphan],
    );
    expect(drift.map((d) => [d.kind, d.name])).toEqual(
      [
        ['missing', missing.name],
        ['mismatched', moved.name],
        ['orphaned', orphan.name],
        ['mismatched', paused.name],
      ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)),
    );
    const movedDrift = drift.find((d) => d.name === moved.name);
    expect(movedDrift).toMatchObject({
      differences: [
        { field: 'expression', expected: 'cron(0 10 * * ? *)', actual: 'cron(0 9 * * ? *)' },
        { field: 'timezone', expected: 'Europe/Berlin', actual: 'UTC' },
      ],
    });
  });

  it('compares input as JSON, so formatting is not drift but another automation is', () => {
    const e = expected('a');
    const spaced = JSON.stringify(JSON.parse(e.input), null, 2);
    expect(diffSchedules([e], [actual(e, { input: spaced })])).toEqual([]);
    const other = expected('b');
    expect(diffSchedules([e], [actual(e, { input: other.input })])).toMatchObject([
      { kind: 'mismatched', differences: [{ field: 'input' }] },
    ]);
    expect(diffSchedules([{ ...e, input: 'x{' }], [actual(e, { input: 'x{' })])).toEqual([]);
  });
});

describe('reconcile', () => {
  async function seeded() {
    const port = new MemoryScheduler(() => new Date(OLD));
    const keep = expected('keep');
    const paused = expected('paused', { state: 'DISABLED' });
    const moved = expected('moved', { expression: 'rate(2 hours)' });
    const missing = expected('missing');
    for (const def of [keep, expected('paused'), expected('moved'), expected('orphan')])
      await port.create(def);
    return { port, want: [keep, paused, moved, missing] };
  }

  it('reports without changing anything unless asked to repair', async () => {
    const { port, want } = await seeded();
    const before = JSON.stringify([...port.schedules]);
    const report = await reconcile(port, want, { now: NOW });
    expect(report).toMatchObject({ expected: 4, actual: 4, repaired: [], failed: [], skipped: [] });
    expect(report.drift.map((d) => d.kind).sort()).toEqual([
      'mismatched',
      'mismatched',
      'missing',
      'orphaned',
    ]);
    expect(JSON.stringify([...port.schedules])).toBe(before);
  });

  it('repairs: creates the missing, deletes the orphan, sets state, updates the rest', async () => {
    const { port, want } = await seeded();
    const report = await reconcile(port, want, { now: NOW, repair: true });
    expect(report.repaired.map((r) => r.action).sort()).toEqual(['create', 'delete', 'setState', 'update']);
    expect(report.failed).toEqual([]);
    const after = await reconcile(port, want, { now: NOW });
    expect(after.drift).toEqual([]);
    expect(port.calls.filter((c) => c.op === 'setState')).toHaveLength(1);
  });

  it('leaves schedules changed within the grace period alone: a deploy may be between its two writes', async () => {
    const { port, want } = await seeded();
    const justNow = new Date(new Date(OLD).getTime() + 60_000);
    const report = await reconcile(port, want, { now: justNow, repair: true });
    expect(report.skipped.map((s) => s.kind).sort()).toEqual(['mismatched', 'mismatched', 'orphaned']);
    expect(report.repaired).toEqual([{ name: expected('missing').name, action: 'create' }]);
    const text = formatReconcileReport(report);
    expect(text).toContain('expected 4 schedules, found 4; 4 differ');
    expect(text).toContain('skipped: changed within the grace period');
    expect(text).toContain(`repaired ${expected('missing').name}: create`);
  });

  it('records a repair that fails and carries on with the rest', async () => {
    const { port, want } = await seeded();
    port.failNext('delete', new Error('scheduler down'));
    const report = await reconcile(port, want, { now: NOW, repair: true });
    expect(report.failed).toEqual([
      { name: expected('orphan').name, action: 'delete', error: 'scheduler down' },
    ]);
    expect(report.repaired).toHaveLength(3);
    expect(formatReconcileReport(report)).toContain(
      `FAILED ${expected('orphan').name}: delete: scheduler down`,
    );
    expect(formatReconcileReport(report)).toContain(
      'mismatched expression: cron(0 9 * * ? *) -> rate(2 hours)',
    );
  });

  it('tolerates schedules that appear or vanish while it repairs', async () => {
    const { port, want } = await seeded();
    const missing = expected('missing');
    const orphanName = expected('orphan').name;
    const list = port.list.bind(port);
    port.list = async (options) => {
      const seen = await list(options);
      await port.create(missing);
      await port.delete(orphanName);
      return seen;
    };
    const report = await reconcile(port, want, { now: NOW, repair: true });
    expect(report.failed).toEqual([]);
    expect(port.schedules.has(orphanName)).toBe(false);
  });
});
