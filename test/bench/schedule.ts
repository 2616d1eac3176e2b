/**
 * `npm run bench:schedule [-- --only <part>]`: scheduling at volume, on DynamoDB Local in memory.
 *
 * Parts (each a function in `parts`, run in order; add new ones there):
 * - `deploy`: 1,000 `POST /automation/deploy` calls through the local API (authorizer,
 *   handler, trace read, scheduler create, trace write, audit), one at a time so each
 *   latency is the request's own. Daily, weekly, monthly and custom bodies in four zones.
 *   Reports median and p99, then checks every trace is deployed with its schedule.
 * - `fire`: 200 schedules due in the same minute on the local scheduler, created while
 *   the runner is running (as under `npm start`). Every one must fire within 5 s of its
 *   time, exactly once. Reports the spread of lateness (delivery time minus fire time).
 *   Daily, weekly, monthly and custom schedules in four time zones (one with a :30
 *   offset), all built from schedule bodies the way the deploy API builds them.
 *
 * `BENCH_SCHEDULES` and `BENCH_DEPLOYS` change the counts.
 */
import '../../infra/local/quiet-sdk-notice';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ensureTable, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { configureEnvironment } from '../../infra/local/local-stack';
import { percentile } from './stats';

const TABLE = 'bench-schedule';
const SCHEDULES = Number(process.env.BENCH_SCHEDULES ?? 200);
const DEPLOYS = Number(process.env.BENCH_DEPLOYS ?? 1000);
const MAX_LATENESS_MS = 5000;
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'];

interface BenchContext {
  endpoint: string;
  log: (line: string) => void;
}

/** Returns false when the part's own pass criteria fail. */
type Part = (ctx: BenchContext) => Promise<boolean>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function fireBench(ctx: BenchContext): Promise<boolean> {
  const { createDocumentClient } = await import('../../shared/clients/dynamodb');
  const { LocalScheduler } = await import('../../infra/local/local-scheduler');
  const { ScheduleRunner } = await import('../../infra/local/schedule-runner');
  const { ScheduleSpecSchema, scheduleExpression, specFromBody, WEEKDAYS } =
    await import('../../shared/scheduling/schedule-spec');
  const { definitionFor } = await import('../../shared/scheduling/schedule-names');
  const { localTime } = await import('../../shared/scheduling/zoned-time');

  const client = createDocumentClient({ endpoint: ctx.endpoint });
  const scheduler = new LocalScheduler({
    deps: { client, tableName: TABLE },
    group: `bench-${randomBytes(4).toString('hex')}`,
  });
  // The next whole minute at least 20 s away, so all schedules exist before it.
  const fireAt = Math.ceil((Date.now() + 20_000) / 60_000) * 60_000;
  const deliveries = new Map<string, number[]>();
  const runner = new ScheduleRunner({
    source: scheduler,
    target: async (payload) => {
      const receivedAt = Date.now();
      const { scheduleName, scheduledTime } = payload as { scheduleName: string; scheduledTime: string };
      const key = `${scheduleName}@${scheduledTime}`;
      deliveries.set(key, [...(deliveries.get(key) ?? []), receivedAt - Date.parse(scheduledTime)]);
    },
  });
  await runner.start();

  const bodyFor = (i: number) => {
    const timezone = ZONES[i % ZONES.length] as string;
    const t = localTime(fireAt, timezone);
    const time = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
    switch (Math.floor(i / ZONES.length) % 4) {
      case 0:
        return { schedule_type: 'daily', schedule_time: time, schedule_config: { timezone } };
      case 1:
        return {
          schedule_type: 'weekly',
          schedule_time: time,
          schedule_config: { days: [WEEKDAYS[t.weekday]], timezone },
        };
      case 2:
        return {
          schedule_type: 'monthly',
          schedule_time: time,
          schedule_config: { day_of_month: t.day, timezone },
        };
      default:
        return {
          schedule_type: 'custom',
          schedule_config: { customInterval: `cron(${t.minute} ${t.hour} ${t.day} * ? *)`, timezone },
        };
    }
  };
  const createStarted = Date.now();
  for (let i = 0; i < SCHEDULES; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, SCHEDULES - i) }, (_, j) => {
        const spec = specFromBody(ScheduleSpecSchema.parse(bodyFor(i + j)));
        const ref = { kind: 'trace' as const, automationId: `trace_bench_${i + j}`, userId: 'bench-user' };
        return scheduler.create(
          definitionFor(ref, {
            expression: scheduleExpression(spec),
            timezone: spec.timezone,
            state: 'ENABLED',
          }),
        );
      }),
    );
  }
  ctx.log(
    `created ${SCHEDULES} schedules in ${Date.now() - createStarted} ms; all due at ${new Date(fireAt).toISOString()}, waiting ${Math.round((fireAt - Date.now()) / 1000)} s`,
  );
  await sleep(fireAt + MAX_LATENESS_MS + 3000 - Date.now());
  await runner.stop();
  client.destroy();

  const lateness = [...deliveries.values()].flat().sort((a, b) => a - b);
  const duplicates = [...deliveries.values()].filter((d) => d.length > 1).length;
  const wrongTime = [...deliveries.keys()].filter(
    (k) => !k.endsWith(new Date(fireAt).toISOString().replace('.000Z', 'Z')),
  );
  const tooLate = lateness.filter((ms) => ms > MAX_LATENESS_MS).length;
  ctx.log(
    `fired ${deliveries.size}/${SCHEDULES} schedules, ${lateness.length} deliveries, ${duplicates} duplicated`,
  );
  ctx.log(
    `lateness after the fire time: min ${lateness[0]} ms, median ${percentile(lateness, 50)} ms, p99 ${percentile(lateness, 99)} ms, max ${lateness[lateness.length - 1]} ms`,
  );
  const ok = deliveries.size === SCHEDULES && duplicates === 0 && tooLate === 0 && wrongTime.length === 0;
  ctx.log(
    ok
      ? `PASS: all within ${MAX_LATENESS_MS} ms, exactly once`
      : `FAIL: ${tooLate} late, ${wrongTime.length} at a wrong time`,
  );
  return ok;
}

