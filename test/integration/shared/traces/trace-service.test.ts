import { randomBytes } from 'node:crypto';
import { LocalKms } from '../../../../infra/local/local-kms';
import { LocalScheduler } from '../../../../infra/local/local-scheduler';
import { AuditLog } from '../../../../shared/audit/audit-log';
import { CredentialRepository } from '../../../../shared/credentials/credential-repository';
import { systemClock } from '../../../../shared/engine/clock';
import type { JsonCompletion } from '../../../../shared/gateway/chat/json-completion';
import { Logger } from '../../../../shared/logger';
import { providerCatalog } from '../../../../shared/plans/provider-catalog';
import { listProviders } from '../../../../shared/providers/registry';
import { RunRepository } from '../../../../shared/runs/run-repository';
import { RunService } from '../../../../shared/runs/run-service';
import { SchedulingService } from '../../../../shared/scheduling/scheduling-service';
import { CreateTraceBody } from '../../../../shared/traces/trace-body';
import { TraceDrafter } from '../../../../shared/traces/trace-drafter';
import { TraceRepository } from '../../../../shared/traces/trace-repository';
import { TraceService } from '../../../../shared/traces/trace-service';
import { testRepositoryDeps } from '../../../support/identity';

/** The trace service on DynamoDB Local, the real engine, the table-backed local scheduler and the audit log. */
const deps = testRepositoryDeps();
const log = new Logger({}, 'silent');
const catalog = providerCatalog({ find: async () => undefined, list: async () => [] });
const step = (id: string, value: unknown = 1) => ({
  id,
  provider: 'data',
  action: 'transform',
  params: { value },
});
const wide = () => ({ startBy: Date.now() + 30_000, finishBy: Date.now() + 30_000 });
const identityOf = () => ({ userId: `user-${randomBytes(6).toString('hex')}`, keyId: 'key_test' });
afterAll(() => deps.client.destroy());

/** A TraceRepository whose deletes fail, as a table outage would. */
class FailingDeletes extends TraceRepository {
  override async delete(): Promise<never> {
    throw new Error('table unavailable');
  }
}

function setup(options: { answers?: unknown[]; traces?: TraceRepository } = {}) {
  const answers = [...(options.answers ?? [])];
  const models: string[] = [];
  // One second apart, so "newest first" never depends on two creates sharing a millisecond.
  let tick = Date.now();
  const clock = () => new Date((tick += 1000));
  const traces = options.traces ?? new TraceRepository(deps);
  const runs = new RunRepository(deps, 30);
  const kms = LocalKms.inMemory();
  const runService = new RunService({
    runs,
    catalog,
    credentials: new CredentialRepository(deps),
    keyManagement: () => kms,
    http: () => ({ request: async () => ({ status: 200, headers: {}, body: '' }) }),
    invoker: () => ({ invoke: async () => undefined }),
    clock: systemClock,
    log,
    limits: { defaultTimeoutMs: 1000, outputMaxBytes: 1000, resultsMaxBytes: 100_000 },
    maxDurationMs: 60_000,
    leaseMs: 60_000,
  });
  const scheduler = new LocalScheduler({ deps, group: `it-traces-${randomBytes(4).toString('hex')}` });
  const scheduling = new SchedulingService({ port: scheduler, log });
  const audit = new AuditLog({ ...deps, log, retentionDays: 30 });
  const service = new TraceService({
    traces,
    runs,
    startRun: (input, window) => runService.startHere(input, window),
    catalog,
    drafter: new TraceDrafter({
      complete: async (input): Promise<JsonCompletion<unknown>> => {
        models.push(input.model);
        const value = answers.shift();
        return { value, content: JSON.stringify(value), routedModel: 'direct/gpt-4o' };
      },
      catalog,
      providersFor: async () => listProviders(),
    }),
    scheduling: () => scheduling,
    audit: () => audit,
    clock,
  });
  const create = (identity: { userId: string; keyId: string }, body: unknown) =>
    service.create(identity, CreateTraceBody.parse(body), { log, runWindow: wide });
  return { service, create, models, traces: new TraceRepository(deps), runs, scheduler, scheduling, audit };
}

