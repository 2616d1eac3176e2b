import { ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { LOCAL_TABLE_NAME, localPaths } from './local-paths';
import { readLocalState } from './local-state';

export interface LocalTable {
  endpoint: string;
  tableName: string;
  release(): Promise<void>;
}

/**
 * The local table for tools run beside the stack: the running `npm start`'s DynamoDB
 * Local if there is one, otherwise a short-lived DynamoDB Local on the same data
 * directory (never two JVMs on one database file).
 */
export async function openLocalTable(): Promise<LocalTable> {
  const running = readLocalState();
  if (running) {
    return {
      endpoint: running.dynamodbEndpoint,
      tableName: running.tableName,
      release: async () => undefined,
    };
  }
  const ddb = await startDynamoDbLocal({ dataDir: localPaths().dynamodb });
  try {
    await ensureTable(ddb.endpoint, LOCAL_TABLE_NAME);
  } catch (err) {
    await ddb.stop();
    throw err;
  }
  return { endpoint: ddb.endpoint, tableName: LOCAL_TABLE_NAME, release: () => ddb.stop() };
}
