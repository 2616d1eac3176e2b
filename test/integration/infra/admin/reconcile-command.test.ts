import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  exitCodeOf,
  queueArnFromUrl,
  reconcileCommand,
  schedulerFor,
} from '../../../../infra/admin/reconcile-command';
import { ensureTable } from '../../../../infra/local/dynamodb-local';
import { LocalScheduler } from '../../../../infra/local/local-scheduler';
import { AuditLog } from '../../../../shared/audit/audit-log';
import { createDocumentClient, type RepositoryDeps } from '../../../../shared/clients/dynamodb';
import { DeployBody, PlanScheduleBody } from '../../../../shared/deployment/deployment-schemas';
import { DeploymentService } from '../../../../shared/deployment/deployment-service';
import { PlanScheduleService } from '../../../../shared/deployment/plan-schedule-service';
import { Logger } from '../../../../shared/logger';
import { PlanRepository } from '../../../../shared/plans/plan-repository';
import { AwsScheduler } from '../../../../shared/scheduling/aws-scheduler';
import { definitionFor, scheduleNameFor } from '../../../../shared/scheduling/schedule-names';
import { SchedulingService } from '../../../../shared/scheduling/scheduling-service';
import { TraceRepository } from '../../../../shared/traces/trace-repository';

/**
 * The drift check on a table of its own (the Scan covers the whole table, as in a real
 * deployment) and the local scheduler, with automations deployed through the real services.
 */
const endpoint = process.env.DYNAMODB_ENDPOINT as string;
const client = createDocumentClient();
const quiet = new Logger({}, 'silent');
const steps = [{ id: 'a', provider: 'data', action: 'transform', params: { value: 1 } }];
const retry = { maximumRetryAttempts: 3, maximumEventAgeSeconds: 3600 };
afterAll(() => client.destroy());

async function world() {
  const deps: RepositoryDeps = { client, tableName: `reconcile-${randomBytes(5).toString('hex')}` };
  await ensureTable(endpoint, deps.tableName);
  const group = `reconcile-${randomBytes(4).toString('hex')}`;
  const scheduler = new LocalScheduler({ deps, group });
  const scheduling = new SchedulingService({ port: scheduler, log: quiet });
  const audit = new AuditLog({ ...deps, log: quiet, retentionDays: 1 });
  const traces = new TraceRepository(deps);
  const plans = new PlanRepository(deps);
  const deployments = new DeploymentService({
    scheduling,
    traces,
    audit,
  });
  const planSchedules = new PlanScheduleService({ scheduling, plans, audit });
  const me = { userId: `user-${randomBytes(4).toString('hex')}`, keyId: 'key_1' };
  const schedule = { schedule_type: 'daily', schedule_time: '07:00', schedule_config: { timezone: 'UTC' } };

  const deployed = await traces.create(me.userId, { name: 'deployed', steps });
  const paused = await traces.create(me.userId, { name: 'paused', steps });
  await traces.create(me.userId, { name: 'draft', steps });
  const plan = await plans.create(me.userId, { name: 'plan', steps });
  await plans.create(me.userId, { name: 'unscheduled plan', steps });
  for (const trace of [deployed, paused]) {
    await deployments.deploy(me, DeployBody.parse({ trace_id: trace.traceId, ...schedule }));
  }
  await deployments.setStatus(me, paused.traceId, 'paused');
  await planSchedules.schedule(me, plan.planId, PlanScheduleBody.parse(schedule));

  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line) };
  const run = (repair: boolean) => reconcileCommand(deps, scheduler, { repair, 'grace-seconds': '0' }, io);
  const nameOf = (kind: 'trace' | 'plan', automationId: string) =>
    scheduleNameFor({ kind, automationId, userId: me.userId });
  return { deps, group, scheduler, me, deployed, paused, plan, lines, run, nameOf };
}

