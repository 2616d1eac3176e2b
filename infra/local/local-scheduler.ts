/**
 * Local stand-in for EventBridge Scheduler. Schedules live in the DynamoDB table, one
 * partition per schedule group (PK `LOCALSCHEDULE#<group>`, SK `<name>`), so listing a
 * group is one Query and survives restarts with the rest of the local data. Writes are
 * conditional, giving the same exists / not-found errors as the real service.
 *
 * This class keeps and evaluates schedules. Delivery (the timer loop that renders the
 * input and invokes the execution handler) is ScheduleRunner in schedule-runner.ts,
 * which polls `list()` and is told of changes made through this instance by `onChange`.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../../shared/clients/dynamodb';
import { isConditionalFailure } from '../../shared/db/conditions';
import {
  assertScheduleName,
  assertScheduleState,
  nextFireTimeOf,
  ScheduleExistsError,
  ScheduleNotFoundError,
  validateScheduleDefinition,
  type CreateScheduleOptions,
  type ListSchedulesOptions,
  type ScheduleDefinition,
  type ScheduleInfo,
  type SchedulerPort,
  type ScheduleState,
} from '../../shared/scheduling/scheduler-port';

export interface LocalSchedulerOptions {
  deps: RepositoryDeps;
  /** Schedule group: the namespace names are unique in (EventBridge's GroupName). */
  group: string;
  clock?: () => Date;
}

const OPTIONAL_FIELDS = ['description', 'startDate', 'endDate'] as const;
const EXISTS = 'attribute_exists(PK)';

function toInfo(item: Record<string, unknown>): ScheduleInfo {
  const info: ScheduleInfo = {
    name: item.name as string,
    expression: item.expression as string,
    timezone: item.timezone as string,
    state: item.state as ScheduleState,
    input: item.input as string,
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
  for (const field of OPTIONAL_FIELDS) {
    if (typeof item[field] === 'string') info[field] = item[field];
  }
  return info;
}

export class LocalScheduler implements SchedulerPort {
  readonly group: string;
  private readonly deps: RepositoryDeps;
  private readonly clock: () => Date;
  private readonly listeners = new Set<(name: string) => void>();

  constructor(options: LocalSchedulerOptions) {
    assertScheduleName(options.group, 'group');
    this.group = options.group;
    this.deps = options.deps;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Called with the schedule's name after every successful change; returns the unsubscribe. */
  onChange(listener: (name: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(name: string): void {
    for (const listener of this.listeners) listener(name);
  }

  private get partition(): string {
    return `LOCALSCHEDULE#${this.group}`;
  }

  private key(name: string) {
    return { PK: this.partition, SK: name };
  }

  async create(def: ScheduleDefinition, options: CreateScheduleOptions = {}): Promise<void> {
    validateScheduleDefinition(def);
    const now = this.clock().toISOString();
    const item = {
      ...this.key(def.name),
      type: 'local-schedule',
      group: this.group,
      name: def.name,
      expression: def.expression,
      timezone: def.timezone,
      state: def.state,
      input: def.input,
      description: def.description,
      startDate: def.startDate,
      endDate: def.endDate,
      clientToken: options.clientToken,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.deps.client.send(
        new PutCommand({
          TableName: this.deps.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
      // A retried create (same client token) is not a conflict, as on EventBridge.
      if (options.clientToken !== undefined) {
        const existing = await this.getItem(def.name);
        if (existing?.clientToken === options.clientToken) return;
      }
      throw new ScheduleExistsError(def.name);
    }
    this.changed(def.name);
  }

  async update(def: ScheduleDefinition): Promise<void> {
    validateScheduleDefinition(def);
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    const removes: string[] = [];
    const fields: Record<string, string | undefined> = {
      expression: def.expression,
      timezone: def.timezone,
      state: def.state,
      input: def.input,
      description: def.description,
      startDate: def.startDate,
      endDate: def.endDate,
      updatedAt: this.clock().toISOString(),
    };
    for (const [field, value] of Object.entries(fields)) {
      names[`#${field}`] = field;
      if (value === undefined) {
        removes.push(`#${field}`);
      } else {
        values[`:${field}`] = value;
        sets.push(`#${field} = :${field}`);
      }
    }
    const expression = `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`;
    await this.conditionalUpdate(def.name, expression, names, values);
    this.changed(def.name);
  }

  async setState(name: string, state: ScheduleState): Promise<void> {
    assertScheduleName(name);
    assertScheduleState(state);
    await this.conditionalUpdate(
      name,
      'SET #state = :state, #updatedAt = :updatedAt',
      { '#state': 'state', '#updatedAt': 'updatedAt' },
      { ':state': state, ':updatedAt': this.clock().toISOString() },
    );
    this.changed(name);
  }

  async delete(name: string): Promise<void> {
    assertScheduleName(name);
    try {
      await this.deps.client.send(
        new DeleteCommand({
          TableName: this.deps.tableName,
          Key: this.key(name),
          ConditionExpression: EXISTS,
        }),
      );
    } catch (err) {
      if (isConditionalFailure(err)) throw new ScheduleNotFoundError(name);
      throw err;
    }
    this.changed(name);
  }

  async get(name: string): Promise<ScheduleInfo | undefined> {
    assertScheduleName(name);
    const item = await this.getItem(name);
    return item ? toInfo(item) : undefined;
  }

  async list(options: ListSchedulesOptions = {}): Promise<ScheduleInfo[]> {
    const prefix = options.namePrefix;
    const schedules: ScheduleInfo[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.deps.client.send(
        new QueryCommand({
          TableName: this.deps.tableName,
          KeyConditionExpression: prefix ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
          ExpressionAttributeValues: { ':pk': this.partition, ...(prefix ? { ':prefix': prefix } : {}) },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) schedules.push(toInfo(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return schedules;
  }

  /**
   * When the schedule fires next, strictly after `after` (default: now); undefined when it
   * is disabled or will not fire again. Throws ScheduleNotFoundError.
   */
  async nextFireTime(name: string, after: Date = this.clock()): Promise<Date | undefined> {
    const info = await this.get(name);
    if (!info) throw new ScheduleNotFoundError(name);
    return nextFireTimeOf(info, after);
  }

  private async getItem(name: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: this.key(name), ConsistentRead: true }),
    );
    return Item;
  }

  private async conditionalUpdate(
    name: string,
    updateExpression: string,
    names: Record<string, string>,
    values: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: this.key(name),
          UpdateExpression: updateExpression,
          ConditionExpression: EXISTS,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    } catch (err) {
      if (isConditionalFailure(err)) throw new ScheduleNotFoundError(name);
      throw err;
    }
  }
}
