import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { testRepositoryDeps } from './identity';

/**
 * Every item in the test table that belongs to this user: in its partition, or naming it
 * in any attribute (webhooks, API keys, audit entries). Test files share the table, so a
 * whole-table check has to pick its own items out.
 */
export async function itemsOfUser(userId: string): Promise<Record<string, unknown>[]> {
  const { client, tableName } = testRepositoryDeps();
  const items: Record<string, unknown>[] = [];
  try {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []).filter((item) => itemText(item).includes(userId)));
      start = page.LastEvaluatedKey;
    } while (start);
  } finally {
    client.destroy();
  }
  return items;
}

/** An item as JSON text, with string sets and binary attributes spelled out (JSON drops them). */
export function itemText(item: Record<string, unknown>): string {
  return JSON.stringify(item, (_key, value: unknown) => {
    if (value instanceof Set) return [...(value as Set<unknown>)];
    if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
    return value;
  });
}
