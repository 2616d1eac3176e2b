import {
  ScheduleExistsError,
  ScheduleNotFoundError,
  validateScheduleDefinition,
  type CreateScheduleOptions,
  type ListSchedulesOptions,
  type ScheduleDefinition,
  type ScheduleInfo,
  type SchedulerPort,
  type ScheduleState,
} from '../../../../shared/scheduling/scheduler-port';

type Operation = 'create' | 'update' | 'setState' | 'delete' | 'get' | 'list';

/**
 * An in-memory SchedulerPort for unit tests, with the same contract as the local and AWS
 * schedulers, a record of calls, and faults to inject per operation.
 */
export class MemoryScheduler implements SchedulerPort {
  readonly schedules = new Map<string, ScheduleInfo & { clientToken?: string }>();
  readonly calls: { op: Operation; name?: string }[] = [];
  private readonly faults = new Map<Operation, Error[]>();

  constructor(private readonly clock: () => Date = () => new Date('2026-03-01T12:00:00Z')) {}

  /** The next `op` call fails with `error` (queue several for several calls). */
  failNext(op: Operation, error: Error = new Error(`${op} failed`)): void {
    this.faults.set(op, [...(this.faults.get(op) ?? []), error]);
  }

  private enter(op: Operation, name?: string): void {
    this.calls.push({ op, name });
    const error = this.faults.get(op)?.shift();
    if (error) throw error;
  }

  async create(def: ScheduleDefinition, options: CreateScheduleOptions = {}): Promise<void> {
    this.enter('create', def.name);
    validateScheduleDefinition(def);
    const existing = this.schedules.get(def.name);
    if (existing) {
      if (options.clientToken !== undefined && existing.clientToken === options.clientToken) return;
      throw new ScheduleExistsError(def.name);
    }
    const now = this.clock().toISOString();
    this.schedules.set(def.name, {
      ...def,
      createdAt: now,
      updatedAt: now,
      clientToken: options.clientToken,
    });
  }

  async update(def: ScheduleDefinition): Promise<void> {
    this.enter('update', def.name);
    validateScheduleDefinition(def);
    const existing = this.schedules.get(def.name);
    if (!existing) throw new ScheduleNotFoundError(def.name);
    this.schedules.set(def.name, {
      ...def,
      createdAt: existing.createdAt,
      updatedAt: this.clock().toISOString(),
    });
  }

  async setState(name: string, state: ScheduleState): Promise<void> {
    this.enter('setState', name);
    const existing = this.schedules.get(name);
    if (!existing) throw new ScheduleNotFoundError(name);
    this.schedules.set(name, { ...existing, state, updatedAt: this.clock().toISOString() });
  }

  async delete(name: string): Promise<void> {
    this.enter('delete', name);
    if (!this.schedules.delete(name)) throw new ScheduleNotFoundError(name);
  }

  async get(name: string): Promise<ScheduleInfo | undefined> {
    this.enter('get', name);
    const found = this.schedules.get(name);
    if (!found) return undefined;
    const { clientToken: _token, ...info } = found;
    return info;
  }

  async list(options: ListSchedulesOptions = {}): Promise<ScheduleInfo[]> {
    this.enter('list');
    return [...this.schedules.values()]
      .filter((s) => s.name.startsWith(options.namePrefix ?? ''))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map(({ clientToken: _token, ...info }) => info);
  }
}
