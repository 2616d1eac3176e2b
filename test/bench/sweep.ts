/**
 * `npm run bench:sweep`: what one sweep costs, with nothing to do, with 1,000 runs in flight
 * (live leases), and with 1,000 runs whose executor was lost (BENCH_RUNS).
 *
 * A DynamoDB Local of its own, a fresh table; the sweeper as the sweep function builds it,
 * counting every DynamoDB request it sends and the read capacity DynamoDB reports for it.
 */
import '../../infra/local/quiet-sdk-notice';
import { randomBytes } from 'node:crypto';

const RUNS = Number(process.env.BENCH_RUNS ?? 1000);
process.env.LOG_LEVEL ??= 'error';

async function main(): Promise<void> {
  const { ensureTable, startDynamoDbLocal } = await import('../../infra/local/dynamodb-local');
  const ddb = await startDynamoDbLocal();
  const tableName = 'flowgate-bench-sweep';
  await ensureTable(ddb.endpoint, tableName);
  process.env.TABLE_NAME = tableName;
  process.env.DYNAMODB_ENDPOINT = ddb.endpoint;
  const { createDocumentClient } = await import('../../shared/clients/dynamodb');
  const { RunRepository } = await import('../../shared/runs/run-repository');
  const { RunLeaseIndex } = await import('../../shared/runs/run-lease-index');
  const { RunSweeper } = await import('../../shared/runs/run-sweeper');
  const { newSortableId } = await import('../../shared/runs/sortable-id');
  const { LEASE_SHARDS } = await import('../../shared/runs/run-lease');
  const { systemClock } = await import('../../shared/engine/clock');
  const { Logger } = await import('../../shared/logger');
  const { http } = await import('../../shared/providers/http');
  const { summarize, ms } = await import('./stats');

  const client = createDocumentClient({ endpoint: ddb.endpoint });
  let requests = new Map<string, number>();
  let readUnits = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName).replace(/Command$/, '');
      requests.set(name, (requests.get(name) ?? 0) + 1);
      if (name === 'Query')
        (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity;
      readUnits += consumed?.CapacityUnits ?? 0;
      return out;
    },
    { step: 'initialize', name: 'benchSweepCount' },
  );
  const deps = { client, tableName };
  const repo = new RunRepository(deps, 30);
  const limits = { outputMaxBytes: 32_768, resultsMaxBytes: 204_800 };
  const sweeper = new RunSweeper({
    index: new RunLeaseIndex(deps),
    runs: repo,
    service: { dispatch: async (run) => run },
    // The runs' one step is an http POST: not idempotent, so a lost executor means abandoned.
    catalog: { find: async (name: string) => (name === 'http' ? http : undefined) },
    clock: systemClock,
    log: new Logger({}, 'silent'),
    limits,
    leaseMs: 60_000,
    maxRecoveries: 3,
    batchPerShard: RUNS,
  });

  const create = async (count: number, leaseUntil: () => number) => {
    for (let done = 0; done < count; done += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, count - done) }, async () => {
          const now = Date.now();
          await repo.create(
            {
              runId: newSortableId('run', now),
              userId: `u-${randomBytes(3).toString('hex')}`,
              status: 'running',
              trigger: { type: 'webhook' },
              steps: [
                {
                  id: 'a',
                  provider: 'http',
                  action: 'request',
                  params: { method: 'POST', url: 'https://x' },
                },
              ],
              results: [],
              createdAt: new Date(now).toISOString(),
              deadlineAt: now + 600_000,
              invocations: 1,
            },
            { leaseId: randomBytes(8).toString('hex'), leaseUntil: leaseUntil() },
          );
        }),
      );
    }
  };
  const sweepMeasured = async (label: string, repeat: number) => {
    const times: number[] = [];
    let last = '';
    for (let i = 0; i < repeat; i++) {
      requests = new Map();
      readUnits = 0;
      const started = performance.now();
      const report = await sweeper.sweep();
      times.push(performance.now() - started);
      const byCommand = [...requests].map(([n, c]) => `${n} ${c}`).join(', ');
      last = `${byCommand}; ${readUnits.toFixed(1)} read units on the index; ${report.abandoned} abandoned`;
    }
    const s = summarize(times);
    console.log(`  ${label.padEnd(34)} ${last}; median ${ms(s.median)}, p99 ${ms(s.p99)}`);
  };

  try {
    console.log(`bench:sweep — one sweep (${LEASE_SHARDS} index shards)`);
    await sweepMeasured('nothing unfinished', 20);
    await create(RUNS, () => Date.now() + 600_000);
    await sweepMeasured(`${RUNS} in flight (live leases)`, 20);
    await create(RUNS, () => Date.now() - 1);
    await sweepMeasured(`+${RUNS} whose executor was lost`, 1);
    await sweepMeasured('after they were settled', 5);
  } finally {
    client.destroy();
    await ddb.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
