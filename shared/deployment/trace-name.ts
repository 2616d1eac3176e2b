import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';
import { isConditionalFailure } from '../db/conditions';
import { traceNotFound } from '../traces/trace-repository';

/**
 * Renames a trace: the deploy body's optional `name`. TraceRepository.update changes only
 * deployment fields, so the rename is its own conditional write on the same item
 * (USER#<uid> / TRACE#<id>). The deploy runs it before the deployment write, so a trace
 * that fails to deploy can at worst keep its new name, never a schedule without a record.
 */
export async function renameTrace(
  deps: RepositoryDeps,
  userId: string,
  traceId: string,
  name: string,
  now = new Date(),
): Promise<void> {
  try {
    await deps.client.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: { PK: `USER#${userId}`, SK: `TRACE#${traceId}` },
        UpdateExpression: 'SET #name = :name, updatedAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND #type = :trace',
        ExpressionAttributeNames: { '#name': 'name', '#type': 'type' },
        ExpressionAttributeValues: { ':name': name, ':now': now.toISOString(), ':trace': 'trace' },
      }),
    );
  } catch (err) {
    if (isConditionalFailure(err)) throw traceNotFound();
    throw err;
  }
}
