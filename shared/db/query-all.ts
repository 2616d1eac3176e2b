import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';

/**
 * Every item of one partition whose sort key starts with a prefix, following pages.
 * For small per-user collections (keys, credentials, integrations); big ones paginate.
 */
export async function queryAllByPrefix(
  deps: RepositoryDeps,
  pk: string,
  skPrefix: string,
  options: { consistentRead?: boolean; filterExpression?: string } = {},
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await deps.client.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        FilterExpression: options.filterExpression,
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
        ConsistentRead: options.consistentRead,
        ExclusiveStartKey: cursor,
      }),
    );
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return items;
}
