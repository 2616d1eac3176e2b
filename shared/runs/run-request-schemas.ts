/** Request shapes of run now and the execution-log routes, shared by their handlers and the API contract. */
import * as z from 'zod';
import { NotFoundError } from '../errors';
import { IdString, pathIdSchema } from '../http/path-id';
import { PageQuery } from '../plans/pagination';
import { StepsSchema } from '../plans/plan-schema';
import { timeOfSortableId } from './sortable-id';

export const ExecutePlanBody = z
  .strictObject({ plan_id: IdString.optional(), steps: StepsSchema.optional() })
  .refine((b) => (b.plan_id === undefined) !== (b.steps === undefined), {
    message: 'give either plan_id or steps',
    path: ['plan_id'],
  });

export const executionLogNotFound = () =>
  new NotFoundError('Execution log not found', 'execution_log_not_found');

export const ExecutionLogPath = pathIdSchema('id', {
  wellFormed: (id) => timeOfSortableId('run', id) !== undefined,
  notFound: executionLogNotFound,
});

export const ExecutionLogQuery = PageQuery.extend({
  plan_id: z.string().min(1).max(256).optional(),
  trace_id: z.string().min(1).max(256).optional(),
  status: z.enum(['pending', 'running', 'success', 'failed']).optional(),
}).refine((q) => !(q.plan_id && q.trace_id), {
  message: 'Filter by plan_id or by trace_id, not both',
  path: ['trace_id'],
});