async function deployBench(ctx: BenchContext): Promise<boolean> {
  const { startLocalStack } = await import('../../infra/local/local-stack');
  const { TraceRepository } = await import('../../shared/traces/trace-repository');
  const { createDocumentClient } = await import('../../shared/clients/dynamodb');
  const stack = await startLocalStack({
    inMemory: true,
    port: 0,
    dynamodbEndpoint: ctx.endpoint,
    tableName: TABLE,
    scheduleGroup: `bench-${randomBytes(4).toString('hex')}`,
  });
  const client = createDocumentClient({ endpoint: ctx.endpoint });
  const traces = new TraceRepository({ client, tableName: TABLE });
  const userId = stack.demo.userId;
  const headers = { Authorization: `Bearer ${stack.demo.key}`, 'Content-Type': 'application/json' };
  const bodyFor = (i: number, traceId: string) => {
    const timezone = ZONES[i % ZONES.length] as string;
    const time = `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const base = { trace_id: traceId, name: `bench ${i}` };
    switch (Math.floor(i / ZONES.length) % 4) {
      case 0:
        return { ...base, schedule_type: 'daily', schedule_time: time, schedule_config: { timezone } };
      case 1:
        return {
          ...base,
          schedule_type: 'weekly',
          schedule_time: time,
          schedule_config: { days: ['Monday', 'Wednesday', 'Friday'], timezone },
        };
      case 2:
        return {
          ...base,
          schedule_type: 'monthly',
          schedule_time: time,
          schedule_config: { day_of_month: i % 2 ? 'last' : (i % 28) + 1, timezone },
        };
      default:
        return {
          ...base,
          schedule_type: 'custom',
          schedule_time: `Every ${(i % 12) + 1} hours`,
          schedule_config: { timezone },
        };
    }
  };
  try {
    const ids: string[] = [];
    for (let i = 0; i < DEPLOYS; i += 25) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(25, DEPLOYS - i) }, (_, j) =>
          traces.create(userId, {
            name: `bench trace ${i + j}`,
            steps: [{ id: 'a', provider: 'data', action: 'transform', params: { value: i + j } }],
          }),
        ),
      );
      ids.push(...batch.map((t) => t.traceId));
    }
    // The first request pays the handler's module load: reported apart from the rest.
    const latencies: number[] = [];
    let failures = 0;
    for (const [i, traceId] of ids.entries()) {
      const started = performance.now();
      const res = await fetch(`${stack.apiUrl}/automation/deploy`, {
        method: 'POST',
        headers,
        body: JSON.stringify(bodyFor(i, traceId)),
      });
      const body = await res.text();
      latencies.push(performance.now() - started);
      if (res.status !== 200) {
        failures++;
        if (failures <= 3) ctx.log(`deploy ${i} answered ${res.status}: ${body}`);
      }
    }
    const sorted = latencies.slice(1).sort((a, b) => a - b);
    const fmt = (ms: number | undefined) => `${(ms ?? NaN).toFixed(2)} ms`;
    ctx.log(
      `deployed ${DEPLOYS - failures}/${DEPLOYS}: first ${fmt(latencies[0])}, then median ${fmt(percentile(sorted, 50))}, p99 ${fmt(percentile(sorted, 99))}, max ${fmt(sorted[sorted.length - 1])}`,
    );
    const stored = await Promise.all(ids.map((id) => traces.get(userId, id)));
    const deployed = stored.filter((t) => t?.deploymentStatus === 'deployed' && t.schedule).length;
    const schedules = (await stack.adapters.scheduler.list()).length;
    ctx.log(`table: ${deployed} traces deployed; scheduler: ${schedules} schedules`);
    const ok = failures === 0 && deployed === DEPLOYS && schedules === DEPLOYS;
    ctx.log(ok ? 'PASS: every deploy answered 200 and left one schedule' : 'FAIL');
    return ok;
  } finally {
    client.destroy();
    await stack.stop();
  }
}

const parts: Record<string, Part> = { deploy: deployBench, fire: fireBench };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const selected = values.only ? [values.only] : Object.keys(parts);
  for (const name of selected)
    if (!parts[name]) throw new Error(`Unknown part ${name}; parts: ${Object.keys(parts).join(', ')}`);
  const ddb = await startDynamoDbLocal();
  let ok = true;
  try {
    await ensureTable(ddb.endpoint, TABLE);
    configureEnvironment(ddb.endpoint, TABLE);
    for (const name of selected) {
      console.log(`\n== ${name} ==`);
      ok = (await (parts[name] as Part)({ endpoint: ddb.endpoint, log: (line) => console.log(line) })) && ok;
    }
  } finally {
    await ddb.stop();
  }
  process.exitCode = ok ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
