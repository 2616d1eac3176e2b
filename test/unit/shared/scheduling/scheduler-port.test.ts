import { ConflictError, NotFoundError, ValidationError } from '../../../../shared/errors';
import {
  InvalidTimezoneError,
  ScheduleExpressionError,
} from '../../../../shared/scheduling/schedule-expression';
import {
  buildScheduleInput,
  EXECUTION_ID_PLACEHOLDER,
  formatScheduledTime,
  nextFireTimeOf,
  renderTargetInput,
  SCHEDULED_TIME_PLACEHOLDER,
  ScheduleExistsError,
  ScheduleNotFoundError,
  ScheduleValidationError,
  validateScheduleDefinition,
  type ScheduleDefinition,
  type ScheduleInfo,
} from '../../../../shared/scheduling/scheduler-port';

const valid: ScheduleDefinition = {
  name: 'trace_abc-1.daily',
  expression: 'cron(0 9 ? * MON-FRI *)',
  timezone: 'Europe/Berlin',
  state: 'ENABLED',
  input: '{"a":1}',
};

describe('renderTargetInput', () => {
  it('replaces every placeholder occurrence as plain text and leaves the rest alone', () => {
    const input = `{"t":"${SCHEDULED_TIME_PLACEHOLDER}","id":"${EXECUTION_ID_PLACEHOLDER}","again":"${SCHEDULED_TIME_PLACEHOLDER}","other":"<aws.scheduler.attempt-number>"}`;
    const rendered = renderTargetInput(input, new Date('2026-03-09T13:00:00.000Z'), 'd32c5kddcf5bb8c3');
    expect(rendered).toBe(
      '{"t":"2026-03-09T13:00:00Z","id":"d32c5kddcf5bb8c3","again":"2026-03-09T13:00:00Z","other":"<aws.scheduler.attempt-number>"}',
    );
  });

  it('formats the scheduled time like EventBridge: UTC, whole seconds, Z', () => {
    expect(formatScheduledTime(new Date('2022-03-22T18:59:43.789Z'))).toBe('2022-03-22T18:59:43Z');
  });

  it('turns buildScheduleInput into the payload the execution Lambda receives', () => {
    const input = buildScheduleInput({
      kind: 'trace',
      automationId: 'trace_1',
      userId: 'user_1',
      scheduleName: 's1',
    });
    expect(() => validateScheduleDefinition({ ...valid, input })).not.toThrow();
    const payload: unknown = JSON.parse(renderTargetInput(input, new Date('2026-12-01T08:00:00Z'), 'exec-1'));
    expect(payload).toEqual({
      source: 'flowgate.schedule',
      kind: 'trace',
      automationId: 'trace_1',
      userId: 'user_1',
      scheduleName: 's1',
      scheduledTime: '2026-12-01T08:00:00Z',
      executionId: 'exec-1',
    });
  });
});

describe('validateScheduleDefinition', () => {
  it('accepts a valid definition, with optional fields', () => {
    expect(() => validateScheduleDefinition(valid)).not.toThrow();
    expect(() =>
      validateScheduleDefinition({
        ...valid,
        description: 'weekday mornings',
        startDate: '2026-01-01T00:00:00Z',
        endDate: '2026-12-31T23:59:59.999+01:00',
      }),
    ).not.toThrow();
  });

  it.each([
    [{ name: '' }, ScheduleValidationError, 'name must be 1-64 characters'],
    [{ name: 'a'.repeat(65) }, ScheduleValidationError, 'name must be 1-64 characters'],
    [{ name: 'has space' }, ScheduleValidationError, 'name must be 1-64 characters'],
    [{ name: 'slash/name' }, ScheduleValidationError, 'name must be 1-64 characters'],
    [{ expression: 'cron(0 9 * * MON *)' }, ScheduleExpressionError, 'cannot both be set'],
    [{ timezone: 'Mars/Base' }, InvalidTimezoneError, "Invalid time zone 'Mars/Base'"],
    [{ state: 'PAUSED' }, ScheduleValidationError, "state must be 'ENABLED' or 'DISABLED'"],
    [{ input: '' }, ScheduleValidationError, 'input must be a non-empty JSON string'],
    [{ input: '{not json' }, ScheduleValidationError, 'input must be valid JSON'],
    [{ description: 'x'.repeat(513) }, ScheduleValidationError, 'description must be at most 512'],
    [{ startDate: 'tomorrow' }, ScheduleValidationError, 'startDate must be an ISO 8601 instant'],
    [{ endDate: '2026-01-01' }, ScheduleValidationError, 'endDate must be an ISO 8601 instant'],
    [
      { startDate: '2026-02-01T00:00:00Z', endDate: '2026-01-01T00:00:00Z' },
      ScheduleValidationError,
      'endDate must be after startDate',
    ],
  ])('rejects %j', (patch, type, message) => {
    const def = { ...valid, ...patch } as ScheduleDefinition;
    expect(() => validateScheduleDefinition(def)).toThrow(type);
    expect(() => validateScheduleDefinition(def)).toThrow(ValidationError);
    expect(() => validateScheduleDefinition(def)).toThrow(message);
  });
});

describe('errors', () => {
  it('map to 404 and 409 when they reach the HTTP layer', () => {
    const notFound = new ScheduleNotFoundError('s1');
    const exists = new ScheduleExistsError('s1');
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect([notFound.statusCode, notFound.code, notFound.message]).toEqual([
      404,
      'schedule_not_found',
      'Schedule s1 does not exist',
    ]);
    expect(exists).toBeInstanceOf(ConflictError);
    expect([exists.statusCode, exists.code]).toEqual([409, 'schedule_exists']);
  });
});

describe('nextFireTimeOf', () => {
  const info: ScheduleInfo = {
    ...valid,
    expression: 'rate(1 hour)',
    timezone: 'UTC',
    createdAt: '2026-01-01T00:10:00.000Z',
    updatedAt: '2026-01-01T00:10:00.000Z',
  };

  it('uses createdAt as the anchor of a rate schedule', () => {
    expect(nextFireTimeOf(info, new Date('2026-01-01T05:00:00Z'))?.toISOString()).toBe(
      '2026-01-01T05:10:00.000Z',
    );
  });

  it('is undefined for a disabled schedule and after the end date', () => {
    expect(nextFireTimeOf({ ...info, state: 'DISABLED' }, new Date('2026-01-01T05:00:00Z'))).toBeUndefined();
    expect(
      nextFireTimeOf({ ...info, endDate: '2026-01-01T05:00:00Z' }, new Date('2026-01-01T05:00:00Z')),
    ).toBeUndefined();
  });
});
