import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../../shared/clients/dynamodb';
import type { AutomationSchedule } from '../../shared/scheduling/automation-schedule';
import type { ExpectedSchedule } from '../../shared/scheduling/reconcile';
import { definitionFor, type AutomationRef } from '../../shared/scheduling/schedule-names';

/** Trace statuses whose schedule should exist; a draft has none (going back to draft deletes it). */
const SCHEDULED_STATUSES = new Set(['deployed', 'paused', 'failed']);

type Item = Record<string, unknown>;

function refOf(item: Item): AutomationRef | undefined {
  const userId = item.userId;
  if (typeof userId !== 'string') return undefined;
  if (item.type === 'plan' && typeof item.planId === 'string') {
    return { kind: 'plan', automationId: item.planId, userId };
  }
  if (
    item.type === 'trace' &&
    typeof item.traceId === 'string' &&
    SCHEDULED_STATUSES.has(item.deploymentStatus as string)
  ) {
    return { kind: 'trace', automationId: item.traceId, userId };
  }
  return undefined;
}

/** The definition the scheduler should hold for one table item, or undefined if it should hold none. */
export function expectedScheduleOf(item: Item): ExpectedSchedule | undefined {
  const ref = refOf(item);
  const schedule = item.schedule as AutomationSchedule | undefined;
  if (!ref || !schedule) return undefined;
  return definitionFor(ref, {
    expression: schedule.expression,
    timezone: schedule.timezone,
    state: schedule.state,
    ...(typeof item.name === 'string' ? { description: item.name } : {}),
  });
}

/**
 * Every schedule the table says should exist, across all users: one paginated Scan for
 * items that record a schedule. Only the admin CLI does this; no request path scans.
 */
export async function expectedSchedules(deps: RepositoryDeps): Promise<ExpectedSchedule[]> {
  const expected: ExpectedSchedule[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await deps.client.send(
      new ScanCommand({
        TableName: deps.tableName,
        FilterExpression: 'attribute_exists(#schedule) AND #type IN (:trace, :plan)',
        ProjectionExpression: '#type, userId, traceId, planId, #name, deploymentStatus, #schedule',
        ExpressionAttributeNames: { '#schedule': 'schedule', '#type': 'type', '#name': 'name' },
        ExpressionAttributeValues: { ':trace': 'trace', ':plan': 'plan' },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const def = expectedScheduleOf(item);
      if (def) expected.push(def);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return expected;
}
