/**
 * `npm run admin -- reconcile [--repair]`: the drift check between the schedules the table
 * records (deployed, paused or failed traces and scheduled plans) and the schedules the
 * scheduler holds. Against the local stack by default (the table-backed local scheduler);
 * with `--table` against a deployed stack's EventBridge Scheduler group.
 */
import { readFileSync } from 'node:fs';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { RepositoryDeps } from '../../shared/clients/dynamodb';
import { AwsScheduler } from '../../shared/scheduling/aws-scheduler';
import { formatReconcileReport, reconcile, type ReconcileReport } from '../../shared/scheduling/reconcile';
import type { SchedulerPort } from '../../shared/scheduling/scheduler-port';
import { LOCAL_SCHEDULE_GROUP } from '../local/local-adapters';
import { LocalScheduler } from '../local/local-scheduler';
import { expectedSchedules } from './expected-schedules';
import { UsageError, type CommandIo } from './identity-commands';

export interface ReconcileFlags {
  repair?: boolean;
  'grace-seconds'?: string;
  table?: string;
  endpoint?: string;
  region?: string;
  group?: string;
  outputs?: string;
  'target-arn'?: string;
  'role-arn'?: string;
  'dlq-arn'?: string;
}

/** What the AWS adapter needs beyond the group; from flags, else from `cdk deploy --outputs-file`. */
interface StackSettings {
  group?: string;
  targetArn?: string;
  roleArn?: string;
  deadLetterArn?: string;
}

export interface AwsRetry {
  maximumRetryAttempts: number;
  maximumEventAgeSeconds: number;
}

/** The stack outputs give the queue's URL; the scheduler wants its ARN. */
export function queueArnFromUrl(url: string): string {
  const { hostname, pathname } = new URL(url);
  const region = /^sqs\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(hostname);
  const [, account, name] = pathname.split('/');
  if (!region || !account || !name) throw new UsageError(`Not an SQS queue URL: ${url}`);
  return `arn:${region[2] ? 'aws-cn' : 'aws'}:sqs:${region[1]}:${account}:${name}`;
}

function settingsFromOutputs(file: string): StackSettings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  const stacks = Object.values((parsed ?? {}) as Record<string, Record<string, string>>);
  const outputs = stacks.find((s) => typeof s?.ScheduleGroupName === 'string');
  if (!outputs) throw new UsageError(`${file} has no stack with a ScheduleGroupName output`);
  return {
    group: outputs.ScheduleGroupName,
    targetArn: outputs.ExecutionFunctionArn,
    roleArn: outputs.SchedulerRoleArn,
    deadLetterArn: outputs.SchedulerDeadLetterQueueUrl
      ? queueArnFromUrl(outputs.SchedulerDeadLetterQueueUrl)
      : undefined,
  };
}

/**
 * The scheduler to compare with: the local scheduler on the same table (group
 * `flowgate-local`, as `npm start` uses, or `--group`) for the local table or any table
 * at an `--endpoint` (DynamoDB Local), else the deployed group through the AWS adapter. Listing needs only the group; repairs create and update
 * schedules, so they also need the target, role and dead-letter queue.
 */
export function schedulerFor(deps: RepositoryDeps, flags: ReconcileFlags, retry: AwsRetry): SchedulerPort {
  if (!flags.table || flags.endpoint)
    return new LocalScheduler({ deps, group: flags.group ?? LOCAL_SCHEDULE_GROUP });
  const fromOutputs = flags.outputs ? settingsFromOutputs(flags.outputs) : {};
  const settings: StackSettings = {
    group: flags.group ?? fromOutputs.group,
    targetArn: flags['target-arn'] ?? fromOutputs.targetArn,
    roleArn: flags['role-arn'] ?? fromOutputs.roleArn,
    deadLetterArn: flags['dlq-arn'] ?? fromOutputs.deadLetterArn,
  };
  if (!settings.group)
    throw new UsageError('reconcile with --table needs --group or --outputs <cdk outputs file>');
  const missing = (['targetArn', 'roleArn', 'deadLetterArn'] as const).filter((k) => !settings[k]);
  if (flags.repair && missing.length) {
    throw new UsageError(
      'reconcile --repair with --table needs --target-arn, --role-arn and --dlq-arn (or --outputs <cdk outputs file>)',
    );
  }
  return new AwsScheduler({
    client: new SchedulerClient({ region: flags.region, maxAttempts: 5 }),
    group: settings.group,
    // Without --repair only ListSchedules and GetSchedule are sent, which take no target.
    targetArn: settings.targetArn ?? '',
    roleArn: settings.roleArn ?? '',
    deadLetterArn: settings.deadLetterArn ?? '',
    retryPolicy: retry,
  });
}

function graceMsOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,6}$/.test(raw)) throw new UsageError('--grace-seconds takes a whole number of seconds');
  return Number(raw) * 1000;
}

/** 0 when the two sides agree (or every difference was repaired), 1 when drift remains. */
export function exitCodeOf(report: ReconcileReport): number {
  const repaired = new Set(report.repaired.map((r) => r.name));
  return report.drift.every((d) => repaired.has(d.name)) ? 0 : 1;
}

export async function reconcileCommand(
  deps: RepositoryDeps,
  port: SchedulerPort,
  flags: Pick<ReconcileFlags, 'repair' | 'grace-seconds'>,
  io: CommandIo,
  now = new Date(),
): Promise<number> {
  const expected = await expectedSchedules(deps);
  const report = await reconcile(port, expected, {
    repair: flags.repair ?? false,
    graceMs: graceMsOf(flags['grace-seconds']),
    now,
  });
  for (const line of formatReconcileReport(report).split('\n')) io.out(line);
  if (!flags.repair && report.drift.length > report.skipped.length) io.out('Run again with --repair to fix.');
  return exitCodeOf(report);
}
