import { expectStatus, expectThat, objectOf, stringField } from '../checks';
import type { Section, SmokeContext } from '../smoke-context';

const HOUR_MS = 3_600_000;
const AUDIT_PAGES = 5;

interface Job {
  trace_id?: string;
  state?: string;
  expression?: string;
  next_run?: string | null;
}

interface AuditEntry {
  action?: string;
  target?: { type?: string; id?: string };
  details?: Record<string, unknown>;
}

/** A daily time about 12 hours away (UTC), so the schedule cannot fire while the smoke runs. */
function farFromNow(now = Date.now()): { time: string; expression: string } {
  const at = new Date(now + 12 * HOUR_MS);
  const [h, m] = [at.getUTCHours(), at.getUTCMinutes()];
  const pad = (n: number) => String(n).padStart(2, '0');
  return { time: `${pad(h)}:${pad(m)}`, expression: `cron(${m} ${h} * * ? *)` };
}

/**
 * A trace from explicit steps (no LLM), deployed on a daily schedule, seen in the
 * scheduler's jobs, paused, and deleted; then the audit trail of all that.
 */
export function tracesAndDeploymentSection(ctx: SmokeContext): Section {
  let traceId = '';
  let dropTraceUndo: (() => void) | undefined;
  const schedule = farFromNow();

  const jobOfTrace = async (): Promise<Job | undefined> => {
    const res = await ctx.api('GET', '/api/scheduler/jobs');
    expectStatus(res, 200);
    const jobs = objectOf(res).jobs;
    expectThat(Array.isArray(jobs), 'expected a "jobs" list', res);
    return (jobs as Job[]).find((job) => job.trace_id === traceId);
  };

  const deleteTrace = async () => {
    expectStatus(await ctx.api('DELETE', `/automation/traces/${traceId}`), 204);
  };

  const auditOfTrace = async (): Promise<AuditEntry[]> => {
    const found: AuditEntry[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < AUDIT_PAGES; page++) {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await ctx.api('GET', `/api/audit?limit=100${query}`);
      expectStatus(res, 200);
      const body = objectOf(res) as { entries?: AuditEntry[]; next_cursor?: string | null };
      expectThat(Array.isArray(body.entries), 'expected "entries"', res);
      found.push(...body.entries.filter((e) => e.target?.type === 'trace' && e.target.id === traceId));
      cursor = body.next_cursor ?? null;
      if (!cursor) break;
    }
    return found;
  };

  return {
    steps: [
      {
        name: 'trace.create',
        run: async () => {
          const res = await ctx.api('POST', '/automation/traces', {
            body: {
              name: `${ctx.prefix}-trace`,
              steps: [{ id: 'shape', provider: 'data', action: 'transform', params: { value: ctx.prefix } }],
            },
          });
          expectStatus(res, 201);
          traceId = stringField(res, 'id');
          dropTraceUndo = ctx.cleanup.add('trace', deleteTrace);
          expectThat(objectOf(res).deployment_status === 'draft', 'a new trace is not a draft', res);
        },
      },
      {
        name: 'trace.deploy',
        run: async () => {
          const res = await ctx.api('POST', '/automation/deploy', {
            body: {
              trace_id: traceId,
              schedule_type: 'daily',
              schedule_time: schedule.time,
              schedule_config: { timezone: 'UTC' },
              name: `${ctx.prefix}-trace`,
            },
          });
          expectStatus(res, 200);
          const body = objectOf(res);
          expectThat(body.success === true && body.deployment_status === 'deployed', 'not deployed', res);
        },
      },
      {
        name: 'scheduler.jobs',
        run: async () => {
          const job = await jobOfTrace();
          expectThat(job, 'the deployed trace is not among the jobs');
          const detail = JSON.stringify(job);
          expectThat(job.state === 'ENABLED', `the job is not enabled: ${detail}`);
          expectThat(job.expression === schedule.expression, `expected ${schedule.expression}: ${detail}`);
          const next = Date.parse(job.next_run ?? '');
          expectThat(next > Date.now() + 11 * HOUR_MS, `next_run is not about 12 h away: ${detail}`);
        },
      },
      {
        name: 'trace.pause',
        run: async () => {
          const res = await ctx.api('PATCH', `/automation/deployment-status/${traceId}?status=paused`);
          expectStatus(res, 200);
          expectThat(objectOf(res).success === true, 'not paused', res);
        },
      },
      {
        name: 'trace.paused',
        run: async () => {
          const res = await ctx.api('GET', `/automation/traces/${traceId}`);
          expectStatus(res, 200);
          const trace = objectOf(res);
          expectThat(trace.deployment_status === 'paused', 'the trace is not paused', res);
          expectThat(trace.next_run === null, 'a paused trace has a next_run', res);
          const job = await jobOfTrace();
          expectThat(job?.state === 'DISABLED', `the job is not disabled: ${JSON.stringify(job)}`);
        },
      },
      {
        name: 'trace.delete',
        run: async () => {
          await deleteTrace();
          dropTraceUndo?.();
          expectStatus(await ctx.api('GET', `/automation/traces/${traceId}`), 404);
          expectThat((await jobOfTrace()) === undefined, 'the deleted trace still has a job');
        },
      },
      {
        name: 'audit',
        run: async () => {
          const entries = await auditOfTrace();
          const actions = entries.map((e) => `${e.action}${e.details?.to ? `:${String(e.details.to)}` : ''}`);
          for (const wanted of ['automation.deploy', 'automation.status_change:paused', 'automation.delete'])
            expectThat(
              actions.includes(wanted),
              `no ${wanted} entry for the trace (found: ${actions.join(', ') || 'none'})`,
            );
        },
      },
    ],
  };
}
