import * as z from 'zod';
import { LocalKms } from '../../../infra/local/local-kms';
import { CredentialRepository } from '../../../shared/credentials/credential-repository';
import { systemClock } from '../../../shared/engine/clock';
import { Logger } from '../../../shared/logger';
import type { ProviderDefinition } from '../../../shared/providers/types';
import { RunRepository } from '../../../shared/runs/run-repository';
import { RunService, type RunHandoffPayload, type RunServiceDeps } from '../../../shared/runs/run-service';
import type { RunRecord } from '../../../shared/runs/run-types';
import { testRepositoryDeps } from '../../support/identity';

/**
 * RunService counts every run it ends (the dashboard's run outcomes): once per run, with
 * the run's final status and trigger, whichever invocation records the end.
 */
const deps = testRepositoryDeps();
const probe: ProviderDefinition = {
  name: 'probe',
  title: 'Probe',
  credentialType: 'api_key',
  category: 'utility',
  description: 'A provider for this test.',
  verification: 'local',
  actions: {
    say: {
      description: 'succeeds unless told to fail',
      params: z.object({ fail: z.boolean().optional() }),
      execute: async (p: { fail?: boolean }) => ({
        success: !p.fail,
        output: {},
        message: p.fail ? 'told to fail' : 'ok',
      }),
    },
  },
};
const catalog = { find: async (name: string) => (name === 'probe' ? probe : undefined) };
const uid = () => `u-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const wide = () => ({ startBy: Date.now() + 60_000, finishBy: Date.now() + 60_000 });

type Outcome = [string, string];

function service(
  options: Partial<Pick<RunServiceDeps, 'outcomes' | 'onFinished'>> & { refuse?: boolean } = {},
) {
  const outcomes: Outcome[] = [];
  const payloads: RunHandoffPayload[] = [];
  const kms = LocalKms.inMemory();
  const svc = new RunService({
    runs: new RunRepository(deps, 30),
    catalog,
    credentials: new CredentialRepository(deps),
    keyManagement: () => kms,
    http: () => ({ request: async () => ({ status: 200, headers: {}, body: '' }) }),
    invoker: () => ({
      invoke: async (payload) => {
        if (options.refuse) throw new Error('throttled');
        payloads.push(payload as RunHandoffPayload);
      },
    }),
    clock: systemClock,
    log: new Logger({}, 'silent'),
    limits: { defaultTimeoutMs: 1000, outputMaxBytes: 1000, resultsMaxBytes: 100_000 },
    maxDurationMs: 60_000,
    leaseMs: 60_000,
    progressIntervalMs: 0,
    outcomes: options.outcomes ?? { runFinished: (status, trigger) => outcomes.push([status, trigger]) },
    ...(options.onFinished ? { onFinished: options.onFinished } : {}),
  });
  return { svc, outcomes, payloads };
}

const ok = [{ id: 'a', provider: 'probe', action: 'say', params: {} }];
const failing = [{ id: 'a', provider: 'probe', action: 'say', params: { fail: true } }];

describe('RunService run outcomes (integration)', () => {
  it('counts a successful run once, by status and trigger', async () => {
    const { svc, outcomes } = service();
    const run = await svc.startHere({ userId: uid(), steps: ok, trigger: { type: 'manual' } }, wide());
    expect(run.status).toBe('success');
    expect(outcomes).toEqual([['success', 'manual']]);
  });

  it('counts a failed scheduled run as failed/schedule', async () => {
    const { svc, outcomes } = service();
    const run = await svc.startHere(
      { userId: uid(), steps: failing, trigger: { type: 'schedule', scheduledTime: '2026-03-01T09:00:00Z' } },
      wide(),
    );
    expect(run.status).toBe('failed');
    expect(outcomes).toEqual([['failed', 'schedule']]);
  });

  it('counts a run queued and finished by the hand-off once, when it ends, not when it is queued', async () => {
    const { svc, outcomes, payloads } = service();
    await svc.enqueue({ userId: uid(), steps: ok, trigger: { type: 'webhook', body: {} } });
    expect(outcomes).toEqual([]);
    await svc.resume(payloads[0]!, wide());
    expect(outcomes).toEqual([['success', 'webhook']]);
  });

  it('counts a run whose execution function could not be started as failed', async () => {
    const { svc, outcomes } = service({ refuse: true });
    const run = await svc.enqueue({ userId: uid(), steps: ok, trigger: { type: 'webhook' } });
    expect(run.status).toBe('failed');
    expect(outcomes).toEqual([['failed', 'webhook']]);
  });

  it('still runs the end hook when the metric throws', async () => {
    const ended: RunRecord[] = [];
    const { svc } = service({
      outcomes: {
        runFinished: () => {
          throw new Error('stdout closed');
        },
      },
      onFinished: async (run) => {
        ended.push(run);
      },
    });
    const run = await svc.startHere({ userId: uid(), steps: ok, trigger: { type: 'manual' } }, wide());
    expect(run.status).toBe('success');
    expect(ended.map((r) => r.runId)).toEqual([run.runId]);
  });
});
