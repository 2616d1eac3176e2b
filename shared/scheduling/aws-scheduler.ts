/**
 * The SchedulerPort on EventBridge Scheduler. Every schedule lives in Flowgate's own group
 * and targets the execution function with the scheduler role, the dead-letter queue, a
 * bounded retry policy and no flexible window, so the target input is all that differs
 * between schedules.
 */
import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  UpdateScheduleCommand,
  type GetScheduleOutput,
  type SchedulerClient,
  type Target,
  type UpdateScheduleInput,
} from '@aws-sdk/client-scheduler';
import { UpstreamError } from '../errors';
import {
  assertScheduleName,
  assertScheduleState,
  ScheduleExistsError,
  ScheduleNotFoundError,
  ScheduleValidationError,
  validateScheduleDefinition,
  type CreateScheduleOptions,
  type ListSchedulesOptions,
  type ScheduleDefinition,
  type ScheduleInfo,
  type SchedulerPort,
  type ScheduleState,
} from './scheduler-port';

export interface AwsSchedulerOptions {
  client: SchedulerClient;
  /** The stack's schedule group (SCHEDULE_GROUP). */
  group: string;
  /** The execution function (EXECUTION_FUNCTION_ARN). */
  targetArn: string;
  /** The role schedules assume to invoke it (SCHEDULER_ROLE_ARN). */
  roleArn: string;
  /** Where undeliverable events go (SCHEDULER_DLQ_ARN). */
  deadLetterArn: string;
  retryPolicy: { maximumRetryAttempts: number; maximumEventAgeSeconds: number };
  /** GetSchedule calls in flight at once while listing (ListSchedules returns summaries only). */
  listConcurrency?: number;
}

type Operation = 'create' | 'update' | 'setState' | 'delete' | 'get' | 'list';

/** AWS errors as the port's errors. Anything not about the request itself is a 502. */
export function toPortError(err: unknown, operation: Operation, name: string): Error {
  const code = err instanceof Error ? err.name : '';
  // On create, a conflict is a taken name; elsewhere it is a concurrent change, worth a retry.
  if (code === 'ConflictException' && operation === 'create') return new ScheduleExistsError(name);
  if (code === 'ResourceNotFoundException') return new ScheduleNotFoundError(name);
  if (code === 'ValidationException') {
    // AWS's message can name ARNs of the stack; the caller gets a fixed one, the log the cause.
    const error = new ScheduleValidationError(
      'EventBridge Scheduler rejected the schedule definition',
      'schedule',
    );
    return Object.assign(error, { cause: err });
  }
  return new UpstreamError('The scheduler could not be reached', 'scheduler_unavailable', {
    cause: err,
    details: { operation },
  });
}

const iso = (date: Date | undefined) => date?.toISOString();
/** Requests without undefined members, so what is sent is exactly what is written here. */
const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
const date = (value: string | undefined) => (value === undefined ? undefined : new Date(value));

export class AwsScheduler implements SchedulerPort {
  private readonly listConcurrency: number;

  constructor(private readonly options: AwsSchedulerOptions) {
    assertScheduleName(options.group, 'group');
    this.listConcurrency = options.listConcurrency ?? 5;
  }

  private target(input: string): Target {
    const { targetArn, roleArn, deadLetterArn, retryPolicy } = this.options;
    return {
      Arn: targetArn,
      RoleArn: roleArn,
      Input: input,
      DeadLetterConfig: { Arn: deadLetterArn },
      RetryPolicy: {
        MaximumRetryAttempts: retryPolicy.maximumRetryAttempts,
        MaximumEventAgeInSeconds: retryPolicy.maximumEventAgeSeconds,
      },
    };
  }

  /**
   * The full request body for Create and Update. ActionAfterCompletion is NONE: a one-time
   * at() schedule stays (spent) until its automation is undeployed, so the table and the
   * scheduler keep agreeing on which schedules exist.
   */
  private definition(def: ScheduleDefinition) {
    return compact({
      Name: def.name,
      GroupName: this.options.group,
      ScheduleExpression: def.expression,
      ScheduleExpressionTimezone: def.timezone,
      State: def.state,
      Description: def.description,
      StartDate: date(def.startDate),
      EndDate: date(def.endDate),
      Target: this.target(def.input),
      FlexibleTimeWindow: { Mode: 'OFF' as const },
      ActionAfterCompletion: 'NONE' as const,
    });
  }

