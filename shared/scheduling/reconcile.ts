/**
 * The drift check behind `npm run admin -- reconcile`: the schedules the table says
 * should exist (deployed or paused traces, scheduled plans) against the schedules the
 * scheduler actually has, and optionally the repair of every difference.
 *
 * The table is the source of truth. A schedule changed within the grace period is left
 * alone, because deploys and status changes touch the scheduler first and the table
 * right after: in that window the two legitimately differ.
 */
import { ScheduleExistsError, ScheduleNotFoundError } from './scheduler-port';
import type { ScheduleDefinition, ScheduleInfo, SchedulerPort } from './scheduler-port';

/** A schedule that should exist, exactly; build it with definitionFor() from schedule-names.ts. */
export type ExpectedSchedule = ScheduleDefinition;

export type ComparedField = 'expression' | 'timezone' | 'state' | 'input';

export interface FieldDifference {
  field: ComparedField;
  expected: string;
  actual: string;
}

export type Drift =
  | { kind: 'missing'; name: string; expected: ExpectedSchedule }
  | { kind: 'orphaned'; name: string; actual: ScheduleInfo }
  | {
      kind: 'mismatched';
      name: string;
      differences: FieldDifference[];
      expected: ExpectedSchedule;
      actual: ScheduleInfo;
    };

export type RepairAction = 'create' | 'delete' | 'update' | 'setState';

export interface ReconcileOptions {
  /** Fix what differs; otherwise only report. */
  repair?: boolean;
  now?: Date;
  /** Differences on schedules changed this recently are skipped (default 5 minutes). */
  graceMs?: number;
}

export interface ReconcileReport {
  expected: number;
  actual: number;
  drift: Drift[];
  /** Drift inside the grace period, not acted on. */
  skipped: { name: string; kind: Drift['kind']; reason: string }[];
  repaired: { name: string; action: RepairAction }[];
  failed: { name: string; action: RepairAction; error: string }[];
}

export const DEFAULT_GRACE_MS = 5 * 60_000;
const COMPARED: ComparedField[] = ['expression', 'timezone', 'state', 'input'];

/** Input compared as JSON, so formatting alone is never drift. */
function canonical(field: ComparedField, value: string): string {
  if (field !== 'input') return value;
  try {
    return JSON.stringify(JSON.parse(value));
  } catch {
    return value;
  }
}

/** Every difference between the two sets, by name. Pure. */
export function diffSchedules(
  expected: readonly ExpectedSchedule[],
  actual: readonly ScheduleInfo[],
): Drift[] {
  const want = new Map(expected.map((e) => [e.name, e]));
  const have = new Map(actual.map((a) => [a.name, a]));
  const drift: Drift[] = [];
  for (const [name, e] of want) {
    const a = have.get(name);
    if (!a) {
      drift.push({ kind: 'missing', name, expected: e });
      continue;
    }
    const differences = COMPARED.filter((f) => canonical(f, e[f]) !== canonical(f, a[f])).map((field) => ({
      field,
      expected: e[field],
      actual: a[field],
    }));
    if (differences.length) drift.push({ kind: 'mismatched', name, differences, expected: e, actual: a });
  }
  for (const [name, a] of have) if (!want.has(name)) drift.push({ kind: 'orphaned', name, actual: a });
  return drift.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

function repairOf(drift: Drift): { action: RepairAction; run: (port: SchedulerPort) => Promise<void> } {
  switch (drift.kind) {
    case 'missing':
      return {
        action: 'create',
        run: (port) =>
          port.create(drift.expected).catch((err: unknown) => {
            if (!(err instanceof ScheduleExistsError)) throw err;
            return port.update(drift.expected);
          }),
      };
    case 'orphaned':
      return {
        action: 'delete',
        run: (port) =>
          port.delete(drift.name).catch((err: unknown) => {
            if (!(err instanceof ScheduleNotFoundError)) throw err;
          }),
      };
    case 'mismatched':
      if (drift.differences.every((d) => d.field === 'state')) {
        return { action: 'setState', run: (port) => port.setState(drift.name, drift.expected.state) };
      }
      return { action: 'update', run: (port) => port.update(drift.expected) };
  }
}

/** Compares `expected` with `port.list()` and, with `repair`, fixes each difference in turn. */
export async function reconcile(
  port: SchedulerPort,
  expected: readonly ExpectedSchedule[],
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const now = (options.now ?? new Date()).getTime();
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const actual = await port.list();
  const drift = diffSchedules(expected, actual);
  const report: ReconcileReport = {
    expected: expected.length,
    actual: actual.length,
    drift,
    skipped: [],
    repaired: [],
    failed: [],
  };
  for (const d of drift) {
    const changedAt = d.kind === 'missing' ? undefined : Date.parse(d.actual.updatedAt);
    if (changedAt !== undefined && now - changedAt < graceMs) {
      report.skipped.push({ name: d.name, kind: d.kind, reason: 'changed within the grace period' });
      continue;
    }
    if (!options.repair) continue;
    const { action, run } = repairOf(d);
    try {
      await run(port);
      report.repaired.push({ name: d.name, action });
    } catch (err) {
      report.failed.push({ name: d.name, action, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return report;
}

/** A few lines for the admin CLI. */
export function formatReconcileReport(report: ReconcileReport): string {
  const lines = [
    `expected ${report.expected} schedules, found ${report.actual}; ${report.drift.length} differ`,
  ];
  const skipped = new Set(report.skipped.map((s) => s.name));
  for (const d of report.drift) {
    const what =
      d.kind === 'mismatched'
        ? `mismatched ${d.differences.map((x) => (x.field === 'input' ? 'input' : `${x.field}: ${x.actual} -> ${x.expected}`)).join(', ')}`
        : d.kind;
    lines.push(
      `  ${d.name}  ${what}${skipped.has(d.name) ? '  (skipped: changed within the grace period)' : ''}`,
    );
  }
  for (const r of report.repaired) lines.push(`  repaired ${r.name}: ${r.action}`);
  for (const f of report.failed) lines.push(`  FAILED ${f.name}: ${f.action}: ${f.error}`);
  return lines.join('\n');
}
