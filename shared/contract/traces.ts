/** Automation traces (infra/routes/traces.ts). */
import * as z from 'zod';
import { PageQuery } from '../plans/pagination';
import { CreateTraceBody, TracePath } from '../traces/trace-body';
import { DEPLOYMENT_STATUSES } from '../traces/trace-types';
import { LastRun, NextCursor, RunStatus, ScheduleType, StoredStep, Timestamp } from './common';
import type { DomainContract } from './types';

/** shared/traces/trace-views.ts traceView: the plan, its deployment fields and its last run. */
export const Trace = z.strictObject({
  id: z.string(),
  trace_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  request: z.string().nullable().describe('The request it was drafted from, when it was'),
  model: z.string().nullable(),
  steps: z.array(StoredStep),
  deployment_status: z.enum(DEPLOYMENT_STATUSES),
  schedule_type: ScheduleType.nullable(),
  schedule_time: z.string().nullable(),
  schedule_config: z.record(z.string(), z.unknown()).nullable(),
  deployed_at: Timestamp.nullable(),
  next_run: Timestamp.nullable(),
  last_run: LastRun,
  last_run_status: RunStatus.nullable(),
  dry_run_id: z.string().nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const tracesContract: DomainContract = {
  CreateAutomationTrace: {
    summary: 'Create a trace: drafted by the LLM from a message, or from steps',
    description: 'With `dry_run` the plan also runs once, within the request budget.',
    request: { body: CreateTraceBody },
    responses: {
      201: {
        description: 'The new trace (and its dry run)',
        schema: Trace.extend({
          dry_run: z.strictObject({ run_id: z.string(), log_id: z.string(), status: RunStatus }).optional(),
        }),
      },
    },
    errors: [404, 422, '4XX'],
  },
  ListAutomationTraces: {
    summary: "The caller's traces, newest first",
    request: { query: PageQuery },
    responses: {
      200: {
        description: 'A page of traces',
        schema: z.strictObject({ traces: z.array(Trace), next_cursor: NextCursor }),
      },
    },
  },
  GetAutomationTrace: {
    summary: 'One trace',
    request: { path: TracePath },
    responses: { 200: { description: 'The trace', schema: Trace } },
    errors: [404],
  },
  DeleteAutomationTrace: {
    summary: 'Delete a trace and its schedule',
    request: { path: TracePath },
    responses: { 204: { description: 'Deleted' } },
    errors: [404],
  },
};
