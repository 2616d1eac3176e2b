/**
 * Request shapes of the deployment routes. The schedule fields come from
 * withScheduleSpec (shared/scheduling/schedule-spec.ts), so deploy and plan scheduling
 * validate schedules identically and each failure is a 400 naming its field.
 */
import * as z from 'zod';
import { IdString } from '../http/path-id';
import { withScheduleSpec } from '../scheduling/schedule-spec';
import { DEPLOYMENT_STATUSES } from '../traces/trace-types';

export { TracePath } from '../traces/trace-body';

/** Trace and plan names have the same bound as on create. */
const Name = z.string().trim().min(1).max(200);

/** `POST /automation/deploy` (seed 004). */
export const DeployBody = withScheduleSpec({ trace_id: IdString, name: Name.optional() });
export type DeployBody = z.output<typeof DeployBody>;

/** `POST /api/execution-plans/{plan_id}/schedule`: the deploy body without `trace_id`. */
export const PlanScheduleBody = withScheduleSpec({ name: Name.optional() });
export type PlanScheduleBody = z.output<typeof PlanScheduleBody>;

export const StatusQuery = z.object({
  status: z.enum(DEPLOYMENT_STATUSES, {
    error: `must be one of ${DEPLOYMENT_STATUSES.join(', ')}`,
  }),
});
