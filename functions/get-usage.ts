import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { UsageQuery, usageRange, usageReport } from '../shared/gateway/usage/usage-report';
import { UsageRepository } from '../shared/gateway/usage/usage-repository';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const usage = new UsageRepository(defaultRepositoryDeps());

/** The caller's own token counts (all of the user's keys), per day, key or model. */
export const handler = http(
  async ({ identity, query }) => {
    const range = usageRange(query);
    const counters = await usage.between(identity.userId, range.from, range.to);
    return ok(usageReport(counters, range, query.group_by));
  },
  { schema: { query: UsageQuery } },
);
