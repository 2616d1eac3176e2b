import type { PlanStep } from '../../../../shared/plans/plan-schema';
import type { RunLease } from '../../../../shared/runs/run-lease';
import type { RunRecord, StepResult } from '../../../../shared/runs/run-types';
import {
  MAY_HAVE_RUN,
  abandonedResults,
  decide,
  firstUnfinished,
  type SweepDecision,
} from '../../../../shared/runs/sweep-decision';

const NOW = Date.UTC(2025, 0, 1, 12);
const MAX_RECOVERIES = 3;

const step = (id: string, action = 'post'): PlanStep => ({ id, provider: 'http', action, params: {} });

const done = (id: string): StepResult => ({
  id,
  provider: 'http',
  action: 'post',
  status: 'success',
  attempts: 1,
  startedAt: '2025-01-01T11:59:00.000Z',
  completedAt: '2025-01-01T11:59:01.000Z',
  output: { ok: id },
});

const retrying = (id: string): StepResult => ({
  id,
  provider: 'http',
  action: 'post',
  status: 'running',
  attempts: 2,
  startedAt: '2025-01-01T11:59:30.000Z',
  nextAttemptAt: NOW + 5_000,
  error: 'HTTP 503',
});

function run(steps: PlanStep[], results: StepResult[], overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    runId: 'run_0a',
    userId: 'user_1',
    status: 'running',
    trigger: { type: 'manual' },
    steps,
    results,
    createdAt: '2025-01-01T11:58:00.000Z',
    deadlineAt: NOW + 60_000,
    invocations: 1,
    ...overrides,
  };
}

const held: RunLease = { leaseUntil: NOW - 1, leaseId: 'lease_1', recoveries: 0 };
const waiting: RunLease = { leaseUntil: NOW - 1, handoffToken: 'handoff_1', recoveries: 0 };

/** A policy whose idempotent actions are `get` and `put`; it records which steps it was asked about. */
function policy() {
  const asked: string[] = [];
  return {
    asked,
    maxRecoveries: MAX_RECOVERIES,
    idempotent: async (s: PlanStep, userId: string) => {
      if (userId !== 'user_1') throw new Error(`asked for the wrong user: ${userId}`);
      asked.push(s.id);
      return s.action === 'get' || s.action === 'put';
    },
  };
}

const notSafe = (id: string, action = 'post') =>
  `its executor stopped while step ${id} may have been running, and http.${action} is not safe to run twice`;

describe('decide', () => {
  const cases: {
    name: string;
    record: RunRecord;
    lease: RunLease;
    expected: SweepDecision;
    asked?: string[];
  }[] = [
    {
      name: 'abandons a run whose deadline passed, even a waiting one with only idempotent steps',
      record: run([step('a', 'get')], [], { deadlineAt: NOW }),
      lease: waiting,
      expected: { kind: 'abandon', from: 0, reason: 'its deadline passed while no executor was running it' },
      asked: [],
    },
    {
      name: 'abandons a run recovered the maximum number of times',
      record: run([step('a', 'get'), step('b', 'get')], [done('a')]),
      lease: { ...waiting, recoveries: MAX_RECOVERIES },
      expected: { kind: 'abandon', from: 1, reason: 'it lost its executor again after 3 recoveries' },
      asked: [],
    },
    {
      name: 'resumes a run one recovery short of the maximum',
      record: run([step('a', 'get')], []),
      lease: { ...held, recoveries: MAX_RECOVERIES - 1 },
      expected: { kind: 'resume' },
    },
    {
      name: 'resumes a run waiting with a hand-off token although its steps are not idempotent',
      record: run([step('a'), step('b')], [done('a')]),
      lease: waiting,
      expected: { kind: 'resume' },
      asked: [],
    },
    {
      name: 'resumes a run held by an executor when every remaining step is idempotent',
      record: run([step('a'), step('b', 'get'), step('c', 'put')], [done('a')]),
      lease: held,
      expected: { kind: 'resume' },
      asked: ['b', 'c'],
    },
    {
      name: 'abandons a held run with one non-idempotent step among the remaining, naming it',
      record: run([step('a', 'get'), step('b', 'get'), step('c', 'post'), step('d', 'get')], [done('a')]),
      lease: held,
      expected: { kind: 'abandon', from: 1, reason: notSafe('c') },
      asked: ['b', 'c'],
    },
    {
      name: 'does not consider the non-idempotent steps before the first unfinished one',
      record: run([step('a'), step('b'), step('c', 'get')], [done('a'), done('b')]),
      lease: held,
      expected: { kind: 'resume' },
      asked: ['c'],
    },
    {
      name: 'counts a step whose retry is waiting as unfinished',
      record: run([step('a', 'get'), step('b', 'delete')], [done('a'), retrying('b')]),
      lease: held,
      expected: { kind: 'abandon', from: 1, reason: notSafe('b', 'delete') },
    },
    {
      name: 'resumes a held run whose every step has finished (nothing may run twice)',
      record: run([step('a')], [done('a')]),
      lease: held,
      expected: { kind: 'resume' },
      asked: [],
    },
  ];

  it.each(cases)('$name', async ({ record, lease, expected, asked }) => {
    const p = policy();
    await expect(decide(record, lease, NOW, p)).resolves.toEqual(expected);
    if (asked) expect(p.asked).toEqual(asked);
  });
});

