import { randomBytes } from 'node:crypto';
import { LocalScheduler } from '../../../infra/local/local-scheduler';
import { AuditLog } from '../../../shared/audit/audit-log';
import { createDocumentClient, type RepositoryDeps } from '../../../shared/clients/dynamodb';
import { DeploymentService } from '../../../shared/deployment/deployment-service';
import { DeployBody, PlanScheduleBody } from '../../../shared/deployment/deployment-schemas';
import { PlanScheduleService } from '../../../shared/deployment/plan-schedule-service';
import type { Identity } from '../../../shared/http/request';
import { Logger } from '../../../shared/logger';
import { PlanRepository } from '../../../shared/plans/plan-repository';
import type { SchedulerPort } from '../../../shared/scheduling/scheduler-port';
import { SchedulingService } from '../../../shared/scheduling/scheduling-service';
import { TraceRepository } from '../../../shared/traces/trace-repository';

/**
 * The deployment services on real parts: DynamoDB Local, the table-backed LocalScheduler
 * in a group of its own, the real audit log. `port` swaps the scheduler the services see
 * (a failing fake at the seam) while `scheduler` stays the real store to assert on.
 */
export const client = createDocumentClient();
export const deps: RepositoryDeps = { client, tableName: process.env.TABLE_NAME as string };
export const quiet = new Logger({}, 'silent');

export const transform = (id: string) => ({
  id,
  provider: 'data',
  action: 'transform',
  params: { value: 1 },
});

export function newIdentity(): Identity {
  return { userId: `user-${randomBytes(6).toString('hex')}`, keyId: `key_${randomBytes(6).toString('hex')}` };
}

export function deploymentFixture(options: { port?: (scheduler: LocalScheduler) => SchedulerPort } = {}) {
  const scheduler = new LocalScheduler({ deps, group: `it-deploy-${randomBytes(5).toString('hex')}` });
  const scheduling = new SchedulingService({ port: options.port?.(scheduler) ?? scheduler, log: quiet });
  const traces = new TraceRepository(deps);
  const plans = new PlanRepository(deps);
  const audit = new AuditLog({ ...deps, log: quiet, retentionDays: 1 });
  const deployments = new DeploymentService({
    scheduling,
    traces,
    audit,
  });
  const planSchedules = new PlanScheduleService({ scheduling, plans, audit });
  const actions = async (userId: string) => (await audit.list(userId, 50)).items.map((e) => e.action);
  return { scheduler, scheduling, traces, plans, audit, deployments, planSchedules, actions };
}

/** Bodies parsed the way the handlers parse them, so the services get validated input. */
export const deployBody = (input: Record<string, unknown>) => DeployBody.parse(input);
export const planScheduleBody = (input: Record<string, unknown>) => PlanScheduleBody.parse(input);

export const weekly = {
  schedule_type: 'weekly',
  schedule_time: '09:00',
  schedule_config: { days: ['Monday', 'Wednesday', 'Friday'], timezone: 'America/New_York' },
};
export const daily = {
  schedule_type: 'daily',
  schedule_time: '06:30',
  schedule_config: { timezone: 'Europe/Berlin' },
};