describe('npm run admin -- reconcile', () => {
  it('finds nothing to do when the table and the scheduler agree', async () => {
    const w = await world();
    await expect(w.run(false)).resolves.toBe(0);
    expect(w.lines).toEqual(['expected 3 schedules, found 3; 0 differ']);
  });

  it('reports missing, orphaned and mismatched schedules without touching them, then repairs them', async () => {
    const w = await world();
    const missing = w.nameOf('trace', w.deployed.traceId);
    const mismatched = w.nameOf('trace', w.paused.traceId);
    await w.scheduler.delete(missing);
    await w.scheduler.setState(mismatched, 'ENABLED');
    const orphan = definitionFor(
      { kind: 'plan', automationId: 'plan_gone', userId: w.me.userId },
      { expression: 'rate(1 hour)', timezone: 'UTC', state: 'ENABLED' },
    );
    await w.scheduler.create(orphan);
    const before = await w.scheduler.list();

    await expect(w.run(false)).resolves.toBe(1);
    expect(w.lines[0]).toBe('expected 3 schedules, found 3; 3 differ');
    expect(w.lines).toEqual(
      expect.arrayContaining([
        `  ${missing}  missing`,
        `  ${orphan.name}  orphaned`,
        `  ${mismatched}  mismatched state: ENABLED -> DISABLED`,
        'Run again with --repair to fix.',
      ]),
    );
    expect(await w.scheduler.list()).toEqual(before);

    w.lines.length = 0;
    await expect(w.run(true)).resolves.toBe(0);
    expect(w.lines).toEqual(
      expect.arrayContaining([
        `  repaired ${missing}: create`,
        `  repaired ${orphan.name}: delete`,
        `  repaired ${mismatched}: setState`,
      ]),
    );
    expect(await w.scheduler.get(orphan.name)).toBeUndefined();
    expect(await w.scheduler.get(missing)).toMatchObject({
      expression: 'cron(0 7 * * ? *)',
      state: 'ENABLED',
      description: 'deployed',
    });
    expect(await w.scheduler.get(mismatched)).toMatchObject({ state: 'DISABLED' });

    w.lines.length = 0;
    await expect(w.run(false)).resolves.toBe(0);
    expect(w.lines).toEqual(['expected 3 schedules, found 3; 0 differ']);
  });

  it('leaves differences younger than the grace period alone', async () => {
    const w = await world();
    await w.scheduler.setState(w.nameOf('plan', w.plan.planId), 'DISABLED');
    const lines: string[] = [];
    const code = await reconcileCommand(w.deps, w.scheduler, { repair: true }, { out: (l) => lines.push(l) });
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('skipped: changed within the grace period');
    expect(await w.scheduler.get(w.nameOf('plan', w.plan.planId))).toMatchObject({ state: 'DISABLED' });
  });

  it('runs from the admin CLI against a table at an endpoint, with the local scheduler of --group', async () => {
    const w = await world();
    await w.scheduler.delete(w.nameOf('plan', w.plan.planId));
    const cli = (...args: string[]) =>
      promisify(execFile)(
        process.execPath,
        [
          '--import',
          'tsx',
          'infra/admin/cli.ts',
          'reconcile',
          '--table',
          w.deps.tableName,
          '--endpoint',
          endpoint,
          '--group',
          w.group,
          '--grace-seconds',
          '0',
          ...args,
        ],
        { cwd: path.resolve(__dirname, '../../../..'), env: { ...process.env, LOG_LEVEL: 'silent' } },
      );
    const report = await cli().catch((err: { code: number; stdout: string }) => err);
    expect(report).toMatchObject({ code: 1 });
    expect((report as { stdout: string }).stdout).toContain(`${w.nameOf('plan', w.plan.planId)}  missing`);
    const repaired = await cli('--repair');
    expect(repaired.stdout).toContain(`repaired ${w.nameOf('plan', w.plan.planId)}: create`);
    expect(await w.scheduler.get(w.nameOf('plan', w.plan.planId))).toMatchObject({ description: 'plan' });
    // Two CLI processes, each compiling its TypeScript on start.
  }, 60_000);
});

describe('reconcile settings', () => {
  const deps = { client, tableName: 'unused' };

  it('picks the AWS adapter for a deployed table and needs the ARNs only to repair', () => {
    expect(schedulerFor(deps, {}, retry)).toBeInstanceOf(LocalScheduler);
    expect(schedulerFor(deps, { table: 't', endpoint: 'http://127.0.0.1:1' }, retry)).toBeInstanceOf(
      LocalScheduler,
    );
    expect(() => schedulerFor(deps, { table: 't' }, retry)).toThrow(/--group or --outputs/);
    expect(schedulerFor(deps, { table: 't', group: 'g', region: 'eu-west-1' }, retry)).toBeInstanceOf(
      AwsScheduler,
    );
    expect(() => schedulerFor(deps, { table: 't', group: 'g', repair: true }, retry)).toThrow(/--target-arn/);
    expect(
      schedulerFor(
        deps,
        { table: 't', group: 'g', repair: true, 'target-arn': 'a', 'role-arn': 'r', 'dlq-arn': 'd' },
        retry,
      ),
    ).toBeInstanceOf(AwsScheduler);
  });

  it('reads the group and the ARNs from a cdk outputs file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reconcile-'));
    const file = path.join(dir, 'outputs.json');
    writeFileSync(
      file,
      JSON.stringify({
        Flowgate: {
          ScheduleGroupName: 'flowgate-group',
          ExecutionFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:ExecuteRun',
          SchedulerRoleArn: 'arn:aws:iam::123456789012:role/SchedulerRole',
          SchedulerDeadLetterQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/dlq',
        },
      }),
    );
    try {
      expect(schedulerFor(deps, { table: 't', outputs: file, repair: true }, retry)).toBeInstanceOf(
        AwsScheduler,
      );
      writeFileSync(file, JSON.stringify({ Other: { ApiUrl: 'x' } }));
      expect(() => schedulerFor(deps, { table: 't', outputs: file }, retry)).toThrow(
        /no stack with a ScheduleGroupName/,
      );
      expect(() => schedulerFor(deps, { table: 't', outputs: path.join(dir, 'absent.json') }, retry)).toThrow(
        /Cannot read/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('turns the stack output queue URL into the queue ARN', () => {
    expect(queueArnFromUrl('https://sqs.eu-west-1.amazonaws.com/123456789012/Flowgate-DLQ')).toBe(
      'arn:aws:sqs:eu-west-1:123456789012:Flowgate-DLQ',
    );
    expect(() => queueArnFromUrl('https://example.com/x')).toThrow(/Not an SQS queue URL/);
  });

  it('exits 1 while any difference is left', () => {
    const drift = [{ kind: 'orphaned' as const, name: 'a', actual: {} as never }];
    const base = { expected: 0, actual: 1, drift, skipped: [], failed: [] };
    expect(exitCodeOf({ ...base, repaired: [] })).toBe(1);
    expect(exitCodeOf({ ...base, repaired: [{ name: 'a', action: 'delete' }] })).toBe(0);
  });
});
