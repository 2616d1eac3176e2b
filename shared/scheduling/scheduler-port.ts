/**
 * The scheduler port: what EventBridge Scheduler offers (CreateSchedule, UpdateSchedule,
 * DeleteSchedule, GetSchedule, ListSchedules), so the AWS adapter and the local
 * scheduler are interchangeable. Both work inside one schedule group chosen when the
 * adapter is built; the target (the execution Lambda) is fixed by the adapter too.
 */
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import {
  InvalidTimezoneError,
  isValidTimezone,
  nextFireTimes,
  parseScheduleExpression,
} from './schedule-expression';

export type ScheduleState = 'ENABLED' | 'DISABLED';

export interface ScheduleDefinition {
  /** 1-64 characters of [0-9a-zA-Z-_.], unique within the group. */
  name: string;
  /** cron(...), rate(...) or at(...). */
  expression: string;
  /** IANA time zone the expression is evaluated in. */
  timezone: string;
  state: ScheduleState;
  /** JSON passed to the target; may contain the placeholders below. */
  input: string;
  description?: string;
  /** ISO instants bounding recurring schedules (EventBridge ignores them for at()). */
  startDate?: string;
  endDate?: string;
}

export interface ScheduleInfo extends ScheduleDefinition {
  createdAt: string;
  updatedAt: string;
}

export interface CreateScheduleOptions {
  /** Idempotency token: retrying a create with the same token succeeds instead of conflicting. */
  clientToken?: string;
}

export interface ListSchedulesOptions {
  namePrefix?: string;
}

export interface SchedulerPort {
  /** Throws ScheduleExistsError if the name is taken, ValidationError if the definition is invalid. */
  create(def: ScheduleDefinition, options?: CreateScheduleOptions): Promise<void>;
  /** Replaces the whole definition (omitted optional fields are cleared). Throws ScheduleNotFoundError. */
  update(def: ScheduleDefinition): Promise<void>;
  /** Throws ScheduleNotFoundError. */
  setState(name: string, state: ScheduleState): Promise<void>;
  /** Throws ScheduleNotFoundError. */
  delete(name: string): Promise<void>;
  get(name: string): Promise<ScheduleInfo | undefined>;
  /** Sorted by name. */
  list(options?: ListSchedulesOptions): Promise<ScheduleInfo[]>;
}

export class ScheduleNotFoundError extends NotFoundError {
  constructor(readonly scheduleName: string) {
    super(`Schedule ${scheduleName} does not exist`, 'schedule_not_found');
  }
}

export class ScheduleExistsError extends ConflictError {
  constructor(readonly scheduleName: string) {
    super(`Schedule ${scheduleName} already exists`, 'schedule_exists');
  }
}

/** A definition EventBridge would reject (bad name, input, dates...). */
export class ScheduleValidationError extends ValidationError {
  constructor(message: string, field: string) {
    super(message, { field });
  }
}

/** EventBridge replaces these in the target input on every invocation. */
export const SCHEDULED_TIME_PLACEHOLDER = '<aws.scheduler.scheduled-time>';
export const EXECUTION_ID_PLACEHOLDER = '<aws.scheduler.execution-id>';

/** EventBridge's form of the scheduled time: ISO 8601 in UTC, whole seconds, e.g. 2022-03-22T18:59:43Z. */
export function formatScheduledTime(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The input as the target receives it: a plain text replacement of every placeholder
 * occurrence, as EventBridge does it (no JSON awareness, so the placeholders belong
 * inside JSON strings).
 */
export function renderTargetInput(input: string, scheduledTime: Date, executionId: string): string {
  return input
    .split(SCHEDULED_TIME_PLACEHOLDER)
    .join(formatScheduledTime(scheduledTime))
    .split(EXECUTION_ID_PLACEHOLDER)
    .join(executionId);
}

/** The event the execution Lambda receives from a Flowgate schedule, after substitution. */
export interface ScheduledRunPayload {
  source: 'flowgate.schedule';
  /** Whether the schedule runs a saved execution plan or a deployed automation trace. */
  kind: 'plan' | 'trace';
  automationId: string;
  userId: string;
  scheduleName: string;
  /** From `<aws.scheduler.scheduled-time>`; with scheduleName it is the run's idempotency key. */
  scheduledTime: string;
  /** From `<aws.scheduler.execution-id>`: differs on every delivery attempt. */
  executionId: string;
}

/** The schedule's `input`: the payload with the two placeholders left for EventBridge to fill. */
export function buildScheduleInput(
  run: Omit<ScheduledRunPayload, 'source' | 'scheduledTime' | 'executionId'>,
): string {
  const payload: ScheduledRunPayload = {
    source: 'flowgate.schedule',
    kind: run.kind,
    automationId: run.automationId,
    userId: run.userId,
    scheduleName: run.scheduleName,
    scheduledTime: SCHEDULED_TIME_PLACEHOLDER,
    executionId: EXECUTION_ID_PLACEHOLDER,
  };
  return JSON.stringify(payload);
}

const NAME = /^[0-9a-zA-Z_.-]{1,64}$/;
const MAX_DESCRIPTION_LENGTH = 512;

/** Schedule and group names follow the same EventBridge rule. */
export function assertScheduleName(name: unknown, field = 'name'): asserts name is string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new ScheduleValidationError(
      `${field} must be 1-64 characters of 0-9, a-z, A-Z, '-', '_' or '.'`,
      field,
    );
  }
}

export function assertScheduleState(state: unknown): asserts state is ScheduleState {
  if (state !== 'ENABLED' && state !== 'DISABLED') {
    throw new ScheduleValidationError("state must be 'ENABLED' or 'DISABLED'", 'state');
  }
}

function parseInstant(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
    ? Date.parse(value)
    : NaN;
  if (Number.isNaN(ms)) throw new ScheduleValidationError(`${field} must be an ISO 8601 instant`, field);
  return ms;
}

/**
 * Rejects what EventBridge would reject, with a typed 400 error: ScheduleExpressionError,
 * InvalidTimezoneError or ScheduleValidationError.
 */
export function validateScheduleDefinition(def: ScheduleDefinition): void {
  assertScheduleName(def.name);
  parseScheduleExpression(def.expression);
  if (!isValidTimezone(def.timezone)) throw new InvalidTimezoneError(def.timezone);
  assertScheduleState(def.state);
  if (typeof def.input !== 'string' || def.input.length === 0) {
    throw new ScheduleValidationError('input must be a non-empty JSON string', 'input');
  }
  try {
    JSON.parse(def.input);
  } catch {
    throw new ScheduleValidationError('input must be valid JSON', 'input');
  }
  if (def.description !== undefined && def.description.length > MAX_DESCRIPTION_LENGTH) {
    throw new ScheduleValidationError(
      `description must be at most ${MAX_DESCRIPTION_LENGTH} characters`,
      'description',
    );
  }
  const start = parseInstant(def.startDate, 'startDate');
  const end = parseInstant(def.endDate, 'endDate');
  if (start !== undefined && end !== undefined && start >= end) {
    throw new ScheduleValidationError('endDate must be after startDate', 'endDate');
  }
}

/** When an existing schedule fires next, strictly after `after`; undefined if disabled or finished. */
export function nextFireTimeOf(info: ScheduleInfo, after: Date): Date | undefined {
  if (info.state === 'DISABLED') return undefined;
  const date = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso));
  return nextFireTimes(info.expression, info.timezone, after, 1, {
    createdAt: new Date(info.createdAt),
    startDate: date(info.startDate),
    endDate: date(info.endDate),
  })[0];
}
