import type * as z from 'zod';
import { ValidationError } from '../../../../shared/errors';
import { validateParts } from '../../../../shared/http/request';
import { DeployBody, PlanScheduleBody } from '../../../../shared/deployment/deployment-schemas';

/** Every field seed 004 and the README document for `POST /automation/deploy`. */
const documentedDeploy = {
  trace_id: 'trace_0000000000000000000000000000',
  name: 'Weekly Email Automation',
  schedule_type: 'weekly',
  schedule_time: '09:00',
  schedule_config: {
    days: ['Monday', 'Wednesday', 'Friday'],
    day_of_month: 1,
    customInterval: 'Every 2 hours',
    timezone: 'America/New_York',
  },
};
const { trace_id: _traceId, ...documentedPlanSchedule } = documentedDeploy;

function issuesOf(schema: z.ZodType, body: unknown) {
  try {
    validateParts({ body: schema }, { body, query: {}, path: {} });
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).details as { issues: { path: string; code: string }[] };
  }
  throw new Error('expected a validation error');
}

describe.each([
  ['POST /automation/deploy', DeployBody, documentedDeploy],
  ['POST /api/execution-plans/{plan_id}/schedule', PlanScheduleBody, documentedPlanSchedule],
])('%s body', (_route, schema, documented) => {
  it('accepts every documented field', () => {
    expect(schema.safeParse(documented).success).toBe(true);
  });

  it.each([
    ['daily', { schedule_type: 'daily', schedule_time: '09:00', schedule_config: { timezone: 'UTC' } }],
    ['monthly', { schedule_type: 'monthly', schedule_time: '08:00', schedule_config: { day_of_month: 1 } }],
    [
      'custom',
      {
        schedule_type: 'custom',
        schedule_time: 'Every 2 hours',
        schedule_config: { customInterval: 'Every 2 hours', timezone: 'UTC' },
      },
    ],
  ])('accepts the seed %s example', (_type, example) => {
    const extra = 'trace_id' in documented ? { trace_id: documented.trace_id } : {};
    expect(schema.safeParse({ ...extra, ...example }).success).toBe(true);
  });

  it('refuses an unknown top-level field with a 400 naming it, like every other route', () => {
    const { issues } = issuesOf(schema, { ...documented, schedule_name: 'typo' });
    expect(issues).toContainEqual(expect.objectContaining({ path: 'body', code: 'unrecognized_keys' }));
  });

  it('refuses an unknown schedule_config field', () => {
    const body = { ...documented, schedule_config: { ...documented.schedule_config, timeZone: 'UTC' } };
    const { issues } = issuesOf(schema, body);
    expect(issues).toContainEqual(
      expect.objectContaining({ path: 'body.schedule_config', code: 'unrecognized_keys' }),
    );
  });
});
