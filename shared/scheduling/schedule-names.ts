/**
 * Schedule names and idempotency tokens.
 *
 * A name is `u<16 hex>.<kind>.<automation id>`: the hex is the start of SHA-256 of the
 * user id, so one ListSchedules with that prefix finds a user's schedules (names are
 * global within the group, and a raw user UUID plus a trace id would not fit in 64
 * characters). The prefix is only an index: ownership is decided by the table, and by the
 * user id inside each schedule's input, which listings check. An automation id that is
 * too long or has characters EventBridge refuses in names is replaced by its own hash,
 * marked with a leading `h`, so the name stays within [0-9a-zA-Z-_.]{1,64}.
 */
import { createHash } from 'node:crypto';
import {
  buildScheduleInput,
  type ScheduledRunPayload,
  type ScheduleDefinition,
  type ScheduleState,
} from './scheduler-port';

export type AutomationKind = 'trace' | 'plan';

/** Which automation a schedule runs, and for whom. */
export interface AutomationRef {
  kind: AutomationKind;
  automationId: string;
  userId: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const USER_HASH_CHARS = 16;
/** 64 minus `u` + 16 hex + `.` + `trace` + `.`. */
const MAX_ID_CHARS = 64 - (1 + USER_HASH_CHARS + 1 + 'trace'.length + 1);
const SAFE_ID = new RegExp(`^[0-9a-zA-Z_-]{1,${MAX_ID_CHARS}}$`);

/** Every schedule of this user starts with it. */
export function userSchedulePrefix(userId: string): string {
  return `u${sha256(userId).slice(0, USER_HASH_CHARS)}.`;
}

export function scheduleNameFor(ref: AutomationRef): string {
  const id = SAFE_ID.test(ref.automationId) ? ref.automationId : `h${sha256(ref.automationId).slice(0, 32)}`;
  return `${userSchedulePrefix(ref.userId)}${ref.kind}.${id}`;
}

/**
 * CreateSchedule's ClientToken: the same name and definition give the same token, so a
 * retried deploy is recognized by EventBridge as the same request.
 */
export function clientTokenFor(def: ScheduleDefinition): string {
  return sha256(
    JSON.stringify([def.name, def.expression, def.timezone, def.state, def.input, def.description ?? null]),
  );
}

/** The scheduler's own fields of an automation's schedule; name and input derive from the ref. */
export interface ScheduleSettings {
  expression: string;
  timezone: string;
  state: ScheduleState;
  description?: string;
}

/** EventBridge's Description limit. */
const MAX_DESCRIPTION = 512;

/** The whole definition of an automation's schedule: the one place names and inputs are built. */
export function definitionFor(ref: AutomationRef, settings: ScheduleSettings): ScheduleDefinition {
  const name = scheduleNameFor(ref);
  const def: ScheduleDefinition = {
    name,
    expression: settings.expression,
    timezone: settings.timezone,
    state: settings.state,
    input: buildScheduleInput({
      kind: ref.kind,
      automationId: ref.automationId,
      userId: ref.userId,
      scheduleName: name,
    }),
  };
  if (settings.description) def.description = settings.description.slice(0, MAX_DESCRIPTION);
  return def;
}

/** The automation a schedule's input names, or undefined for input Flowgate did not write. */
export function refFromInput(input: string): AutomationRef | undefined {
  let payload: Partial<ScheduledRunPayload>;
  try {
    payload = JSON.parse(input) as Partial<ScheduledRunPayload>;
  } catch {
    return undefined;
  }
  const { source, kind, automationId, userId } = payload ?? {};
  if (source !== 'flowgate.schedule' || (kind !== 'trace' && kind !== 'plan')) return undefined;
  if (typeof automationId !== 'string' || typeof userId !== 'string') return undefined;
  return { kind, automationId, userId };
}
