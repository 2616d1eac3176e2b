import { PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { LocalKms } from '../../../infra/local/local-kms';
import { CredentialRepository } from '../../../shared/credentials/credential-repository';
import { CredentialService } from '../../../shared/credentials/credential-service';
import { RunCredentials } from '../../../shared/credentials/credential-vault';
import { DecryptionError } from '../../../shared/crypto/key-management';
import { systemClock } from '../../../shared/engine/clock';
import { Logger } from '../../../shared/logger';
import type { ProviderDefinition } from '../../../shared/providers/types';
import { RunRepository, runKey } from '../../../shared/runs/run-repository';
import { RunService, type RunHandoffPayload } from '../../../shared/runs/run-service';
import { testRepositoryDeps } from '../../support/identity';

const deps = testRepositoryDeps();
const calls: string[] = [];
const echo: ProviderDefinition = {
  name: 'echo',
  title: 'Echo',
  credentialType: 'api_key',
  category: 'utility',
  description: 'A provider for this test.',
  verification: 'local',
  actions: {
    say: {
      description: 'returns its text',
      params: z.object({ text: z.string() }),
      execute: async (p: { text: string }, ctx) => {
        calls.push(p.text);
        return { success: true, output: { text: p.text, used: ctx.credential ?? null }, message: 'ok' };
      },
    },
  },
};
const catalog = { find: async (name: string) => (name === 'echo' ? echo : undefined) };
const uid = () => `u-${Date.now()}-${Math.random().toString(36).slice(2)}`;

function service(
  options: { invoke?: (p: RunHandoffPayload) => Promise<void>; runs?: RunRepository; kms?: LocalKms } = {},
) {
  const payloads: RunHandoffPayload[] = [];
  const kms = options.kms ?? LocalKms.inMemory();
  const svc = new RunService({
    runs: options.runs ?? new RunRepository(deps, 30),
    catalog,
    credentials: new CredentialRepository(deps),
    keyManagement: () => kms,
    http: () => ({ request: async () => ({ status: 200, headers: {}, body: '' }) }),
    invoker: () => ({
      invoke: async (payload) => {
        payloads.push(payload as RunHandoffPayload);
        await options.invoke?.(payload as RunHandoffPayload);
      },
    }),
    clock: systemClock,
    log: new Logger({}, 'silent'),
    limits: { defaultTimeoutMs: 1000, outputMaxBytes: 1000, resultsMaxBytes: 100_000 },
    maxDurationMs: 60_000,
    leaseMs: 60_000,
    progressIntervalMs: 0,
  });
  return { svc, payloads, kms };
}

const steps = [
  { id: 'a', provider: 'echo', action: 'say', params: { text: 'first' } },
  { id: 'b', provider: 'echo', action: 'say', params: { text: '{{steps.a.output.text}} then second' } },
];
const wide = () => ({ startBy: Date.now() + 60_000, finishBy: Date.now() + 60_000 });

describe('RunService (integration)', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('queues a run and lets exactly one of two deliveries of the hand-off run it', async () => {
    const { svc, payloads } = service();
    const userId = uid();
    const queued = await svc.enqueue({ userId, steps, trigger: { type: 'webhook', body: {} } });
    expect(queued.status).toBe('pending');
    expect(payloads).toHaveLength(1);
    const [first, second] = await Promise.all([
      svc.resume(payloads[0]!, wide()),
      svc.resume(payloads[0]!, wide()),
    ]);
    const finished = [first, second].filter(Boolean);
    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({ status: 'success' });
    expect(calls).toEqual(['first', 'first then second']);
    const stored = await new RunRepository(deps, 30).get(userId, queued.runId);
    expect(stored).toMatchObject({ status: 'success', invocations: 1 });
    expect(stored?.startedAt).toEqual(expect.any(String));
    expect(stored?.completedAt).toEqual(expect.any(String));
  });

  it('hands off mid-run and the next invocation continues without repeating a step', async () => {
    const { svc, payloads } = service();
    const userId = uid();
    // The window closes once step a has begun: a finishes here, b waits for the next invocation.
    const window = {
      get startBy() {
        return calls.length === 0 ? Date.now() + 60_000 : Date.now() - 1;
      },
      finishBy: Date.now() + 60_000,
    };
    const run = await svc.startHere({ userId, steps, trigger: { type: 'manual' } }, window);
    expect(run.status).toBe('running');
    expect(payloads).toHaveLength(1);
    expect(calls).toEqual(['first']);
    const resumed = await svc.resume(payloads[0]!, wide());
    expect(resumed).toMatchObject({ status: 'success' });
    expect(calls).toEqual(['first', 'first then second']);
    expect(resumed?.results.map((r) => r.attempts)).toEqual([1, 1]);
  });

  it('records a run as failed when the execution function cannot be started', async () => {
    const { svc } = service({
      invoke: async () => {
        throw new Error('throttled');
      },
    });
    const userId = uid();
    const run = await svc.enqueue({ userId, steps, trigger: { type: 'webhook' } });
    expect(run).toMatchObject({ status: 'failed', error: 'Could not start the background execution' });
    expect(await new RunRepository(deps, 30).get(userId, run.runId)).toMatchObject({ status: 'failed' });
  });

  it('hides runs past retention from reads, whatever TTL has done so far', async () => {
    const userId = uid();
    const { svc } = service();
    const run = await svc.startHere({ userId, steps, trigger: { type: 'manual' } }, wide());
    const later = new RunRepository(deps, 30, () => Date.now() + 31 * 86_400_000);
    expect(await later.get(userId, run.runId)).toBeUndefined();
    expect((await later.list(userId, { limit: 10 })).items).toEqual([]);
    const now = new RunRepository(deps, 30);
    expect(await now.get(userId, run.runId)).toBeDefined();
    expect((await now.list(userId, { limit: 10 })).items).toHaveLength(1);
  });

  it('decrypts credentials only for their owner: a ciphertext copied to another user fails', async () => {
    const kms = LocalKms.inMemory();
    const repo = new CredentialRepository(deps);
    const creds = new CredentialService(repo, () => kms, catalog);
    const alice = uid();
    const bob = uid();
    const stored = await creds.create(alice, { provider: 'echo', value: 'alice-secret-value-1234' });
    expect(stored.ciphertext).not.toContain('alice-secret');
    // Bob's item, with Alice's ciphertext pasted in.
    await deps.client.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: { PK: `USER#${bob}`, SK: 'CRED#echo#api_key', type: 'credential', ...stored, userId: bob },
      }),
    );
    await expect(new RunCredentials(alice, repo, kms).get('echo', 'api_key')).resolves.toBe(
      'alice-secret-value-1234',
    );
    await expect(new RunCredentials(bob, repo, kms).get('echo', 'api_key')).rejects.toBeInstanceOf(
      DecryptionError,
    );

    // In a run, the failure is the step's, with nothing about the ciphertext.
    const { svc } = service({ kms });
    const run = await svc.startHere({ userId: bob, steps: [steps[0]!], trigger: { type: 'manual' } }, wide());
    expect(run.status).toBe('failed');
    expect(run.results[0]?.error).toBe('The stored credential for echo could not be decrypted');
    const aliceRun = await svc.startHere(
      { userId: alice, steps: [steps[0]!], trigger: { type: 'manual' } },
      wide(),
    );
    expect(aliceRun.results[0]?.output).toEqual({ text: 'first', used: '[REDACTED]' });
  });

  it('builds run keys only from well-formed ids', () => {
    expect(runKey('u', 'run_0mwt1bxc00123456789abcdef0123')?.SK).toBe(
      'RUN#2026-11-23T09:00:00.000Z#run_0mwt1bxc00123456789abcdef0123',
    );
    expect(runKey('u', 'run_nope')).toBeUndefined();
    expect(runKey('u', '../RUN#x')).toBeUndefined();
  });
});
