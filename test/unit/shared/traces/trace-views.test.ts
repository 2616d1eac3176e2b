import type { RunRecord } from '../../../../shared/runs/run-types';
import type { AutomationSchedule } from '../../../../shared/scheduling/automation-schedule';
import type { TraceRecord } from '../../../../shared/traces/trace-types';
import { nextRunOf, traceView } from '../../../../shared/traces/trace-views';

const NOW = new Date('2026-03-02T12:00:00Z'); // a Monday
const draft: TraceRecord = {
  traceId: 'trace_1',
  userId: 'u1',
  name: 'Daily digest',
  steps: [{ id: 'a', provider: 'data', action: 'transform', params: { value: 1 } }],
  deploymentStatus: 'draft',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};
const schedule: AutomationSchedule = {
  scheduleName: 'uabc.trace.trace_1',
  type: 'weekly',
  time: '09:00',
  config: { timezone: 'America/New_York', days: ['Monday', 'Wednesday'] },
  expression: 'cron(0 9 ? * 2,4 *)',
  timezone: 'America/New_York',
  state: 'ENABLED',
  scheduledAt: '2026-03-01T10:00:00.000Z',
};
const deployed: TraceRecord = {
  ...draft,
  deploymentStatus: 'deployed',
  schedule,
  deployedAt: '2026-03-01T10:00:00.000Z',
};
const run = {
  runId: 'run_1',
  userId: 'u1',
  traceId: 'trace_1',
  status: 'success',
  trigger: { type: 'schedule', scheduledTime: '2026-03-02T14:00:00Z' },
  createdAt: '2026-03-02T14:00:01.000Z',
} as RunRecord;

describe('traceView', () => {
  it('shows a draft with its id twice and every deployment field null', () => {
    expect(traceView(draft, undefined, NOW)).toEqual({
      id: 'trace_1',
      trace_id: 'trace_1',
      name: 'Daily digest',
      description: null,
      request: null,
      model: null,
      steps: draft.steps,
      deployment_status: 'draft',
      schedule_type: null,
      schedule_time: null,
      schedule_config: null,
      deployed_at: null,
      next_run: null,
      last_run: null,
      last_run_status: null,
      dry_run_id: null,
      created_at: draft.createdAt,
      updated_at: draft.updatedAt,
    });
  });

  it('shows a deployed trace with its schedule fields as given, the next fire time and the last run', () => {
    expect(traceView(deployed, run, NOW)).toMatchObject({
      deployment_status: 'deployed',
      schedule_type: 'weekly',
      schedule_time: '09:00',
      schedule_config: { timezone: 'America/New_York', days: ['Monday', 'Wednesday'] },
      deployed_at: '2026-03-01T10:00:00.000Z',
      // 12:00Z is 07:00 in New York (EST, UTC-5): today's 09:00 is still ahead.
      next_run: '2026-03-02T14:00:00.000Z',
      last_run: { id: 'run_1', status: 'success', trigger: 'schedule', created_at: run.createdAt },
      last_run_status: 'success',
    });
  });
});

describe('nextRunOf', () => {
  it("is the next day in the schedule once today's time has passed", () => {
    expect(nextRunOf(deployed, new Date('2026-03-02T14:00:00Z'))).toBe('2026-03-04T14:00:00.000Z');
  });

  it.each([
    ['paused', { ...deployed, deploymentStatus: 'paused' as const }],
    ['failed', { ...deployed, deploymentStatus: 'failed' as const }],
    [
      'deployed with a disabled schedule',
      { ...deployed, schedule: { ...schedule, state: 'DISABLED' as const } },
    ],
    ['deployed without a schedule', { ...deployed, schedule: undefined }],
    ['unreadable', { ...deployed, schedule: { ...schedule, expression: 'cron(nonsense)' } }],
  ])('is null when the trace is %s', (_label, trace) => {
    expect(nextRunOf(trace as TraceRecord, NOW)).toBeNull();
  });
});