  private async send<T>(operation: Operation, name: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw toPortError(err, operation, name);
    }
  }

  async create(def: ScheduleDefinition, options: CreateScheduleOptions = {}): Promise<void> {
    validateScheduleDefinition(def);
    const command = new CreateScheduleCommand(
      compact({ ...this.definition(def), ClientToken: options.clientToken }),
    );
    await this.send('create', def.name, () => this.options.client.send(command));
  }

  /**
   * UpdateSchedule replaces every field, so the request is always complete. The GetSchedule
   * before it turns a missing schedule into ScheduleNotFoundError and keeps a customer
   * managed KMS key someone set on the schedule outside Flowgate.
   */
  async update(def: ScheduleDefinition): Promise<void> {
    validateScheduleDefinition(def);
    const existing = await this.getRaw(def.name, 'update');
    if (!existing) throw new ScheduleNotFoundError(def.name);
    const input = compact<UpdateScheduleInput>({ ...this.definition(def), KmsKeyArn: existing.KmsKeyArn });
    await this.send('update', def.name, () => this.options.client.send(new UpdateScheduleCommand(input)));
  }

  /** Pause and resume: the schedule exactly as it is, with State changed. */
  async setState(name: string, state: ScheduleState): Promise<void> {
    assertScheduleName(name);
    assertScheduleState(state);
    const existing = await this.getRaw(name, 'setState');
    if (!existing) throw new ScheduleNotFoundError(name);
    const input = compact<UpdateScheduleInput>({
      Name: name,
      GroupName: this.options.group,
      ScheduleExpression: existing.ScheduleExpression,
      ScheduleExpressionTimezone: existing.ScheduleExpressionTimezone,
      State: state,
      Description: existing.Description,
      StartDate: existing.StartDate,
      EndDate: existing.EndDate,
      KmsKeyArn: existing.KmsKeyArn,
      Target: existing.Target,
      FlexibleTimeWindow: existing.FlexibleTimeWindow ?? { Mode: 'OFF' },
      ActionAfterCompletion: existing.ActionAfterCompletion,
    });
    await this.send('setState', name, () => this.options.client.send(new UpdateScheduleCommand(input)));
  }

  async delete(name: string): Promise<void> {
    assertScheduleName(name);
    const command = new DeleteScheduleCommand({ Name: name, GroupName: this.options.group });
    await this.send('delete', name, () => this.options.client.send(command));
  }

  async get(name: string): Promise<ScheduleInfo | undefined> {
    assertScheduleName(name);
    const out = await this.getRaw(name, 'get');
    return out ? toInfo(name, out) : undefined;
  }

  /**
   * ListSchedules returns summaries (name, state, dates) without expression, time zone or
   * input, which the drift check and the jobs listing need. So each listed schedule is read
   * with GetSchedule, a few at a time: one List call per 100 schedules plus one Get each.
   * A schedule deleted between the two calls is left out.
   */
  async list(options: ListSchedulesOptions = {}): Promise<ScheduleInfo[]> {
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const command = new ListSchedulesCommand(
        compact({
          GroupName: this.options.group,
          NamePrefix: options.namePrefix,
          NextToken: nextToken,
          MaxResults: 100,
        }),
      );
      const page = await this.send('list', options.namePrefix ?? '', () => this.options.client.send(command));
      for (const summary of page.Schedules ?? []) if (summary.Name) names.push(summary.Name);
      nextToken = page.NextToken;
    } while (nextToken);

    const infos: ScheduleInfo[] = [];
    let cursor = 0;
    const worker = async () => {
      while (cursor < names.length) {
        const name = names[cursor++] as string;
        const info = await this.get(name);
        if (info) infos.push(info);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.listConcurrency, names.length) }, worker));
    return infos.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private async getRaw(name: string, operation: Operation): Promise<GetScheduleOutput | undefined> {
    const command = new GetScheduleCommand({ Name: name, GroupName: this.options.group });
    try {
      return await this.options.client.send(command);
    } catch (err) {
      if (err instanceof Error && err.name === 'ResourceNotFoundException') return undefined;
      throw toPortError(err, operation, name);
    }
  }
}

function toInfo(name: string, out: GetScheduleOutput): ScheduleInfo {
  const created = iso(out.CreationDate) ?? new Date(0).toISOString();
  const info: ScheduleInfo = {
    name: out.Name ?? name,
    expression: out.ScheduleExpression ?? '',
    // EventBridge evaluates an expression without a time zone in UTC.
    timezone: out.ScheduleExpressionTimezone ?? 'UTC',
    state: out.State === 'DISABLED' ? 'DISABLED' : 'ENABLED',
    input: out.Target?.Input ?? '',
    createdAt: created,
    updatedAt: iso(out.LastModificationDate) ?? created,
  };
  if (out.Description !== undefined) info.description = out.Description;
  if (out.StartDate) info.startDate = out.StartDate.toISOString();
  if (out.EndDate) info.endDate = out.EndDate.toISOString();
  return info;
}