describe('firstUnfinished', () => {
  it.each([
    ['no results', [], 3, 0],
    ['the first steps done', [done('a'), done('b')], 3, 2],
    ['every step done', [done('a'), done('b'), done('c')], 3, 3],
    ['a retry waiting', [done('a'), retrying('b')], 3, 1],
    ['a failed step ended', [done('a'), { ...done('b'), status: 'failed' as const }], 3, 2],
    ['a skipped step ended', [done('a'), { ...done('b'), status: 'skipped' as const }], 2, 2],
    ['more results than steps', [done('a'), done('b')], 1, 1],
  ])('%s', (_name, results: StepResult[], stepCount, expected) => {
    expect(firstUnfinished(results, stepCount)).toBe(expected);
  });
});

describe('abandonedResults', () => {
  const message = 'Run abandoned: its executor stopped';
  const completedAt = new Date(NOW).toISOString();

  it('keeps the done steps, fails the first unfinished one with its recorded attempts, and the rest may have run', () => {
    const record = run([step('a'), step('b'), step('c', 'get'), step('d')], [done('a'), retrying('b')]);
    const mayHaveRun = { status: 'failed', attempts: 0, completedAt, error: MAY_HAVE_RUN };
    expect(abandonedResults(record, 1, message, NOW, true)).toEqual([
      done('a'),
      {
        id: 'b',
        provider: 'http',
        action: 'post',
        status: 'failed',
        attempts: 2,
        startedAt: '2025-01-01T11:59:30.000Z',
        completedAt,
        error: message,
      },
      { id: 'c', provider: 'http', action: 'get', ...mayHaveRun },
      { id: 'd', provider: 'http', action: 'post', ...mayHaveRun },
    ]);
  });

  it('skips the steps after the first unfinished one when no executor held the run', () => {
    const record = run([step('a'), step('b'), step('c', 'get'), step('d')], [done('a'), retrying('b')]);
    expect(abandonedResults(record, 1, message, NOW, false)).toEqual([
      done('a'),
      {
        id: 'b',
        provider: 'http',
        action: 'post',
        status: 'failed',
        attempts: 2,
        startedAt: '2025-01-01T11:59:30.000Z',
        completedAt,
        error: message,
      },
      { id: 'c', provider: 'http', action: 'get', status: 'skipped', attempts: 0 },
      { id: 'd', provider: 'http', action: 'post', status: 'skipped', attempts: 0 },
    ]);
  });

  it('fails a step that has no recorded result with no attempts and no start', () => {
    const record = run([step('a'), step('b', 'put')], [done('a')]);
    expect(abandonedResults(record, 1, message, NOW, true)).toEqual([
      done('a'),
      {
        id: 'b',
        provider: 'http',
        action: 'put',
        status: 'failed',
        attempts: 0,
        completedAt,
        error: message,
      },
    ]);
  });

  it('fails the first step of a run that never started one', () => {
    const results = abandonedResults(run([step('a'), step('b')], []), 0, message, NOW, false);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['a', 'failed'],
      ['b', 'skipped'],
    ]);
  });

  it('keeps every result of a run with nothing left to run', () => {
    const record = run([step('a'), step('b')], [done('a'), done('b')]);
    expect(abandonedResults(record, 2, message, NOW, true)).toEqual([done('a'), done('b')]);
  });
});