describe('TraceService (integration)', () => {
  it('saves explicit steps as a draft and shows it with empty deployment fields', async () => {
    const { service, create } = setup();
    const identity = identityOf();
    const { trace, dryRun } = await create(identity, { name: 'Given', description: 'd', steps: [step('a')] });
    expect(dryRun).toBeUndefined();
    expect(trace).toMatchObject({ name: 'Given', description: 'd', deploymentStatus: 'draft' });
    expect(await service.get(identity.userId, trace.traceId)).toMatchObject({
      id: trace.traceId,
      deployment_status: 'draft',
      schedule_type: null,
      deployed_at: null,
      next_run: null,
      last_run: null,
      last_run_status: null,
    });
  });

  it('refuses explicit steps the plan validator refuses, naming the step field, and saves nothing', async () => {
    const { service, create } = setup();
    const identity = identityOf();
    await expect(
      create(identity, { name: 'Bad', steps: [{ id: 'a', provider: 'nope', action: 'x', params: {} }] }),
    ).rejects.toMatchObject({
      statusCode: 400,
      details: { issues: [{ path: 'body.steps.0.provider', code: 'unknown_provider' }] },
    });
    expect((await service.list(identity.userId, 10)).items).toEqual([]);
  });

  it('saves a drafted trace with the request and model; the caller’s name wins over the drafted one', async () => {
    const { create } = setup({
      answers: [{ name: 'Drafted', description: 'by the model', steps: [step('a')] }],
    });
    const { trace } = await create(identityOf(), { message: 'add one', model: 'gpt-4o', name: 'Mine' });
    expect(trace).toMatchObject({
      name: 'Mine',
      description: 'by the model',
      request: 'add one',
      model: 'gpt-4o',
      deploymentStatus: 'draft',
    });
  });

  it('asks the default model when none is named, and saves nothing when the draft stays invalid', async () => {
    const bad = { name: 'x', steps: [{ id: 'a', provider: 'nope', action: 'x', params: {} }] };
    const { service, create, models } = setup({ answers: [bad, bad] });
    const identity = identityOf();
    await expect(create(identity, { message: 'do it' })).rejects.toMatchObject({ statusCode: 422 });
    expect(models).toEqual(['default', 'default']);
    expect((await service.list(identity.userId, 10)).items).toEqual([]);
  });

  it('dry run: runs the trace once, links the run, and shows it as the last run', async () => {
    const { service, create, runs } = setup();
    const identity = identityOf();
    const { trace, dryRun } = await create(identity, {
      name: 'Dry',
      steps: [step('a', 2), step('b', '{{steps.a.output}}')],
      dry_run: true,
    });
    expect(dryRun).toMatchObject({ status: 'success', traceId: trace.traceId, trigger: { type: 'manual' } });
    expect(trace.dryRunId).toBe(dryRun?.runId);
    const listed = await runs.list(identity.userId, { traceId: trace.traceId, limit: 10 });
    expect(listed.items.map((r) => r.runId)).toEqual([dryRun?.runId]);
    expect(await service.get(identity.userId, trace.traceId)).toMatchObject({
      dry_run_id: dryRun?.runId,
      last_run: { id: dryRun?.runId, status: 'success', trigger: 'manual' },
      last_run_status: 'success',
    });
  });

  it('lists newest first, a page at a time', async () => {
    const { service, create } = setup();
    const identity = identityOf();
    const names = ['one', 'two', 'three'];
    for (const name of names) await create(identity, { name, steps: [step('a')] });
    const first = await service.list(identity.userId, 2);
    expect(first.items.map((t) => t.name)).toEqual(['three', 'two']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await service.list(identity.userId, 2, first.nextCursor ?? undefined);
    expect(second.items.map((t) => t.name)).toEqual(['one']);
  });

  it('shows a deployed trace’s schedule fields and next run from the table', async () => {
    const { service, create, traces } = setup();
    const identity = identityOf();
    const { trace } = await create(identity, { name: 'Deployed', steps: [step('a')] });
    await traces.update(identity.userId, trace.traceId, {
      deploymentStatus: 'deployed',
      deployedAt: '2026-01-01T00:00:00.000Z',
      schedule: {
        scheduleName: 'n',
        type: 'daily',
        time: '09:00',
        config: { timezone: 'Europe/Berlin' },
        expression: 'cron(0 9 * * ? *)',
        timezone: 'Europe/Berlin',
        state: 'ENABLED',
        scheduledAt: '2026-01-01T00:00:00.000Z',
      },
    });
    const view = await service.get(identity.userId, trace.traceId);
    expect(view).toMatchObject({
      deployment_status: 'deployed',
      schedule_type: 'daily',
      schedule_time: '09:00',
      schedule_config: { timezone: 'Europe/Berlin' },
      deployed_at: '2026-01-01T00:00:00.000Z',
    });
    expect(Date.parse(view.next_run ?? '')).toBeGreaterThan(Date.now());
  });

  it('deletes a trace with its schedule and records who did it', async () => {
    const { service, create, scheduling, scheduler, audit } = setup();
    const identity = identityOf();
    const { trace } = await create(identity, { name: 'Scheduled', steps: [step('a')] });
    const ref = { kind: 'trace' as const, automationId: trace.traceId, userId: identity.userId };
    await scheduling.schedule({ ...ref, spec: { type: 'daily', time: '09:00', timezone: 'UTC' } });
    expect(await scheduler.get(scheduling.scheduleName(ref))).toBeDefined();

    expect(await service.delete(identity, trace.traceId)).toEqual({ scheduleRemoved: true });
    expect(await scheduler.get(scheduling.scheduleName(ref))).toBeUndefined();
    await expect(service.get(identity.userId, trace.traceId)).rejects.toMatchObject({ statusCode: 404 });
    const entries = (await audit.list(identity.userId, 10)).items;
    expect(entries[0]).toMatchObject({
      action: 'automation.delete',
      actor: { type: 'user', userId: identity.userId, keyId: 'key_test' },
      target: { type: 'trace', id: trace.traceId },
      details: { name: 'Scheduled', deployment_status: 'draft', schedule_removed: true },
    });
    await expect(service.delete(identity, trace.traceId)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('deletes a trace without a schedule', async () => {
    const { service, create } = setup();
    const identity = identityOf();
    const { trace } = await create(identity, { name: 'Plain', steps: [step('a')] });
    expect(await service.delete(identity, trace.traceId)).toEqual({ scheduleRemoved: false });
  });

  it('keeps another user’s trace and schedule out of reach: 404, and nothing changes', async () => {
    const { service, create, scheduling, scheduler } = setup();
    const owner = identityOf();
    const other = identityOf();
    const { trace } = await create(owner, { name: 'Owned', steps: [step('a')] });
    const ref = { kind: 'trace' as const, automationId: trace.traceId, userId: owner.userId };
    await scheduling.schedule({ ...ref, spec: { type: 'daily', time: '09:00', timezone: 'UTC' } });
    await expect(service.get(other.userId, trace.traceId)).rejects.toMatchObject({ statusCode: 404 });
    await expect(service.delete(other, trace.traceId)).rejects.toMatchObject({ statusCode: 404 });
    expect(await scheduler.get(scheduling.scheduleName(ref))).toBeDefined();
    expect((await service.get(owner.userId, trace.traceId)).name).toBe('Owned');
  });

  it('puts the schedule back when the table delete fails, so the trace keeps running as before', async () => {
    const failing = setup({ traces: new FailingDeletes(deps) });
    const identity = identityOf();
    const { trace } = await failing.create(identity, { name: 'Kept', steps: [step('a')] });
    const ref = { kind: 'trace' as const, automationId: trace.traceId, userId: identity.userId };
    await failing.scheduling.schedule({ ...ref, spec: { type: 'daily', time: '09:00', timezone: 'UTC' } });
    await expect(failing.service.delete(identity, trace.traceId)).rejects.toThrow('table unavailable');
    expect(await failing.scheduler.get(failing.scheduling.scheduleName(ref))).toMatchObject({
      expression: 'cron(0 9 * * ? *)',
      state: 'ENABLED',
    });
    expect((await failing.audit.list(identity.userId, 10)).items).toEqual([]);
  });
});
